"""`selon watch`: read the feeds, fetch and ingest what is new, wait, again, until stopped.

Each round asks every feed with its validators (one 304 for an unchanged feed), then fetches the queue through
one `Crawl`, so the per-host delay and robots.txt hold across feeds. Stopping (Ctrl-C, SIGTERM, or `stop` set)
is clean at any point, and a kill is safe too: see `selon.fetch.crawl`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from selon.corpus.ingest import IngestOptions, IngestReport, Progress
from selon.fetch.crawl import Crawl, CrawlOptions, Discovered
from selon.store.base import Store


@dataclass
class Round:
    number: int
    discovered: list[Discovered] = field(default_factory=list)
    report: IngestReport = field(default_factory=IngestReport)


def parse_every(value: str) -> float:
    """`15m`, `90s`, `1h`, `2d` or plain seconds, as seconds."""
    text = value.strip().lower()
    units = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text and text[-1] in units else float(text)
    except ValueError:
        raise ValueError(f"{value!r} is no duration: write 15m, 90s, 1h or a number of seconds") from None
    if seconds <= 0:
        raise ValueError(f"{value!r}: the interval must be positive")
    return seconds


def watch(store: Store, sources: list[str], every: float, *, options: CrawlOptions | None = None,
          ingest_options: IngestOptions | None = None, progress: Progress | None = None,
          on_round: Callable[[Round], None] | None = None, stop: threading.Event | None = None,
          rounds: int | None = None) -> int:
    """Poll `sources` every `every` seconds until `stop` is set or `rounds` are done; returns rounds run."""
    stop = stop or threading.Event()
    done = 0
    with Crawl(store, options) as crawl:
        crawl.settle()  # what a killed run left
        while not stop.is_set():
            started = time.monotonic()
            current = Round(done + 1)
            for source in sources:
                if stop.is_set():
                    break
                current.discovered.append(crawl.discover(source))
            current.report = crawl.ingest(ingest_options, progress)
            done += 1
            if on_round is not None:
                on_round(current)
            if rounds is not None and done >= rounds:
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))
    return done

"""Stories benchmark: `python benchmarks/stories.py [--sizes 1000,10000,100000] [--measure 200]`.

A synthetic stream of stored articles (scripted analyses, no spaCy: what is measured is the store's writes):
events of 3-8 articles each, about `--per-day` articles a day, so that the date window holds about as many
articles whatever the size of the store, as in a real crawl. At each size the store reaches, `--measure`
further articles are stored with stories on and as many with stories off, alternated, and their costs per
article compared (the ratio must stay near 1 and flat as the store grows); then the story page (`Corpus.story`)
is timed on random stories, p50/p95. SQLite, and PostgreSQL when `--postgres URL` or SELON_TEST_POSTGRES_URL is
set. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from selon.corpus import Corpus, save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import fresh_postgres_schema, scripted_analysis
from selon.schema.records import Analysis
from selon.store import open_store
from selon.store.base import Store

SYLLABLES = ["ka", "ro", "mel", "vin", "tor", "sa", "lu", "ber", "dan", "mi", "gor", "el", "fa", "ny", "qu", "zan"]
FILLER = ["le", "la", "des", "une", "dans", "pour", "avec", "selon", "après", "contre", "depuis", "entre",
          "gouvernement", "habitants", "décision", "semaine", "réunion", "question", "projet", "mesure",
          "commune", "région", "conseil", "service", "travaux", "budget", "enquête", "rapport", "public"]
OUTLETS = [f"Outlet {i}" for i in range(25)]
START = date(2020, 1, 1)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


class Stream:
    """Articles of successive events, each event spread over three days around its own date."""

    def __init__(self, per_day: int, seed: int = 7) -> None:
        self.rng, self.per_day, self.count, self.events = random.Random(seed), per_day, 0, 0
        self.pending: list[Analysis] = []

    def __iter__(self) -> Iterator[Analysis]:
        return self

    def __next__(self) -> Analysis:
        if not self.pending:
            self._event()
        return self.pending.pop(0)

    def _event(self) -> None:
        rng, event = self.rng, self.events
        self.events += 1
        day = START + timedelta(days=self.count // self.per_day)
        place, person, other = _name(rng), f"{_name(rng)} {_name(rng)}", f"{_name(rng)} {_name(rng)}"
        figure = rng.randint(11, 99_999)
        for k in range(rng.randint(3, 8)):
            words = " ".join(rng.choice(FILLER) for _ in range(50))
            text = (f"À {place}, {person} a annoncé {figure} {rng.choice(FILLER)}. {words}.\n"
                    f"{person}|person|assert|{figure} {rng.choice(FILLER)} à {place}, a dit {person}\n"
                    f"des responsables|anonymous|assert|{place} {rng.choice(FILLER)} {figure}\n"
                    f"{other}|person|deny|rien à {place}\n")
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            self.pending.append(scripted_analysis(
                text, doc_id=f"e{event}-{k}", title=f"{place} : {figure} {rng.choice(FILLER)}",
                outlet=rng.choice(OUTLETS), published=published))
            self.count += 1


def _store(store: Store, analysis: Analysis, index: Syndication, stories: bool) -> float:
    started = time.perf_counter()
    save.save_analysis(store, analysis, analysis.article.id, index, place_in_story=stories)
    return time.perf_counter() - started


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"p50_ms": round(statistics.median(times) * 1000, 2),
            "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 2)}


def bench(url: str, sizes: list[int], measure: int, per_day: int, repeats: int) -> list[dict[str, object]]:
    stream, results = Stream(per_day), []
    with open_store(url) as store:
        index = Syndication.load(store)
        stored = 0
        for size in sizes:
            started = time.perf_counter()
            while stored < size:
                _store(store, next(stream), index, True)
                stored += 1
            fill_s = time.perf_counter() - started
            on, off = [], []
            for k in range(2 * measure):
                (on if k % 2 == 0 else off).append(_store(store, next(stream), index, k % 2 == 0))
            stored += 2 * measure
            ids = [int(s) for (s,) in store.query("SELECT DISTINCT story_id FROM story_articles")]
            rng = random.Random(size)
            with Corpus(url) as corpus:
                pages = []
                for _ in range(repeats):
                    chosen = rng.choice(ids)
                    begun = time.perf_counter()
                    corpus.story(chosen)
                    pages.append(time.perf_counter() - begun)
            results.append({
                "articles": size, "stories": len(ids), "fill_s": round(fill_s, 1),
                "store_ms_stories_on": round(statistics.median(on) * 1000, 3),
                "store_ms_stories_off": round(statistics.median(off) * 1000, 3),
                "on_over_off": round(statistics.median(on) / statistics.median(off), 3),
                "story_page": _percentiles(pages),
            })
            print(json.dumps(results[-1]), file=sys.stderr)
    return results


@contextmanager
def _sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="selon-stories-") as folder:
        yield str(Path(folder) / "stories.db")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="store sizes (articles), comma-separated, rising")
    parser.add_argument("--measure", type=int, default=200, help="articles timed with stories on (and as many off)")
    parser.add_argument("--per-day", type=int, default=100, help="articles published per day in the stream")
    parser.add_argument("--repeats", type=int, default=50, help="story pages timed at each size")
    parser.add_argument("--postgres", default=os.environ.get("SELON_TEST_POSTGRES_URL"))
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, object] = {"per_day": args.per_day, "measure": args.measure}
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with _sqlite() as url:
            report["sqlite"] = bench(url, sizes, args.measure, args.per_day, args.repeats)
    if "postgresql" in backends and args.postgres:
        with fresh_postgres_schema(args.postgres) as url:
            report["postgresql"] = bench(url, sizes, args.measure, args.per_day, args.repeats)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The fetching side of the command line: the options every fetch shares, `selon ingest --feed/--sitemap/URL`,
and `selon watch FEEDS.txt --every 15m`.

A feed or sitemap that cannot be read is reported and the others go on; an article that cannot be fetched is
recorded as failed with its code (see `selon failures`), like any input. Ctrl-C (or SIGTERM) stops a watch
between two steps, prints what it did and exits 0; a kill loses nothing (see `selon.fetch.crawl`).
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from selon.cli.console import labelled
from selon.cli.corpus import DbOption, err, reported
from selon.corpus.ingest import IngestOptions
from selon.fetch import is_url
from selon.fetch.client import DEFAULT_USER_AGENT, FetchOptions

if TYPE_CHECKING:
    from selon.cli.corpus_ingest import SummaryFormat

TimeoutOption = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds one fetch may take, all "
                                                                         "of it.")]
MaxBytesOption = Annotated[int, typer.Option("--max-bytes", min=1024, help="Largest page fetched, in bytes "
                                                                          "(decompressed).")]
RedirectsOption = Annotated[int, typer.Option("--max-redirects", min=0, help="Redirects followed, at most.")]
UserAgentOption = Annotated[str, typer.Option("--user-agent", help="User-Agent sent with every request.")]
DelayOption = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")]

DEFAULTS = FetchOptions()
__all__ = ["DEFAULTS", "DEFAULT_USER_AGENT", "fetch_options", "ingest_fetched", "is_url", "register"]


def fetch_options(timeout: float = DEFAULTS.timeout, max_bytes: int = DEFAULTS.max_bytes,
                  max_redirects: int = DEFAULTS.max_redirects, user_agent: str = DEFAULT_USER_AGENT,
                  delay: float = DEFAULTS.delay) -> FetchOptions:
    return FetchOptions(timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects,
                        user_agent=user_agent, delay=delay)


def ingest_fetched(db: str | None, urls: list[str], feeds: list[str], sitemaps: list[str], options: FetchOptions,
                   ingest_options: IngestOptions, keep_html: bool,
                   format: SummaryFormat | None = None) -> None:
    """`selon ingest URL… --feed F --sitemap S`: queue their links, fetch, analyse, store, summarise."""
    from selon.cli.corpus_ingest import SummaryFormat, progress_bar, summarise
    from selon.corpus import Corpus
    from selon.fetch.crawl import Crawl, CrawlOptions

    with reported(), Corpus(db) as corpus, Crawl(corpus.store, CrawlOptions(options, keep_html)) as crawl:
        crawl.settle()
        if urls:
            crawl.add_urls(urls)
        for source in [*feeds, *sitemaps]:
            _said(crawl.discover(source))
        with progress_bar("fetching") as update:
            report = crawl.ingest(ingest_options, update)
    summarise(report, format or SummaryFormat.text)


def _said(found: object) -> None:
    from selon.fetch.crawl import Discovered

    assert isinstance(found, Discovered)
    if found.error is not None:
        err.print(labelled(f"selon: {found.source}:", "red", str(found.error)))
    elif found.not_modified:
        err.print(f"selon: {found.source}: not modified since the last visit.", highlight=False)
    else:
        err.print(f"selon: {found.source}: {found.found} links, {found.queued} new.", highlight=False)


def _stop_on_sigterm(stop: threading.Event) -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def register(app: typer.Typer) -> None:
    @app.command()
    def watch(
        feeds: Annotated[str, typer.Argument(help="A text file: one feed or sitemap URL (or feed file) a line.")],
        every: Annotated[str, typer.Option(help="Time between two visits of the feeds: 15m, 90s, 1h.")] = "15m",
        db: DbOption = None,
        keep_html: Annotated[bool, typer.Option("--keep-html", help="Keep each article's original HTML.")] = False,
        delay: DelayOption = DEFAULTS.delay,
        user_agent: UserAgentOption = DEFAULT_USER_AGENT,
        timeout: TimeoutOption = DEFAULTS.timeout,
        max_bytes: MaxBytesOption = DEFAULTS.max_bytes,
        lang: Annotated[str | None, typer.Option(help="Language of the articles; detected otherwise.")] = None,
        rounds: Annotated[int | None, typer.Option(min=1, help="Stop after this many visits (default: never).")]
        = None,
    ) -> None:
        """Poll feeds and sitemaps until stopped, ingesting every new article (Ctrl-C stops cleanly)."""
        from selon.cli.corpus_ingest import progress_bar
        from selon.corpus import Corpus
        from selon.fetch.crawl import CrawlOptions, read_source_list
        from selon.fetch.watch import Round, parse_every
        from selon.fetch.watch import watch as run_watch

        try:
            seconds = parse_every(every)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="'--every'") from None
        options = CrawlOptions(fetch_options(timeout, max_bytes, DEFAULTS.max_redirects, user_agent, delay),
                               keep_html)
        stop = threading.Event()
        _stop_on_sigterm(stop)
        totals = {"stored": 0, "failed": 0, "rounds": 0}

        def said(current: Round) -> None:
            for found in current.discovered:
                _said(found)
            r = current.report
            totals["stored"] += r.stored
            totals["failed"] += r.failed
            totals["rounds"] = current.number
            for failure in r.failures[:20]:
                err.print(labelled("selon: failed:", "red", failure))
            typer.echo(f"round {current.number}: {r.stored} stored, {r.duplicates} duplicates, {r.failed} failed, "
                       f"{r.skipped} already done.")

        with reported():
            sources = read_source_list(feeds)
            if not sources:
                raise typer.BadParameter(f"{feeds} names no feed.", param_hint="'FEEDS'")
            try:
                with Corpus(db) as corpus, progress_bar("fetching") as update:
                    run_watch(corpus.store, sources, seconds, options=options,
                              ingest_options=IngestOptions(lang=lang), progress=update, on_round=said,
                              stop=stop, rounds=rounds)
            except KeyboardInterrupt:
                err.print("selon: watch stopped; what was fetched and stored stays, and the next watch resumes.")
        typer.echo(f"{totals['stored']} stored, {totals['failed']} failed in {totals['rounds']} rounds.")

"""`selon ingest` and `selon load`: filling a store, with a progress bar in articles per second.

The summary goes to stdout (`--format json` for scripts); the exit status is 0 when nothing failed and
`exits.PARTIAL` when some inputs were recorded as failed (see `selon failures`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn
from rich.text import Text

from selon.cli import exits, fetch_cmd
from selon.cli.analyze_cmd import parse_models
from selon.cli.console import labelled
from selon.cli.corpus import DbOption, Engine, err, reported
from selon.corpus.ingest import IngestOptions, IngestReport


class SummaryFormat(str, Enum):
    text = "text"
    json = "json"


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0.0:.1f} articles/s", style="progress.data.speed")


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[IngestReport], None]]:
    columns = (SpinnerColumn(), TextColumn(label), TextColumn("{task.completed:>6.0f} articles"), RateColumn(),
               TextColumn("[green]{task.fields[stored]} stored[/] {task.fields[duplicates]} duplicates "
                          "[red]{task.fields[failed]} failed[/] {task.fields[skipped]} already done"))
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=None, stored=0, duplicates=0, failed=0, skipped=0)

        def update(report: IngestReport) -> None:
            bar.update(task, completed=report.processed, stored=report.stored, duplicates=report.duplicates,
                       failed=report.failed, skipped=report.skipped)

        yield update


def summarise(report: IngestReport, format: SummaryFormat) -> None:
    try:
        _summarise(report, format)
    except BrokenPipeError:  # `selon ingest … | head -0`: what was stored stays, and nothing more to say
        raise exits.output_closed() from None
    if report.failed:
        raise typer.Exit(exits.PARTIAL)


def _ignored_lines(ignored: list[str]) -> None:
    for line in ignored[:20]:
        err.print(f"selon: ignored: {line}", highlight=False)
    if len(ignored) > 20:
        err.print(f"selon: … and {len(ignored) - 20} more ignored (see `--format json`).")


def _summarise(report: IngestReport, format: SummaryFormat) -> None:
    if format == SummaryFormat.json:
        sys.stdout.write(json.dumps(report.to_dict()) + "\n")
    else:
        for failure in report.failures[:20]:
            err.print(labelled("selon: failed:", "red", str(failure)))
        if len(report.failures) > 20:
            err.print(f"selon: … and {len(report.failures) - 20} more (see `selon failures`).")
        _ignored_lines(report.ignored)
        ignored = f", {len(report.ignored)} ignored" if report.ignored else ""
        typer.echo(f"{report.stored} stored, {report.duplicates} duplicates, {report.failed} failed, "
                   f"{report.skipped} already done{ignored} in {report.seconds:.1f}s ({report.rate:.1f} articles/s).")


def register(app: typer.Typer) -> None:
    fetch_cmd.register(app)  # `selon watch`

    @app.command()
    def ingest(
        paths: Annotated[list[str] | None, typer.Argument(help="Folders of .txt/.html, JSONL or WARC files.")] = None,
        db: DbOption = None,
        workers: Annotated[int, typer.Option(min=1, help="Processes running the spaCy pipeline.")] = 1,
        retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Retry inputs recorded as failed.")] = False,
        lang: Annotated[str | None, typer.Option(help="Language of records that do not say; detected otherwise.")] = None,
        model: Annotated[list[str] | None, typer.Option(help="spaCy model: NAME, or LANG=NAME; repeatable.")] = None,
        engine: Annotated[Engine, typer.Option(help="local, or dask (writes Parquet for `selon load`).")] = Engine.local,
        scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (with --engine dask); without "
                                                           "it, a local cluster of --workers processes.")] = None,
        output: Annotated[str, typer.Option(help="Folder of Parquet partitions (with --engine dask).")] = "selon-partitions",
        format: Annotated[SummaryFormat, typer.Option("--format", "-f", help="Summary as text or json.")] = SummaryFormat.text,
        feed: Annotated[list[str] | None, typer.Option("--feed", help="An RSS or Atom feed (URL or file) whose "
                                                                       "articles to fetch; repeatable.")] = None,
        sitemap: Annotated[list[str] | None, typer.Option("--sitemap", help="A sitemap (urlset or index, gzipped "
                                                                             "or not) to fetch; repeatable.")] = None,
        keep_html: Annotated[bool, typer.Option("--keep-html", help="Keep fetched articles' original HTML.")] = False,
        delay: fetch_cmd.DelayOption = fetch_cmd.DEFAULTS.delay,
        user_agent: fetch_cmd.UserAgentOption = fetch_cmd.DEFAULT_USER_AGENT,
        timeout: fetch_cmd.TimeoutOption = fetch_cmd.DEFAULTS.timeout,
        max_bytes: fetch_cmd.MaxBytesOption = fetch_cmd.DEFAULTS.max_bytes,
    ) -> None:
        """Analyse articles and store every attribution; re-running skips what is stored, failures are recorded.

        PATHS may also be article URLs, and --feed/--sitemap name feeds and sitemaps whose articles are fetched."""
        models = parse_models(model) or None
        urls = [p for p in paths or [] if fetch_cmd.is_url(p)]
        if urls or feed or sitemap:
            if len(urls) != len(paths or []):
                raise typer.BadParameter("give files or URLs and feeds, not both in one ingest.")
            fetch_cmd.ingest_fetched(db, urls, feed or [], sitemap or [], fetch_cmd.fetch_options(
                timeout, max_bytes, fetch_cmd.DEFAULTS.max_redirects, user_agent, delay),
                IngestOptions(workers=workers, retry_failed=retry_failed, lang=lang, models=models), keep_html,
                format)
            return
        with reported():
            if engine == Engine.dask:
                _ingest_dask(paths or [], scheduler, workers, output, lang, models, format)
                return
            if not paths and not retry_failed:
                raise typer.BadParameter("give PATHS to ingest, or --retry-failed.")
            from selon.corpus import Corpus

            with Corpus(db) as corpus, progress_bar("ingesting") as update:
                report = corpus.ingest(paths or [], workers=workers, retry_failed=retry_failed, lang=lang,
                                       models=models, progress=update)
        summarise(report, format)

    @app.command()
    def load(
        folder: Annotated[str, typer.Argument(help="Folder of Parquet partitions from `selon ingest --engine dask`.")],
        db: DbOption = None,
        format: Annotated[SummaryFormat, typer.Option("--format", "-f", help="Summary as text or json.")] = SummaryFormat.text,
    ) -> None:
        """Bring Parquet partitions of a distributed ingest into the store (idempotent)."""
        from selon.scale.load import load as load_partitions
        from selon.store import open_store

        with reported(), open_store(db) as store, progress_bar("loading") as update:
            report = load_partitions(store, folder, progress=update)
        summarise(report, format)


def _ingest_dask(paths: list[str], scheduler: str | None, workers: int, output: str, lang: str | None,
                 models: dict[str, str] | None, format: SummaryFormat) -> None:
    if not paths:
        raise typer.BadParameter("give PATHS to ingest.", param_hint="'PATHS'")
    from selon.scale.dask_engine import run

    report = run(paths, scheduler or None, output, workers=workers, lang=lang, models=models)
    summary = {"tasks": report.tasks, "skipped_tasks": report.skipped, "rows": report.rows,
               "failed": report.failed, "ignored": len(report.ignored), "ignored_inputs": report.ignored,
               "seconds": round(report.seconds, 3), "output": output}
    try:
        if format == SummaryFormat.json:
            sys.stdout.write(json.dumps(summary) + "\n")
        else:
            _ignored_lines(report.ignored)
            ignored = f", {len(report.ignored)} ignored" if report.ignored else ""
            typer.echo(f"{report.rows} inputs analysed in {report.tasks - report.skipped} tasks "
                       f"({report.skipped} already written{ignored}) into {output}; run `selon load {output}`.")
    except BrokenPipeError:
        raise exits.output_closed() from None

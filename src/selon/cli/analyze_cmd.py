"""`selon analyze` and `selon languages`: from article files to reports or `selon/1` JSON.

Bad inputs never stop a batch: each is reported on stderr with its code and hint, the others are printed in input
order, and the exit status says what happened (see `selon.cli.exits`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console

from selon.cli import exits, fetch_cmd
from selon.cli.console import console, labelled
from selon.errors import SelonError
from selon.fetch import Fetcher, FetchOptions, is_url, prepare_url
from selon.ingest.prepare import ArticleInput, prepare
from selon.ingest.reader import read_path
from selon.pipeline import Failure, analyze_many
from selon.schema.records import Analysis


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def parse_models(values: list[str] | None) -> dict[str, str]:
    """`--model NAME` applies to every language; `--model en=NAME` to one."""
    models: dict[str, str] = {}
    for value in values or []:
        lang, sep, name = value.partition("=")
        if sep:
            models[lang] = name
        else:
            models["*"] = value
    return models


def _prepared(paths: list[str], fetch: FetchOptions | None = None,
              **options: str | None) -> Iterator[ArticleInput | Failure]:
    fetcher: Fetcher | None = None
    try:
        for path in paths:
            try:
                if is_url(path):  # fetched, one connection pool for the batch (selon.fetch)
                    fetcher = fetcher or Fetcher(fetch)
                    yield prepare_url(path, fetcher=fetcher, **options)  # type: ignore[arg-type]
                    continue
                name, data = read_path(path)
                yield prepare(data, name=name, **options)  # type: ignore[arg-type]
            except SelonError as error:
                yield Failure(path, error)
    finally:
        if fetcher is not None:
            fetcher.close()


def _progress(items: list[ArticleInput | Failure], results: Iterator[Analysis | Failure], err: Console,
              enabled: bool) -> Iterator[Analysis | Failure]:
    if not enabled:
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("analyse", total=len(items))
        for result in results:
            progress.advance(task)
            yield result


def register(app: typer.Typer) -> None:
    @app.command()
    @exits.reported
    def analyze(
        paths: Annotated[list[str], typer.Argument(help="Text or HTML files, or http(s) URLs; - reads standard "
                                                        "input.")],
        lang: Annotated[str | None, typer.Option(help="Language code (fr, en); detected when absent.")] = None,
        published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
        title: Annotated[str | None, typer.Option(help="Article title.")] = None,
        url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Outlet that published it.")] = None,
        format: Annotated[Format, typer.Option("--format", "-f", help="text report, one JSON object, or JSON lines.")] = Format.text,
        model: Annotated[list[str] | None, typer.Option(help="spaCy model: NAME, or LANG=NAME; repeatable.")] = None,
        workers: Annotated[int, typer.Option(min=1, help="Processes running the spaCy pipeline.")] = 1,
        explain: Annotated[bool, typer.Option("--explain", help="Say why each statement got its source and kind, "
                                                              "and each person their gender.")] = False,
        gender_overrides: Annotated[str | None, typer.Option(
            "--gender-overrides", metavar="FILE", envvar="SELON_GENDER_OVERRIDES",
            help="TSV of name<TAB>female|male|unknown that wins over inferred genders.")] = None,
        timeout: fetch_cmd.TimeoutOption = fetch_cmd.DEFAULTS.timeout,
        max_bytes: fetch_cmd.MaxBytesOption = fetch_cmd.DEFAULTS.max_bytes,
        max_redirects: fetch_cmd.RedirectsOption = fetch_cmd.DEFAULTS.max_redirects,
        user_agent: fetch_cmd.UserAgentOption = fetch_cmd.DEFAULT_USER_AGENT,
    ) -> None:
        """Find every attribution in articles: who said what, with which stance."""
        out = console(soft_wrap=format != Format.text)
        err = console(stderr=True, soft_wrap=True)
        models = parse_models(model)
        fetch = fetch_cmd.fetch_options(timeout, max_bytes, max_redirects, user_agent)
        items = list(_prepared(paths, fetch, lang=lang, published=published, title=title, url=url, outlet=outlet))
        languages = {i.lang for i in items if isinstance(i, ArticleInput)}
        per_language = {code: models.get(code) or models.get("*", "") for code in languages}
        results = analyze_many(items, n_process=workers, models={k: v for k, v in per_language.items() if v},
                               gender_overrides=gender_overrides)
        failures: list[Failure] = []
        collected: list[dict[str, object]] = []
        for name, result in zip(paths, _progress(items, results, err, len(items) > 1)):
            if isinstance(result, Failure):
                failures.append(result)
                err.print(labelled(f"selon: {result.name}:", "red", result.message))
                continue
            for warning in result.warnings:
                err.print(labelled(f"selon: {name}: warning:", "yellow", warning))
            if format == Format.text:
                from selon.cli.render import report

                out.print(report(result, name, explain=explain))
            elif format == Format.jsonl:  # `input` says which input a line is, since failed ones have none
                sys.stdout.write(json.dumps({**result.to_dict(), "input": name}, ensure_ascii=False) + "\n")
            else:
                collected.append(result.to_dict())
        if format == Format.json and collected:
            payload: object = collected[0] if len(paths) == 1 else collected
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()
        if failures:
            raise typer.Exit(failures[0].error.exit_status if len(items) == 1 else exits.PARTIAL)

    @app.command()
    def languages() -> None:
        """List the languages selon can analyse, with their default spaCy model."""
        from selon.lang import available_languages, load
        from selon.nlp.models import model_name

        for code in available_languages():
            typer.echo(f"{code}\t{load(code).name}\t{model_name(code)}")


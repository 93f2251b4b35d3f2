"""Corpus commands: `selon init|ingest|load|sources|quotes|search|article|stats|export|failures` (and, from
their own modules, the story commands and `selon parity`).

Each is a thin wrapper around `selon.corpus.Corpus`. The query commands open the store read-only: they never
create or migrate one (a mistyped `--db` says there is no store there). Errors become a message on stderr and
the exit status of their class (`selon.cli.exits`), never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import click
import typer
from rich.text import Text

from selon.cli import exits
from selon.cli.console import console, labelled
from selon.cli.rows import QueryFormat, emit
from selon.errors import SelonError
from selon.store.rows import FailureRecord, Filters, Quote, SearchHit, SpeakerCount, Stats

DbOption = Annotated[str | None, typer.Option("--db", help="selon.db (default), a path, sqlite:///PATH or "
                                                              "postgresql://USER:PASSWORD@HOST/DB.")]
FormatOption = Annotated[QueryFormat, typer.Option("--format", "-f", help="text, json or csv.")]
Limit = Annotated[int, typer.Option(min=1, help="Most rows to print.")]


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    webannotation = "webannotation"
    labelstudio = "labelstudio"
    claimreview = "claimreview"


err = console(stderr=True)


@contextmanager
def reported() -> Iterator[None]:
    """Our errors as one line on stderr with their exit status; anything else as an internal error."""
    try:
        yield
    except SelonError as error:
        err.print(labelled("selon:", "red", str(error)))
        raise typer.Exit(exits.status_of(error)) from None
    except (typer.Exit, KeyboardInterrupt, click.ClickException, typer.BadParameter):
        raise  # click (or typer's copy of it) reports a usage error itself, with exit status 2
    except BrokenPipeError:
        raise exits.output_closed() from None
    except Exception as error:  # noqa: BLE001 - the edge: a message, never a traceback
        ours = exits.as_ours(error)
        if ours is not None:
            err.print(labelled("selon:", "red", str(ours)))
            raise typer.Exit(exits.status_of(ours)) from None
        err.print(labelled("selon: internal error:", "red", f"{type(error).__name__}: {error}"))
        raise typer.Exit(exits.INTERNAL) from None


def checked(filters: Filters) -> Filters:
    """The filters, or a usage error (exit 2) naming the option, by the rule the web API applies
    (`Filters.problems`): `--since 2024-13-01` or `--stance bogus` could only match nothing."""
    for name, problem in filters.problems():
        raise typer.BadParameter(problem, param_hint=f"'--{name}'")
    return filters


def register(app: typer.Typer) -> None:
    from selon.cli import corpus_ingest

    corpus_ingest.register(app)
    from selon.cli import stories_cmd

    stories_cmd.register(app)
    from selon.cli import parity_cmd

    parity_cmd.register(app)

    @app.command()
    def sources(
        db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 50,
        outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
        since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
        kind: Annotated[str | None, typer.Option(help="person, anonymous, organization, document, media.")] = None,
        lang: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
        stance: Annotated[str | None, typer.Option(help="assert, deny, acknowledge, decline, no_response.")] = None,
    ) -> None:
        """Speakers ranked by statements (syndicated copies counted once), with their outlets."""
        from selon.corpus import Corpus

        checked(Filters(outlet, since, until, kind, lang, stance))
        with reported(), Corpus(db, mode="read") as corpus:
            rows = corpus.sources(outlet=outlet, since=since, until=until, kind=kind, lang=lang, stance=stance,
                                  limit=limit)
            emit(rows, SpeakerCount, format, title="Sources")

    @app.command()
    def quotes(
        source: Annotated[str, typer.Option("--source", "-s", help="A name (any case or accents), a surname or an id.")],
        db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 100,
        outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
        since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
        stance: Annotated[str | None, typer.Option(help="assert, deny, acknowledge, decline, no_response.")] = None,
    ) -> None:
        """Everything a source said, with article, outlet and date."""
        from selon.corpus import Corpus

        checked(Filters(outlet=outlet, since=since, until=until, stance=stance))
        with reported(), Corpus(db, mode="read") as corpus:
            rows = corpus.quotes(source, outlet=outlet, since=since, until=until, stance=stance, limit=limit)
            if not rows and format == QueryFormat.text:
                err.print(f"selon: no statement by a source named {source!r}.")
            emit(rows, Quote, format, title=f"Quotes of {source}",
                 columns=["published", "outlet", "source", "stance", "type", "content", "article_id"])

    @app.command()
    def search(
        query: Annotated[str, typer.Argument(help="Words to find in statements and articles.")],
        db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 20,
    ) -> None:
        """Full-text search over statements' contents, then articles."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            emit(corpus.search(query, limit=limit), SearchHit, format, title=f"Search: {query}")

    @app.command()
    def article(
        article_id: Annotated[str, typer.Argument(metavar="ID", help="The stored article's id.")],
        db: DbOption = None, format: FormatOption = QueryFormat.text,
    ) -> None:
        """The analysis report of one stored article (json: its selon/1 object)."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            analysis = corpus.article(article_id)
            if format == QueryFormat.json:
                sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
            elif format == QueryFormat.csv:
                quotes = [q for q in corpus.iter_quotes() if q.article_id == article_id]
                emit(quotes, Quote, format)
            else:
                from selon.cli.render import report

                console().print(report(analysis, article_id))

    @app.command()
    def stats(db: DbOption = None, format: FormatOption = QueryFormat.text) -> None:
        """Totals, and per outlet: articles, attributions, anonymous share, declines, denials."""
        from selon.corpus import Corpus
        from selon.store.rows import OutletStats

        with reported(), Corpus(db, mode="read") as corpus:
            figures: Stats = corpus.stats()
            if format == QueryFormat.text:
                totals = {k: v for k, v in figures.to_dict().items() if k != "outlets"}
                console().print(Text("  ").join(Text.assemble(f"{k}: ", (str(v), "bold"))
                                                for k, v in totals.items()))
            emit(figures.outlets, OutletStats, format, title="Per outlet", payload=figures.to_dict())

    @app.command()
    def export(
        format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
        output: Annotated[str | None, typer.Option("--output", "-o", help="File to write; - is stdout.")] = "-",
        db: DbOption = None,
        raw: Annotated[bool, typer.Option("--raw", help="CSV cells as stored, even those a spreadsheet would run "
                                                         "as formulas (=, +, -, @), which otherwise get a '.")] = False,
    ) -> None:
        """Every attribution with its article's metadata: jsonl, csv, parquet, W3C Web Annotation, Label Studio;
        or every claim of every story as schema.org ClaimReview JSON-LD (claimreview)."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            if output in (None, "-"):
                count = corpus.export(format.value, sys.stdout.buffer, raw=raw)
                sys.stdout.buffer.flush()
            else:
                with open(output, "wb") as handle:
                    count = corpus.export(format.value, handle, raw=raw)
            err.print(f"selon: exported {count} records ({format.value}).")

    @app.command()
    def init(db: DbOption = None) -> None:
        """Create an empty store (or bring an older one up to date); on PostgreSQL, also beside other tables."""
        from selon.store import open_store

        with reported(), open_store(db, mode="init") as store:
            version = store.scalar("SELECT max(version) FROM schema_migrations")
            typer.echo(f"selon store ready at {store.location} (schema version {version}).")

    @app.command()
    def failures(db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 1000) -> None:
        """Inputs recorded as failed, with their reasons (retry with `selon ingest --retry-failed`)."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            emit(corpus.failures()[:limit], FailureRecord, format, title="Failures")

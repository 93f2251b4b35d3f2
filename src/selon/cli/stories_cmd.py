"""Story commands: `selon stories` (ranked, or `--rebuild`), `selon story ID` (its claims), `selon claims`.

JSON output is the schema `selon-story/1` (see the README); text and CSV show the same rows as tables.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.text import Text

from selon.cli.console import console
from selon.cli.corpus import DbOption, FormatOption, Limit, checked, err, reported
from selon.cli.rows import QueryFormat, emit
from selon.store.rows import Filters


def _json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    from selon.corpus.story_queries import SCHEMA, ClaimRow, StorySummary

    @app.command()
    def stories(
        db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 50,
        outlet: Annotated[str | None, typer.Option(help="Only stories this outlet carried.")] = None,
        since: Annotated[str | None, typer.Option(help="Only stories with an article on or after YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Only stories with an article on or before YYYY-MM-DD.")] = None,
        lang: Annotated[str | None, typer.Option(help="Only stories with an article in this language.")] = None,
        rebuild: Annotated[bool, typer.Option("--rebuild", help="Cluster every stored article again, from "
                                                               "scratch, in storage order.")] = False,
        window: Annotated[float | None, typer.Option(min=0, help="With --rebuild: the date window in days "
                                                              "(default 3), kept for later ingests.")] = None,
        threshold: Annotated[float | None, typer.Option(min=0, max=1, help="With --rebuild: the similarity an "
                                                        "article needs to join a story (default 0.25).")] = None,
    ) -> None:
        """Stories (articles about one event), ranked by articles, with their outlets, languages and claims."""
        from selon.corpus import Corpus

        if (window is not None or threshold is not None) and not rebuild:
            raise typer.BadParameter("--window and --threshold only go with --rebuild.", param_hint="'--rebuild'")
        checked(Filters(outlet=outlet, since=since, until=until, lang=lang))
        if rebuild:
            with reported(), Corpus(db) as corpus:
                count = corpus.rebuild_stories(window_days=window, threshold=threshold)
                err.print(f"selon: {count} stories rebuilt.")
        with reported(), Corpus(db, mode="read") as corpus:
            rows = corpus.stories(outlet=outlet, since=since, until=until, lang=lang, limit=limit)
            emit(rows, StorySummary, format, title="Stories",
                 payload={"schema": SCHEMA, "stories": [r.to_dict() for r in rows]})

    @app.command()
    def story(
        story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id (see `selon stories`).")],
        db: DbOption = None, format: FormatOption = QueryFormat.text,
    ) -> None:
        """One story's claims: appearances, independent origins, anonymous-only, denials."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            document = corpus.story(story_id)
            if format == QueryFormat.json:
                _json(document)
                return
            rows = corpus.claims(story=story_id, limit=10_000)
            if format == QueryFormat.text:
                summary = document["story"]
                console().print(Text.assemble(
                    (f"Story {summary['id']}: ", "bold"), summary["title"] or "(no title)",
                    f"  {summary['articles']} articles, {len(summary['outlets'])} outlets, "
                    f"{'/'.join(summary['languages'])}, first {summary['first_published'] or 'undated'}"))
                if summary["undated"]:
                    console().print(f"{summary['undated']} article(s) without a date are placed by their ingest day.")
            emit(rows, ClaimRow, format, title="Claims",
                 columns=["claim", "text", "appearances", "independent_origins", "anonymous_only",
                          "first_appearance", "denials"])

    @app.command()
    def claims(
        source: Annotated[str, typer.Option("--source", "-s", help="A name (any case or accents), a surname or an id.")],
        db: DbOption = None, format: FormatOption = QueryFormat.text, limit: Limit = 100,
    ) -> None:
        """The claims, in every story, that a source made, denied or declined to comment on."""
        from selon.corpus import Corpus

        with reported(), Corpus(db, mode="read") as corpus:
            rows = corpus.claims(source=source, limit=limit)
            if not rows and format == QueryFormat.text:
                err.print(f"selon: no claim by a source named {source!r}.")
            emit(rows, ClaimRow, format, title=f"Claims of {source}",
                 payload={"schema": SCHEMA, "claims": [r.to_dict() for r in rows]})

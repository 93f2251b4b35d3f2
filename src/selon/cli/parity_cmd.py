"""`selon parity`: women's share among named speakers and their statements, per outlet, month or role.

JSON output is the schema `selon-parity/1` (see the README); CSV has one line per group with every count; the
text table shows the same counts with the shares as percentages, and says what the share is.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from selon.cli.console import console
from selon.cli.corpus import DbOption, FormatOption, checked, reported
from selon.cli.rows import QueryFormat, emit
from selon.store.rows import Filters


class Breakdown(str, Enum):
    outlet = "outlet"
    month = "month"
    role = "role"


#: How a group with no value is named in the text table: articles without an outlet or a date.
BLANK = {"outlet": "(no outlet)", "month": "(undated)", "role": "(none)"}


def document(rows: list[Any], total: Any, by: tuple[str, ...], filters: Filters) -> dict[str, Any]:
    """The `selon-parity/1` document: what it counts, the filters, the total and one row per group."""
    from selon.corpus.parity import SCHEMA, SHARE_RULE

    return {"schema": SCHEMA, "by": list(by), "share": SHARE_RULE,
            "filters": {"outlet": filters.outlet, "since": filters.since, "until": filters.until,
                        "lang": filters.lang},
            "total": total.to_dict(), "rows": [r.to_dict() for r in rows]}


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _table(rows: list[Any], total: Any, by: tuple[str, ...]) -> Table:
    table = Table(title=Text("Women among named people quoted"), title_justify="left",
                  caption=Text("W / M / ?: women, men, unknown"), caption_justify="left")
    for name in by:
        table.add_column(name.capitalize(), overflow="fold", min_width=10, max_width=32)
    for name in ("Speakers", "W / M / ?", "Women %", "Statements", "W / M / ?", "Women %"):
        table.add_column(name, justify="right", no_wrap=True)
    for row in [*rows, total] if by else [total]:
        label = [Text(str(getattr(row, b) or BLANK[b])) for b in by] if row is not total else \
            [Text("all", style="bold"), *(Text("") for _ in by[1:])][:len(by)]
        table.add_row(*label, Text(str(row.speakers)),
                      Text(f"{row.speakers_female} / {row.speakers_male} / {row.speakers_unknown}"),
                      Text(_percent(row.speakers_share), style="bold"), Text(str(row.statements)),
                      Text(f"{row.statements_female} / {row.statements_male} / {row.statements_unknown}"),
                      Text(_percent(row.statements_share), style="bold"))
    return table


def register(app: typer.Typer) -> None:
    @app.command()
    def parity(
        db: DbOption = None, format: FormatOption = QueryFormat.text,
        outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
        since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
        until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
        lang: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
        by: Annotated[list[Breakdown] | None, typer.Option(
            "--by", help="A figure per outlet, month or role category; repeat to combine (--by outlet --by month).")
        ] = None,
    ) -> None:
        """Women's share among named people quoted and among their statements; unknown genders counted apart
        (share = female / (female + male)). Gender is inferred from the text and from first names."""
        from selon.corpus import Corpus
        from selon.corpus.parity import ParityRow

        filters = checked(Filters(outlet=outlet, since=since, until=until, lang=lang))
        breakdown = tuple(dict.fromkeys(b.value for b in by or ()))
        with reported(), Corpus(db, mode="read") as corpus:
            options: dict[str, Any] = {"outlet": outlet, "since": since, "until": until, "lang": lang}
            [total] = corpus.parity(**options)
            rows = corpus.parity(**options, by=breakdown) if breakdown else []
            if format == QueryFormat.json:
                sys.stdout.write(json.dumps(document(rows, total, breakdown, filters), ensure_ascii=False,
                                            indent=2) + "\n")
            elif format == QueryFormat.csv:
                emit(rows if breakdown else [total], ParityRow, format)
            else:
                console().print(_table(rows, total, breakdown))
                console().print(Text("Share = women / (women + men) among those whose gender is known; unknown "
                                     "genders are counted apart. Gender is inferred from the text and from first "
                                     "names.", style="dim"))

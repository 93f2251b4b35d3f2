"""Query rows on standard output as a text table, a JSON document or CSV: one renderer for every corpus query."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any

from rich.table import Table
from rich.text import Text

from selon.cli.console import console
from selon.corpus.export import spreadsheet_safe
from selon.store.rows import Row


class QueryFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return " ".join(str(value).split())


def emit(rows: Sequence[Row], kind: type[Row], format: QueryFormat, *, title: str | None = None,
         columns: Sequence[str] | None = None, payload: Any = None) -> None:
    """Prints rows; `payload` replaces the JSON document (e.g. stats' totals around the rows)."""
    names = list(columns or kind.columns())
    if format == QueryFormat.json:
        document = payload if payload is not None else [r.to_dict() for r in rows]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif format == QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(kind.columns())
        for row in rows:
            writer.writerow(spreadsheet_safe(_cell(v) if isinstance(v, (list, tuple)) else ("" if v is None else v))
                            for v in row.to_dict().values())
    else:
        table = Table(title=Text(title) if title else None, title_justify="left")
        for name in names:
            table.add_column(name, overflow="fold", max_width=80)
        for row in rows:
            data = row.to_dict()
            table.add_row(*(Text(_cell(data[name])) for name in names))  # data, never markup
        console().print(table)
    sys.stdout.flush()

"""The parity page's data, which is also its JSON twin (`/api/corpus/parity`), and the statements page's.

Three breakdowns of the store's figures (`Corpus.parity`): per outlet, per outlet and month (the lines, for
the outlets with most statements), per role category; every row carries the links to the statements behind
its women, men and unknowns (`/corpus/statements?gender=…&outlet=…&since=…&until=…`), so the pictures link to
exactly what the API counts.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from selon.corpus import Corpus
from selon.corpus.parity import SCHEMA, SHARE_RULE, ParityRow, problems
from selon.errors import InvalidRequestError
from selon.store.rows import Filters
from selon.store.traits import GENDERS
from selon.web.corpus_views import source_filters

#: The lines over time: one per outlet, for this many outlets with the most statements.
LINE_OUTLETS = 6


def _month_bounds(month: str) -> tuple[str, str]:
    year, number = (int(part) for part in month.split("-"))
    return f"{month}-01", f"{month}-{calendar.monthrange(year, number)[1]:02d}"


def statements_link(filters: Filters, gender: str, *, outlet: str | None = None, month: str | None = None,
                    role: str | None = None) -> str:
    """The statements page for one figure: the page's filters narrowed to the group and the gender."""
    since, until = filters.since, filters.until
    if month is not None:
        start, end = _month_bounds(month)
        since, until = max(since or start, start), min(until or end, end)
    params = {"outlet": outlet or filters.outlet, "since": since, "until": until, "lang": filters.lang,
              "role": role, "gender": gender}
    return "/corpus/statements?" + urlencode({k: v for k, v in params.items() if v is not None})


def _row(row: ParityRow, filters: Filters, by: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row as JSON with its links; a group of articles without an outlet or a date has none (no filter
    names it)."""
    data = row.to_dict()
    missing = ("outlet" in by and row.outlet is None) or ("month" in by and row.month is None)
    data["links"] = None if missing else {
        g: statements_link(filters, g, outlet=row.outlet, month=row.month, role=row.role) for g in GENDERS}
    return data


def parity_view(corpus: Corpus, filters: Filters) -> dict[str, Any]:
    options: dict[str, Any] = {"outlet": filters.outlet, "since": filters.since, "until": filters.until,
                               "lang": filters.lang}
    [total] = corpus.parity(**options)
    outlets = corpus.parity(**options, by="outlet")
    roles = corpus.parity(**options, by="role")
    top = [r.outlet for r in outlets if r.outlet is not None][:LINE_OUTLETS]
    months = [r for r in corpus.parity(**options, by=("outlet", "month")) if r.outlet in top and r.month]
    lines = [{"outlet": outlet, "points": [_row(r, filters, ("outlet", "month")) for r in months
                                           if r.outlet == outlet]} for outlet in top]
    return {"schema": SCHEMA, "share": SHARE_RULE, "filters": options, "total": _row(total, filters),
            "outlets": [_row(r, filters, ("outlet",)) for r in outlets], "over_time": lines,
            "months": sorted({str(r.month) for r in months}), "roles": [_row(r, filters, ("role",)) for r in roles]}


def statement_filters(outlet: str | None, since: str | None, until: str | None, lang: str | None,
                      gender: str | None, role: str | None) -> tuple[Filters, str | None, str | None]:
    """The statements page's parameters, checked (blank means "any"), as the other corpus pages' are."""
    filters = source_filters(outlet, since, until, lang=lang)
    gender, role = (v.strip() or None if v is not None else None for v in (gender, role))
    for name, problem in problems((), gender, role):
        raise InvalidRequestError(f"{name}={problem}")
    return filters, gender, role


def statements_view(corpus: Corpus, filters: Filters, gender: str | None, role: str | None, *, limit: int,
                    offset: int) -> dict[str, Any]:
    rows = corpus.statements(outlet=filters.outlet, since=filters.since, until=filters.until, lang=filters.lang,
                             gender=gender, role=role, limit=limit, offset=offset)
    chosen = {k: v for k, v in asdict(filters).items() if k in ("outlet", "since", "until", "lang")}
    return {"filters": {**chosen, "gender": gender, "role": role}, "limit": limit, "offset": offset,
            "statements": [q.to_dict() for q in rows]}

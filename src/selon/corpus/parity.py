"""Who gets quoted: the share of women among named speakers and among their statements, counted by the store.

Every figure is one grouped SQL query over the two tables `selon.store.parity_table` keeps as articles are
stored, and no statement is read into Python: unless dates filter, `parity_speakers` (a row per speaker of each
outlet, month, role and language) gives a group's speakers by counting rows, so the page reads a few rows per
group; with dates, `parity_statements` (a narrow row per statement, under a covering index) is read over the
range. Both count alike (the tests compare them). The rules:

- Only sources of kind `person` (named people) count. A speaker is one linked speaker id (`selon.corpus.
  linking`); its gender is the one its articles decide across the whole store (`selon.store.traits`), so all
  of a speaker's statements count under one gender.
- `speakers_*` count distinct speakers with at least one statement in the group; `statements_*` count
  each speaker's distinct statements in the group (a syndicated copy carried again in the group counts once;
  one in another outlet or month counts there too).
- `unknown` is counted apart and left out of the share: `share = female / (female + male)`, None when no
  speaker of the group has a decided gender.
- By role, a speaker quoted in two role categories counts in both (the role is the article's, at the time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selon.corpus.queries import ANY, QUOTE_COLUMNS, _quote
from selon.errors import InvalidRequestError
from selon.store.base import Store
from selon.store.parity_table import COLUMNS, LANG, MONTH, OUTLET, ROLE
from selon.store.rows import Filters, Quote, Row
from selon.store.traits import GENDERS, ROLE_CATEGORIES

SCHEMA = "selon-parity/1"
BREAKDOWNS = ("outlet", "month", "role")
#: What the share is, said in every document that gives one.
SHARE_RULE = "female / (female + male); unknown genders are counted apart and left out of the share"

_BITS = {"outlet": OUTLET, "month": MONTH, "role": ROLE}
_NAMES = {OUTLET: "outlet", LANG: "lang"}


@dataclass(frozen=True)
class ParityRow(Row):
    """Women's share of one group (an outlet, a month, a role category, a combination, or everything: the
    fields not broken down by are None). `*_share` is female / (female + male), None when both are 0."""

    outlet: str | None
    month: str | None
    role: str | None
    speakers: int
    speakers_female: int
    speakers_male: int
    speakers_unknown: int
    speakers_share: float | None
    statements: int
    statements_female: int
    statements_male: int
    statements_unknown: int
    statements_share: float | None


def problems(by: tuple[str, ...] = (), gender: str | None = None, role: str | None = None) -> list[tuple[str, str]]:
    """What is wrong with a breakdown, gender or role filter, as (field, message), like `Filters.problems`."""
    found = [("by", f"{b!r} is not one of {', '.join(BREAKDOWNS)}.") for b in by if b not in BREAKDOWNS]
    if gender is not None and gender not in GENDERS:
        found.append(("gender", f"{gender!r} is not one of {', '.join(GENDERS)}."))
    if role is not None and role not in ROLE_CATEGORIES:
        found.append(("role", f"{role!r} is not one of {', '.join(ROLE_CATEGORIES)}."))
    return found


def _where(filters: Filters, gender: str | None = None, role: str | None = None) -> tuple[str, list[Any]]:
    """` AND …` conditions over `parity_statements` for the filters set."""
    clauses: list[str] = []
    values: list[Any] = []
    for column, operator, value in (("outlet", "=", filters.outlet), ("day", ">=", filters.since),
                                    ("day", "<=", filters.until), ("lang", "=", filters.lang),
                                    ("gender", "=", gender), ("role", "=", role)):
        if value is not None:
            clauses.append(f"{column} {operator} ?")
            values.append(value[:10] if column == "day" else value)
    return "".join(f" AND {c}" for c in clauses), values


def _share(female: int, male: int) -> float | None:
    return round(female / (female + male), 4) if female + male else None


def parity(store: Store, filters: Filters = ANY, by: tuple[str, ...] = (), *, live: bool = False) -> list[ParityRow]:
    """One row per group of `by` (any of outlet, month, role; none: one row for everything), ordered by
    outlet (most statements first), month (oldest first, undated last) and role (in `ROLE_CATEGORIES` order).

    Read from the kept counts (`selon.store.parity_table`) unless dates filter; with dates (or `live`, which
    the tests use to compare both), counted from the sources and attributions."""
    by = tuple(dict.fromkeys(by))
    if bad := problems(by):
        raise InvalidRequestError(f"{bad[0][0]}={bad[0][1]}")
    if live or (filters.since, filters.until) != (None, None):
        rows = _live(store, filters, by)
    else:
        rows = _kept(store, filters, by)
    groups: dict[tuple[Any, ...], dict[str, tuple[int, int]]] = {}
    for row in rows:
        group = tuple(value or None for value in row[:len(by)])
        groups.setdefault(group, {})[str(row[len(by)])] = (int(row[-2]), int(row[-1] or 0))
    if not by and not groups:
        groups[()] = {}
    found = [_row(dict(zip(by, group, strict=True)), counts) for group, counts in groups.items()]
    return sorted(found, key=_order(found, by))


def _kept(store: Store, filters: Filters, by: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """(group..., gender, speakers, statements) from `parity_speakers`: a row per speaker of each group."""
    chosen = [(part, value) for part, value in ((OUTLET, filters.outlet), (LANG, filters.lang)) if value is not None]
    scope = sum(_BITS[b] for b in by) | sum(part for part, _ in chosen)
    keys = "".join(f"{b}, " for b in by)
    where = "".join(f" AND {_NAMES[part]} = ?" for part, _ in chosen)
    return store.query(f"SELECT {keys}gender, COUNT(*), SUM(statements) FROM parity_speakers "
                       f"WHERE scope = ?{where} GROUP BY {keys}gender", [scope, *(v for _, v in chosen)])


def _live(store: Store, filters: Filters, by: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The same from `parity_statements` (its index covers the query): each speaker's distinct statements per
    group, then counted per gender."""
    inner = "".join(f"{COLUMNS[_BITS[b]]}, " for b in by)
    clause, values = _where(filters)
    return store.query(
        f"SELECT {inner}gender, COUNT(*), SUM(n) FROM (SELECT {inner}speaker_id, gender, "
        f"COUNT(DISTINCT statement_key) AS n FROM parity_statements WHERE 1 = 1{clause} "
        f"GROUP BY {inner}speaker_id, gender) per_speaker GROUP BY {inner}gender", values)


def _row(group: dict[str, Any], counts: dict[str, tuple[int, int]]) -> ParityRow:
    speakers = {g: counts.get(g, (0, 0))[0] for g in GENDERS}
    said = {g: counts.get(g, (0, 0))[1] for g in GENDERS}
    return ParityRow(group.get("outlet"), group.get("month"), group.get("role"),
                     sum(speakers.values()), speakers["female"], speakers["male"], speakers["unknown"],
                     _share(speakers["female"], speakers["male"]),
                     sum(said.values()), said["female"], said["male"], said["unknown"],
                     _share(said["female"], said["male"]))


def _order(rows: list[ParityRow], by: tuple[str, ...]) -> Any:
    outlet_weight: dict[str | None, int] = {}
    for row in rows:
        outlet_weight[row.outlet] = outlet_weight.get(row.outlet, 0) + row.statements

    def key(row: ParityRow) -> tuple[Any, ...]:
        parts: list[Any] = []
        for b in by:
            if b == "outlet":
                parts += [-outlet_weight[row.outlet], row.outlet is None, row.outlet or ""]
            elif b == "month":
                parts += [row.month is None, row.month or ""]
            else:
                parts.append(ROLE_CATEGORIES.index(row.role) if row.role in ROLE_CATEGORIES else len(ROLE_CATEGORIES))
        return tuple(parts)

    return key


def statements(store: Store, filters: Filters = ANY, *, gender: str | None = None, role: str | None = None,
               limit: int = 100, offset: int = 0) -> list[Quote]:
    """The statements behind a parity figure: named people's attributions with the filters, a speaker gender
    and a role category, oldest first, undated last (what each bar and point of the parity page links to).

    A speaker's statement said again under the filters (twice in one article, or a syndicated copy) is listed
    once, the first stored, as the figure counts it once: the list is as long as the figure says."""
    if bad := problems((), gender, role):
        raise InvalidRequestError(f"{bad[0][0]}={bad[0][1]}")
    clause, values = _where(filters, gender, role)
    rows = store.query(
        f"{QUOTE_COLUMNS} FROM parity_statements ps JOIN attributions a ON a.id = ps.attribution_id "
        f"JOIN speakers sp ON sp.id = a.speaker_id JOIN articles ar ON ar.id = a.article_id "
        f"WHERE ps.attribution_id IN (SELECT MIN(attribution_id) FROM parity_statements WHERE 1 = 1{clause} "
        "GROUP BY speaker_id, statement_key) "
        "ORDER BY ps.day IS NULL, ps.day, ar.published, ar.id, a.content_start LIMIT ? OFFSET ?",
        [*values, limit, offset])
    return [_quote(r) for r in rows]

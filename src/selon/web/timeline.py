"""Counting corpus rows per period for the charts: months, or years when the months would be too many.

The corpus API returns rows, not series, so the series are made here from `published` (ISO dates, first
seven characters a month). Missing periods are filled with zeros so that a gap in time looks like one; rows
without a usable date are counted apart, never spread over a guessed period.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

MONTH = re.compile(r"^(\d{4})-(\d{2})")
MAX_MONTHS = 48

Row = TypeVar("Row")


@dataclass(frozen=True)
class Period:
    label: str
    rows: int
    hits: int  # rows for which the predicate held

    @property
    def share(self) -> float:
        return self.hits / self.rows if self.rows else 0.0


@dataclass(frozen=True)
class Series:
    periods: tuple[Period, ...]
    undated: int

    def to_dict(self) -> dict[str, object]:
        return {"periods": [{"period": p.label, "rows": p.rows, "hits": p.hits, "share": round(p.share, 3)}
                            for p in self.periods], "undated": self.undated}


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    year, month = first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def series(rows: Iterable[Row], published: Callable[[Row], str | None],
           hit: Callable[[Row], bool] = lambda _: True) -> Series:
    """Rows counted per month (per year beyond `MAX_MONTHS` months), with how many satisfy `hit`."""
    return counted((published(row), 1, 1 if hit(row) else 0) for row in rows)


def counted(counts: Iterable[tuple[str | None, int, int]]) -> Series:
    """`series` from counts already made (by the database): (date or month, rows, rows for which it holds)."""
    totals: Counter[tuple[int, int]] = Counter()
    hits: Counter[tuple[int, int]] = Counter()
    undated = 0
    for published, rows, held in counts:
        found = MONTH.match(published or "")
        if found is None or not 1 <= int(found.group(2)) <= 12:
            undated += rows
            continue
        key = (int(found.group(1)), int(found.group(2)))
        totals[key] += rows
        hits[key] += held
    if not totals:
        return Series((), undated)
    months = _months(min(totals), max(totals))
    if len(months) <= MAX_MONTHS:
        periods = [Period(f"{y:04d}-{m:02d}", totals[(y, m)], hits[(y, m)]) for y, m in months]
    else:
        years = range(months[0][0], months[-1][0] + 1)
        periods = [Period(f"{y:04d}", sum(totals[(y, m)] for m in range(1, 13)),
                          sum(hits[(y, m)] for m in range(1, 13))) for y in years]
    return Series(tuple(periods), undated)

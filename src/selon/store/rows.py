"""What store queries return: small frozen dataclasses, the stable vocabulary of the corpus API.

The CLI renders them as text, JSON or CSV and the web UI serialises them with `to_dict()`, so they hold plain
values only (str, int, float, None, tuples of those) and never a database cursor or row object.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Row:
    """Base of every query row: `to_dict()` for JSON, `columns()` for CSV headers and text tables."""

    def to_dict(self) -> dict[str, Any]:
        return {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass(frozen=True)
class Filters:
    """Restrictions shared by the ranking and listing queries; None means "any". Dates are ISO `YYYY-MM-DD`,
    both ends inclusive, compared with the first ten characters of `published`."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    lang: str | None = None
    stance: str | None = None

    def problems(self) -> list[tuple[str, str]]:
        """What is wrong with the values, as (field, message): a day that is not a real YYYY-MM-DD date, a kind
        or stance that is none of the schema's, a language that is no code. One rule for every edge (CLI
        options, web parameters), since a filter no row can match would answer with an empty table."""
        from selon.schema.records import KINDS, STANCES

        found: list[tuple[str, str]] = []
        for name, value in (("since", self.since), ("until", self.until)):
            if value is not None and not _is_day(value):
                found.append((name, f"{value!r} is not a date written YYYY-MM-DD (e.g. 2024-03-15)."))
        for name, value, allowed in (("kind", self.kind, KINDS), ("stance", self.stance, STANCES)):
            if value is not None and value not in allowed:
                found.append((name, f"{value!r} is not one of {', '.join(allowed)}."))
        if self.lang is not None and not _LANG.fullmatch(self.lang):
            found.append(("lang", f"{self.lang!r} is not a language code such as fr or en."))
        return found


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANG = re.compile(r"[a-z]{2,3}")


def _is_day(value: str) -> bool:
    try:
        return bool(_DAY.fullmatch(value)) and date.fromisoformat(value) is not None
    except ValueError:
        return False


@dataclass(frozen=True)
class SpeakerCount(Row):
    """One speaker linked across articles. `statements` counts syndicated copies of a statement once;
    `attributions` counts every copy carried by every outlet."""

    speaker_id: int
    name: str
    kind: str
    statements: int
    attributions: int
    articles: int
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class Quote(Row):
    """One stored attribution with the article it was found in."""

    attribution_id: int
    article_id: str
    speaker_id: int
    source: str
    source_kind: str
    mention: str | None
    type: str
    stance: str
    content: str
    cue: str | None
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    lang: str
    syndication_group: int


@dataclass(frozen=True)
class SearchHit(Row):
    """A full-text match: `kind` is "attribution" (a statement's content) or "article" (title or body)."""

    kind: str
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    source: str | None


@dataclass(frozen=True)
class ArticleSummary(Row):
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    lang: str
    attributions: int
    syndication_group: int


@dataclass(frozen=True)
class OutletStats(Row):
    outlet: str
    articles: int
    attributions: int
    anonymous_share: float
    declines: int
    denials: int


@dataclass(frozen=True)
class MonthCounts(Row):
    """Attributions of one month of publication (`month` is None for undated articles)."""

    month: str | None
    attributions: int
    anonymous: int
    declines: int  # declines and non-responses


@dataclass(frozen=True)
class Stats(Row):
    """Totals of the store; `statements` counts syndicated copies once, `syndicated` the articles that share
    their text with another outlet's."""

    articles: int
    attributions: int
    statements: int
    sources: int
    failed: int
    syndicated: int
    outlets: tuple[OutletStats, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["outlets"] = [o.to_dict() for o in self.outlets]
        return data


@dataclass(frozen=True)
class FailureRecord(Row):
    """An input that could not be read or analysed; `retryable` is False for records that are no article
    at all (an image in a WARC), which `--retry-failed` leaves alone."""

    key: str
    name: str
    code: str
    reason: str
    retryable: bool
    attempts: int

"""The source map beside an article: who speaks, grouped by kind, and who declined, denied or acknowledged.

Built from the records alone, as plain data, so the page and its tests read the same figures and the summary
block of `selon/1` stays the one place where the article-level numbers are defined.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from selon.schema.records import KINDS, Analysis, Attribution
from selon.schema.summary import gender_shares, summarise

KIND_LABELS = {
    "person": "Named people",
    "anonymous": "Anonymous sources",
    "organization": "Organisations",
    "document": "Documents",
    "media": "Media",
}
STANCE_LISTS = (("decline", "Declined to comment"), ("no_response", "Did not respond"),
                ("deny", "Denials"), ("acknowledge", "Acknowledgements"))
EXCERPT = 140


@dataclass(frozen=True)
class SourceEntry:
    id: str
    name: str
    kind: str
    description: str | None
    count: int | None
    statements: int
    gender: str | None = None
    gender_rule: str | None = None
    role_category: str | None = None


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    sources: tuple[SourceEntry, ...]
    statements: int


@dataclass(frozen=True)
class StanceItem:
    attribution: str
    source: str
    name: str
    kind: str
    excerpt: str


@dataclass(frozen=True)
class StanceList:
    stance: str
    label: str
    items: tuple[StanceItem, ...]


@dataclass(frozen=True)
class SourceMap:
    groups: tuple[KindGroup, ...]
    statements: int
    anonymous_share: float
    stances: tuple[StanceList, ...]
    #: women's share of named people and of their statements (`selon.schema.summary.gender_shares`)
    gender: dict[str, Any] | None = None


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _item(analysis: Analysis, a: Attribution) -> StanceItem:
    source = analysis.source(a.source_id)
    return StanceItem(a.id, source.id, source.name, source.kind, excerpt(a.content.text))


def source_map(analysis: Analysis) -> SourceMap:
    said = Counter(a.source_id for a in analysis.attributions)
    groups = []
    for kind in KINDS:
        members = sorted((s for s in analysis.sources if s.kind == kind), key=lambda s: (-said[s.id], s.name))
        entries = tuple(SourceEntry(s.id, s.name, s.kind, s.description, s.count, said[s.id], s.gender,
                                    s.gender_evidence.rule if s.gender_evidence else None, s.role_category)
                        for s in members)
        if entries:
            groups.append(KindGroup(kind, KIND_LABELS[kind], entries, sum(e.statements for e in entries)))
    stances = tuple(
        StanceList(stance, label, tuple(_item(analysis, a) for a in analysis.attributions if a.stance == stance))
        for stance, label in STANCE_LISTS
    )
    summary = summarise(analysis)
    return SourceMap(tuple(groups), len(analysis.attributions), float(summary["anonymous_share"]), stances,
                     gender_shares(analysis))

"""The `summary` block of `selon/1`: the source map's figures, derived from the records, never stored apart."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selon.schema.records import Analysis


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _shares(genders: list[str | None]) -> dict[str, Any]:
    counts = Counter(g or "unknown" for g in genders)
    known = counts["female"] + counts["male"]
    return {"female": counts["female"], "male": counts["male"], "unknown": counts["unknown"],
            "women_share": round(counts["female"] / known, 3) if known else None}


def gender_shares(analysis: Analysis) -> dict[str, Any]:
    """Women's share of the named people quoted and of their statements, as media-parity trackers count it:
    female / (female + male), unknowns counted apart and left out of the share (None when no one is known).

    Only named people (kind `person`) count, as in those trackers; pure, so the corpus can add these counts up.
    """
    people = {s.id: s for s in analysis.sources if s.kind == "person"}
    return {
        "named_people": _shares([s.gender for s in people.values()]),
        "statements": _shares([people[a.source_id].gender for a in analysis.attributions if a.source_id in people]),
    }


def summarise(analysis: Analysis) -> dict[str, Any]:
    sources = {s.id: s for s in analysis.sources}
    attributions = analysis.attributions
    by_kind = Counter(sources[a.source_id].kind for a in attributions)
    total = len(attributions)

    def named(stance: str) -> list[str]:
        return _unique([sources[a.source_id].name for a in attributions if a.stance == stance])

    return {
        "attributions": total,
        "by_type": dict(Counter(a.type for a in attributions)),
        "by_kind": dict(by_kind),
        "by_stance": dict(Counter(a.stance for a in attributions)),
        "anonymous_share": round(by_kind["anonymous"] / total, 3) if total else 0.0,
        "named_sources": _unique(
            [sources[a.source_id].name for a in attributions if sources[a.source_id].kind == "person"]
        ),
        "declined": named("decline"),
        "denied": named("deny"),
        "acknowledged": named("acknowledge"),
        "no_response": named("no_response"),
        #: added in selon/1 without a schema change (issue 9)
        "gender": gender_shares(analysis),
    }

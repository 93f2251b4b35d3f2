"""What the analyse page shows for one `Analysis`: the marked-up text, the source map, its chart, and the
small index the script reads to describe an attribution on hover or click.

The page's JSON twin is the `selon/1` object itself (`POST /api/analyze`, `GET /api/corpus/articles/{id}`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from selon.schema.records import KINDS, Analysis
from selon.web.charts import Part, share_bar
from selon.web.highlight import highlighted
from selon.web.sourcemap import KIND_LABELS, SourceMap, source_map


def share_chart(found: SourceMap) -> Markup:
    by_kind = {g.kind: g.statements for g in found.groups}
    parts = [Part(KIND_LABELS[k], by_kind.get(k, 0), f"k-{k}") for k in KINDS if by_kind.get(k)]
    headline = f"Anonymous sources: {found.anonymous_share:.0%} of {found.statements} statements"
    return share_bar(parts, title="Statements by kind of source", headline=headline)


def client_index(analysis: Analysis) -> dict[str, Any]:
    """Per attribution and per source, the few facts the popover shows; embedded with `tojson`, which
    escapes `<`, `>`, `&` and quotes, so article text inside cannot close the script element."""
    return {
        "attributions": {a.id: {"source": a.source_id, "type": a.type, "stance": a.stance,
                                "cue": a.cue.text if a.cue else None} for a in analysis.attributions},
        "sources": {s.id: {"name": s.name, "kind": s.kind, "description": s.description, "count": s.count,
                           "gender": s.gender, "role_category": s.role_category}
                    for s in analysis.sources},
    }


def women_headline(found: SourceMap) -> str | None:
    """"Women: 40% of named people (2 of 5 known), 35% of their statements"; None when no one is named."""
    shares = found.gender
    if not shares or not any(shares["named_people"][g] for g in ("female", "male", "unknown")):
        return None
    people, said = shares["named_people"], shares["statements"]

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}"

    known = people["female"] + people["male"]
    return (f"Women: {pct(people['women_share'])} of named people ({people['female']} of {known} with a known "
            f"gender, {people['unknown']} unknown), {pct(said['women_share'])} of their statements")


def article_page(analysis: Analysis, *, stored: bool = False) -> dict[str, Any]:
    found = source_map(analysis)
    return {
        "analysis": analysis,
        "article": analysis.article,
        "marked": highlighted(analysis),
        "map": found,
        "chart": share_chart(found),
        "women": women_headline(found),
        "index": client_index(analysis),
        "notes": analysis.notes,
        "warnings": analysis.warnings,
        "stored": stored,
    }

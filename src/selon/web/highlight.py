"""The article's text as HTML with every attribution marked, built in one pass on the server.

Contents, cues, mentions and notes may overlap (a mention inside another statement's content, a cue inside a
boilerplate line), so nesting real elements would need splitting anyway. Instead the text is cut at every
span boundary and each piece becomes one flat `<span>` listing everything that covers it: classes for the
roles and the innermost source's kind, `data-a` / `data-s` for the attribution and source ids. The browser
gets finished markup (no per-token DOM work), the script only toggles classes, and a 5,000-word article is a
few hundred spans. Every piece of text and every attribute value goes through `escape`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from selon.schema.records import Analysis

ROLES = ("content", "cue", "mention", "note")


@dataclass(frozen=True)
class Layer:
    """One marked stretch: a role of an attribution (or a source mention, or a note) over [start, end)."""

    start: int
    end: int
    role: str
    kind: str  # the source's kind, or the note's kind for role "note"
    attribution: str | None = None
    source: str | None = None


def layers(analysis: Analysis) -> list[Layer]:
    """Every stretch worth marking, clipped to the text; empty or out-of-range spans are dropped."""
    size = len(analysis.article.text)
    kinds = {s.id: s.kind for s in analysis.sources}
    found: list[Layer] = []
    seen_mentions: set[tuple[int, int, str]] = set()

    def add(start: int, end: int, role: str, kind: str, attribution: str | None, source: str | None) -> None:
        start, end = max(0, start), min(size, end)
        if start < end:
            found.append(Layer(start, end, role, kind, attribution, source))

    for a in analysis.attributions:
        kind = kinds.get(a.source_id, "unknown")
        add(a.content.start, a.content.end, "content", kind, a.id, a.source_id)
        if a.cue is not None:
            add(a.cue.start, a.cue.end, "cue", kind, a.id, a.source_id)
        if a.mention is not None:
            add(a.mention.start, a.mention.end, "mention", kind, a.id, a.source_id)
            seen_mentions.add((a.mention.start, a.mention.end, a.source_id))
    for source in analysis.sources:
        for m in source.mentions:
            if (m.start, m.end, source.id) not in seen_mentions:
                add(m.start, m.end, "mention", source.kind, None, source.id)
    for note in analysis.notes:
        add(note.start, note.end, "note", note.kind, None, None)
    return found


def _attributes(active: list[Layer], anchors: list[str]) -> str:
    marks = [layer for layer in active if layer.role != "note"]
    classes = ["hl"] if marks else []
    classes += [f"r-{role}" for role in ROLES if any(layer.role == role for layer in active)]
    if marks:
        innermost = min(marks, key=lambda layer: (layer.end - layer.start, layer.role != "mention"))
        classes.append(f"k-{innermost.kind}")
    classes += sorted({f"n-{layer.kind}" for layer in active if layer.role == "note"})
    parts = [f'class="{escape(" ".join(classes))}"']
    if anchors:
        parts.insert(0, f'id="{escape(anchors[0])}"')
    attributions = list(dict.fromkeys(layer.attribution for layer in marks if layer.attribution))
    sources = list(dict.fromkeys(layer.source for layer in marks if layer.source))
    if attributions:
        parts.append(f'data-a="{escape(" ".join(attributions))}"')
    if sources:
        parts.append(f'data-s="{escape(" ".join(sources))}"')
    return " ".join(parts)


def render(text: str, marked: list[Layer]) -> Markup:
    """`text` escaped, with one flat span per stretch covered by the same set of layers."""
    starts: dict[int, list[Layer]] = defaultdict(list)
    ends: dict[int, list[Layer]] = defaultdict(list)
    for layer in marked:
        starts[layer.start].append(layer)
        ends[layer.end].append(layer)
    cuts = sorted({0, len(text), *(c for c in (*starts, *ends) if 0 < c < len(text))})
    active: list[Layer] = []
    out: list[str] = []
    for here, there in itertools.pairwise(cuts):
        if ends.get(here):
            gone = {id(layer) for layer in ends[here]}
            active = [layer for layer in active if id(layer) not in gone]
        opening = starts.get(here, [])
        active.extend(opening)
        piece = escape(text[here:there])
        if not active:
            out.append(str(piece))
            continue
        anchors = [f"att-{layer.attribution}" for layer in opening if layer.role == "content" and layer.attribution]
        out.append(f"<span {_attributes(active, anchors)}>{piece}</span>")
    return Markup("".join(out))


def highlighted(analysis: Analysis) -> Markup:
    return render(analysis.article.text, layers(analysis))

"""The extraction pass over one Doc: notes, quotes, cues, sources, then numbered records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from selon.extract.context import Context
from selon.extract.coref import Resolver
from selon.extract.gender import decide
from selon.extract.linking import Candidate, find_candidates
from selon.extract.notes import anonymity_conditions, boilerplate
from selon.extract.people import phrases
from selon.extract.roles import role_category
from selon.extract.sources import Entity
from selon.lang import LangResources
from selon.lang.people import load_people
from selon.schema.records import PEOPLE_KINDS, Attribution, Cue, Evidence, Note, Source, Span


@dataclass(frozen=True)
class Extraction:
    attributions: tuple[Attribution, ...]
    sources: tuple[Source, ...]
    notes: tuple[Note, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "attributions": [a.to_dict() for a in self.attributions],
            "sources": [s.to_dict() for s in self.sources],
            "notes": [n.to_dict() for n in self.notes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            tuple(Attribution.from_dict(a) for a in data["attributions"]),
            tuple(Source.from_dict(s) for s in data["sources"]),
            tuple(Note.from_dict(n) for n in data["notes"]),
        )


def extract(doc: Doc, res: LangResources) -> Extraction:
    text = doc.text
    furniture = boilerplate(text, res)
    ctx = Context.build(doc, res, furniture, text)
    candidates = find_candidates(ctx)
    resolver = Resolver(ctx)
    entities: dict[int, Entity] = {}  # id(candidate) -> its source
    for candidate in candidates:
        if candidate.follows is not None:
            if id(candidate.follows) in entities:
                entities[id(candidate)] = entities[id(candidate.follows)]
        elif candidate.mention is not None:
            entities[id(candidate)] = resolver.resolve(candidate.mention)
    kept = [c for c in candidates if id(c) in entities]
    numbers: dict[int, str] = {}
    for candidate in kept:
        numbers.setdefault(id(entities[id(candidate)]), f"s{len(numbers) + 1}")
    attributions = tuple(_attribution(ctx, f"a{n}", c, numbers[id(entities[id(c)])]) for n, c in enumerate(kept, 1))
    sources = tuple(
        _source(ctx, entity, numbers[id(entity)]) for entity in _unique(entities[id(c)] for c in kept)
    )
    notes = tuple(sorted([*furniture, *anonymity_conditions(doc, text, res)], key=lambda n: n.start))
    return Extraction(attributions, sources, notes)


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    return list({id(e): e for e in entities}.values())


def _span(ctx: Context, start: int, end: int) -> Span:
    return Span(start, end, ctx.text[start:end])


def _attribution(ctx: Context, number: str, candidate: Candidate, source_id: str) -> Attribution:
    cue = None
    if candidate.cue is not None:
        start, end = candidate.cue
        cue = Cue(start, end, ctx.text[start:end], candidate.lemma)
    mention = _span(ctx, candidate.mention.start, candidate.mention.end) if candidate.mention else None
    return Attribution(
        id=number,
        type=candidate.type,
        content=_span(ctx, *candidate.content),
        cue=cue,
        source_id=source_id,
        mention=mention,
        stance=candidate.stance,
        confidence=candidate.confidence,
        via=_span(ctx, *candidate.via) if candidate.via else None,
    )


def _source(ctx: Context, entity: Entity, source_id: str) -> Source:
    """The record of one resolved entity; gender and role category are read only now, from its mentions, so
    they describe the sources found without changing them."""
    people = load_people(ctx.res.code)
    described = phrases(entity, ctx, people) if entity.kind in PEOPLE_KINDS else []
    gender, gender_evidence = decide(entity, described, ctx, people)
    return Source(
        id=source_id,
        kind=entity.kind,
        name=entity.name,
        description=entity.description,
        role=entity.role,
        affiliation=entity.affiliation,
        count=entity.count,
        mentions=tuple(sorted(set(entity.mentions), key=lambda m: (m.start, m.end))),
        kind_reason=entity.kind_rule or None,
        evidence=tuple(sorted({Evidence(m.start, m.end, m.text, rule) for m, rule in entity.evidence},
                              key=lambda e: (e.start, e.end, e.rule))),
        gender=gender,
        gender_evidence=gender_evidence,
        role_category=role_category(entity, described, people),
    )

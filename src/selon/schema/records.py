"""Frozen records of one analysed article, and their `selon/1` serialisation.

The records are what the Python API returns and what every other layer (CLI, store, web) consumes, so they are
immutable and carry nothing that depends on spaCy: an `Analysis` can be pickled, sent between processes and
rebuilt from its JSON with `Analysis.from_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "selon/1"

AttributionType = Literal["direct", "indirect", "mixed"]
Stance = Literal["assert", "deny", "acknowledge", "decline", "no_response"]
SourceKind = Literal["person", "anonymous", "organization", "document", "media"]
NoteKind = Literal["anonymity_condition", "boilerplate"]
Gender = Literal["female", "male", "unknown"]
RoleCategory = Literal["politician", "government", "police_justice", "expert", "business", "union_civil", "citizen",
                       "sport", "culture", "media", "other"]

TYPES: tuple[AttributionType, ...] = ("direct", "indirect", "mixed")
STANCES: tuple[Stance, ...] = ("assert", "deny", "acknowledge", "decline", "no_response")
KINDS: tuple[SourceKind, ...] = ("person", "anonymous", "organization", "document", "media")
GENDERS: tuple[Gender, ...] = ("female", "male", "unknown")
ROLE_CATEGORIES: tuple[RoleCategory, ...] = ("politician", "government", "police_justice", "expert", "business",
                                             "union_civil", "citizen", "sport", "culture", "media", "other")
#: the kinds of source that are people, and so have a gender and a role category; the others have null
PEOPLE_KINDS: tuple[SourceKind, ...] = ("person", "anonymous")


@dataclass(frozen=True)
class Span:
    """A stretch of `article.text`; `text` is always `article.text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True)
class Cue(Span):
    """The words that signal an attribution; `lemma` is the reporting verb's or preposition's base form."""

    lemma: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), str(data.get("lemma") or ""))


@dataclass(frozen=True)
class Evidence(Span):
    """Why one mention joined its source: the rule, in words ("surname of Claire Dubois", "pronoun 'elle'
    agrees with the latest subject"), so a reader can check a resolution instead of trusting it."""

    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "rule": self.rule}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), str(data.get("rule") or ""))


@dataclass(frozen=True)
class GenderEvidence:
    """What decided a source's gender: the kind of signal, the rule in words ("pronoun 'elle'", "first name
    'Marie' (gender-guesser: female)"), and the words of the article that carry it, when some do (a first-name
    lookup points at the mention holding the name; an override file or "no signal" at none)."""

    signal: str  # pronoun | title | determiner | noun | agreement | first_name | override | conflict | none
    rule: str
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"signal": self.signal, "rule": self.rule, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GenderEvidence:
        start, end = data.get("start"), data.get("end")
        return cls(str(data.get("signal") or ""), str(data.get("rule") or ""),
                   int(start) if start is not None else None, int(end) if end is not None else None,
                   data.get("text"))


@dataclass(frozen=True)
class Attribution:
    id: str
    type: AttributionType
    content: Span
    cue: Cue | None
    source_id: str
    mention: Span | None
    stance: Stance
    confidence: float
    #: added in selon/1 without a schema change: the outlet that carried the statement before this article
    #: ("Selon l'AFP, des responsables affirment …", "ont déclaré à la BBC"); the source stays the speakers
    via: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "source": {"id": self.source_id, "mention": self.mention.to_dict() if self.mention else None},
            "stance": self.stance,
            "confidence": round(self.confidence, 3),
            "via": self.via.to_dict() if self.via else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        source = data["source"]
        return cls(
            id=data["id"],
            type=data["type"],
            content=Span.from_dict(data["content"]),
            cue=Cue.from_dict(data["cue"]) if data.get("cue") else None,
            source_id=source["id"],
            mention=Span.from_dict(source["mention"]) if source.get("mention") else None,
            stance=data["stance"],
            confidence=float(data.get("confidence", 0.0)),
            via=Span.from_dict(data["via"]) if isinstance(data.get("via"), dict) else None,
        )


@dataclass(frozen=True)
class Source:
    """One speaker or origin of statements, resolved within the article across all its mentions."""

    id: str
    kind: SourceKind
    name: str
    description: str | None = None
    role: str | None = None
    affiliation: str | None = None
    count: int | None = None
    mentions: tuple[Span, ...] = ()
    #: added in selon/1 without a schema change: why the source has its kind, and why each mention joined it
    kind_reason: str | None = None
    evidence: tuple[Evidence, ...] = ()
    #: added in selon/1 without a schema change (issue 9): for people (person and anonymous sources) the gender
    #: the text or the first name gives, with what decided it, and the category of their role; null for
    #: organisations, documents and media
    gender: Gender | None = None
    gender_evidence: GenderEvidence | None = None
    role_category: RoleCategory | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "description": self.description,
            "role": self.role,
            "affiliation": self.affiliation,
            "count": self.count,
            "mentions": [m.to_dict() for m in self.mentions],
            "kind_reason": self.kind_reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "gender": self.gender,
            "gender_evidence": self.gender_evidence.to_dict() if self.gender_evidence else None,
            "role_category": self.role_category,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            id=data["id"],
            kind=data["kind"],
            name=data["name"],
            description=data.get("description"),
            role=data.get("role"),
            affiliation=data.get("affiliation"),
            count=data.get("count"),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions", [])),
            kind_reason=data.get("kind_reason"),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence") or []),
            gender=data.get("gender"),
            gender_evidence=GenderEvidence.from_dict(data["gender_evidence"])
            if isinstance(data.get("gender_evidence"), dict) else None,
            role_category=data.get("role_category"),
        )


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        return cls(data["kind"], int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True)
class Article:
    id: str
    lang: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            lang=str(data["lang"]),
            text=str(data["text"]),
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
        )


@dataclass(frozen=True)
class Analysis:
    """Everything selon found in one article: the `selon/1` object as typed records."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[Note, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    def to_dict(self) -> dict[str, Any]:
        from selon.schema.summary import summarise

        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "attributions": [a.to_dict() for a in self.attributions],
            "sources": [s.to_dict() for s in self.sources],
            "notes": [n.to_dict() for n in self.notes],
            "summary": summarise(self),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} object: schema is {data.get('schema')!r}")
        return cls(
            article=Article.from_dict(data["article"]),
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions", [])),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", [])),
            notes=tuple(Note.from_dict(n) for n in data.get("notes", [])),
        )

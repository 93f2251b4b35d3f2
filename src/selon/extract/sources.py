"""From mentions to sources: what kind of source each is, and which mentions name the same one.

Resolution is deliberately local and conservative, as a reader does it: a pronoun is the latest speaker of its
number; a surname is the person whose full name ends with it; a bare definite noun phrase ("les responsables",
"the report") is the latest source with the same head noun; anything else with the same words is the same
source. When in doubt a new source is made, since merging two speakers is the worse error for a fact-checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS, Mention
from selon.lang import fold
from selon.schema.records import SourceKind, Span

_ORG_LABELS = ("ORG", "NORP")
_PLACE_LABELS = ("LOC", "GPE", "FAC")
_COUNT_DEPS = ("nummod", "det", "amod")
_OF_DEPS = ("nmod", "prep", "obl")


@dataclass
class Entity:
    kind: SourceKind
    name: str
    head: str  # folded lemma of the head noun, for anaphora
    number: str  # "sg" | "pl"
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    count: int | None = None
    last: int = 0  # where it was last mentioned, for recency

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name.split() else ""


@dataclass(frozen=True)
class _Reading:
    """What one mention says about its source, read off the tokens."""

    text: str
    head: Token
    head_lemma: str
    pronoun: str | None
    person: str | None
    organization: str | None
    outlet: str | None
    definite: bool
    count: int | None
    number: str
    short: bool


def _head_noun(head: Token, ctx: Context) -> tuple[Token, int | None]:
    """"l'un des responsables" -> (responsables, 1): a numeral head stands for the noun it counts."""
    value = ctx.res.numbers.get(fold(head.lemma_)) or ctx.res.numbers.get(fold(head.text))
    if head.pos_ in ("PRON", "NUM") and value is not None:
        for child in head.children:
            if child.dep_ in _OF_DEPS and child.pos_ == "NOUN":
                return child, value
            for grandchild in child.children:
                if child.dep_ in _OF_DEPS and grandchild.pos_ == "NOUN":
                    return grandchild, value
    return head, None


def _count(head: Token, ctx: Context) -> int | None:
    for child in head.children:
        if child.dep_ in _COUNT_DEPS and child.i < head.i:
            if child.like_num and child.text.isdigit():
                return int(child.text)
            if child.pos_ == "NUM" or child.dep_ == "nummod":
                value = ctx.res.numbers.get(fold(child.text))
                if value is not None:
                    return value
    return None


@lru_cache(maxsize=8)
def _outlet_pattern(outlets: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation for the whole list (a search per outlet per mention cost more than the parse)."""
    if not outlets:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(o) for o in outlets) + r")(?!\w)")


def _outlet(text: str, ctx: Context) -> str | None:
    """The first outlet of the list named in `text` (list order decides between overlapping names)."""
    pattern = _outlet_pattern(ctx.res.outlets)
    if pattern is None:
        return None
    found = {m.group() for m in pattern.finditer(text)}
    return next((o for o in ctx.res.outlets if o in found), None)


def read(mention: Mention, ctx: Context) -> _Reading:
    doc = ctx.doc
    tokens: TokenSpan = doc[mention.tokens[0] : mention.tokens[1]]
    text = ctx.text[mention.start : mention.end]
    head, counted = _head_noun(doc[mention.head], ctx)
    people = [e for e in ctx.ents if e.label_ in PERSON_LABELS and tokens.start <= e.start and e.end <= tokens.end]
    organizations = [e for e in ctx.ents if e.label_ in _ORG_LABELS and tokens.start <= e.start and e.end <= tokens.end]
    pronoun = fold(text.strip("-")) if doc[mention.head].pos_ == "PRON" and fold(text.strip("-")) in ctx.res.pronouns else None
    person = max((e.text for e in people), key=len) if people else None
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in PERSON_LABELS:
        person = head.text
    first = fold(tokens[0].text) if len(tokens) else ""
    number = ctx.res.pronouns.get(pronoun or "", "")
    if not number:
        number = "pl" if "Plur" in head.morph.get("Number", []) or (head.tag_ in ("NNS", "NNPS")) else "sg"
    modifiers = [t for t in tokens if t != head and not (t.is_punct or t.is_stop or t.pos_ in ("DET", "ADP"))]
    return _Reading(
        text=text,
        head=head,
        head_lemma=fold(head.lemma_),
        pronoun=pronoun,
        person=person,
        organization=organizations[0].text if organizations else None,
        outlet=_outlet(text, ctx),
        definite=first in ctx.res.anaphoric_determiners and counted is None,  # "l'un des" picks, not refers
        count=counted or _count(head, ctx),
        number="sg" if counted == 1 else number,
        short=not modifiers and counted is None,
    )


def kind_of(reading: _Reading, ctx: Context) -> SourceKind:
    res, lemma = ctx.res, reading.head_lemma
    if reading.person:
        return "person"
    if reading.outlet or lemma in res.media_nouns:
        return "media"
    if lemma in res.document_nouns:
        return "document"
    if lemma in res.anonymous_nouns and not (lemma in res.roles and reading.definite and reading.number == "sg"):
        return "anonymous"
    if lemma in res.roles:
        return "person" if reading.definite and reading.number == "sg" else "anonymous"
    if reading.organization or lemma in res.organization_nouns or reading.head.ent_type_ in _PLACE_LABELS:
        return "organization"
    if reading.head.pos_ == "PROPN" or reading.head.text.isupper() and len(reading.head.text) > 1:
        # a name the recogniser did not type: institutions are usually recognised, people's names less so;
        # an acronym is an institution
        return "organization" if reading.head.ent_type_ or reading.head.text.isupper() else "person"
    if reading.pronoun:
        return "person" if reading.number == "sg" else "anonymous"
    return "anonymous"

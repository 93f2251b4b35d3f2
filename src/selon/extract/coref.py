"""Joining the mentions of one source within an article (see `selon.extract.sources` for the policy)."""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan

from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS, Mention
from selon.extract.sources import Entity, _Reading, kind_of, read
from selon.lang import fold
from selon.schema.records import Span


class Resolver:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.entities: list[Entity] = []

    def resolve(self, mention: Mention) -> Entity:
        reading = read(mention, self.ctx)
        entity = self._find(reading, mention)
        if entity is None:
            entity = self._new(reading, mention)
            self.entities.append(entity)
        else:
            self._enrich(entity, reading, mention)
        entity.mentions.append(Span(mention.start, mention.end, reading.text))
        entity.last = max(entity.last, mention.start)
        return entity

    def _find(self, reading: _Reading, mention: Mention) -> Entity | None:
        if reading.pronoun:
            return self._antecedent(reading, mention)
        if reading.person:
            return self._person(self._full_name(reading.person, mention.start))
        if reading.head.pos_ == "PROPN" and reading.short:
            found = self._person(self._full_name(reading.head.text, mention.start))
            if found is not None:
                return found
        if reading.definite and reading.short:
            for entity in sorted(self.entities, key=lambda e: e.last, reverse=True):
                if entity.head == reading.head_lemma and entity.kind != "person":
                    return entity
        key = _key(reading.text, self.ctx)
        for entity in reversed(self.entities):
            if any(_key(m.text, self.ctx) == key for m in entity.mentions):
                return entity
        return None

    def _full_name(self, name: str, before: int) -> str:
        """A surname alone stands for the latest full name ending with it written before it ("Julien Martin …
        Martin"), so that two people sharing a surname stay two."""
        if len(name.split()) > 1:
            return name
        surname = fold(name)
        full = [
            e.text
            for e in self.ctx.ents
            if e.label_ in PERSON_LABELS and e.start_char < before and len(e.text.split()) > 1
            and fold(e.text.split()[-1]) == surname
        ]
        return full[-1] if full else name

    def _person(self, name: str) -> Entity | None:
        """The person entity of this name; a lone surname and a full name join only when the article names
        a single person with that surname."""
        folded = fold(name)
        surname = folded.split()[-1]
        exact = [e for e in self.entities if e.kind == "person" and fold(e.name) == folded]
        if exact:
            return exact[0]
        if len(self._full_names(surname)) > 1:
            return None
        partial = [
            e for e in self.entities
            if e.kind == "person" and e.surname == surname and (len(folded.split()) == 1 or len(e.name.split()) == 1)
        ]
        return partial[0] if len(partial) == 1 else None

    def _full_names(self, surname: str) -> set[str]:
        return {
            fold(e.text) for e in self.ctx.ents
            if e.label_ in PERSON_LABELS and len(e.text.split()) > 1 and fold(e.text.split()[-1]) == surname
        }

    def _antecedent(self, reading: _Reading, mention: Mention) -> Entity | None:
        """The latest source of the pronoun's number, or a person named in between."""
        number = reading.number
        candidates = [
            e
            for e in self.entities
            if e.last < mention.start
            and (e.number == number or number == "sg" and e.count == 1)
            and (number == "pl" or e.kind in ("person", "anonymous"))
        ]
        latest = max(candidates, key=lambda e: e.last, default=None)
        named = self._named_between(latest.last if latest else 0, mention.start) if number == "sg" else None
        return named or latest

    def _named_between(self, start: int, end: int) -> Entity | None:
        people = [e for e in self.ctx.ents if e.label_ in PERSON_LABELS and start <= e.start_char < end]
        if not people:
            return None
        person: TokenSpan = people[-1]
        entity = self._person(person.text)
        if entity is None:
            entity = Entity("person", person.text, fold(person.root.lemma_), "sg")
            self.entities.append(entity)
        entity.last = max(entity.last, person.start_char)
        return entity

    def _new(self, reading: _Reading, mention: Mention) -> Entity:
        kind = kind_of(reading, self.ctx)
        name = reading.text
        if kind == "person" and reading.person:
            name = self._full_name(reading.person, mention.start)
        entity = Entity(kind, name, reading.head_lemma, reading.number, count=reading.count)
        self._enrich(entity, reading, mention)
        return entity

    def _enrich(self, entity: Entity, reading: _Reading, mention: Mention) -> None:
        """Fuller mentions make fuller sources: the longest name or description wins, roles are kept."""
        ctx = self.ctx
        if reading.pronoun:
            return
        if entity.kind == "person" and reading.person and len(reading.person) > len(entity.name):
            entity.name = reading.person
        if entity.kind != "person" and len(reading.text) > len(entity.name):
            entity.name = reading.text
        if entity.kind == "person" and reading.person:
            rest = reading.text.replace(reading.person, " ").strip(" ,;:-–—")
            if any(ch.isalpha() for ch in rest) and (entity.description is None or len(rest) > len(entity.description)):
                entity.description = rest
        doc = ctx.doc
        for token in doc[mention.tokens[0] : mention.tokens[1]]:
            if entity.role is None and (fold(token.lemma_) in ctx.res.roles or fold(token.text) in ctx.res.roles):
                entity.role = token.text
        if entity.affiliation is None and reading.organization and reading.organization != entity.name:
            entity.affiliation = reading.organization
        if entity.count is None and reading.count is not None:
            entity.count = reading.count


def _key(text: str, ctx: Context) -> str:
    words = [w for w in fold(text).split() if w not in ctx.res.anaphoric_determiners]
    return " ".join(words)

"""Joining the mentions of one source within an article: one entity model that every mention joins, with the
rule that joined it (see `selon.extract.sources` for the policy, `selon analyze --explain` for the evidence).

The rules are tried from the strongest to the weakest evidence, as a reader does: a full name or a surname, a
title and surname ("Mme Durand"), a role or title the person was introduced with ("la ministre", "the
commissioner"), an age description right after a named person ("the 37-year-old"), a pronoun agreeing in number
and gender with the latest subject, a definite noun phrase with the head noun of a source already seen. Gender
and number are hard filters; recency and subject position are preferences. When no rule applies a new source is
made: merging two speakers is worse for a fact-checker than keeping one speaker twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS, Mention, has_case, mention_of
from selon.extract.sources import Entity, _Reading, _role_words, kind_of, read
from selon.lang import fold
from selon.schema.records import Span

#: Pronouns and age descriptions look this many paragraphs back for a person named in the text.
_WINDOW_PARAGRAPHS = 3
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
_NAME_DEPS = ("appos", "flat:name", "flat", "nmod", "compound", "conj")
_THINGS = ("organization", "document", "media")
_OBLIQUE_DEPS = ("pobj", "poss", "nmod:poss", "obl", "iobj", "dobj", "obj")


@dataclass(frozen=True)
class _Named:
    """A person named in the text, whether or not they speak: a candidate antecedent."""

    name: str
    start: int
    subject: bool
    heading: bool
    roles: frozenset[str]
    gender: str | None


class Resolver:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.entities: list[Entity] = []
        self.named = _named_people(ctx)
        #: (first character, text) of each person's name of more than one word: surnames are looked up in them
        #: for every mention, and a Span rebuilds its text at each access
        self.full_names = [(e.start_char, e.text) for e in ctx.ents
                           if e.label_ in PERSON_LABELS and len(e.text.split()) > 1]

    def resolve(self, mention: Mention) -> Entity:
        reading = read(mention, self.ctx)
        entity, rule = self._find(reading, mention)
        if entity is None:
            entity = self._new(reading, mention)
            rule = "new source"
            self.entities.append(entity)
        else:
            self._enrich(entity, reading, mention)
        span = Span(mention.start, mention.end, reading.text)
        entity.mentions.append(span)
        entity.evidence.append((span, rule))
        entity.last = max(entity.last, mention.start)
        return entity

    def _find(self, reading: _Reading, mention: Mention) -> tuple[Entity | None, str]:
        if reading.pronoun:
            return self._antecedent(reading, mention), f"pronoun '{reading.text}' agrees with the latest subject"
        short_form = self._short_form(reading, mention)
        if short_form is not None:
            return short_form, f"short form of the institution '{short_form.name}' named before"
        if reading.person:
            full = self._full_name(reading.person, mention.start)
            rule = "name" if full == reading.person else f"surname of {full}"
            return self._person(full), rule
        if reading.head.pos_ == "PROPN" and reading.short:
            full = self._full_name(reading.head.text, mention.start)
            found = self._person(full)
            if found is not None:
                return found, f"surname of {full}"
        if reading.definite and reading.number == "sg":
            if reading.roles:
                found = self._by_role(reading, mention)
                if found is not None:
                    return found, f"role '{'/'.join(sorted(reading.roles))}' of a person named before"
            if reading.aged:
                found = self._latest_person(reading, mention, subjects_only=True)
                if found is not None:
                    return found, "age description of the person named just before"
        if reading.definite and reading.number == "pl" and reading.roles and not reading.person:
            group = self._named_group(reading, mention)
            if group is not None:
                return group, f"group of the people named before as '{'/'.join(sorted(reading.roles))}'"
        if reading.definite and reading.short:
            for entity in sorted(self.entities, key=lambda e: e.last, reverse=True):
                if entity.head == reading.head_lemma and entity.kind != "person":
                    return entity, f"same head noun '{reading.head_lemma}' as a source before"
        key = _key(reading.text, self.ctx)
        for entity in reversed(self.entities):
            if any(_key(m.text, self.ctx) == key for m in entity.mentions):
                return entity, "same words as an earlier mention"
        return None, ""

    def _short_form(self, reading: _Reading, mention: Mention) -> Entity | None:
        """"Copperline Resources … Copperline did not respond": a lone proper noun that opens the name of an
        institution written before it stands for that institution, unless a person of that surname is named."""
        head = reading.head
        if head.pos_ != "PROPN" or mention.tokens[1] - mention.tokens[0] > 2 or reading.pronoun:
            return None
        word = fold(head.text)
        if self._full_names(word) or any(e.kind == "person" and e.surname == word for e in self.entities):
            return None
        full = next((e.text for e in self.ctx.ents if e.label_ == "ORG" and e.end_char <= mention.start
                     and len(e) > 1 and fold(e[0].text) == word), None)
        if full is None:
            return None
        found = next((e for e in self.entities if e.kind == "organization" and fold(e.name) == fold(full)), None)
        if found is None:
            found = Entity("organization", full, fold(head.lemma_), "sg", kind_rule=f"short form of '{full}'")
            self.entities.append(found)
        return found

    def _full_name(self, name: str, before: int) -> str:
        """A surname alone stands for the latest full name ending with it written before it ("Julien Martin …
        Martin"), so that two people sharing a surname stay two."""
        if len(name.split()) > 1:
            return name
        surname = fold(name)
        full = [text for start, text in self.full_names if start < before and fold(text.split()[-1]) == surname]
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
        return {fold(text) for _, text in self.full_names if fold(text.split()[-1]) == surname}

    def _entity_of(self, named: _Named) -> Entity:
        """The source a person named in the text becomes once something refers back to them."""
        entity = self._person(self._full_name(named.name, named.start + 1))
        if entity is None:
            entity = Entity("person", self._full_name(named.name, named.start + 1), fold(named.name.split()[-1]), "sg",
                            kind_rule="a person's name")
            self.entities.append(entity)
        entity.roles |= named.roles
        entity.gender = entity.gender or named.gender
        entity.last = max(entity.last, named.start)
        return entity

    def _window(self, mention: Mention) -> int:
        """Where a look back for a person named in the text starts."""
        paragraph = self.ctx.paragraph_of(mention.start)
        return self.ctx.paragraph_start_of(max(paragraph - _WINDOW_PARAGRAPHS, 0))

    def _by_role(self, reading: _Reading, mention: Mention) -> Entity | None:
        """The latest person introduced with this role or a synonym ("la porte-parole X … la porte-voix")."""
        wanted = self._synonyms(reading.roles)
        known: list[tuple[int, Entity | _Named]] = [
            (e.last, e) for e in self.entities
            if e.kind == "person" and e.last < mention.start and e.roles & wanted and _agrees(e.gender, reading.gender)]
        known += [(n.start, n) for n in self.named
                  if n.start < mention.start and n.roles & wanted and _agrees(n.gender, reading.gender)]
        best = max(known, key=lambda k: k[0], default=None)
        if best is None:
            return None
        found = best[1]
        return found if isinstance(found, Entity) else self._entity_of(found)

    def _named_group(self, reading: _Reading, mention: Mention) -> Entity | None:
        """"Les quatre candidats", "the two ministers": a definite plural role stands for the people named
        before with that role (or a synonym) when there are at least two of them and, if the phrase counts
        them, exactly that many. The group is one source of named people, not an anonymous one."""
        wanted = self._synonyms(reading.roles)
        names: dict[str, None] = {}
        for named in self.named:
            if named.start < mention.start and named.roles & wanted and not named.heading:
                names.setdefault(self._full_name(named.name, named.start + 1), None)
        for entity in self.entities:
            if entity.kind == "person" and entity.number == "sg" and entity.roles & wanted and entity.last < mention.start:
                names.setdefault(entity.name, None)
        if len(names) < 2 or reading.count is not None and reading.count != len(names):
            return None
        name = ", ".join(names)
        for entity in self.entities:
            if entity.kind == "person" and entity.number == "pl" and entity.name == name:
                return entity
        group = Entity("person", name, reading.head_lemma, "pl", count=len(names),
                       kind_rule="people named before with this role")
        group.roles |= reading.roles
        self.entities.append(group)
        return group

    def _synonyms(self, roles: Iterable[str]) -> set[str]:
        """The roles and every role that names the same function (role_synonyms.txt)."""
        wanted: set[str] = set()
        for role in roles:
            wanted |= self.ctx.res.synonyms(role)
        return wanted

    def _team(self, reading: _Reading) -> list[str]:
        """"la défense", "the defense": a collective of collectives.tsv stands for the people the article names,
        anywhere, in the role its members have ("Robert Dupuis, son avocat"); none named, it stays a group."""
        roles = self.ctx.res.collectives.get(reading.head_lemma)
        possessive = any("Yes" in c.morph.get("Poss", []) for c in reading.head.children if c.i < reading.head.i)
        if not roles or not (reading.definite or possessive):
            return []
        wanted = self._synonyms(roles)
        names = {self._full_name(n.name, n.start + 1): None for n in self.named if n.roles & wanted and not n.heading}
        return list(names)

    def _latest_person(self, reading: _Reading, mention: Mention, subjects_only: bool) -> Entity | None:
        """The person a pronoun or an age description most plausibly stands for: the latest subject that agrees
        in gender, among the sources so far and the people named in the last paragraphs (not in headings)."""
        start = self._window(mention)
        people: list[tuple[int, bool, Entity | _Named]] = [
            (e.last, True, e) for e in self.entities
            if e.last < mention.start and (e.number == "sg" or e.count == 1) and e.kind in ("person", "anonymous")
            and _agrees(e.gender, reading.gender)
        ]
        people += [
            (n.start, n.subject, n) for n in self.named
            if start <= n.start < mention.start and not n.heading and _agrees(n.gender, reading.gender)
        ]
        subjects = [p for p in people if p[1]]
        pool = subjects if subjects or subjects_only else people
        if not pool:
            return None
        _, _, found = max(pool, key=lambda p: p[0])
        return found if isinstance(found, Entity) else self._entity_of(found)

    def _antecedent(self, reading: _Reading, mention: Mention) -> Entity | None:
        window = self._window(mention)
        if reading.gender == "n":  # "it": the latest institution, document or outlet, never a person
            things = [e for e in self.entities if e.last < mention.start and e.kind in _THINGS and e.number == "sg"]
            latest = max(things, key=lambda e: e.last, default=None)
            phrase = self._subject_token(reading, mention)
            # "The Courier reports that the memo … It expresses concern": the subject named since wins
            if latest is None or latest.last < window or phrase is not None and phrase.idx > latest.last:
                return self._subject_phrase(reading, mention) or latest
            return latest
        if reading.number == "sg":
            found = self._latest_person(reading, mention, subjects_only=False)
            if found is None or found.last < window:
                found = self._subject_phrase(reading, mention) or found
            if found is not None and reading.gender and found.gender is None:
                found.gender = reading.gender  # "elle a ajouté": what the pronoun says holds from now on
            return found
        candidates = [e for e in self.entities if e.last < mention.start and e.number == "pl"]
        latest = max(candidates, key=lambda e: e.last, default=None)
        if latest is None or latest.last < window:
            return self._subject_phrase(reading, mention) or latest
        return latest

    def _subject_phrase(self, reading: _Reading, mention: Mention) -> Entity | None:
        """"Deux employés ont témoigné. Selon eux, …": with no source of its number in the last paragraphs, a
        pronoun stands for the latest subject noun phrase describing people, of its number and gender ("it":
        the latest naming a document, an institution or an outlet)."""
        token = self._subject_token(reading, mention)
        if token is None:
            return None
        last = self.ctx.token_at(mention.start).i
        return self.resolve(mention_of(token, self.ctx.doc, stop=frozenset(range(last, len(self.ctx.doc)))))

    def _subject_token(self, reading: _Reading, mention: Mention) -> Token | None:
        """The head of the latest subject phrase in the last paragraphs that the pronoun may stand for."""
        ctx = self.ctx
        if reading.gender == "n":
            people = ctx.res.document_nouns | ctx.res.organization_nouns | ctx.res.media_nouns
        else:
            people = ctx.res.anonymous_nouns | ctx.res.roles
        start = self._window(mention)
        first = ctx.token_at(start).i
        last = ctx.token_at(mention.start).i
        for token in reversed(ctx.doc[first:last]):
            if (token.dep_ in _SUBJECT_DEPS and token.pos_ == "NOUN" and fold(token.lemma_) in people
                    and ctx.quote_at(token.idx) is None and not ctx.in_heading(token.idx)):
                plural = "Plur" in token.morph.get("Number", []) or token.tag_ in ("NNS", "NNPS")
                feminine = "f" if _feminine(token) else None
                if plural == (reading.number == "pl") and (reading.gender == "n" or _agrees(feminine, reading.gender)):
                    return token
        return None

    def _new(self, reading: _Reading, mention: Mention) -> Entity:
        kind, rule = kind_of(reading, self.ctx)
        team = self._team(reading) if kind == "anonymous" else []
        if team:
            entity = Entity("person", f"{', '.join(team)} ({reading.text})", reading.head_lemma, reading.number,
                            count=len(team),
                            kind_rule=f"'{reading.head_lemma}' stands for the people the article names in that role")
            self._enrich(entity, reading, mention)
            return entity
        name = reading.text
        if kind == "person" and reading.person:
            name = self._full_name(reading.person, mention.start)
        if fold(reading.text).strip("-") in self.ctx.res.impersonal_subjects:
            name = self.ctx.res.unnamed_source or name  # "a-t-on appris": sources the text does not name
        entity = Entity(kind, name, reading.head_lemma, reading.number, count=reading.count, kind_rule=rule)
        self._enrich(entity, reading, mention)
        return entity

    def _enrich(self, entity: Entity, reading: _Reading, mention: Mention) -> None:
        """Fuller mentions make fuller sources: the longest name or description wins, roles are kept."""
        ctx = self.ctx
        entity.gender = entity.gender or reading.gender
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
        entity.roles |= reading.roles
        doc = ctx.doc
        for token in doc[mention.tokens[0] : mention.tokens[1]]:
            if entity.role is None and (fold(token.lemma_) in ctx.res.roles or fold(token.text) in ctx.res.roles):
                entity.role = token.text
        if entity.affiliation is None and reading.organization and reading.organization != entity.name:
            entity.affiliation = reading.organization
        if entity.count is None and reading.count is not None:
            entity.count = reading.count


def _agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _named_people(ctx: Context) -> list[_Named]:
    """Every person the text names, with the roles and gender its own noun phrase gives it ("la ministre de la
    Culture, Rima Dupont", "Mayor Robert Hale"), in text order."""
    people = []
    for ent in ctx.ents:
        if (ent.label_ not in PERSON_LABELS or ctx.in_boilerplate(ent.start_char, ent.end_char)
                or ctx.quote_at(ent.start_char) is not None  # a name in a quote is spoken of, not speaking
                or _credited(ent, ctx)):
            continue
        phrase = _phrase_of(ent)
        roles = frozenset(_role_words(phrase, ctx)) | _role_after(ent, ctx)
        people.append(_Named(ent.text, ent.start_char, _is_subject(ent), ctx.in_heading(ent.start_char), roles,
                             _phrase_gender(phrase, ctx)))
    # a surname the recogniser missed, standing as a subject: "Mayor Jo Hale … Hale removed six members"
    surnames = {p.name.split()[-1] for p in people if len(p.name.split()) > 1}
    typed = {t.i for ent in ctx.ents if ent.label_ in PERSON_LABELS for t in ent}
    for surname in surnames:  # looked up in the text: a pass over every token costs more than the rest
        for start in _whole_word_starts(surname, ctx.text):
            token = ctx.token_at(start)
            if (token.pos_ == "PROPN" and token.dep_ in _SUBJECT_DEPS and token.i not in typed
                    and ctx.quote_at(token.idx) is None):
                people.append(_Named(token.text, token.idx, True, ctx.in_heading(token.idx), frozenset(), None))
    return sorted(people, key=lambda p: p.start)


def _role_after(ent: TokenSpan, ctx: Context) -> frozenset[str]:
    """"a insisté Robert Dupuis, son avocat": a role set off by a comma right after a name describes that
    person even when the parser hung it on the verb; a phrase with a preposition is an adjunct, not a role."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return frozenset()
    noun = doc[ent.end + 2] if doc[ent.end + 1].pos_ == "DET" else doc[ent.end + 1]
    if noun.pos_ != "NOUN" or has_case(noun) or noun.dep_ in _SUBJECT_DEPS or noun.head.i > noun.i:
        return frozenset()
    return frozenset(_role_words(doc[ent.end + 1 : noun.i + 1], ctx))


_WORD_CHAR = re.compile(r"\w")


def _whole_word_starts(word: str, text: str) -> Iterator[int]:
    r"""Where `word` stands in `text` with no word character right before or after it, as `re.finditer` finds
    `(?<!\w)word(?!\w)`: a plain substring search, then a look at its neighbours (a pattern opening on a
    lookbehind is tried at every character of the text)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end):
            yield start
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


def _credited(ent: TokenSpan, ctx: Context) -> bool:
    """A photographer's or agency's credit ("(© AGENCE/JEAN DUPONT)", "© Jean Dupont") names no one in the
    story: the credit runs from its © sign to the end of its bracket or line."""
    line_start = ctx.text.rfind("\n", 0, ent.start_char) + 1
    before = ctx.text[line_start : ent.start_char]
    sign = before.rfind("©")
    return sign >= 0 and not any(mark in before[sign:] for mark in ").")


def _phrase_of(ent: TokenSpan) -> TokenSpan:
    """The noun phrase a name stands in: its own subtree, or the noun it is apposed to, within its sentence."""
    root = ent.root
    top = root.head if root.dep_ in _NAME_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head != root else root
    return ent.doc[top.left_edge.i : top.right_edge.i + 1]  # a subtree never leaves its sentence


def _is_subject(ent: TokenSpan) -> bool:
    """Whether the name may be who acts in its clause: not the object of a preposition ("said on Twitter",
    "a écrit à Paul Martin") nor a possessor ("Martin's lawyer")."""
    root = ent.root
    top = root.head if root.dep_ in _NAME_DEPS and root.head != root else root
    if root.dep_ in _SUBJECT_DEPS or top.dep_ in _SUBJECT_DEPS:
        return True
    return not (any(c.dep_ == "case" for c in root.children) or root.dep_ in _OBLIQUE_DEPS)


def _phrase_gender(phrase: TokenSpan, ctx: Context) -> str | None:
    honorifics = ctx.res.honorifics
    for token in phrase:
        gender = honorifics.get(fold(token.text).rstrip("."))
        if gender in ("f", "m") and token.text[:1].isupper():
            return gender
    for token in phrase:
        if token.pos_ == "NOUN" and fold(token.lemma_) in ctx.res.roles and _feminine(token):
            return "f"
    return None


def _feminine(noun: Token) -> bool:
    """A feminine determiner on the noun ("la ministre", "une porte-parole"): the noun's own tag is a guess for
    words of both genders ("microbiologiste", "juriste")."""
    return any(c.dep_ == "det" and c.morph.get("Gender", []) == ["Fem"] for c in noun.children)


def _key(text: str, ctx: Context) -> str:
    words = [w for w in fold(text).split() if w not in ctx.res.anaphoric_determiners]
    return " ".join(words)

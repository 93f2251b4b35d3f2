"""The words that describe one source: its mentions, the phrases its name stands in, and the role nouns in them.

Gender (`selon.extract.gender`) and role category (`selon.extract.roles`) both read these. They are found after
resolution, from the entity's mentions and the article's own people, so nothing here can change which statements
are found or who made them. A name is also read where it is not a mention of a statement ("la ministre de la
Culture, Rima Dupont, visitait …" before "Dupont a déclaré"): the article introduced her there.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS
from selon.extract.sources import Entity
from selon.lang import fold
from selon.lang.people import PeopleResources, RoleEntry

_NAME_DEPS = ("appos", "flat:name", "flat", "nmod", "compound", "conj")
#: a noun under one of these, or with a case marker, belongs to someone else: "la porte-parole de la ministre"
_GOVERNED_DEPS = ("pobj", "poss", "nmod:poss")


@dataclass(frozen=True)
class Phrase:
    """A stretch of tokens about the source; `pronoun` when it is a bare pronoun mention."""

    tokens: TokenSpan
    pronoun: bool


@dataclass(frozen=True)
class PersonNoun:
    """A role or description noun ("ministre", "spokeswoman", "secrétaire générale") in a phrase."""

    token: Token  # its first word
    end: int  # token index one past its last word
    word: str  # folded, as in roles.tsv
    entry: RoleEntry
    phrase: TokenSpan


def phrases(entity: Entity, ctx: Context) -> list[Phrase]:
    """Every mention of the source, then every phrase its full name stands in outside quotes, in text order."""
    found: dict[tuple[int, int], Phrase] = {}
    for mention in entity.mentions:
        tokens = ctx.tokens(mention.start, mention.end)
        if tokens is None or not len(tokens):
            continue
        pronoun = len(tokens) == 1 and fold(mention.text.strip("-")) in ctx.res.pronouns
        found.setdefault((tokens.start, tokens.end), Phrase(tokens, pronoun))
    if entity.kind == "person" and len(entity.name.split()) > 1:
        name = fold(entity.name)
        for ent in ctx.ents:
            if ent.label_ in PERSON_LABELS and fold(ent.text) == name and ctx.quote_at(ent.start_char) is None:
                phrase = _phrase_of(ent)
                found.setdefault((phrase.start, phrase.end), Phrase(phrase, False))
    return sorted(found.values(), key=lambda p: p.tokens.start)


def _phrase_of(ent: TokenSpan) -> TokenSpan:
    """The noun phrase a name stands in: the noun it is apposed to, or its own subtree, within its sentence."""
    root = ent.root
    top = root.head if root.dep_ in _NAME_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head != root else root
    return ent.doc[top.left_edge.i : top.right_edge.i + 1]


def _governed(token: Token, phrase: TokenSpan) -> bool:
    """Whether `token` hangs, within the phrase, under a preposition or a possessor: someone else's noun (the
    phrase's own head may follow a preposition: "selon la présidente")."""
    node, root = token, phrase.root
    while node != root:
        if node.dep_ in _GOVERNED_DEPS or any(c.dep_ == "case" for c in node.children):
            return True
        if node.head == node or not (phrase.start <= node.head.i < phrase.end):
            return False
        node = node.head
    return False


def _form(token: Token, key: str, entry: RoleEntry) -> RoleEntry:
    """A feminine form found through its masculine lemma ("infirmières" -> "infirmier") is feminine: the tag is
    trusted there, where the written form differs, never on a word of one form for both ("juriste")."""
    if entry.gender == "m" and fold(token.text) != key and token.morph.get("Gender", []) == ["Fem"]:
        return RoleEntry(entry.category, entry.flexible, "f")
    return entry


def _modifier(token: Token) -> bool:
    """An adjective of a role noun's form qualifying another noun: "une source policière" is no policewoman."""
    return token.dep_ == "amod" or token.pos_ == "ADJ" and token.head != token and token.head.i < token.i


def person_nouns(phrase: TokenSpan, people: PeopleResources) -> list[PersonNoun]:
    """The role nouns of roles.tsv in a phrase that describe its own person, longest match first, in order."""
    found: list[PersonNoun] = []
    longest = people.longest_role
    i = phrase.start
    doc = phrase.doc
    while i < phrase.end:
        match = None
        for size in range(min(longest, phrase.end - i), 0, -1):
            words = doc[i : i + size]
            keys = [" ".join(fold(t.text) for t in words)]
            if size == 1:
                keys.append(fold(words[0].lemma_))
            key = next((k for k in keys if k in people.roles), None)
            if key is not None:
                match = PersonNoun(doc[i], i + size, key, _form(words[0], key, people.roles[key]), phrase)
                break
        if match is not None and not _governed(match.token, phrase) and not _modifier(match.token):
            found.append(match)
        i = match.end if match is not None else i + 1
    return found

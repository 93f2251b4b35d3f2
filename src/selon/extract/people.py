"""The words that describe one source: its mentions, the phrases its name stands in, and the role nouns in them.

Gender (`selon.extract.gender`) and role category (`selon.extract.roles`) both read these. They are found after
resolution, from the entity's mentions and the article's own people, so nothing here can change which statements
are found or who made them. A name is also read where it is not a mention of a statement ("la ministre de la
Culture, Rima Dupont, visitait …" before "Dupont a déclaré"): the article introduced her there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
class PersonNoun:
    """A role or description noun ("ministre", "spokeswoman", "secrétaire générale") in a phrase."""

    token: Token  # its first word
    end: int  # token index one past its last word
    word: str  # folded, as in roles.tsv
    entry: RoleEntry
    phrase: TokenSpan


@dataclass(frozen=True)
class Phrase:
    """A stretch of tokens about the source; `pronoun` when it is a bare pronoun mention."""

    tokens: TokenSpan
    pronoun: bool
    #: its role nouns (`person_nouns`; none for a pronoun), found once for both gender and role category
    nouns: tuple[PersonNoun, ...] = ()


def phrases(entity: Entity, ctx: Context, people: PeopleResources) -> list[Phrase]:
    """Every mention of the source, then every phrase its full name stands in outside quotes, in text order,
    each with its role nouns."""
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
                for phrase in (_phrase_of(ent), _set_before(ent), _set_after(ent)):
                    if phrase is not None:
                        found.setdefault((phrase.start, phrase.end), Phrase(phrase, False))
    return [p if p.pronoun else replace(p, nouns=tuple(person_nouns(p.tokens, people)))
            for p in sorted(found.values(), key=lambda p: p.tokens.start)]


def _phrase_of(ent: TokenSpan) -> TokenSpan:
    """The noun phrase a name stands in: the noun it is apposed to, or its own subtree, within its sentence."""
    root = ent.root
    top = root.head if root.dep_ in _NAME_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head != root else root
    return ent.doc[top.left_edge.i : top.right_edge.i + 1]


def _set_before(ent: TokenSpan) -> TokenSpan | None:
    """"La maire, Jean Durand, a déclaré", "Le président de l'association X, Jean Roux, parle": a noun phrase
    ending in a comma right before the name is apposed to it, even when the parser made them two subjects."""
    doc, start = ent.doc, ent.start
    if start < 2 or doc[start - 1].text != ",":
        return None
    node, best = doc[start - 2], None
    while True:
        if node.pos_ == "NOUN" and node.right_edge.i in (start - 2, start - 1):
            best = node
        if node.head.i >= node.i or node.head.i < ent.sent.start:
            break
        node = node.head
    return doc[best.left_edge.i : start - 1] if best is not None else None


def _set_after(ent: TokenSpan) -> TokenSpan | None:
    """"…, regrette Karim Roux, médecin à Roubaix": the words after a comma right after the name, up to the next
    punctuation or verb, whatever the parser hung them on."""
    doc, end = ent.doc, ent.end
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    last = end + 1
    while last < min(len(doc), ent.sent.end) and not (doc[last].is_punct and doc[last].text not in "-'’") \
            and doc[last].pos_ not in ("VERB", "AUX"):
        last += 1
    words = doc[end + 1 : last]
    return words if any(t.pos_ == "NOUN" for t in words) else None


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
    """An adjective of a role noun's form qualifying another noun ("une source policière" is no policewoman), or
    the end of a hyphenated word ("front-runner" is no runner)."""
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return True
    return token.dep_ == "amod" or token.pos_ == "ADJ" and token.head != token and token.head.i < token.i


def person_nouns(phrase: TokenSpan, people: PeopleResources) -> list[PersonNoun]:
    """The role nouns of roles.tsv in a phrase that describe its own person, longest match first, in order."""
    found: list[PersonNoun] = []
    longest = people.longest_role
    i = phrase.start
    doc = phrase.doc
    folded = [fold(t.text) for t in phrase]  # once per word: each is tried in up to `longest` keys
    while i < phrase.end:
        match = None
        for size in range(min(longest, phrase.end - i), 0, -1):
            offset = i - phrase.start
            key = " ".join(folded[offset : offset + size]).rstrip(".")  # "Sen.", "Pr" as titles
            if key not in people.roles and size == 1:
                key = fold(doc[i].lemma_)
            if key in people.roles:
                match = PersonNoun(doc[i], i + size, key, _form(doc[i], key, people.roles[key]), phrase)
                break
        if match is not None and not _governed(match.token, phrase) and not _modifier(match.token):
            found.append(match)
        i = match.end if match is not None else i + 1
    return found

"""The role category of a source (politician, government, police_justice, expert, business, union_civil,
citizen, sport, culture, media, other), from the role nouns the article describes it with.

The first role noun of roles.tsv in the source's phrases, in text order, gives the category ("le coureur cycliste
Julien Marchetti": sport). A role written "~category" there is a function found everywhere ("porte-parole",
"président", "spokesman"): the first institution word of role_contexts.tsv after it in its phrase decides ("la
porte-parole du ministère": government; "the president of the club": sport), else its own category. A source
described by no role noun takes the first institution word of its phrases ("une source policière":
police_justice), else `other`. Organisations, documents and media have no role category (null).
"""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan

from selon.extract.people import Phrase
from selon.extract.sources import Entity
from selon.lang import fold
from selon.lang.people import PeopleResources
from selon.schema.records import PEOPLE_KINDS, RoleCategory


def _context(tokens: TokenSpan, start: int, people: PeopleResources) -> RoleCategory | None:
    """The category of the first institution word at or after token `start` in a phrase (one or two words)."""
    doc = tokens.doc
    for i in range(max(start, tokens.start), tokens.end):
        pair = f"{fold(doc[i].text)} {fold(doc[i + 1].text)}" if i + 1 < tokens.end else ""
        for key in (pair, fold(doc[i].text), fold(doc[i].lemma_)):
            if key and key in people.contexts:
                return people.contexts[key]
    return None


def role_category(entity: Entity, described: list[Phrase], people: PeopleResources) -> RoleCategory | None:
    """The category of the source's role, from its phrases (`selon.extract.people.phrases`, read once for gender
    and role category); None for a source that is not people."""
    if entity.kind not in PEOPLE_KINDS:
        return None
    worded = [p for p in described if not p.pronoun]
    nouns = sorted((n for p in worded for n in p.nouns), key=lambda n: n.token.i)
    if nouns:
        first = nouns[0]
        if first.entry.flexible:  # the institution after the noun, else before it ("the union's chair")
            return (_context(first.phrase, first.end, people) or _context(first.phrase, first.phrase.start, people)
                    or first.entry.category)
        return first.entry.category
    for phrase in worded:
        found = _context(phrase.tokens, phrase.tokens.start, people)
        if found is not None:
            return found
    return "other"

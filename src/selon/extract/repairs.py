"""Readings of parses the French model gets wrong in a regular way, shared by the cue finder and the subject
finder so that both see the same predicate.

"La directrice a de son côté admis des erreurs": with an adjunct between the auxiliary and the participle the
model makes the auxiliary the main verb and hangs the participle on the adjunct's noun as a modifier. The
participle is the predicate and the auxiliary's subject is its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

_ADJUNCT_DEPS = ("obl", "obl:arg", "obl:mod", "nmod")


def stranded_auxiliary(participle: Token) -> Token | None:
    """The auxiliary a past participle belongs to when the parser hung it on an adjunct's noun, else None."""
    if participle.dep_ != "acl" or "Part" not in participle.morph.get("VerbForm", []):
        return None
    noun = participle.head
    auxiliary = noun.head
    if (noun.dep_ in _ADJUNCT_DEPS and noun.i < participle.i and auxiliary.pos_ == "AUX"
            and auxiliary.i < noun.i and participle.i - auxiliary.i <= 5
            and any(c.dep_ == "case" for c in noun.children)):
        return auxiliary
    return None


def disagrees_in_person(pronoun: Token, verb: Token) -> bool:
    """A first- or second-person pronoun tagged as the subject of a third-person verb is its object clitic:
    in "« … », nous indique le parquet" the parquet speaks, to us."""
    persons = pronoun.morph.get("Person", [])
    if pronoun.pos_ != "PRON" or not persons or persons[0] == "3":
        return False
    finite = [verb, *(c for c in verb.children if c.pos_ == "AUX")]
    verb_persons = {p for t in finite for p in t.morph.get("Person", [])}
    return verb_persons == {"3"}

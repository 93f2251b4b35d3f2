"""Readings of parses the French model gets wrong in a regular way, shared by the cue finder and the subject
finder so that both see the same predicate.

"La directrice a de son côté admis des erreurs": with an adjunct between the auxiliary and the participle the
model makes the auxiliary the main verb and hangs the participle on the adjunct's noun as a modifier. The
participle is the predicate and the auxiliary's subject is its subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_ADJUNCT_DEPS = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod")


def stranded_auxiliary(participle: Token) -> Token | None:
    """The auxiliary a past participle belongs to when the parser hung it on an adjunct's noun, else None."""
    if participle.dep_ != "acl" or "Part" not in participle.morph.get("VerbForm", []):
        return None
    noun = participle.head
    auxiliary = noun.head
    # "M. Durand a par la suite décliné": the tagger may even call the auxiliary a verb; a finite one with the
    # participle hung a few words after it, on its own adjunct, is that auxiliary
    is_auxiliary = auxiliary.pos_ == "AUX" or auxiliary.pos_ == "VERB" and is_finite(auxiliary)
    if (noun.dep_ in _ADJUNCT_DEPS and noun.i < participle.i and is_auxiliary
            and auxiliary.i < noun.i and participle.i - auxiliary.i <= 5
            and any(c.dep_ == "case" for c in noun.children)):
        return auxiliary
    # … or made the adjunct's noun the root and the auxiliary its copula
    copula = next((c for c in noun.children if c.dep_ == "cop" and c.i < noun.i and is_finite(c)), None)
    if (copula is not None and noun.dep_ == "ROOT" and noun.i < participle.i and participle.i - copula.i <= 5
            and any(c.dep_ == "case" for c in noun.children)):
        return copula
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


def _hearer(token: Token, verb: Token) -> bool:
    """A pronoun before the verb that cannot be its subject: tagged as an object, or first or second person
    before a third-person verb."""
    if token.pos_ != "PRON" or token.i > verb.i or verb not in (token.head, token.head.head):
        return False
    if "Yes" in token.morph.get("Reflex", []):
        return False  # "s'est dit": the speaker's own pronoun, part of the verb
    return token.dep_ in ("obj", "iobj", "expl:comp") or disagrees_in_person(token, verb)


def hearer_start(doc: Doc, start: int, verb: Token) -> int:
    """The first of the object clitics right before a cue's first word, or `start` when there are none:
    "…, nous apprend la préfecture", "…, m'a confié un élu", "…, lui a-t-il dit" are incises whose clitic
    names who was told."""
    while start > 0 and _hearer(doc[start - 1], verb):
        start -= 1
    return start


def is_finite(token: Token) -> bool:
    """Inflected for tense and person: the tagger gives some finite forms a mood but no verb form ("a")."""
    return "Fin" in token.morph.get("VerbForm", []) or bool(token.morph.get("Mood", []))

"""Readings of parses the French model gets wrong in a regular way, shared by the cue finder and the subject
finder so that both see the same predicate.

"La directrice a de son côté admis des erreurs": with an adjunct between the auxiliary and the participle the
model makes the auxiliary the main verb and hangs the participle on the adjunct's noun as a modifier. The
participle is the predicate and the auxiliary's subject is its subject.

"Deux cadres de la CNE, sous couvert d'anonymat, affirment que …": after a subject set off by an apposition the
model may make the subject's noun the root of a sentence with no verb, and the finite verb a modifier of it.
The verb is the predicate and the root noun its subject.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.tokens import Doc, Token

from selon.lang import CueEntry, fold

_ADJUNCT_DEPS = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod")
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")
_MODIFIER_DEPS = ("amod", "acl", "advmod", "conj", "appos", "dep", "nmod")
_CLOSING_MARKS = ("»", "”", '"')
_PASSIVE_AUXILIARIES = ("aux:pass", "auxpass")


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


def verbless_subject(verb: Token) -> Token | None:
    """The noun a finite verb with no subject of its own speaks for when the parser made that noun the root of
    its sentence and hung the verb below it as a modifier; None otherwise."""
    root = verb.sent.root
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "," and doc[verb.i - 2].text in _CLOSING_MARKS:
        return None  # "« … », ajoute la holding": an incise, its subject after it
    if (verb.dep_ not in _MODIFIER_DEPS or not is_finite(verb) or root.pos_ not in ("NOUN", "PROPN")
            or root.i >= verb.i or not root.is_ancestor(verb)
            or any(c.dep_ in _SUBJECT_DEPS or "Rel" in c.morph.get("PronType", []) for c in verb.children)):
        return None
    numbers, root_numbers = set(verb.morph.get("Number", [])), set(root.morph.get("Number", []))
    if numbers and root_numbers and not numbers & root_numbers:
        return None
    persons = verb.morph.get("Person", [])
    return root if not persons or persons == ["3"] else None


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


def misattached_conjunct(verb: Token, cues: Mapping[str, tuple[CueEntry, ...]], people: Collection[str]) -> Token | None:
    """"said the failures were unacceptable and promised that …": a verb of saying with no subject, coordinated by
    the parser with the head of the complement clause, is the speaker's second act, coordinated with the verb
    that governs the clause (returned), when it reports a clause of its own or denies, admits or declines (what
    only people do) and the clause's subject is a thing that cannot speak. "said she supported the repairs but
    objected to …" (a person, a pronoun) goes on with what was said."""
    clause = verb.head
    governor = clause.head
    subjects = [c for c in clause.children if c.dep_ in _SUBJECT_DEPS]
    if (verb.dep_ != "conj" or clause.dep_ != "ccomp" or governor == clause or verb.i < clause.i or not subjects
            or any(c.dep_ in _SUBJECT_DEPS or c.dep_ in _PASSIVE_AUXILIARIES for c in verb.children)
            # "… and did not imply any wrongdoing" is the thing's; "… and promised that …", "… but denied it" a person's
            or not (any(c.dep_ == "ccomp" for c in verb.children)
                    or any(e.stance != "assert" for e in cues.get(fold(verb.lemma_), ())))
            or fold(governor.lemma_) not in cues or fold(verb.lemma_) not in cues):
        return None
    thing = subjects[0]
    if thing.pos_ != "NOUN" or thing.ent_type_ or fold(thing.lemma_) in people:
        return None
    return governor


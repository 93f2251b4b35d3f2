"""Passive attributions: "la décision a été critiquée par l'opposition", "the ruling was hailed by officials".

The subject of a passive reporting verb is what was said about, and its agent ("par X", "by X") is who said it.
`selon.extract.cues` sets passive verbs aside because their subject never speaks; here the ones with an agent
come back as attributions whose content is the subject's noun phrase, as the gold conventions read them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from selon.extract.contents import trim
from selon.extract.context import Context
from selon.extract.cues import is_negated
from selon.extract.mentions import Mention, mention_of
from selon.lang import fold
from selon.schema.records import Stance

_PASSIVE_AUX = ("aux:pass", "auxpass")
_PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass")
_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass")
#: Frames whose stance holds without a condition on the complement (see `selon.lang.FRAMES`).
_FRAMES = ("say", "say_obj", "act")


@dataclass(frozen=True)
class PassiveHit:
    content: tuple[int, int]
    cue: tuple[int, int]
    lemma: str
    stance: Stance
    mention: Mention


def _agent(verb: Token) -> tuple[Token, Token] | None:
    """(preposition, agent noun): French "obl:agent", English "agent" + "pobj"."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            case = next((c for c in child.children if c.dep_ == "case"), None)
            if case is not None:
                return case, child
        if child.dep_ == "agent":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None:
                return child, noun
    return None


def _passive_verbs(doc: Doc) -> list[Token]:
    """The heads of passive auxiliaries, found on the dependency array: a pass over every Token object costs as
    much as the rest of the extraction."""
    labels = [doc.vocab.strings[label] for label in _PASSIVE_AUX if label in doc.vocab.strings]
    if not labels or not len(doc):
        return []
    table = doc.to_array([DEP, HEAD])  # HEAD is relative to the token
    rows = numpy.flatnonzero(numpy.isin(table[:, 0], labels))
    heads = sorted({int(i) + int(table[i, 1].astype(numpy.int64)) for i in rows})
    return [doc[i] for i in heads if 0 <= i < len(doc)]


def find_passives(ctx: Context) -> list[PassiveHit]:
    hits: list[PassiveHit] = []
    doc = ctx.doc
    for verb in _passive_verbs(doc):
        if verb.pos_ != "VERB":
            continue
        entries = [e for e in ctx.res.cues.get(fold(verb.lemma_), ()) if e.frame in _FRAMES]
        agent = _agent(verb)
        subject = next((c for c in verb.children if c.dep_ in _PASSIVE_SUBJECTS and c.i < verb.i), None)
        if not entries or agent is None or subject is None or is_negated(verb):
            continue
        if ctx.quote_at(verb.idx) is not None or ctx.in_boilerplate(verb.idx, verb.idx + 1):
            continue
        content = trim(ctx, subject.left_edge.i, subject.right_edge.i)
        if content is None:
            continue
        preposition, noun = agent
        start = min([c.i for c in verb.children if c.dep_ in _AUX_DEPS and c.i < verb.i], default=verb.i)
        stop = frozenset(range(noun.left_edge.i)) | frozenset(
            t.i for t in noun.subtree if t.text == "," or t.i > noun.i and t.dep_ in ("acl:relcl", "relcl"))
        hits.append(PassiveHit(content, (doc[start].idx, preposition.idx + len(preposition)), entries[0].lemma,
                               entries[0].stance, mention_of(noun, doc, stop=stop)))
    return hits

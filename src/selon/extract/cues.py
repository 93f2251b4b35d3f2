"""Reporting cues: verbs from the language's cue table, with the stance their frame allows here.

A lemma is only a candidate: "refuser" signals a refusal to comment only when what is refused is speech, and
"répondre" signals no response only under negation. Each frame of `selon.lang.FRAMES` states such a condition,
checked on the verb's dependents, so the table stays data and the conditions stay few.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import DEP, IDX, LEMMA, LENGTH, ORTH, POS
from spacy.strings import StringStore
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from selon.extract.repairs import stranded_auxiliary
from selon.lang import CueEntry, LangResources, fold
from selon.schema.records import Stance

_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass", "neg")
_CONTROL_DEPS = ("xcomp", "ccomp")
_OBJECT_DEPS = ("obj", "dobj", "iobj", "obl", "obl:arg", "pobj", "nmod")
_DIRECT_OBJECT_DEPS = ("obj", "dobj")
#: Dependents that make a participle a modifier, not a predicate: "l'accord signalé".
_MODIFIER_DEPS = ("acl", "amod")
_UNCONDITIONAL = ("say", "say_obj", "act")
_PASSIVE_DEPS = ("aux:pass", "auxpass")  # not nsubj:pass: the parser gives it to "a-t-elle"


@dataclass(frozen=True)
class CueHit:
    verb: int  # the token whose lemma is in the cue table
    stance: Stance
    frame: str
    start: int  # first token of the cue words (auxiliaries, negation, the verb)
    end: int  # one past the last cue token (the controlled verb for "refused to comment")
    lemma: str

    def char_span(self, doc: Doc) -> tuple[int, int]:
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1])


def _attached(child: Token, verb: Token) -> bool:
    """A dependent on the verb's own side of any punctuation: "jamais », a-t-il affirmé" does not negate."""
    low, high = sorted((child.i, verb.i))
    return not any(t.is_punct for t in child.doc[low + 1 : high])


def is_negated(verb: Token) -> bool:
    return any(
        (c.dep_ == "neg" or "Neg" in c.morph.get("Polarity", [])) and _attached(c, verb) for c in verb.children
    )


def _lemma(token: Token) -> str:
    return fold(token.lemma_)


def _is_speech(token: Token, res: LangResources) -> bool:
    return _lemma(token) in res.cues or _lemma(token) in res.speech_nouns


def _controlled(verb: Token, res: LangResources) -> Token | None:
    """The speech verb or noun a control verb governs: "refused to *comment*", "a décliné tout *commentaire*"."""
    for child in verb.children:
        if child.dep_ in _CONTROL_DEPS and (
            _is_speech(child, res)
            or any(c.dep_ in _OBJECT_DEPS and _lemma(c) in res.speech_nouns for c in child.children)
        ):  # "refused to comment", "declined to provide details"
            return child
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS and _lemma(child) in res.speech_nouns:
            return child
    return None


def _matches(entry: CueEntry, verb: Token, res: LangResources) -> Token | None | bool:
    """False if the entry does not apply; otherwise the token ending the cue (or None for the verb itself)."""
    frame = entry.frame
    if frame in _UNCONDITIONAL:
        return None
    if frame == "neg":
        return None if is_negated(verb) else False
    if frame == "neg_obj":  # "n'a pas donné suite", "did not return calls"
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS + ("obl:mod",)]
        # "suite à nos sollicitations": the parser may take "suite à" for a preposition
        spoken = any(_lemma(c) in res.speech_nouns or any(_lemma(g) in res.speech_nouns for g in c.children
                                                          if g.dep_ == "case") for c in objects)
        return None if is_negated(verb) and spoken else False
    if frame == "decline_ctrl":
        return _controlled(verb, res) or False
    if frame == "neg_ctrl":
        return (_controlled(verb, res) or False) if is_negated(verb) else False
    if frame == "claim_obj":  # "a rejeté ces critiques", not "a rejeté le projet de loi"
        objects = [c for c in verb.children if c.dep_ in _DIRECT_OBJECT_DEPS and c.i > verb.i]
        return None if any(_lemma(c) in res.claim_nouns or _called(c, res) for c in objects) else False
    if frame == "refer":
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS + ("obl:mod",)]
        if any(_lemma(c) in res.speech_nouns for c in objects):
            return None
        # "a renvoyé vers la direction": no object, only the institution the questions were sent to
        direct = any(c.dep_ in _DIRECT_OBJECT_DEPS for c in objects)
        institution = any(_lemma(c) in res.organization_nouns or c.ent_type_ == "ORG" or _is_acronym(c) for c in objects)
        return None if institution and not direct else False
    return False


def _is_acronym(token: Token) -> bool:
    return token.text.isupper() and len(token.text) > 1 and token.pos_ in ("PROPN", "NOUN", "X")


def _cue_start(verb: Token) -> int:
    """Leftmost auxiliary or negation of the verb that stands before it: "n'a pas répondu", "a-t-il déclaré"."""
    starts = [
        c.i
        for c in verb.children
        if c.i < verb.i and (c.dep_ in _AUX_DEPS or c.morph.get("Polarity", [])) and _attached(c, verb)
    ]
    return min(starts, default=verb.i)


def _before_clitic(token: Token) -> bool:
    """A form right before an inverted clitic subject ("estime-t-il") is a verb, whatever the tagger said."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return following.text.startswith("-") and following.pos_ == "PRON"


_INCISE_OPENERS = frozenset(",—–»”\"")
_HYPHEN = re.compile("-")


def _in_incise(token: Token) -> bool:
    """A word between a comma (or closing mark) and a name: "…, raconte Élodie Ferracci." The tagger often
    calls such an inverted verb an adjective or a noun, so its form is looked up as a verb's would be."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before = doc[token.i - 1]
    if before.dep_ in _AUX_DEPS and token.i > 1:  # "…", a twitté Marie Dupont": the auxiliary comes first
        before = doc[token.i - 2]
    if before.text not in _INCISE_OPENERS:
        return False
    following = doc[token.i + 1]
    return following.pos_ == "PROPN" or following.pos_ == "DET" and token.i + 2 < len(doc) and doc[token.i + 2].pos_ in ("NOUN", "PROPN")


def _entries(token: Token, lemma: str, res: LangResources) -> tuple[CueEntry, ...] | None:
    entries = res.cues.get(lemma)
    if entries or not (token.pos_ == "VERB" or _before_clitic(token) or _in_incise(token)):
        return entries
    # The model lemmatises some verb forms badly ("demande" for "demander", inverted forms): try the form
    # itself, then the language's repair on the form and on the lemma.
    form = fold(token.text)
    suffix = res.clitic_lemma_suffix
    keys = (form, form + suffix, lemma + suffix) if suffix else (form,)
    return next((res.cues[key] for key in keys if key in res.cues), None)


def _called(obj: Token, res: LangResources) -> bool:
    """"dismissed the plan as unaffordable": an object followed by what it is called, a judgment on it whatever
    it is (predicative_prepositions.txt)."""
    doc = obj.doc
    after = obj.right_edge.i + 1
    while after < len(doc) and doc[after].is_punct:
        after += 1
    return after + 1 < len(doc) and fold(doc[after].text) in res.predicative_prepositions


def _reflexive(token: Token) -> bool:
    return any(c.pos_ == "PRON" and "Yes" in c.morph.get("Reflex", []) and c.i < token.i for c in token.children)


def _carried_by_document(token: Token, res: LangResources) -> bool:
    """"released a statement accusing the mayor", "a publié un communiqué dénonçant …": a present participle on
    a document its speaker issued says what the document says."""
    head = token.head
    if not (token.dep_ in ("acl", "advcl") and "Pres" in token.morph.get("Tense", []) and head.i < token.i
            and head.pos_ == "NOUN" and _lemma(head) in res.document_nouns):
        return False
    # issued by the subject of the verb it is the object of, or itself the subject: "A statement denying …"
    return head.dep_ not in ("obj", "dobj") or _lemma(head.head) in res.issuing_verbs


def _is_modifier(token: Token) -> bool:
    """A bare participle modifying a noun ("l'accord signalé", "the reported deal") reports nothing, nor does a
    past participle set before a clause ("Asked whether…, she declined", "Interrogée, la ministre…"): the one
    it describes was spoken to."""
    if "Part" not in token.morph.get("VerbForm", []) or any(c.dep_ in _AUX_DEPS for c in token.children):
        return False
    if stranded_auxiliary(token) is not None:
        return False  # "a de son côté admis": the parser's modifier is the predicate
    if "Pres" in token.morph.get("Tense", []) and token.i > 0 and token.doc[token.i - 1].text == ",":
        return False  # "…, précise le ministère, ajoutant que …": set off by a comma, it goes on the statement
    return token.dep_ in _MODIFIER_DEPS or (
        token.dep_ == "advcl" and "Past" in token.morph.get("Tense", []) and token.i < token.head.i)


def _is_passive(token: Token) -> bool:
    """"Questions would be addressed", "la réouverture a été annoncée": the subject is what is said or asked
    about, never the speaker, and the rules do not follow agents ("by X")."""
    return any(c.dep_ in _PASSIVE_DEPS for c in token.children)


_MULTIWORD: dict[str, dict[str, list[tuple[str, CueEntry]]]] = {}
#: At most this many words (prepositions, adverbs) between the two words of a two-word cue: "mis toutefois en garde".
_MULTIWORD_GAP = 2


def _multiword(res: LangResources) -> dict[str, list[tuple[str, CueEntry]]]:
    """Rows of two words ("faire savoir", "mettre garde"), by their first lemma: (second lemma, entry)."""
    if res.code not in _MULTIWORD:
        table: dict[str, list[tuple[str, CueEntry]]] = {}
        for key, entries in res.cues.items():
            if " " in key:
                first, second = key.split(" ", 1)
                table.setdefault(first, []).extend((second, e) for e in entries)
        _MULTIWORD[res.code] = table
    return _MULTIWORD[res.code]


def _multiword_hit(token: Token, res: LangResources) -> CueHit | None:
    """"a fait savoir que", "a mis en garde contre": two lemmas of which one governs the other, whichever way
    the parser hung them; the governing one is the verb whose complements are the content."""
    doc = token.doc
    for second, entry in _multiword(res).get(_lemma(token), ()):
        # the second word may hang lower: "met en avant" has "avant" fixed on "en", itself on the object
        below = [t for t in doc[token.i + 1 : token.i + _MULTIWORD_GAP + 2] if token.is_ancestor(t)]
        near = (token.head, *token.children, *below)
        partner = next((t for t in near if t != token and _lemma(t) == second), None)
        if partner is None or not 0 < partner.i - token.i <= _MULTIWORD_GAP + 1:
            continue
        between = doc[token.i + 1 : partner.i]
        if any(t.pos_ not in ("ADP", "ADV", "PART") for t in between) or any(c.dep_ == "det" for c in partner.children):
            continue  # "pour sa part fait" is not "faire part"
        verb = token if token.is_ancestor(partner) else partner
        lower = partner if verb is token else token
        if any(c.dep_ in _CONTROL_DEPS for c in lower.children) and not any(
                c.dep_ in _CONTROL_DEPS and c != lower for c in verb.children):
            verb = lower  # "a fait savoir que …": the clause hangs on "savoir"
        if _matches(entry, verb, res) is False or _is_passive(verb):
            continue
        start = min(_cue_start(verb), _cue_start(token), token.i, partner.i)
        return CueHit(verb.i, entry.stance, entry.frame, start, max(token.i, partner.i) + 1, entry.lemma)
    return None


@lru_cache(maxsize=1 << 16)
def _folded(strings: StringStore, key: int) -> str:
    """The folded string of a hash: the string store decodes a new copy of the string at each look-up."""
    return fold(strings[key])


def _listed(lemma: str, form: str, res: LangResources) -> bool:
    """Whether the cue table holds the lemma or one of the keys `_entries` tries for a verb the model
    lemmatised badly: a word with none of them is no cue, whatever its neighbours."""
    suffix = res.clitic_lemma_suffix
    keys = (lemma, form, form + suffix, lemma + suffix) if suffix else (lemma, form)
    return any(key in res.cues for key in keys)


def _screen(doc: Doc, text: str, res: LangResources) -> list[tuple[int, str, bool]]:
    """(index, folded lemma, worth a look) of the words that may open a two-word cue or be a cue, in order.

    Worth a look: a word the table may list (`_listed`) that has a cue's lemma, is a verb, sits before a hyphen
    ("estime-t-il"), or follows an incise opener or an auxiliary. Screened on the Doc's arrays, each distinct
    word and lemma folded once: making a Token object of every word costs more than the search itself."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    multiword = _multiword(res)
    table = doc.to_array([LEMMA, POS, IDX, LENGTH, ORTH, DEP])
    lemmas = {h: _folded(strings, h) for h in numpy.unique(table[:, 0]).tolist()}  # Python ints: numpy's are slow
    forms = {h: _folded(strings, h) for h in numpy.unique(table[:, 4]).tolist()}
    openers = [strings[o] for o in _INCISE_OPENERS if o in strings]
    auxiliaries = [strings[d] for d in _AUX_DEPS if d in strings]
    follows = numpy.zeros(len(doc), dtype=bool)  # the word before is an incise opener or an auxiliary
    follows[1:] = numpy.isin(table[:-1, 4], openers) | numpy.isin(table[:-1, 5], auxiliaries)
    hyphens = [m.start() for m in _HYPHEN.finditer(text)]
    near = (numpy.isin(table[:, 0], [h for h, lemma in lemmas.items() if lemma in res.cues]) | (table[:, 1] == VERB)
            | numpy.isin(table[:, 2] + table[:, 3], hyphens) | follows)
    opens = numpy.isin(table[:, 0], [h for h, lemma in lemmas.items() if lemma in multiword])
    lemma_ids, form_ids = table[:, 0].tolist(), table[:, 4].tolist()
    is_near, is_opening = near.tolist(), opens.tolist()
    screened = []
    for i in numpy.flatnonzero(near | opens).tolist():
        lemma = lemmas[lemma_ids[i]]
        worth = is_near[i] and _listed(lemma, forms[form_ids[i]], res)
        if worth or is_opening[i]:
            screened.append((i, lemma, worth))
    return screened


def find_cues(doc: Doc, res: LangResources, text: str | None = None) -> list[CueHit]:
    """Every cue of the Doc; `text` is `doc.text` when the caller has it (spaCy rebuilds it at each access)."""
    hits = []
    text = doc.text if text is None else text
    multiword = _multiword(res)
    covered = -1  # the last token of the latest two-word cue: its second word is no cue of its own
    for i, lemma, worth in _screen(doc, text, res):
        if i <= covered:
            continue
        token = doc[i]
        if lemma in multiword:
            hit = _multiword_hit(token, res)
            if hit is not None:
                hits.append(hit)
                covered = hit.end - 1
                continue
        if not worth:
            continue
        entries = _entries(token, lemma, res)
        if not entries or token.pos_ not in ("VERB", "AUX") and not (_before_clitic(token) or _in_incise(token)):
            continue
        if lemma in res.reflexive_non_speech and _reflexive(token):
            continue  # "s'était montré menaçant", "un incendie s'est déclaré"
        # Conditional frames first: a negated "répondre" is a non-response before it is an answer.
        for entry in sorted(entries, key=lambda e: e.frame in _UNCONDITIONAL):
            matched = _matches(entry, token, res)
            if matched is False:
                continue
            if _is_modifier(token) and not _carried_by_document(token, res) or _is_passive(token):
                break
            last = matched if isinstance(matched, Token) and matched.i > token.i else token
            stance, frame = entry.stance, entry.frame
            if frame == "say" and stance == "assert" and is_negated(token):
                stance, frame = "decline", "act"  # "did not say whether", "n'a pas précisé si"
            hits.append(CueHit(token.i, stance, frame, _cue_start(token), last.i + 1, entry.lemma))
            break
    # "declined to comment": the controlled verb is part of the cue, not a cue of its own
    return [h for h in hits if not any(o is not h and o.start <= h.verb < o.end for o in hits)]

"""Incises: a reporting verb set off inside or after the words it reports ("…, a déclaré X, …").

French typography often leaves the incise inside one pair of guillemets ("« On manque de tout, raconte une
infirmière. Hier encore… »"); such a quotation is two statements of one speaker, and is cut here before the
quotes are linked to their cues.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from selon.extract.according import AccordingHit
from selon.extract.context import Context
from selon.extract.cues import CueHit
from selon.extract.mentions import is_relative, mention_of, subject_of, with_apposed_name
from selon.extract.quotes import Quote
from selon.extract.repairs import hearer_start, verbless_subject

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")


def is_incise(ctx: Context, hit: CueHit) -> bool:
    """A cue set off after a comma or a closing quote: "», a ajouté le général, «"."""
    verb = ctx.doc[hit.verb]
    # inflected, with an auxiliary, or a form the tagger missed as a verb (found by its place, see cues.py)
    finite = "Fin" in verb.morph.get("VerbForm", []) or hit.start < hit.verb or verb.pos_ not in ("VERB", "AUX")
    before = hearer_start(ctx.doc, hit.start, verb) - 1  # "…, nous apprend la préfecture"
    if any(c.dep_ in _SUBJECT_DEPS and c.i < before and not c.text.startswith("-") for c in verb.children):
        return False  # "Two people …, who asked not to be named, said …": the subject came before the comma
    if verbless_subject(verb) is not None:
        return False  # … or the parser made the subject the root and the verb its modifier
    head = verb.head
    if verb.dep_ == "conj" and head.i < verb.i and head.dep_ in ("acl:relcl", "relcl") and any(
            is_relative(c) for c in head.children):
        return False  # "Un chauffeur, qui préfère garder l'anonymat, résume :": parsed as the relative's second verb
    return finite and before >= 0 and ctx.doc[before].text in ",—–»”\""


def split_at_incises(ctx: Context, hits: list[CueHit], according: Sequence[AccordingHit] = ()) -> list[Quote]:
    """Quotes cut where an incise interrupts them without closing marks, as French typography does:
    "« On manque de tout, raconte une infirmière. Hier encore… »" is two statements of one speaker, the first
    with the cue right after it, the second continuing it. A "selon X" set off by commas inside the marks
    ("« Le mieux, selon Paul Roux, député, serait … »") cuts the quote the same way."""
    return [piece for quote in ctx.quotes for piece in _pieces(ctx, quote, hits, according)]


def _interruptions(ctx: Context, quote: Quote, hits: list[CueHit],
                   according: Sequence[AccordingHit]) -> list[tuple[int, int, Token]]:
    """(first token, one past the cue, speaker) of each incise or selon phrase inside the quote's marks."""
    doc = ctx.doc
    found: list[tuple[int, int, Token]] = []
    for hit in hits:
        verb = doc[hit.verb]
        if not quote.inner_start < verb.idx < quote.inner_end or not is_incise(ctx, hit):
            continue
        subject = subject_of(verb, inverted=True, inherit=lambda head: False)
        if doc[hit.start - 1].text != "," or subject is None or subject.i < hit.start:
            continue  # "a-t-il glissé": the clitic is inside
        found.append((hit.start, hit.end, subject))
    for phrase in according:
        if quote.inner_start < phrase.char_start < quote.inner_end and phrase.start > 0 and (
                doc[phrase.start - 1].text == ","):
            found.append((phrase.start, phrase.end, phrase.head))
    return sorted(found, key=lambda f: f[0])


def _pieces(ctx: Context, quote: Quote, hits: list[CueHit], according: Sequence[AccordingHit]) -> list[Quote]:
    doc = ctx.doc
    pieces: list[Quote] = []
    rest: Quote | None = quote
    for start, end, subject in _interruptions(ctx, quote, hits, according):
        if rest is None:
            break
        comma = doc[start - 1]
        if comma.idx < rest.inner_start:
            continue
        first = _trimmed_quote(ctx, rest, rest.start, comma.idx, closed=True, before=rest.before)
        if first is None:
            continue
        pieces.append(first)
        named = with_apposed_name(mention_of(subject, doc), doc).tokens[1]
        resume = _after_incise(ctx, max(named, end), rest.inner_end)  # after "a-t-il glissé" too
        rest = _trimmed_quote(ctx, rest, resume, rest.end, closed=rest.closed, before="sentence") if resume else None
    return pieces + ([rest] if rest is not None else [])


def _trimmed_quote(ctx: Context, quote: Quote, start: int, end: int, *, closed: bool, before: str) -> Quote | None:
    inner_start, inner_end = max(start, quote.inner_start), min(end, quote.inner_end)
    while inner_start < inner_end and ctx.text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (ctx.text[inner_end - 1].isspace() or ctx.text[inner_end - 1] == ","):
        inner_end -= 1
    if not ctx.text[inner_start:inner_end].strip():
        return None
    return Quote(start, end, inner_start, inner_end, closed, before)


def _after_incise(ctx: Context, end: int, limit: int) -> int | None:
    """Where the quote resumes after an incise whose speaker's mention ends at token `end`: after the comma or
    full stop that closes it, verbless appositions ("…, infirmière aux urgences.") being part of the incise."""
    doc = ctx.doc
    i = end
    while i < len(doc) and doc[i].idx < limit:
        if doc[i].text in ".!?":
            return doc[i].idx + len(doc[i]) if doc[i].idx + 1 < limit else None
        if doc[i].text != ",":
            return doc[i].idx
        following = i + 1
        while following < len(doc) and doc[following].text not in ",.!?" and doc[following].idx < limit:
            following += 1
        if any("Fin" in t.morph.get("VerbForm", []) for t in doc[i + 1 : following]):
            return doc[i + 1].idx if i + 1 < len(doc) else None
        i = following
    return None

"""Attribution by preposition: "selon X", "d'après X", "according to X", before or after the content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from selon.extract.contents import clause_start
from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS
from selon.lang import fold

_NOMINAL = ("NOUN", "PROPN", "PRON")


@dataclass(frozen=True)
class AccordingHit:
    start: int  # token span of the phrase
    end: int
    char_start: int
    char_end: int
    lemma: str
    head: Token  # the noun naming the source


@lru_cache(maxsize=8)
def _pattern(according: tuple[str, ...]) -> re.Pattern[str] | None:
    if not according:
        return None
    phrases = [re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+") for p in according]
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


def _source_head(ctx: Context, start: int, end: int) -> Token | None:
    doc = ctx.doc
    phrase = doc[start:end]
    candidates = {t.head for t in phrase if t.head.i >= end}
    candidates.update(c for t in phrase for c in t.children if c.i >= end)
    nominal = sorted((t for t in candidates if t.pos_ in _NOMINAL), key=lambda t: t.i)
    if nominal:
        return nominal[0]
    for token in doc[end : min(end + 6, len(doc))]:
        if token.pos_ in _NOMINAL:
            return token
    return None


def find_according(ctx: Context) -> list[AccordingHit]:
    hits = _matches(ctx, ctx.res.according)
    hits += [h for h in _matches(ctx, ctx.res.according_person) if is_initial(ctx, h) and _names_person(ctx, h.head)]
    return sorted(hits, key=lambda h: h.start)


def _matches(ctx: Context, phrases: tuple[str, ...]) -> list[AccordingHit]:
    pattern = _pattern(phrases)
    if pattern is None:
        return []
    hits = []
    for match in pattern.finditer(ctx.text):
        span = ctx.tokens(match.start(), match.end())
        if span is None or ctx.in_boilerplate(match.start(), match.end()):
            continue
        head = _source_head(ctx, span.start, span.end)
        if head is None:
            continue
        lemma = re.sub(r"\s+", " ", match.group().lower())
        hits.append(AccordingHit(span.start, span.end, match.start(), match.end(), lemma, head))
    return hits


def _names_person(ctx: Context, head: Token) -> bool:
    """A person's name or a role, before the comma: "Pour la sociologue Hélène Martin," not "Pour l'État,"."""
    name = [t for t in head.subtree if t.i >= head.i or t.head == head]
    stop = next((t.i for t in head.doc[head.i :] if t.text == ","), len(head.doc))
    return any(t.ent_type_ in PERSON_LABELS and t.i < stop for t in name) or fold(head.lemma_) in ctx.res.roles


def is_initial(ctx: Context, hit: AccordingHit) -> bool:
    """True when nothing but conjunctions or adverbs precede the phrase in its clause."""
    first = clause_start(ctx, ctx.doc[hit.start])
    return all(t.is_punct or t.pos_ in ("CCONJ", "ADV", "SCONJ") for t in ctx.doc[first : hit.start])

"""Notes on the text that are not attributions: page furniture (boilerplate) and conditions of anonymity.

Boilerplate matters twice: it is reported so a reader sees what was set aside, and no attribution may come from
it (a "related article" headline inserted mid-article often reads like a claim). Besides the language's patterns,
a short paragraph with no closing punctuation between two real paragraphs is taken for an inserted headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from selon.lang import LangResources
from selon.schema.records import Note

_PARAGRAPH = re.compile(r"[^\n]+")
_CLOSING = tuple(".!?…:;»”\"’)]*")
_HEADLINE_MAX_WORDS = 25
_BODY_MIN_WORDS = 12
_TITLE_MIN_WORDS = 4


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed: news text puts one paragraph on a line."""
    for match in _PARAGRAPH.finditer(text):
        start = match.start()
        line = match.group()
        stripped = line.strip()
        if stripped:
            start += len(line) - len(line.lstrip())
            yield start, start + len(stripped)


def _is_headline(line: str, has_neighbours: bool) -> bool:
    words = line.split()
    return (
        has_neighbours
        and 3 <= len(words) <= _HEADLINE_MAX_WORDS
        and not line.endswith(_CLOSING)
        and not any(mark in line for mark in "«»“”\"")
    )


def _is_body(line: str) -> bool:
    """A paragraph of article text: a few sentences' worth of words, ending as a sentence does."""
    return len(line.split()) >= _BODY_MIN_WORDS and line.endswith(_CLOSING)


def boilerplate(text: str, res: LangResources) -> list[Note]:
    spans = list(paragraphs(text))
    first_real = next((i for i, (s, e) in enumerate(spans) if _is_body(text[s:e])), len(spans))
    titles = [text[s:e] for s, e in spans[:first_real]
              if _is_headline(text[s:e], True) and len(text[s:e].split()) >= _TITLE_MIN_WORDS]
    notes = []
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        pattern_hit = any(p.search(line) for p in res.boilerplate)
        # A headline needs real text on both sides: before the first paragraph of body text it is the page's
        # title, however much furniture ("Publié", a place name) surrounds it, and titles make claims.
        inserted = _is_headline(line, first_real < index < len(spans) - 1)
        # After the body has begun, a line quoting the title again is furniture ("… with the headline <title>"):
        # its claim is the title's, already counted once.
        repeated = index > first_real and any(title in line for title in titles)
        if pattern_hit or inserted or repeated:
            notes.append(Note("boilerplate", start, end, line))
    return notes


def anonymity_conditions(doc: Doc, text: str, res: LangResources) -> list[Note]:
    """The sentences stating a condition of anonymity, once each."""
    notes: dict[int, Note] = {}
    for pattern in res.anonymity:
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            sentence = span.sent
            start, end = sentence.start_char, sentence.end_char
            notes.setdefault(start, Note("anonymity_condition", start, end, text[start:end]))
    return [notes[k] for k in sorted(notes)]

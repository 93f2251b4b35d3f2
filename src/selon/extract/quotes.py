"""Quotation spans found from the quote marks alone, before and independently of any parse.

Parsers tokenise and split sentences inside quotes unreliably, so quotes are paired on characters: a stack of
open marks, where a paragraph break closes whatever is still open (a quote that never closes, as in translated
copy or French multi-paragraph quotes, runs to the end of its paragraph). Only top-level quotes are returned;
marks nested inside them (‘…’ inside «…») belong to the outer quote's content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening mark -> the closing marks accepted for it.
_PAIRS: dict[str, str] = {"«": "»", "“": "”\"", "„": "“”", "‹": "›", "‘": "’", '"': '"'}
_CLOSERS = {closer for closers in _PAIRS.values() for closer in closers}
QUOTE_MARKS = frozenset(_PAIRS) | frozenset(_CLOSERS)
#: Marks that open a quote in French and English text (the straight quote both opens and closes).
OPENING_MARKS = frozenset(_PAIRS) - {'"'}
_SENTENCE_END = ".!?…"
#: The only characters the pairing acts on: any other character leaves the stack as it is, so the scan jumps
#: from one of these to the next instead of looking at every character of the text.
_MARK_OR_BREAK = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS | {"\n"}))) + "]")


@dataclass(frozen=True)
class Quote:
    """A top-level quotation: `start`/`end` include the marks, `inner_*` is the content without them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    #: What stands right before the opening mark: "para" (paragraph start), "sentence" (after . ! ? or
    #: another quote), "colon", "comma", or "word" (mid-sentence: a fragment or a scare quote).
    before: str

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,;'’") and not after.isspace()  # "qu'\"on


def _context_before(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0\u202f":
        j -= 1
    if j < 0 or text[j] == "\n":
        return "para"
    char = text[j]
    if char in "'’" and j > 0 and text[j - 1].isalpha():
        return "word"  # an elided word: "qu’« aucun signe »"
    if char == ":":
        return "colon"
    if char in ",;—–":
        return "comma"
    if char in _SENTENCE_END or char in _CLOSERS:
        return "sentence"
    return "word"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, nor the comma that English puts inside the marks ("We won," she said)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _closes(text: str, i: int, opener: str) -> bool:
    char = text[i]
    if char not in _PAIRS[opener]:
        return False
    # A right single mark between letters is an apostrophe (l’accord), never a closing quote.
    return not (char == "’" and i + 1 < len(text) and text[i + 1].isalpha())


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations of `text`, in order."""
    quotes: list[Quote] = []
    stack: list[str] = []  # opening marks, outermost first
    outer = 0  # offset of the outermost opening mark

    def emit(end: int, closed: bool) -> None:
        inner_start, inner_end = _trimmed(text, outer + 1, end - 1 if closed else end)
        if inner_end > inner_start:
            quotes.append(Quote(outer, end, inner_start, inner_end, closed, _context_before(text, outer)))
        stack.clear()

    for match in _MARK_OR_BREAK.finditer(text):
        i, char = match.start(), match.group()
        if char == "\n":
            if stack:
                emit(_trimmed(text, outer, i)[1], closed=False)
            continue
        if stack:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if _closes(text, i, stack[d])), None)
            # A closer that matches an outer mark only (inner quote left open) closes down to that level;
            # straight and single marks are too ambiguous to do that.
            if depth is not None and (depth == len(stack) - 1 or char not in "\"’"):
                del stack[depth:]
                if not stack:
                    emit(i + 1, closed=True)
                continue
        if char in _PAIRS:
            if char == '"' and not _is_opening_straight(text, i):
                continue
            if char == "‘" and i > 0 and text[i - 1].isalpha():
                continue
            if not stack:
                outer = i
            stack.append(char)
    if stack:
        emit(_trimmed(text, outer, len(text))[1], closed=False)
    return quotes

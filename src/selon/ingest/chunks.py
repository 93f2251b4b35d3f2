"""Cutting a long text into chunks of whole paragraphs, so a huge input never becomes one spaCy Doc."""

from __future__ import annotations

import re

_PARAGRAPH_END = re.compile(r"\n\s*\n|\n")


def split_paragraphs(text: str, max_chars: int) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering `text`; chunks end at paragraph breaks where one exists within reach.

    A chunk is cut at the last blank line (or, failing that, line break, then space) before `max_chars`, so an
    attribution is only ever split when a single paragraph is longer than a chunk.
    """
    if len(text) <= max_chars:
        return [(0, text)]
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n\n")
            if cut <= 0:
                cut = window.rfind("\n")
            if cut <= 0:
                cut = window.rfind(" ")
            if cut > 0:
                end = start + cut + 1
        chunks.append((start, text[start:end]))
        start = end
    return chunks

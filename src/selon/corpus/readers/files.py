"""Plain .txt and .html files, one article each; folders are walked in sorted order so keys are stable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from selon.corpus.readers.base import RawItem, ReadFailure, path_key
from selon.errors import InputNotFoundError

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_file(path: Path) -> Iterator[RawItem | ReadFailure]:
    key = path_key(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        yield ReadFailure(key, key, InputNotFoundError(f"{key}: {error.strerror or error}."), payload=None)
        return
    html = path.suffix.lower() in HTML_SUFFIXES
    yield RawItem(key, key, data, html=html)

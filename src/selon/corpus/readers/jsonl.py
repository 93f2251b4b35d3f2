"""JSON Lines exports: one article per line with `text` or `html` and optional metadata (`.gz` allowed).

A bad line is a failure of that line only; a truncated `.gz` keeps every line read before the damage and
records the file as failed, so `--retry-failed` reads it again once it is repaired.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from selon.corpus.readers.base import RawItem, ReadFailure, clean_meta, path_key, unicode_error
from selon.errors import CorpusInputError, EmptyInputError

SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean",
               type(None): "null"}


def _open(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if path.name.endswith(".gz") else path.open("rb")


def read_jsonl(path: Path) -> Iterator[RawItem | ReadFailure]:
    number = 0
    name = path_key(path)
    try:
        with _open(path) as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    yield _record(name, number, raw)
    except (OSError, EOFError, zlib.error) as error:
        yield ReadFailure(
            name, name,
            CorpusInputError(f"{name}: unreadable after line {number} ({error or type(error).__name__})."),
        )


def _record(path: str, number: int, raw: bytes) -> RawItem | ReadFailure:
    key = f"{path}#L{number}"
    line = raw.decode("utf-8", errors="replace")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        message = f"{path}, line {number}: not JSON ({error.msg.removesuffix(' at')} at column {error.colno})."
        return ReadFailure(key, key, CorpusInputError(message, hint="Fix the line, then run "
                                                      "`selon ingest --retry-failed` on the file."), False)
    if not isinstance(record, dict):
        message = f"{path}, line {number}: a JSON object is expected, not {_JSON_TYPES.get(type(record), 'that')}."
        return ReadFailure(key, key, CorpusInputError(message, hint="Make each line one object such as "
                                                      '{"text": "…", "url": "…"}, then run `selon ingest '
                                                      '--retry-failed`.'), False)
    html = record.get("html")
    text = record.get("text")
    body = text if isinstance(text, str) and text.strip() else html if isinstance(html, str) and html.strip() else None
    if body is None:
        message = f"{path}, line {number}: the record has neither 'text' nor 'html'."
        return ReadFailure(key, key, EmptyInputError(message, hint="Each line needs a non-empty 'text' or 'html'."),
                           False)
    meta = clean_meta(record)
    broken = unicode_error({"text" if body is text else "html": body, **{k: v for k, v in meta.items() if v}})
    if broken is not None:
        message = f"{path}, line {number}: not Unicode text ({broken})."
        return ReadFailure(key, key, CorpusInputError(message, hint="Remove or fix the escape on that line, then "
                                                      "run `selon ingest --retry-failed` on the file."), False)
    return RawItem(key, key, body, html=body is not text, meta=meta)

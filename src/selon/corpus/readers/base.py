"""What every reader yields: a raw article with a stable key, or a failure that says what could not be read.

The key (absolute path, plus `#L<line>` in JSONL or `#<WARC-Record-ID>` in WARC) is what makes an ingest
resumable: the store remembers each key it finished, so a re-run skips them without reading them again.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selon.errors import SelonError

META_FIELDS = ("doc_id", "url", "title", "outlet", "published", "lang")


@dataclass(frozen=True)
class RawItem:
    """An article as read, not yet decoded or analysed; `meta` holds the `prepare` keywords it came with."""

    key: str
    name: str
    data: str | bytes
    html: bool | None = None
    meta: dict[str, str | None] = field(default_factory=dict)

    def to_payload(self) -> str:
        """JSON kept with a failure, so `--retry-failed` needs neither the original file nor its position."""
        body: dict[str, Any] = {"name": self.name, "html": self.html, "meta": self.meta}
        if isinstance(self.data, bytes):
            body["data_b64"] = base64.b64encode(self.data).decode("ascii")
        else:
            body["text"] = self.data
        return json.dumps(body, ensure_ascii=False)

    @classmethod
    def from_payload(cls, key: str, payload: str) -> RawItem:
        body = json.loads(payload)
        data: str | bytes = base64.b64decode(body["data_b64"]) if "data_b64" in body else body["text"]
        return cls(key, body["name"], data, body.get("html"), dict(body.get("meta") or {}))


@dataclass(frozen=True)
class ReadFailure:
    """Something a reader could not turn into an article. `retryable` is False when retrying the same bytes
    cannot help (an image in a WARC, a line that is not JSON); `payload` is what a retry would start from,
    None when the retry must read the file again (a truncated archive)."""

    key: str
    name: str
    error: SelonError
    retryable: bool = True
    payload: str | None = None


@dataclass(frozen=True)
class Ignored:
    """A file found in a folder that is no article input (unknown suffix, a FIFO): not a failure, but said in
    the ingest summary so that nothing is left out without a word."""

    key: str
    reason: str

    def __str__(self) -> str:
        return f"{self.key}: {self.reason}"


def path_key(path: Path) -> str:
    """The key of a file: its path, with bytes that are no UTF-8 (a file name from an old Latin-1 disk) written
    as escapes, since a key with a lone surrogate cannot be stored or printed."""
    key = str(path)
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        key = os.fsencode(path).decode("utf-8", "backslashreplace")
    return key


def unicode_error(values: dict[str, str]) -> str | None:
    """The first field whose text holds a lone surrogate (JSON's `"\\ud800"` escape decodes to one): such a
    string is no Unicode text, cannot be encoded, stored nor analysed, so its record fails alone."""
    for name, value in values.items():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"its '{name}' holds a lone surrogate {value[error.start]!r} at character {error.start}"
    return None


def clean_meta(record: dict[str, Any]) -> dict[str, str | None]:
    """The metadata fields of a JSON record, as strings; `id` is the record's own name for `doc_id`."""
    values = {name: record.get(name) for name in META_FIELDS}
    if values["doc_id"] is None and record.get("id") is not None:
        values["doc_id"] = record["id"]
    return {name: (str(value) if value is not None else None) for name, value in values.items() if value is not None}

"""What every reader yields: a raw article with a stable key, or a failure that says what could not be read.

The key (absolute path, plus `#L<line>` in JSONL or `#<WARC-Record-ID>` in WARC) is what makes an ingest
resumable: the store remembers each key it finished, so a re-run skips them without reading them again.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
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


def clean_meta(record: dict[str, Any]) -> dict[str, str | None]:
    """The metadata fields of a JSON record, as strings; `id` is the record's own name for `doc_id`."""
    values = {name: record.get(name) for name in META_FIELDS}
    if values["doc_id"] is None and record.get("id") is not None:
        values["doc_id"] = record["id"]
    return {name: (str(value) if value is not None else None) for name, value in values.items() if value is not None}

"""WARC and WARC.gz files of HTTP responses, as news crawls publish them (CC-NEWS), read with warcio.

Only `response` records of HTML pages with status 200 are articles; any other response is recorded as a
non-retryable failure with its reason, so the store says what was left out. A truncated archive keeps every
record read before the damage.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from selon.corpus.readers.base import RawItem, ReadFailure, path_key
from selon.errors import CorpusInputError, NoArticleTextError

SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class TruncatedError(ValueError):
    pass


def read_warc(path: Path) -> Iterator[RawItem | ReadFailure]:
    """warcio stops quietly at a cut gzip member or hands back a short body; both are checked here, since a
    crawl file cut by a failed download must not pass for a complete one."""
    count = 0
    end = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for record in records:
                if record.rec_type == "response":
                    item = _response(path, record)
                else:
                    item = None
                    record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    raise TruncatedError("the last record is cut short")
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    count += 1
                    yield item
            handle.seek(end)
            if handle.read(64).strip():
                raise TruncatedError(f"unreadable bytes from offset {end}")
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError, AttributeError) as error:
        yield ReadFailure(
            path_key(path), path_key(path),
            CorpusInputError(f"{path_key(path)}: damaged WARC after {count} responses ({error or type(error).__name__})."),
        )


def _response(path: Path, record: object) -> RawItem | ReadFailure:
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI") or ""
    key = f"{path_key(path)}#{headers.get_header('WARC-Record-ID') or uri}"
    http = record.http_headers  # type: ignore[attr-defined]
    status = http.get_statuscode() if http else None
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower() if http else ""
    body: bytes = record.content_stream().read()  # type: ignore[attr-defined]
    if status != "200":
        return ReadFailure(key, uri or key, NoArticleTextError(f"{uri}: HTTP status {status}, not an article."),
                           retryable=False)
    if content_type not in HTML_TYPES:
        return ReadFailure(key, uri or key, NoArticleTextError(
            f"{uri}: not an HTML page (Content-Type {content_type or 'missing'})."), retryable=False)
    host = (urlsplit(uri).hostname or "").removeprefix("www.") or None
    meta: dict[str, str | None] = {"url": uri or None, "outlet": host}
    return RawItem(key, uri or key, body, html=True, meta={k: v for k, v in meta.items() if v})

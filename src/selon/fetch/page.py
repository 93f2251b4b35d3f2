"""From a URL to the page's HTML as text: the content type checked, the charset taken from HTTP, then HTML.

A declared charset is believed only when the bytes fit it: a page that says UTF-8 but holds Latin-1 bytes is
decoded by selon's own guess (`selon.ingest.decode`), and one that says Latin-1 (or cp1252, or ASCII) but holds
valid UTF-8 is read as UTF-8, since Latin-1 decodes any bytes and would turn every accent into two letters.
Either way a warning says so, and travels with the analysis.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from selon.errors import NotHTMLError
from selon.fetch.client import Fetched, Fetcher, FetchOptions
from selon.ingest.decode import decode
from selon.ingest.html import looks_like_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Charsets that decode any bytes at all, so a lie is only seen by trying UTF-8 first.
_ANYTHING_GOES = {"latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15"}
_SNIFF = 4096


@dataclass(frozen=True)
class Page:
    url: str
    final_url: str
    html: str
    warnings: tuple[str, ...] = ()


def meta_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:_SNIFF])
    return found.group(1).decode("ascii") if found else None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def decode_page(body: bytes, header_charset: str | None) -> tuple[str, list[str]]:
    """The page's text, and what had to be guessed. HTTP's charset comes first, then the page's own."""
    warnings: list[str] = []
    for declared, where in ((header_charset, "HTTP header"), (meta_charset(body), "page")):
        if not declared:
            continue
        codec = _codec(declared)
        if codec is None:
            warnings.append(f"the {where} names an unknown charset {declared!r}")
            continue
        if codec in _ANYTHING_GOES and not body.isascii():
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                warnings.append(f"the {where} says {declared} but the page is UTF-8: read as UTF-8")
                return text.removeprefix("\ufeff"), warnings
            if codec in ("latin_1", "iso8859_1"):
                codec = "cp1252"  # as browsers do (WHATWG Encoding): the same letters, plus “ ” ’ and €
        try:
            return body.decode(codec).removeprefix("\ufeff"), warnings
        except UnicodeDecodeError:
            if codec == "cp1252":
                return body.decode("latin-1"), warnings
            warnings.append(f"the {where} says {declared} but the bytes do not fit it")
    decoded = decode(body)
    return decoded.text, warnings + list(decoded.warnings)


def page_of(fetched: Fetched) -> Page:
    """The HTML of an answer; NotHTMLError for any other content (sniffed when the type is missing)."""
    media = fetched.content_type
    if media is not None and media not in HTML_TYPES:
        raise NotHTMLError(f"the server sent {media}, not a web page.")
    html, warnings = decode_page(fetched.body, fetched.charset)
    if media is None and not looks_like_html(html):
        raise NotHTMLError("the server sent no content type, and the body is no web page.")
    return Page(fetched.url, fetched.final_url, html, tuple(warnings))


def fetch_page(url: str, options: FetchOptions | None = None, *, fetcher: Fetcher | None = None) -> Page:
    """Fetch `url` and return its HTML; raises a FetchError subclass saying what went wrong."""
    if fetcher is not None:
        return page_of(fetcher.get(url))
    with Fetcher(options) as own:
        return page_of(own.get(url))

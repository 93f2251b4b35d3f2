"""The keys that say two things are the same: canonical URLs, normalised text hashes, normalised names.

Kept pure and in one module so ingest (deduplication), linking (speakers across articles) and queries
(`selon quotes --source "adrienne watson"`) agree on what "the same" means.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|xtor|at_medium|at_campaign|ref|src)$", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: scheme, `www.`, fragment, tracking parameters and trailing slash dropped,
    host lower-cased, remaining parameters sorted. `None` for a missing or non-web URL."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, "")).removeprefix("//")


class _Combining(dict[int, int | None]):
    """A `str.translate` table that deletes combining marks, filled as characters are met (translate runs in C,
    a Python loop over every character of a 2,000-word article cost milliseconds per key)."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_STRIP_COMBINING = _Combining()


def fold(text: str) -> str:
    """Accents removed and case folded: `Élysée` and `elysee` are one word."""
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFKD", text).translate(_STRIP_COMBINING).casefold()


def normalise_text(text: str) -> str:
    """Words only, folded, single-spaced: what survives re-encoding, re-wrapping and typographic quotes."""
    # Whitespace is a non-word character, so one substitution leaves single spaces only.
    return _NON_WORD.sub(" ", fold(text)).strip()


def text_hash(text: str) -> str:
    return hash_normalised(normalise_text(text))


def hash_normalised(normalised: str) -> str:
    """`text_hash` of a text already normalised (an article's text is normalised once per ingest)."""
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """The key a speaker's name is linked by across articles: `Adrienne  WATSON` → `adrienne watson`."""
    return normalise_text(name)


def surname(key: str) -> str | None:
    """The last word of a multi-word person key; surname-only mentions are joined to full names by it."""
    words = key.split()
    return words[-1] if len(words) > 1 else None


def statement_key(group: int, content: str) -> str:
    """One statement however many syndicated copies carry it: its syndication group and normalised words."""
    digest = hashlib.sha1(normalise_text(content).encode("utf-8")).hexdigest()[:20]
    return f"{group}:{digest}"

"""Article links from feeds (RSS 2.0, Atom, RDF, by feedparser) and sitemaps (urlset and index, gzipped or not).

A sitemap is read with lxml set against the usual XML attacks: no entities resolved, no network, no DTD, no
huge tree; a gzipped one is inflated with the same bound as a page, so a sitemap bomb stops at the limit.
Links come back in document order, each once, resolved against the feed's or sitemap's own URL.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

from lxml import etree

from selon.errors import FeedError, PageTooLargeError

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass(frozen=True)
class Link:
    url: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A urlset's pages, or an index's child sitemaps (`children`)."""

    pages: tuple[Link, ...] = ()
    children: tuple[str, ...] = ()


def _unique(links: list[Link]) -> tuple[Link, ...]:
    seen: set[str] = set()
    kept = []
    for link in links:
        if link.url not in seen and link.url.lower().startswith(("http://", "https://")):
            seen.add(link.url)
            kept.append(link)
    return tuple(kept)


def feed_links(data: bytes, base_url: str) -> tuple[Link, ...]:
    """The entries' links of an RSS or Atom feed; FeedError when `data` is no feed."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"{base_url}: not an RSS or Atom feed" + (f" ({problem})." if problem else "."))
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        if not href:
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        date = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" if published else None
        links.append(Link(urldefrag(urljoin(base_url, href))[0], entry.get("title"), date))
    return _unique(links)


def inflate(data: bytes, limit: int, name: str) -> bytes:
    """`data` gunzipped when it is gzip (a `.xml.gz` sitemap), at most `limit` bytes of it."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    inflater = zlib.decompressobj(47)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise FeedError(f"{name}: damaged gzip data ({error}).") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise PageTooLargeError(f"{name}: larger than {limit:,} bytes once decompressed.")
    return out


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          recover=False)


def sitemap_links(data: bytes, base_url: str, *, limit: int = 50 * 1024 * 1024) -> Sitemap:
    """The pages of a urlset, or the child sitemaps of an index; FeedError when `data` is neither."""
    data = inflate(data, limit, base_url)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise FeedError(f"{base_url}: not a sitemap (XML error: {error}).") from None
    tag = etree.QName(root).localname
    locs: list[tuple[str, str | None]] = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        loc = item.find(f"{_SITEMAP_NS}loc")
        if loc is None:
            loc = item.find("loc")
        lastmod = item.find(f"{_SITEMAP_NS}lastmod")
        if loc is not None and loc.text and loc.text.strip():
            date = lastmod.text.strip()[:10] if lastmod is not None and lastmod.text else None
            locs.append((urljoin(base_url, loc.text.strip()), date))
    if tag == "sitemapindex":
        return Sitemap(children=tuple(link.url for link in _unique([Link(u) for u, _ in locs])))
    if tag == "urlset":
        return Sitemap(pages=_unique([Link(u, None, d) for u, d in locs]))
    raise FeedError(f"{base_url}: an XML document, but no sitemap (its root is <{tag}>).")

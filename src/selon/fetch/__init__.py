"""Bringing the news in: one URL analysed, feeds and sitemaps followed, politely and without losing anything.

    >>> import selon
    >>> analysis = selon.analyze_url("https://example.org/article")     # fetch, decode, extract, analyse

`client` fetches (limits, redirects, pacing per host, every failure its own error); `page` turns an answer into
the page's HTML; `links` reads feeds and sitemaps; `robots` keeps each host's robots.txt; `crawl` feeds an
ingest from URLs, recording every request in the store so that a killed run resumes where it stopped.
"""

from __future__ import annotations

from dataclasses import replace

from selon.fetch.client import DEFAULT_USER_AGENT, Fetched, Fetcher, FetchOptions, HostPacer
from selon.fetch.page import Page, fetch_page
from selon.ingest.prepare import ArticleInput, prepare
from selon.schema.records import Analysis


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def prepare_url(url: str, /, *, options: FetchOptions | None = None, fetcher: Fetcher | None = None,
                **metadata: str | None) -> ArticleInput:
    """The article at `url`, fetched and prepared: `url`, `title`, `published` and `outlet` from the page's
    metadata unless given; the final URL (after redirects) is the article's URL."""
    page = fetch_page(url, options, fetcher=fetcher)
    given = {key: value for key, value in metadata.items() if value is not None}
    given.setdefault("url", page.final_url)
    article = prepare(page.html, name=url, html=True, **given)
    return replace(article, warnings=page.warnings + article.warnings) if page.warnings else article


def analyze_url(url: str, lang: str | None = None, *, options: FetchOptions | None = None,
                model: str | None = None) -> Analysis:
    """Fetch the page at `url` and analyse its article; raises a `SelonError` (a `FetchError` subclass for
    what went wrong on the network) when it cannot."""
    from selon.pipeline import analyze_many

    article = prepare_url(url, options=options, lang=lang)
    result = next(analyze_many([article], models={article.lang: model} if model else None))
    assert isinstance(result, Analysis)
    return result


__all__ = ["DEFAULT_USER_AGENT", "FetchOptions", "Fetched", "Fetcher", "HostPacer", "Page", "analyze_url",
           "fetch_page", "is_url", "prepare_url"]

"""From feeds and sitemaps to stored articles, with everything fetched written down as it happens.

The store is the crawl's memory (migration 3): `fetch_log` has every request (URL, status, time), `feeds` each
feed's ETag and Last-Modified, so an unchanged feed costs one 304; `fetch_queue` every article URL found. A
feed's links are queued in the same transaction that saves its validators, and an article's page is saved in
the queue as soon as it is fetched, before analysis; the ingest then commits the article with its input's mark
(its URL). So a run killed anywhere resumes without losing a link (a feed answering 304 next time has its links
queued already) and without fetching a page twice (a fetched page waits in the queue; a stored one is done).

    crawl = Crawl(store, CrawlOptions())
    crawl.discover("https://example.org/feed.xml")    # feed or sitemap, told by its content
    report = crawl.ingest(IngestOptions())            # fetch the queue, analyse, store
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from selon.corpus import save
from selon.corpus.ingest import IngestOptions, IngestReport, Progress, ingest
from selon.corpus.readers.base import Ignored, RawItem, ReadFailure
from selon.errors import FeedError, FetchError, InputNotFoundError
from selon.fetch import is_url
from selon.fetch.client import Fetched, Fetcher, FetchOptions, Request
from selon.fetch.links import Link, feed_links, inflate, sitemap_links
from selon.fetch.page import page_of
from selon.fetch.robots import Robots
from selon.store.base import Store, now

#: An index of sitemaps may point at more indexes; this deep, and this many sitemaps per source, at most.
MAX_SITEMAP_DEPTH = 3
MAX_SITEMAPS = 1000
_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class CrawlOptions:
    fetch: FetchOptions = field(default_factory=FetchOptions)
    #: Keep each stored article's original HTML (`article_html`), for re-extraction and the web page.
    keep_html: bool = False
    robots: bool = True


@dataclass
class Discovered:
    """What reading one feed or sitemap gave: links found, of which new to the queue; 304 when unchanged."""

    source: str
    found: int = 0
    queued: int = 0
    not_modified: bool = False
    error: FetchError | None = None


class Crawl:
    def __init__(self, store: Store, options: CrawlOptions | None = None) -> None:
        self.store = store
        self.options = options or CrawlOptions()
        self.fetcher = Fetcher(self.options.fetch, record=self._record)
        self.robots = Robots(self.fetcher)
        #: Links met in this run that the queue already held: said "already done" by the ingest if they are.
        self.known: list[str] = []

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _record(self, request: Request) -> None:
        self.store.execute("INSERT INTO fetch_log (url, status, error, at, seconds, bytes) VALUES (?, ?, ?, ?, ?, ?)",
                           (request.url, request.status, request.error, now(), round(request.seconds, 4),
                            request.bytes))

    # Finding links.
    def discover(self, source: str) -> Discovered:
        """Queue the article links of a feed or sitemap (a URL, or a feed saved to a file). Never raises a
        FetchError: it is returned in `Discovered.error`, so one dead feed does not stop the others."""
        result = Discovered(source)
        try:
            self._discover(source, result, 0, set())
        except FetchError as error:
            result.error = error
        return result

    def _discover(self, source: str, result: Discovered, depth: int, seen: set[str]) -> None:
        seen.add(source)
        fetched = self._fetch_listing(source)
        if fetched is None:
            result.not_modified = True
            return
        data = inflate(fetched.body, self.options.fetch.max_bytes, source)
        if b"<urlset" in data[:2048] or b"<sitemapindex" in data[:2048]:
            sitemap = sitemap_links(data, fetched.final_url, limit=self.options.fetch.max_bytes)
            links: tuple[Link, ...] = sitemap.pages
            for child in sitemap.children:
                if child not in seen and depth < MAX_SITEMAP_DEPTH and len(seen) < MAX_SITEMAPS:
                    self._discover(child, result, depth + 1, seen)
        else:
            links = feed_links(data, fetched.final_url)
        result.found += len(links)
        result.queued += self._enqueue(links, source, fetched if is_url(source) else None)

    def _fetch_listing(self, source: str) -> Fetched | None:
        """The feed's or sitemap's bytes; None when the server says it has not changed (304)."""
        if not is_url(source):
            path = Path(source).expanduser()
            try:
                data = path.read_bytes()
            except OSError as error:
                raise FeedError(f"{source}: cannot be read ({error.strerror or error}).",
                                hint="Give a feed's URL or the path of a saved feed.") from None
            return Fetched(source, path.resolve().as_uri(), 200, data)
        if self.options.robots:
            self.robots.check(source)
        row = self.store.one("SELECT etag, last_modified FROM feeds WHERE url = ?", (source,))
        fetched = self.fetcher.get(source, etag=row[0] if row else None, last_modified=row[1] if row else None,
                                   accept=_FEED_ACCEPT)
        if fetched.not_modified:
            self.store.execute("UPDATE feeds SET status = 304, checked_at = ? WHERE url = ?", (now(), source))
            return None
        return fetched

    def _enqueue(self, links: tuple[Link, ...], origin: str, fetched: Fetched | None) -> int:
        """Links into the queue and the feed's validators, in one transaction: both or neither."""
        with self.store.transaction():
            before = int(self.store.scalar("SELECT COUNT(*) FROM fetch_queue"))
            self.known.extend(link.url for link in links)
            found = now()
            self.store.executemany(
                "INSERT INTO fetch_queue (url, origin, state, found_at) VALUES (?, ?, 'pending', ?) "
                "ON CONFLICT (url) DO NOTHING", [(link.url, origin, found) for link in links])
            if fetched is not None:
                self.store.execute(
                    "INSERT INTO feeds (url, etag, last_modified, status, checked_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                    "status = excluded.status, checked_at = excluded.checked_at",
                    (origin, fetched.etag, fetched.last_modified, fetched.status, found))
            return int(self.store.scalar("SELECT COUNT(*) FROM fetch_queue")) - before

    def add_urls(self, urls: list[str], origin: str = "command line") -> int:
        return self._enqueue(tuple(Link(url) for url in urls), origin, None)

    # Fetching and ingesting.
    def pending(self) -> int:
        return int(self.store.scalar("SELECT COUNT(*) FROM fetch_queue WHERE state IN ('pending', 'fetched')"))

    def items(self) -> Iterator[RawItem | ReadFailure | Ignored]:
        """The queue's articles for the ingest: a page fetched earlier from the queue, others fetched now.
        A URL whose input is done (stored, duplicate, failed) is passed over without a request."""
        rows = self.store.query("SELECT url, state FROM fetch_queue WHERE state IN ('pending', 'fetched') "
                                "ORDER BY found_at, url")
        waiting = {str(row[0]) for row in rows}
        for url in dict.fromkeys(self.known):
            if url not in waiting and save.input_status(self.store, url) is not None:
                yield RawItem(url, url, "", html=True)  # done before: the ingest counts it, nothing is fetched
        self.known.clear()
        for url, state in rows:
            if save.input_status(self.store, url) is not None:
                self.store.execute("UPDATE fetch_queue SET state = 'done' WHERE url = ? AND body IS NULL", (url,))
                continue
            if state == "fetched":
                row = self.store.one("SELECT final_url, body FROM fetch_queue WHERE url = ?", (url,))
                if row is not None and row[1] is not None:
                    yield RawItem(url, url, str(row[1]), html=True, meta={"url": str(row[0] or url)})
                    continue
            yield self._fetch_article(url)

    def _fetch_article(self, url: str) -> RawItem | ReadFailure:
        try:
            if self.options.robots:
                self.robots.check(url)
            page = page_of(self.fetcher.get(url))
        except FetchError as error:  # recorded as the input's failure by the ingest, with the URL as its key
            return ReadFailure(url, url, error)
        self.store.execute(
            "UPDATE fetch_queue SET state = 'fetched', fetched_at = ?, final_url = ?, body = ?, warnings = ? "
            "WHERE url = ?", (now(), page.final_url, page.html, json.dumps(list(page.warnings)), url))
        return RawItem(url, url, page.html, html=True, meta={"url": page.final_url})

    def ingest(self, options: IngestOptions | None = None, progress: Progress | None = None) -> IngestReport:
        """Fetch what the queue holds and ingest it; then keep (--keep-html) or drop the pages it stored.
        With `retry_failed`, URLs whose fetch failed are fetched again (and failed analyses retried)."""
        if options is not None and options.retry_failed:
            self.requeue_failed()
        try:
            return ingest(self.store, [], options, progress, read=self.items())
        finally:
            self.settle()

    def requeue_failed(self) -> int:
        """URLs whose fetch failed back in the queue, their failure forgotten; how many."""
        urls = [str(row[0]) for row in self.store.query(
            "SELECT f.key FROM failures f JOIN fetch_queue q ON q.url = f.key WHERE f.payload IS NULL "
            "AND f.retryable = 1")]
        for url in urls:
            save.forget_failure(self.store, url)
            self.store.execute("UPDATE fetch_queue SET state = 'pending' WHERE url = ?", (url,))
        return len(urls)

    def settle(self) -> None:
        """Pages whose article is done leave the queue's bodies: into `article_html` when kept. Run after
        each ingest, and again by the next run for what a killed one left."""
        with self.store.transaction():
            if self.options.keep_html:
                self.store.execute(
                    "INSERT INTO article_html (article_id, url, html, fetched_at) "
                    "SELECT i.article_id, q.final_url, q.body, q.fetched_at FROM fetch_queue q "
                    "JOIN inputs i ON i.key = q.url WHERE i.status = 'stored' AND i.article_id IS NOT NULL "
                    "AND q.body IS NOT NULL ON CONFLICT (article_id) DO NOTHING")
            self.store.execute(
                "UPDATE fetch_queue SET state = 'done', body = NULL WHERE state IN ('pending', 'fetched') "
                "AND url IN (SELECT key FROM inputs)")


def original_html(store: Store, article_row: int) -> tuple[str, str | None] | None:
    """The HTML an article was extracted from, and its URL, when it was ingested with --keep-html."""
    row = store.one("SELECT html, url FROM article_html WHERE article_id = ?", (article_row,))
    return (str(row[0]), row[1]) if row else None


def original_html_of(store: Store, doc_id: str) -> str | None:
    """The kept HTML of the stored article whose id (doc_id) is given; None when none was kept."""
    value = store.scalar("SELECT h.html FROM article_html h JOIN articles a ON a.id = h.article_id "
                         "WHERE a.doc_id = ?", (doc_id,))
    return str(value) if value is not None else None


def read_source_list(path: str) -> list[str]:
    """The feeds of a FEEDS.txt: one URL or path a line; blank lines and `#` comments skipped."""
    try:
        lines = Path(path).expanduser().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputNotFoundError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error}).",
                                 hint="Give a text file with one feed URL a line.") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]

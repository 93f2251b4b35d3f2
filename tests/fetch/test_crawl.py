"""Feeds and sitemaps into the store through the local site, with the scripted analyzer (no spaCy): every link
found is fetched once, failures are recorded with their code and the rest goes on, unchanged feeds cost a 304."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from selon.corpus.ingest import IngestOptions
from selon.corpus.testing import scripted_analyzer
from selon.fetch import FetchOptions
from selon.fetch.crawl import Crawl, CrawlOptions, original_html
from selon.fetch.links import feed_links, sitemap_links
from selon.store import open_store
from selon.store.base import Store
from tests.fetch.server import (
    Site,
    article,
    atom,
    html,
    misbehaving,
    rss,
    sitemap_index,
    urlset,
    with_validators,
)

LIMIT = 64 * 1024
FETCH = FetchOptions(timeout=1.5, max_bytes=LIMIT, delay=0.0)
SCRIPTED = IngestOptions(lang="fr", analyzer=scripted_analyzer)
GOOD = [f"/news/{n}.html" for n in range(1, 5)]
BAD = ["/404", "/500", "/slow", "/loop/a", "/chain/0", "/big", "/pdf", "/bomb", "/private/secret.html"]


@pytest.fixture
def news(site: Site) -> Site:
    misbehaving(site, limit=LIMIT)
    for n, path in enumerate(GOOD, 1):
        site.routes[path] = html(article(n))
    site.routes["/private/secret.html"] = html(article(50))
    site.routes["/robots.txt"] = lambda h: (200, {"Content-Type": "text/plain"},
                                            b"User-agent: *\nDisallow: /private/\n")
    site.routes["/feed.rss"] = with_validators(rss(site, GOOD[:2] + BAD), "application/rss+xml", '"rss-1"')
    site.routes["/feed.atom"] = with_validators(atom(site, GOOD[1:3]), "application/atom+xml", '"atom-1"')
    site.routes["/sitemap.xml.gz"] = lambda h: (200, {"Content-Type": "application/gzip"}, gzip.compress(
        sitemap_index(site, ["/sitemap-a.xml.gz", "/sitemap-b.xml"])))
    site.routes["/sitemap-a.xml.gz"] = lambda h: (200, {"Content-Type": "application/gzip"},
                                                  gzip.compress(urlset(site, GOOD[2:3])))
    site.routes["/sitemap-b.xml"] = lambda h: (200, {"Content-Type": "application/xml"}, urlset(site, GOOD[3:]))
    return site


def _stored_urls(store: Store) -> set[str]:
    return {str(row[0]) for row in store.query("SELECT url FROM articles")}


def test_a_feed_with_bad_links_ingests_the_good_ones_and_records_each_failure(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        found = crawl.discover(news.url("/feed.rss"))
        assert (found.found, found.queued, found.error) == (len(BAD) + 2, len(BAD) + 2, None)
        report = crawl.ingest(SCRIPTED)
        assert (report.stored, report.failed) == (2, len(BAD))
        assert _stored_urls(store) == {news.url(p) for p in GOOD[:2]}
        codes = dict(store.query("SELECT key, code FROM failures"))
    expected = {"/404": "E074", "/500": "E074", "/slow": "E073", "/loop/a": "E077", "/chain/0": "E077",
                "/big": "E076", "/pdf": "E075", "/bomb": "E076", "/private/secret.html": "E078"}
    assert {key.removeprefix(news.base): code for key, code in codes.items()} == expected
    assert news.count("/private/secret.html") == 0  # robots.txt: never asked for
    assert news.count("/robots.txt") == 1


def test_the_page_metadata_fills_the_article(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url("/chain/48")])
        news.routes["/chain/50"] = html(article(3, title="Le budget voté"))
        crawl.ingest(SCRIPTED)
        row = store.one("SELECT url, title, outlet, published FROM articles")
    assert row is not None
    assert row[0] == news.url("/chain/50") and "Le budget voté" in row[1]
    assert row[2] == "Le Quotidien" and row[3] == "2024-03-04"


def test_an_unchanged_feed_costs_one_conditional_request_and_nothing_is_fetched_twice(db_url: str,
                                                                                      news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.discover(news.url("/feed.atom"))
        crawl.ingest(SCRIPTED)
        again = crawl.discover(news.url("/feed.atom"))
        report = crawl.ingest(SCRIPTED)
        assert again.not_modified and report.processed == 0
        logged = store.query("SELECT url, status FROM fetch_log ORDER BY id")
    feed_hits = [h for h in news.hits if h.path == "/feed.atom"]
    assert len(feed_hits) == 2 and feed_hits[1].headers.get("if-none-match") == '"atom-1"'
    assert all(news.count(p) == 1 for p in GOOD[1:3])
    assert (news.url("/feed.atom"), 304) in [(u, s) for u, s in logged]
    assert len(logged) == len(news.hits)  # every request the site saw is in the store's log


def test_a_gzipped_sitemap_index_leads_to_every_urlset(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        found = crawl.discover(news.url("/sitemap.xml.gz"))
        assert found.error is None and found.found == 2
        crawl.ingest(SCRIPTED)
        assert _stored_urls(store) == {news.url(p) for p in GOOD[2:]}


def test_a_feed_saved_to_a_file_is_read(db_url: str, news: Site, tmp_path: Path) -> None:
    saved = tmp_path / "feed.xml"
    saved.write_bytes(rss(news, GOOD[:1]))
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        assert crawl.discover(str(saved)).queued == 1
        assert crawl.ingest(SCRIPTED).stored == 1


def test_a_dead_feed_is_reported_and_the_others_go_on(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        dead = crawl.discover(news.url("/404"))
        not_a_feed = crawl.discover(news.url("/news/1.html"))
        alive = crawl.discover(news.url("/feed.atom"))
    assert dead.error is not None and dead.error.code == "E074"
    assert not_a_feed.error is not None and not_a_feed.error.code == "E080"
    assert alive.error is None and alive.queued == 2


def test_keep_html_keeps_the_original_page(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH, keep_html=True)) as crawl:
        crawl.add_urls([news.url(GOOD[0])])
        crawl.ingest(SCRIPTED)
        article_row = int(store.scalar("SELECT id FROM articles"))
        kept = original_html(store, article_row)
        assert store.scalar("SELECT COUNT(*) FROM fetch_queue WHERE body IS NOT NULL") == 0
    assert kept is not None and kept[0] == article(1).decode() and kept[1] == news.url(GOOD[0])


def test_without_keep_html_no_page_stays_in_the_store(db_url: str, news: Site) -> None:
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url(GOOD[0])])
        crawl.ingest(SCRIPTED)
        assert store.scalar("SELECT COUNT(*) FROM article_html") == 0
        assert store.scalar("SELECT COUNT(*) FROM fetch_queue WHERE body IS NOT NULL") == 0


def test_a_page_fetched_but_not_stored_is_not_fetched_again(db_url: str, news: Site) -> None:
    """What a run killed between fetch and store leaves: the body waits in the queue for the next run."""
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url(GOOD[0])])
        items = crawl.items()
        next(items)  # fetched, then the process "dies" before the ingest stores it
        items.close()
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        assert crawl.ingest(SCRIPTED).stored == 1
    assert news.count(GOOD[0]) == 1


def test_links_of_rss_and_atom_are_read_in_order_and_resolved() -> None:
    class Fake:
        base = "http://news.test"

        def url(self, path: str) -> str:
            return self.base + path

    assert [link.url for link in feed_links(atom(Fake(), ["/b", "/a", "/b"]), "http://news.test/feed")] == [  # type: ignore[arg-type]
        "http://news.test/b", "http://news.test/a"]
    links = feed_links(rss(Fake(), ["/x"]), "http://news.test/rss")  # type: ignore[arg-type]
    assert links[0].published == "2024-03-04" and links[0].title == "Article /x"
    assert sitemap_links(urlset(Fake(), ["/p"]), "http://news.test/s").pages[0].published == "2024-03-04"  # type: ignore[arg-type]


def test_a_sitemap_with_an_entity_bomb_is_refused_without_expanding_it() -> None:
    bomb = (b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;'>]>"
            b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>http://x.test/&lol2;</loc>"
            b"</url></urlset>")
    pages = sitemap_links(bomb, "http://x.test/s").pages
    assert all("lollol" not in link.url for link in pages)


def test_retry_failed_fetches_a_failed_url_again_and_a_file_retry_leaves_it_alone(db_url: str,
                                                                                 news: Site) -> None:
    from dataclasses import replace

    from selon.corpus.ingest import ingest

    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url("/later.html")])
        assert crawl.ingest(SCRIPTED).failed == 1  # 404 for now
        assert ingest(store, [], replace(SCRIPTED, retry_failed=True)).failed == 0  # files only: not read as a path
        assert store.scalar("SELECT code FROM failures") == "E074"
        news.routes["/later.html"] = html(article(8))
        report = crawl.ingest(replace(SCRIPTED, retry_failed=True))
        assert (report.stored, report.failed) == (1, 0)
        assert store.scalar("SELECT COUNT(*) FROM failures") == 0
    assert news.count("/later.html") == 2


def test_a_robots_txt_that_fails_keeps_the_crawler_off_the_host(db_url: str, news: Site) -> None:
    news.routes["/robots.txt"] = lambda h: (503, {"Content-Type": "text/plain"}, b"down")
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url(GOOD[0])])
        assert crawl.ingest(SCRIPTED).failed == 1
        assert store.scalar("SELECT code FROM failures") == "E078"
    assert news.count(GOOD[0]) == 0


def test_a_missing_robots_txt_allows_everything(db_url: str, news: Site) -> None:
    del news.routes["/robots.txt"]
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        crawl.add_urls([news.url("/private/secret.html")])
        assert crawl.ingest(SCRIPTED).stored == 1


def test_a_sitemap_index_that_lists_itself_is_read_once(db_url: str, news: Site) -> None:
    news.routes["/self.xml"] = lambda h: (200, {"Content-Type": "application/xml"},
                                          sitemap_index(news, ["/self.xml", "/sitemap-b.xml"]))
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        found = crawl.discover(news.url("/self.xml"))
    assert found.error is None and found.found == 1 and news.count("/self.xml") == 1


def test_a_gzipped_sitemap_bomb_stops_at_the_size_limit(db_url: str, news: Site) -> None:
    news.routes["/bomb.xml.gz"] = lambda h: (200, {"Content-Type": "application/gzip"},
                                             gzip.compress(b"<urlset>" + b" " * (20 * LIMIT)))
    with open_store(db_url) as store, Crawl(store, CrawlOptions(FETCH)) as crawl:
        found = crawl.discover(news.url("/bomb.xml.gz"))
    assert found.error is not None and found.error.code == "E076"

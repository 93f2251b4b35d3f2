"""`selon analyze URL…` and `selon ingest --feed/--sitemap/URL` as a user runs them against the local site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import selon
from selon.cli.main import app
from selon.fetch import FetchOptions
from tests.fetch.server import Site, html, misbehaving, rss

runner = CliRunner()
LIMIT = 64 * 1024
PAGE = ("<!doctype html><html><head><meta charset='utf-8'><title>Le budget voté - Le Quotidien</title>"
        "<meta property='og:site_name' content='Le Quotidien'>"
        "<meta property='article:published_time' content='2024-03-05T08:00:00Z'></head><body>"
        "<nav>Accueil | Monde</nav><article><h1>Le budget voté</h1>"
        "<p>« Nous ne céderons pas », a déclaré la ministre Claire Dubois devant les députés réunis mardi soir.</p>"
        "<p>Le texte doit encore être examiné par le Sénat dans les prochaines semaines, selon le calendrier "
        "parlementaire publié par le gouvernement.</p></article></body></html>").encode()


@pytest.fixture
def news(site: Site) -> Site:
    misbehaving(site, limit=LIMIT)
    site.routes["/budget.html"] = html(PAGE)
    return site


def test_analyze_url_fetches_extracts_and_fills_the_metadata(news: Site) -> None:
    analysis = selon.analyze_url(news.url("/budget.html"), options=FetchOptions(delay=0))
    article = analysis.article
    assert (article.url, article.outlet, article.published) == (news.url("/budget.html"), "Le Quotidien",
                                                                "2024-03-05")
    assert article.title is not None and "Le budget voté" in article.title
    assert "Accueil" not in article.text
    assert any(a.stance == "assert" and "céderons" in a.content.text for a in analysis.attributions)


def test_a_batch_of_urls_keeps_going_and_each_failure_says_its_code(news: Site) -> None:
    urls = [news.url(p) for p in ("/budget.html", "/404", "/pdf", "/bomb")]
    result = runner.invoke(app, ["analyze", "-f", "jsonl", "--max-bytes", str(LIMIT), *urls])
    assert result.exit_code == 3, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == urls[:1]
    for code in ("E074", "E075", "E076"):
        assert code in result.stderr


@pytest.mark.parametrize(("path", "status"), [("/404", 93), ("/500", 93), ("/pdf", 94), ("/big", 95),
                                              ("/loop/a", 96), ("/slow", 92)])
def test_one_failing_url_exits_with_its_own_status(news: Site, path: str, status: int) -> None:
    result = runner.invoke(app, ["analyze", "--timeout", "1", "--max-bytes", str(LIMIT), news.url(path)])
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output


def test_ingest_feed_and_urls_store_the_articles(news: Site, tmp_path: Path) -> None:
    news.routes["/feed.rss"] = lambda h: (200, {"Content-Type": "application/rss+xml"},
                                          rss(news, ["/budget.html", "/404"]))
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", "--db", db, "--delay", "0", "--feed", news.url("/feed.rss"),
                                 "--keep-html"])
    assert result.exit_code == 3, result.output  # one link failed: a partial ingest
    assert "1 stored" in result.stdout and "E074" in result.stderr
    again = runner.invoke(app, ["ingest", "--db", db, "--delay", "0", news.url("/budget.html")])
    assert again.exit_code == 0 and "1 already done" in again.stdout, again.output
    assert news.count("/budget.html") == 1


def test_files_and_urls_in_one_ingest_are_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), str(tmp_path), "http://x.test/a"])
    assert result.exit_code == 2


def test_ingest_of_urls_prints_a_json_summary_when_asked(news: Site, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.db"), "--delay", "0", "-f", "json",
                                 news.url("/budget.html"), news.url("/pdf")])
    assert result.exit_code == 3, result.output
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failed"]) == (1, 1)

"""The analyse page given a URL: refused unless `--allow-fetch`, private addresses refused unless
`--allow-private-fetch` (SSRF), the server's limits applied; a kept original page is served sandboxed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.corpus.ingest import IngestOptions
from selon.corpus.testing import scripted_analyzer
from selon.fetch import FetchOptions
from selon.fetch.crawl import Crawl, CrawlOptions
from selon.store import open_store
from selon.web import Settings, create_app
from tests.fetch.server import Site, article, html, misbehaving
from tests.web.conftest import TEST_HOSTS, FakeAnalyzer

LIMIT = 64 * 1024


@pytest.fixture
def news(site: Site) -> Site:
    misbehaving(site, limit=LIMIT)
    site.routes["/a.html"] = html(article(1, title="Le budget"))
    return site


def _client(tmp_path: Path, fake: FakeAnalyzer, **settings: bool) -> TestClient:
    return TestClient(create_app(Settings(db=str(tmp_path / "s.db"), analyzer=fake, max_body=LIMIT,
                                          allowed_hosts=TEST_HOSTS, **settings)))


@pytest.fixture
def fake() -> FakeAnalyzer:
    return FakeAnalyzer()


def test_without_allow_fetch_the_form_says_so_and_a_url_is_refused(news: Site, tmp_path: Path,
                                                                   fake: FakeAnalyzer) -> None:
    with _client(tmp_path, fake) as client:
        assert "does not fetch URLs" in client.get("/analyze").text
        page = client.post("/analyze", data={"url": news.url("/a.html")})
    assert page.status_code == 403 and "E081" in page.text
    assert news.hits == [] and fake.calls == []


def test_a_private_address_is_refused_unless_allowed(news: Site, tmp_path: Path, fake: FakeAnalyzer) -> None:
    with _client(tmp_path, fake, allow_fetch=True) as client:
        assert 'name="url"' in client.get("/analyze").text and "does not fetch" not in client.get("/analyze").text
        page = client.post("/analyze", data={"url": news.url("/a.html")})
        assert page.status_code == 403 and "E079" in page.text
        local = client.post("/analyze", data={"url": "http://localhost:1/"})
        assert local.status_code == 403 and "E079" in local.text
    assert news.hits == [] and fake.calls == []


def test_an_allowed_url_is_fetched_once_and_analysed_as_html(news: Site, tmp_path: Path,
                                                             fake: FakeAnalyzer) -> None:
    with _client(tmp_path, fake, allow_fetch=True, allow_private_fetch=True) as client:
        page = client.post("/analyze", data={"url": news.url("/a.html"), "lang": "fr"})
    assert page.status_code == 200, page.text
    assert news.count("/a.html") == 1
    text, options = fake.calls[-1]
    assert "Ministre 1|person" in str(text)
    assert options == {"lang": "fr", "html": True, "url": news.url("/a.html")}


@pytest.mark.parametrize(("path", "status", "code"), [("/big", 502, "E076"), ("/bomb", 502, "E076"),
                                                      ("/pdf", 502, "E075"), ("/404", 502, "E074")])
def test_the_servers_limits_apply_to_what_it_fetches(news: Site, tmp_path: Path, fake: FakeAnalyzer,
                                                      path: str, status: int, code: str) -> None:
    with _client(tmp_path, fake, allow_fetch=True, allow_private_fetch=True) as client:
        page = client.post("/analyze", data={"url": news.url(path)})
    assert page.status_code == status and code in page.text
    assert fake.calls == []


@pytest.fixture
def kept(news: Site, tmp_path: Path) -> Iterator[str]:
    with open_store(str(tmp_path / "s.db")) as store, \
            Crawl(store, CrawlOptions(FetchOptions(delay=0), keep_html=True)) as crawl:
        crawl.add_urls([news.url("/a.html")])
        crawl.ingest(IngestOptions(lang="fr", analyzer=scripted_analyzer))
        yield str(store.scalar("SELECT doc_id FROM articles"))


def test_a_kept_original_is_linked_and_served_sandboxed(kept: str, tmp_path: Path, fake: FakeAnalyzer) -> None:
    with _client(tmp_path, fake) as client:
        stored = client.get(f"/articles/{kept}")
        original = client.get(f"/original/{kept}")
        missing = client.get("/original/nope")
    assert stored.status_code == 200 and f'href="/original/{kept}"' in stored.text
    assert original.status_code == 200 and original.text == article(1, title="Le budget").decode()
    assert any("sandbox" in value for value in original.headers.get_list("content-security-policy"))
    assert missing.status_code == 404


def test_selon_serve_hands_the_fetch_switches_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from selon.cli.main import app

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: seen.update(app=application))
    for args, expected in (([], (False, False)), (["--allow-fetch"], (True, False)),
                           (["--allow-fetch", "--allow-private-fetch"], (True, True))):
        result = CliRunner().invoke(app, ["serve", *args])
        assert result.exit_code == 0, result.output
        settings = seen["app"].state.settings  # type: ignore[attr-defined]
        assert (settings.allow_fetch, settings.allow_private_fetch) == expected
        assert settings.fetch_options().allow_private is expected[1]

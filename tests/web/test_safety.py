"""Article text, titles, URLs, source names and search queries are untrusted: every page keeps them inert."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.schema.records import Analysis
from selon.web import Settings, create_app
from tests.web.builders import Said, build
from tests.web.conftest import TEST_HOSTS, FakeAnalyzer, seed

NASTY = ('<script>alert("body")</script> Le texte. « <img src=x onerror=alert(1)> », a déclaré '
         '<svg onload=alert(2)>Jo</svg>. <a href="javascript:alert(3)">clic</a> \'" onmouseover="alert(4)')
NAME = "<svg onload=alert(2)>Jo</svg>"


def nasty() -> Analysis:
    return build(NASTY, [Said(NAME, "person", "<img src=x onerror=alert(1)>", "a déclaré", NAME)],
                 doc_id="evil", title='<script>alert("title")</script>', url="javascript:alert(5)",
                 outlet='<b onclick="x()">Outlet</b>', published="2024-01-01",
                 notes=[("boilerplate", '<a href="javascript:alert(3)">clic</a>')])


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def inert(page: str) -> None:
    """No markup from the article survives as markup: the only scripts are ours, no element has an event
    handler attribute, no link or source points at a javascript: URL."""
    parser = Elements()
    parser.feed(page)
    for tag, attrs in parser.found:
        assert tag not in ("img", "b", "iframe", "object", "embed"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json"
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
    assert [tag for tag, _ in parser.found].count("svg") == page.count("<svg class=\"chart")


@pytest.fixture
def evil_client(tmp_path: Path) -> TestClient:
    db = seed(tmp_path / "evil.db", [nasty()])
    return TestClient(create_app(Settings(db=str(db), analyzer=FakeAnalyzer(lambda _: nasty()),
                                            allowed_hosts=TEST_HOSTS)))


def test_the_analysed_page_escapes_text_names_title_and_notes(evil_client: TestClient) -> None:
    page = evil_client.post("/analyze", data={"text": NASTY}).text
    inert(page)
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_embedded_index_cannot_close_its_script_element(evil_client: TestClient) -> None:
    page = evil_client.post("/analyze", data={"text": NASTY}).text
    index = page.split('id="selon-index">', 1)[1].split("</script>", 1)[0]
    assert "<" not in index and "\\u003csvg onload=alert(2)\\u003eJo\\u003c/svg\\u003e" in index


def test_a_javascript_url_is_shown_as_text_never_as_a_link(evil_client: TestClient) -> None:
    page = evil_client.get("/articles/evil").text
    inert(page)
    assert '<span class="url">javascript:alert(5)</span>' in page


def test_corpus_pages_escape_stored_text_and_queries(evil_client: TestClient) -> None:
    speaker = evil_client.get("/api/corpus/sources").json()["sources"][0]["speaker_id"]
    outlet = '<b onclick="x()">Outlet</b>'
    for url, params in (("/corpus", None), ("/corpus/sources", None), (f"/corpus/sources/{speaker}", None),
                        ("/corpus/search", {"q": 'img <script>alert("q")</script>'}),
                        (f"/corpus/outlets/{outlet}", None)):
        response = evil_client.get(url, params=params)
        assert response.status_code == 200, url
        inert(response.text)


def test_error_pages_escape_what_the_request_said(evil_client: TestClient) -> None:
    page = evil_client.get("/corpus/sources", params={"kind": "<script>alert(1)</script>"})
    assert page.status_code == 422
    inert(page.text)
    assert evil_client.get("/articles/<script>alert(1)<%2Fscript>").status_code == 404
    inert(evil_client.get("/articles/<script>alert(1)<%2Fscript>").text)

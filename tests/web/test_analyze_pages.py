"""The analyse pages: the form, a pasted text, an uploaded file, a stored article picked from the list."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from tests.web.conftest import TEST_HOSTS, FakeAnalyzer


def test_the_form_offers_paste_upload_and_the_stored_articles(client: TestClient) -> None:
    page = client.get("/analyze")
    assert page.status_code == 200
    assert 'name="text"' in page.text and 'type="file"' in page.text
    assert '<option value="doc-1">2024-03-15 Le Quotidien · Un article</option>' in page.text
    assert client.get("/").text == page.text


def test_the_form_still_works_without_a_store(tmp_path: object, fake: FakeAnalyzer) -> None:
    from selon.web import Settings, create_app

    settings = Settings(db=f"{tmp_path}/absent.db", analyzer=fake, allowed_hosts=TEST_HOSTS)
    with TestClient(create_app(settings)) as client:
        page = client.get("/analyze")
    assert page.status_code == 200 and "No stored articles: no corpus store at" in page.text


def test_a_pasted_text_comes_back_highlighted_with_its_source_map(client: TestClient, fake: FakeAnalyzer) -> None:
    page = client.post("/analyze", data={"text": "« Bonjour », a dit Marie.", "lang": "fr"})
    assert page.status_code == 200
    assert fake.calls[-1] == ("« Bonjour », a dit Marie.", {"lang": "fr", "html": False})
    assert '<span class="hl r-mention k-person" data-a="a2" data-s="s2">Adrienne Watson</span>' in page.text
    assert re.search(r'<section class="group k-anonymous".*?trois responsables proches du dossier', page.text,
                     re.DOTALL)
    assert "Anonymous sources: 17% of 6 statements" in page.text
    assert '<h3>Declined to comment <span class="count">1</span></h3>' in page.text
    assert "<strong>anonymity condition</strong>: à condition que" in page.text


def test_the_page_embeds_the_index_the_script_reads(client: TestClient) -> None:
    page = client.post("/analyze", data={"text": "x"})
    raw = re.search(r'<script type="application/json" id="selon-index">(.*?)</script>', page.text, re.DOTALL)
    assert raw is not None
    index = json.loads(raw.group(1))
    assert index["attributions"]["a5"] == {"source": "s5", "type": "indirect", "stance": "deny", "cue": "a nié"}
    assert index["sources"]["s1"]["kind"] == "anonymous"


def test_an_uploaded_html_file_is_read_as_html(client: TestClient, fake: FakeAnalyzer) -> None:
    page = client.post("/analyze", data={"lang": ""},
                       files={"file": ("page.HTML", b"<html><body><p>Texte</p></body></html>", "text/html")})
    assert page.status_code == 200
    assert fake.calls[-1] == (b"<html><body><p>Texte</p></body></html>", {"lang": None, "html": True})


def test_an_uploaded_text_file_takes_precedence_over_the_text_box(client: TestClient, fake: FakeAnalyzer) -> None:
    client.post("/analyze", data={"text": "boxed"}, files={"file": ("a.txt", "Fichier é".encode(), "text/plain")})
    assert fake.calls[-1] == ("Fichier é".encode(), {"lang": None, "html": False})


def test_other_file_types_are_refused_with_a_readable_page(client: TestClient, fake: FakeAnalyzer) -> None:
    page = client.post("/analyze", files={"file": ("../../etc/passwd.pdf", b"%PDF", "application/pdf")})
    assert page.status_code == 422
    assert "E051" in page.text and "upload .txt or .html" in page.text
    assert fake.calls == []


def test_an_upload_over_the_limit_is_refused(client: TestClient, fake: FakeAnalyzer) -> None:
    page = client.post("/analyze", files={"file": ("big.txt", b"x" * 70_000, "text/plain")})
    assert page.status_code == 413 and fake.calls == []


def test_uploads_are_parsed_in_memory_and_never_written_to_disk(client: TestClient, monkeypatch: object) -> None:
    import tempfile

    def no_disk(*args: object, **kwargs: object) -> None:
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_disk)  # type: ignore[attr-defined]
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_disk)  # type: ignore[attr-defined]
    page = client.post("/analyze", files={"file": ("a.txt", b"y" * 60_000, "text/plain")})
    assert page.status_code == 200


def test_picking_a_stored_article_opens_its_view(client: TestClient) -> None:
    response = client.post("/analyze", data={"text": "", "article": "doc-2"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/articles/doc-2"
    page = client.get("/articles/doc-2")
    assert page.status_code == 200
    assert '<span class="hl r-mention k-person" data-a="a2" data-s="s2">Volodymyr Zelensky</span>' in page.text
    assert 'href="/api/corpus/articles/doc-2"' in page.text


def test_an_empty_form_says_what_to_do(client: TestClient) -> None:
    page = client.post("/analyze", data={"text": "  "})
    assert page.status_code == 422 and "E001" in page.text and "paste a text" in page.text


def test_an_unknown_stored_article_is_a_404_page(client: TestClient) -> None:
    page = client.get("/articles/nope")
    assert page.status_code == 404 and "E034" in page.text


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    policy = client.get("/analyze").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert client.get("/analyze").headers["x-content-type-options"] == "nosniff"


def test_assets_are_served_by_the_package_under_versioned_names(client: TestClient) -> None:
    from selon.web.assets import ASSETS, missing_assets

    assert missing_assets() == []
    page = client.get("/analyze").text
    for name in ASSETS.values():
        assert f"/static/{name}" in page
        assert client.get(f"/static/{name}").status_code == 200
    assert "http://" not in page and "https://" not in page

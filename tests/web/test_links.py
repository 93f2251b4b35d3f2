"""Every link the corpus pages draw leads to a page, including for articles stored without an outlet."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from fastapi.testclient import TestClient

from selon.web import Settings, create_app
from tests.web.builders import Said, build
from tests.web.conftest import TEST_HOSTS, corpus_analyses, seed

LINK = re.compile(r'href="(/(?:corpus|articles)[^"]*)"')


def test_no_corpus_page_links_to_a_missing_page(tmp_path: Path) -> None:
    no_outlet = build("« Nous verrons », a déclaré Jeanne Martin.",
                      [Said("Jeanne Martin", "person", "Nous verrons", "a déclaré", "Jeanne Martin")],
                      doc_id="doc-none", outlet=None, published="2024-07-01")
    db = seed(tmp_path / "corpus.db", [*corpus_analyses(), no_outlet])
    with TestClient(create_app(Settings(db=str(db), allowed_hosts=TEST_HOSTS))) as client:
        home = client.get("/corpus").text
        assert "(unknown)" in home, "articles without an outlet are counted on the overview"
        pages = {"/corpus", "/corpus/sources"}
        seen: set[str] = set()
        while pages:
            url = pages.pop()
            seen.add(url)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if url.startswith("/corpus"):
                found = {unquote(u).replace("&amp;", "&") for u in LINK.findall(response.text)}
                pages |= {u for u in found if "?" not in u} - seen
        assert not any("(unknown)" in url for url in seen)
        assert any(url.startswith("/corpus/outlets/") for url in seen)

"""The story pages and their JSON twins, through the app (no browser; see test_browser for Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.store import open_store
from selon.web import Settings, create_app
from selon.web.story_charts import graph_data, origin_graph, timeline, timeline_data
from tests.stories.coverage import coverage, only_story
from tests.web.conftest import TEST_HOSTS


@pytest.fixture
def client(tmp_path: Path) -> tuple[TestClient, int]:
    db = tmp_path / "corpus.db"
    with open_store(str(db)) as store:
        coverage(store)
        story = only_story(store)
    return TestClient(create_app(Settings(db=str(db), allowed_hosts=TEST_HOSTS))), story


def test_the_stories_page_and_its_twin_list_the_story(client: tuple[TestClient, int]) -> None:
    http, story = client
    twin = http.get("/api/corpus/stories").json()
    assert twin["schema"] == "selon-story/1" and [s["id"] for s in twin["stories"]] == [story]
    page = http.get("/corpus/stories")
    assert page.status_code == 200 and f'href="/corpus/stories/{story}"' in page.text
    assert http.get("/api/corpus/stories", params={"outlet": "Nobody"}).json()["stories"] == []
    assert http.get("/api/corpus/stories", params={"since": "2024-13-01"}).status_code == 422


def test_the_story_page_shows_claims_timeline_and_origin_graph(client: tuple[TestClient, int]) -> None:
    http, story = client
    twin = http.get(f"/api/corpus/stories/{story}").json()
    assert twin["claims"][0]["independent_origins"] == 3
    page = http.get(f"/corpus/stories/{story}").text
    assert page.count('<svg class="chart timeline"') == 1 and page.count('<svg class="chart graph"') == 1
    assert "des responsables (AFP)" in page and "le syndicat Sud" in page
    assert http.get("/corpus/stories/987654").status_code == 404
    assert http.get("/api/corpus/stories/987654").status_code == 404


def test_the_graph_goes_from_sources_to_outlets_to_the_outlets_repeating_them(
        client: tuple[TestClient, int]) -> None:
    http, story = client
    graph = http.get(f"/api/corpus/stories/{story}").json()["graph"]
    edges = {(e["from"], e["to"], e["rule"]) for e in graph["edges"]}
    assert ("des responsables (AFP)", "AFP", "own") in edges
    assert ("AFP", "Le Courrier", "syndication") in edges
    assert ("AFP", "La Gazette", "echo") in edges
    assert ("Paul Garnier", "The Daily", "own") in edges and ("Paul Garnier", "Le Soir", "own") in edges
    assert "Le Courrier" in graph["repeaters"] and "Le Courrier" not in graph["outlets"]


def test_pictures_keep_their_natural_size_and_escape_labels() -> None:
    document = {"articles": [{"id": "a<1>", "outlet": "<b>Outlet</b>", "day": "2024-03-04"}],
                "claims": [{"appearances": [{"id": 1, "article": "a<1>", "outlet": "<b>Outlet</b>",
                                             "source": "<i>X</i>", "source_kind": "person"}],
                            "origins": [{"label": "<i>X</i>", "appearances": [1], "evidence": []}]}]}
    for svg in (timeline(timeline_data(document)), origin_graph(graph_data(document))):
        assert "<b>" not in svg and "<i>" not in svg and "&lt;b&gt;" in svg or "&lt;i&gt;" in svg
        width, height = (int(svg.split(f'{k}="')[1].split('"')[0]) for k in ("width", "height"))
        assert f'viewBox="0 0 {width} {height}"' in svg

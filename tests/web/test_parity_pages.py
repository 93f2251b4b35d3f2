"""The parity page, its JSON twin and the statements page its pictures link to, over the hand-counted corpus of
`tests.store.parity_data` (Le Monde: 1 woman, 2 men, 1 unknown; The Times: 2 women, 1 man)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from selon.store import open_store
from selon.web import Settings, create_app
from tests.store.parity_data import fill
from tests.web.conftest import TEST_HOSTS


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with open_store(str(tmp_path / "parity.db")) as store:
        fill(store)
    with TestClient(create_app(Settings(db=str(tmp_path / "parity.db"), allowed_hosts=TEST_HOSTS))) as test_client:
        yield test_client


def svg(page: str, css: str) -> str:
    found = re.search(rf'<svg class="chart parity {css}".*?</svg>', page, re.DOTALL)
    assert found, css
    return found.group(0)


def test_the_json_twin_gives_the_total_and_each_breakdown(client: TestClient) -> None:
    data = client.get("/api/corpus/parity").json()
    assert data["schema"] == "selon-parity/1" and "counted apart" in data["share"]
    assert (data["total"]["speakers_female"], data["total"]["speakers_male"], data["total"]["speakers_unknown"]) \
        == (2, 2, 1)
    assert [(r["outlet"], r["speakers_female"], r["speakers_male"]) for r in data["outlets"]] == [
        ("Le Monde", 1, 2), ("The Times", 2, 1)]
    # The undated article of The Times has no point on the lines.
    assert [(line["outlet"], [p["month"] for p in line["points"]]) for line in data["over_time"]] == [
        ("Le Monde", ["2024-01", "2024-02"]), ("The Times", ["2024-02"])]
    assert data["months"] == ["2024-01", "2024-02"]
    assert {r["role"]: r["speakers_share"] for r in data["roles"]}["expert"] == 0.5


def test_the_filters_of_the_page_reach_the_figures_and_the_links(client: TestClient) -> None:
    data = client.get("/api/corpus/parity", params={"lang": "en", "since": "2024-02-01"}).json()
    assert [r["outlet"] for r in data["outlets"]] == ["The Times"]
    query = parse_qs(urlsplit(data["outlets"][0]["links"]["female"]).query)
    assert query == {"outlet": ["The Times"], "since": ["2024-02-01"], "lang": ["en"], "gender": ["female"]}


def test_the_page_draws_three_charts_whose_marks_link_to_the_statements_they_count(client: TestClient) -> None:
    page = client.get("/corpus/parity")
    assert page.status_code == 200 and '<a href="/corpus/parity">Parity</a>' in page.text
    bars = svg(page.text, "bars")
    assert bars.count('<rect class="g-female"') == 2
    assert 'href="/corpus/statements?outlet=The+Times&amp;gender=female"' in bars
    assert "The Times: 67% women (2 women, 1 man, 0 unknown of 3 named people)" in bars
    lines = svg(page.text, "lines")
    assert lines.count("<circle") == 3 and lines.count("<polyline") == 1  # Le Monde's two months are joined
    assert "since=2024-02-01&amp;until=2024-02-29" in lines
    stacks = svg(page.text, "stacks")
    expert = re.findall(r'<a href="([^"]+role=expert[^"]*)"', stacks)
    assert sorted(parse_qs(urlsplit(h.replace("&amp;", "&")).query)["gender"][0] for h in expert) == ["female", "male"]
    assert page.text.count("<table class=\"rows parity\">") == 3 and page.text.count("<caption>") == 3


def test_following_a_bar_lists_exactly_the_statements_it_counts(client: TestClient) -> None:
    data = client.get("/api/corpus/parity").json()
    times = next(r for r in data["outlets"] if r["outlet"] == "The Times")
    listed = client.get(times["links"]["female"].replace("/corpus/", "/api/corpus/")).json()["statements"]
    assert len(listed) == times["statements_female"]
    assert {q["source"] for q in listed} == {"Claire Dubois", "Mary Smith"}
    page = client.get(times["links"]["female"])
    assert page.status_code == 200 and page.text.count('<li class="quote') == 2
    assert "The figures are clear." in page.text and "Le coût est élevé." not in page.text


def test_a_month_point_lists_that_month_s_statements(client: TestClient) -> None:
    line = client.get("/api/corpus/parity").json()["over_time"][0]
    january = line["points"][0]
    listed = client.get(january["links"]["male"].replace("/corpus/", "/api/corpus/")).json()["statements"]
    assert [q["content"] for q in listed] == ["Le coût est élevé."]


@pytest.mark.parametrize(("path", "params"), [
    ("/corpus/parity", {"since": "2024-13-01"}), ("/api/corpus/parity", {"lang": "French"}),
    ("/corpus/statements", {"gender": "woman"}), ("/api/corpus/statements", {"role": "astronaut"}),
    ("/corpus/statements", {"until": "tomorrow"}),
])
def test_bad_parameters_are_422_with_selon_codes(client: TestClient, path: str, params: dict[str, str]) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == 422
    if path.startswith("/api"):
        assert answer.json()["error"]["code"] in ("E051", "E008")


def test_the_api_page_lists_the_parity_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/corpus/parity", "/api/corpus/statements"} <= set(paths)
    assert "/api/corpus/parity" in client.get("/api").text


def test_an_empty_store_says_so_instead_of_drawing(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "empty.db")):
        pass
    with TestClient(create_app(Settings(db=str(tmp_path / "empty.db"), allowed_hosts=TEST_HOSTS))) as empty:
        page = empty.get("/corpus/parity")
    assert page.status_code == 200 and page.text.count('class="empty-chart"') == 3
    assert "No named person quoted with these filters." in page.text

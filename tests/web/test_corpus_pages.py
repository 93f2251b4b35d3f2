"""The corpus pages and their JSON twins, over a store seeded with three hand-built articles."""

from __future__ import annotations

from fastapi.testclient import TestClient


def speaker_id(client: TestClient, name: str) -> int:
    rows = client.get("/api/corpus/sources").json()["sources"]
    return next(r["speaker_id"] for r in rows if r["name"] == name)


def test_the_overview_shows_totals_top_sources_and_outlets(client: TestClient) -> None:
    page = client.get("/corpus")
    assert page.status_code == 200
    assert "<strong>3</strong> articles" in page.text
    assert 'href="/corpus/outlets/Le%20Quotidien"' in page.text
    assert ">Adrienne Watson</a>" in page.text


def test_search_finds_statements_and_links_their_articles(client: TestClient) -> None:
    page = client.get("/corpus/search", params={"q": "surveillons"})
    assert page.status_code == 200
    assert page.text.count('<li class="hit attribution">') == 2
    assert 'href="/articles/doc-3"' in page.text and 'href="/articles/doc-1"' in page.text
    twin = client.get("/api/corpus/search", params={"q": "surveillons"}).json()
    assert {h["article_id"] for h in twin["hits"] if h["kind"] == "attribution"} == {"doc-1", "doc-3"}


def test_the_ranked_sources_table_is_filtered_by_kind_and_outlet(client: TestClient) -> None:
    ranked = client.get("/api/corpus/sources").json()["sources"]
    assert ranked[0]["name"] in ("Adrienne Watson", "Mahdi Nourian") and ranked[0]["statements"] == 2
    anonymous = client.get("/api/corpus/sources", params={"kind": "anonymous"}).json()["sources"]
    assert {r["name"] for r in anonymous} == {"trois responsables proches du dossier", "un responsable américain"}
    page = client.get("/corpus/sources", params={"kind": "anonymous", "outlet": "La Gazette", "since": "",
                                                 "lang": ""})
    assert page.status_code == 200
    assert "un responsable américain" in page.text and "trois responsables" not in page.text


def test_bad_filters_are_4xx_with_selon_codes_on_pages_and_api(client: TestClient) -> None:
    assert client.get("/corpus/sources", params={"since": "last week"}).status_code == 422
    assert client.get("/corpus/sources", params={"kind": "alien"}).status_code == 422
    assert client.get("/api/corpus/sources", params={"kind": "alien"}).json()["error"]["code"] == "E051"
    assert client.get("/api/corpus/sources", params={"limit": 0}).status_code == 422


def test_a_source_page_lists_its_statements_over_time_with_article_links(client: TestClient) -> None:
    watson = speaker_id(client, "Adrienne Watson")
    twin = client.get(f"/api/corpus/sources/{watson}").json()
    assert [q["article_id"] for q in twin["quotes"]] == ["doc-1", "doc-3"]
    assert [(p["period"], p["rows"]) for p in twin["over_time"]["periods"]] == [
        ("2024-03", 1), ("2024-04", 0), ("2024-05", 0), ("2024-06", 1)]
    page = client.get(f"/corpus/sources/{watson}")
    assert page.status_code == 200 and '<svg class="chart series"' in page.text
    assert "Nous surveillons les transferts d&#39;armes" in page.text
    assert 'href="/articles/doc-3"' in page.text


def test_an_unknown_source_is_a_404(client: TestClient) -> None:
    assert client.get("/api/corpus/sources/999999").json()["error"]["code"] == "E034"
    assert client.get("/corpus/sources/999999").status_code == 404


def test_an_outlet_page_charts_anonymous_share_and_declines(client: TestClient) -> None:
    twin = client.get("/api/corpus/outlets/Le Quotidien").json()
    assert twin["stats"]["articles"] == 2
    march = twin["anonymous_over_time"]["periods"][0]
    assert march == {"period": "2024-03", "rows": 6, "hits": 1, "share": round(1 / 6, 3)}
    assert twin["declines_over_time"]["periods"][0]["hits"] == 2
    page = client.get("/corpus/outlets/Le%20Quotidien")
    assert page.status_code == 200 and page.text.count('<svg class="chart series"') == 2
    assert 'href="/articles/doc-3"' in page.text


def test_stored_articles_are_available_as_selon1(client: TestClient) -> None:
    listed = client.get("/api/corpus/articles").json()["articles"]
    assert [a["article_id"] for a in listed] == ["doc-3", "doc-2", "doc-1"]
    stored = client.get("/api/corpus/articles/doc-1").json()
    assert stored["schema"] == "selon/1" and len(stored["attributions"]) == 6


def test_the_api_page_lists_every_documented_operation(client: TestClient) -> None:
    page = client.get("/api")
    assert page.status_code == 200
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in page.text

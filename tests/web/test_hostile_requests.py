"""Requests built to break the server get a 4xx in selon's error format, and a bug gets a JSON 500 with an id.

Each case here once ended in a 500 with a traceback: a lone surrogate in a JSON string, a form of a thousand
fields, a NUL in a search, a speaker id past SQLite's integers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from selon.ingest.prepare import prepare
from selon.schema.records import Analysis
from selon.web import Settings, create_app
from tests.web.builders import drones
from tests.web.conftest import TEST_HOSTS, FakeAnalyzer


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code and error["message"] and error["hint"], error
    return error


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url"])
def test_a_lone_surrogate_in_any_field_is_a_422(client: TestClient, field: str) -> None:
    body = {"text": "« Bonjour », a dit Marie.", "lang": "fr"}
    body[field] = "avant \\ud800 après"
    payload = "{" + ", ".join(f'"{k}": "{v}"' for k, v in body.items()) + "}"
    response = client.post("/api/analyze", content=payload.encode(), headers={"content-type": "application/json"})
    error = error_of(response, 422, "E051")
    assert field in error["message"] and "surrogate" in error["message"]


@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_a_form_with_a_thousand_fields_is_a_422(store_path: Path, fake: FakeAnalyzer, kind: str) -> None:
    fields = [(f"f{i}", "1") for i in range(1500)]
    headers = {"accept": "application/json"}
    with TestClient(create_app(Settings(db=str(store_path), analyzer=fake, max_body=1024 * 1024,
                                        allowed_hosts=TEST_HOSTS))) as client:
        if kind == "urlencoded":
            response = client.post("/analyze", data=dict(fields), headers=headers)
        else:
            response = client.post("/analyze", files=[(name, (None, value)) for name, value in fields],
                                   headers=headers)
    assert "fields" in error_of(response, 422, "E051")["message"]


def test_a_text_over_a_megabyte_in_an_urlencoded_form_is_not_cut_by_the_parser(store_path: Path) -> None:
    calls: list[str] = []

    def analyzer(text: str, **_: Any) -> Analysis:
        calls.append(text)
        return drones()

    app = create_app(Settings(db=str(store_path), analyzer=analyzer, max_body=3 * 1024 * 1024,
                              allowed_hosts=TEST_HOSTS))
    with TestClient(app) as big:
        response = big.post("/analyze", data={"text": "mot " * 300_000})
    assert response.status_code == 200 and len(calls[0]) == 1_200_000


@pytest.mark.parametrize("url, params", [
    ("/api/corpus/search", {"q": "sanc\x00tions"}),
    ("/api/corpus/sources", {"outlet": "Le\x00Quotidien"}),
    ("/api/corpus/outlets/Le%00Quotidien", None),
])
def test_a_nul_character_in_a_parameter_is_a_422(client: TestClient, url: str, params: Any) -> None:
    assert "NUL" in error_of(client.get(url, params=params), 422, "E051")["message"]


def test_a_nul_character_in_a_page_search_is_a_422_page(client: TestClient) -> None:
    page = client.get("/corpus/search", params={"q": "a\x00b"})
    assert page.status_code == 422 and "NUL" in page.text


@pytest.mark.parametrize("speaker", [2**63, 2**64 + 5, 10**30])
def test_a_speaker_id_past_64_bits_is_a_422_not_an_overflow(client: TestClient, speaker: int) -> None:
    error_of(client.get(f"/api/corpus/sources/{speaker}"), 422, "E051")
    assert client.get(f"/corpus/sources/{speaker}").status_code == 422


def test_the_largest_sql_integer_is_simply_not_found(client: TestClient) -> None:
    error_of(client.get(f"/api/corpus/sources/{2**63 - 1}"), 404, "E034")


def test_the_api_refuses_a_nul_byte_as_the_cli_does(store_path: Path) -> None:
    def analyzer(text: str, **options: Any) -> Analysis:
        prepare(text, lang="fr", html=options.get("html"))  # the real input rules, then a fixed analysis
        return drones()

    with TestClient(create_app(Settings(db=str(store_path), analyzer=analyzer, allowed_hosts=TEST_HOSTS))) as checked:
        response = checked.post("/api/analyze", json={"text": "Le texte\x00 ici, a dit Jean Dupont hier."})
        error_of(response, 415, "E002")
        page = checked.post("/analyze", data={"text": "Le texte\x00 ici, a dit Jean Dupont hier."})
        assert page.status_code == 415 and "E002" in page.text


def test_an_unforeseen_error_is_a_json_500_with_an_incident_id(store_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    def broken(text: str, **_: Any) -> Analysis:
        raise RuntimeError("a bug deep in the analyser")

    app = create_app(Settings(db=str(store_path), analyzer=broken, allowed_hosts=TEST_HOSTS))
    with TestClient(app, raise_server_exceptions=False) as failing:
        response = failing.post("/api/analyze", json={"text": "« Bonjour », a dit Marie."})
        error = error_of(response, 500, "E000")
        assert len(error["id"]) == 12 and error["id"] in error["message"]
        assert "RuntimeError" not in response.text and "Traceback" not in response.text
        assert error["id"] in caplog.text and "a bug deep in the analyser" in caplog.text
        page = failing.post("/analyze", data={"text": "« Bonjour », a dit Marie."})
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
        assert "internal error" in page.text and "Traceback" not in page.text


def test_a_wrong_method_gets_the_error_page_or_the_json_error_never_a_bare_status(client: TestClient) -> None:
    page = client.put("/corpus")
    assert page.status_code == 405 and "text/html" in page.headers["content-type"]
    assert '<section class="error"' in page.text and "Method Not Allowed" in page.text
    api = client.put("/api/corpus/stats")
    assert api.status_code == 405 and api.json()["error"]["message"] == "Method Not Allowed"

"""`POST /api/analyze`: selon/1 out, options passed through, bad input refused with selon's codes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from selon.errors import EmptyInputError, UnsupportedLanguageError
from tests.web.conftest import TEST_HOSTS, FakeAnalyzer


def test_text_in_gives_a_selon1_object_out(client: TestClient, fake: FakeAnalyzer) -> None:
    response = client.post("/api/analyze", json={"text": "« Bonjour », a dit Marie.", "lang": "fr",
                                                 "published": "2024-03-15", "title": "T"})
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "selon/1"
    assert body["summary"]["attributions"] == len(body["attributions"]) == 6
    text, options = fake.calls[-1]
    assert text == "« Bonjour », a dit Marie."
    assert options == {"lang": "fr", "title": "T", "url": None, "outlet": None, "published": "2024-03-15",
                       "html": False}


def test_html_in_is_analysed_as_a_web_page(client: TestClient, fake: FakeAnalyzer) -> None:
    assert client.post("/api/analyze", json={"html": "<html><p>x</p></html>"}).status_code == 200
    assert fake.calls[-1][1]["html"] is True


def test_both_text_and_html_or_neither_is_a_422_with_code_e051(client: TestClient) -> None:
    for body in ({"text": "a", "html": "<p>a</p>"}, {}, {"lang": "fr"}):
        response = client.post("/api/analyze", json=body)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "E051"


def test_unknown_fields_and_wrong_types_are_refused(client: TestClient) -> None:
    assert client.post("/api/analyze", json={"text": "a", "colour": "red"}).json()["error"]["code"] == "E051"
    assert client.post("/api/analyze", json={"text": 42}).status_code == 422
    assert client.post("/api/analyze", content=b"{not json", headers={"content-type": "application/json"}
                       ).status_code == 422


def test_errors_from_the_analyser_keep_their_selon_code_and_hint(store_path: object) -> None:
    from selon.web import Settings, create_app

    def refuse(text: str, **_: object) -> None:
        if not text.strip():
            raise EmptyInputError("the input holds no text")
        raise UnsupportedLanguageError("no resources for language 'xx'")

    settings = Settings(db=str(store_path), analyzer=refuse, allowed_hosts=TEST_HOSTS)  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as client:
        empty = client.post("/api/analyze", json={"text": "   "})
        assert empty.status_code == 422
        assert empty.json()["error"] == {"code": "E001", "type": "EmptyInputError",
                                         "message": "the input holds no text", "hint": EmptyInputError.hint}
        assert client.post("/api/analyze", json={"text": "x", "lang": "xx"}).json()["error"]["code"] == "E005"


def test_a_body_over_the_limit_is_a_413_before_anything_is_analysed(client: TestClient, fake: FakeAnalyzer) -> None:
    response = client.post("/api/analyze", json={"text": "x" * 70_000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E050"
    assert fake.calls == []


def test_a_streamed_body_without_length_is_limited_too(client: TestClient, fake: FakeAnalyzer) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 10_000

    response = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert fake.calls == []


def test_the_openapi_schema_documents_the_api_and_its_errors(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    analyze = schema["paths"]["/api/analyze"]["post"]
    assert set(analyze["responses"]) >= {"200", "413", "422"}
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Selon1")
    assert {"/api/corpus/sources", "/api/corpus/search", "/api/corpus/sources/{speaker_id}",
            "/api/corpus/outlets/{outlet}", "/api/corpus/articles/{article_id}", "/api/corpus/stats"} \
        <= set(schema["paths"])
    assert not any(path.startswith("/corpus") or path == "/analyze" for path in schema["paths"])


def test_a_body_that_is_not_utf8_json_is_a_422_with_code_e051(client: TestClient) -> None:
    response = client.post("/api/analyze", content=b"\xff\xfe\x03", headers={"content-type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E051"

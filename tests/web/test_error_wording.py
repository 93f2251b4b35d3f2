"""Error messages say what was wrong with the request and what to send instead, in words a client's author
reads: no character offset where a field name goes, no pydantic internals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def message(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "E051"
    text: str = error["message"]
    assert "dictionary" not in text and "JSON decode error" not in text and "model" not in text
    return text


@pytest.mark.parametrize("body, content_type, says", [
    (b'{"text": "a"', "application/json", ["not valid JSON", "Expecting ',' delimiter at character 12",
                                           '{"text": ']),
    (b"9", "application/json", ["the body is a number", "JSON object"]),
    (b'["a"]', "application/json", ["the body is an array", "JSON object"]),
    (b"hello", "text/plain", ["sent as text/plain", "application/json"]),
    (b'{"text": "a"}', "text/plain", ["sent as text/plain", "application/json"]),
    (b"", "application/json", ["no body"]),
])
def test_a_body_that_is_not_a_json_object_says_what_to_send(client: TestClient, body: bytes, content_type: str,
                                                            says: list[str]) -> None:
    text = message(client.post("/api/analyze", content=body, headers={"content-type": content_type}))
    assert not text.startswith("invalid request: 9:") and "12:" not in text
    for words in says:
        assert words in text, (words, text)


def test_fields_and_parameters_are_named_with_what_is_wrong(client: TestClient) -> None:
    assert "field text: input should be a valid string (got a number)" in message(
        client.post("/api/analyze", json={"text": 5}))
    assert "unknown field 'colour'" in message(client.post("/api/analyze", json={"text": "a", "colour": "red"}))
    assert "query parameter limit: input should be less than or equal to 500" in message(
        client.get("/api/corpus/search", params={"q": "a", "limit": 900}))
    assert "path parameter speaker_id" in message(client.get("/api/corpus/sources/abc"))

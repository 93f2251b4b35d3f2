"""DNS rebinding: the server answers only requests addressed to the name it was bound to, a loopback name, or
a name given with `--allowed-host`, so a web page whose domain resolves to 127.0.0.1 cannot read the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.web import Settings, create_app
from selon.web.hosts import allowed_hosts, host_of


def client_for(store_path: Path, **options: object) -> TestClient:
    return TestClient(create_app(Settings(db=str(store_path), **options)))  # type: ignore[arg-type]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "testserver",
                                  "", "a:b:c", "[::1", "localhost:port"])
def test_a_request_for_another_host_is_refused_before_any_route(store_path: Path, host: str) -> None:
    with client_for(store_path) as client:
        response = client.get("/api/corpus/stats", headers={"host": host})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "E051" and "--allowed-host" in error["hint"]
    assert "articles" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "127.0.0.1"])
def test_loopback_names_are_answered_on_a_local_bind(store_path: Path, host: str) -> None:
    with client_for(store_path) as client:
        response = client.get("/api/corpus/stats", headers={"host": host})
    assert response.status_code == 200 and response.json()["articles"] == 3


def test_allowed_hosts_and_the_bound_address_are_answered(store_path: Path) -> None:
    with client_for(store_path, host="192.168.1.20", allowed_hosts=("selon.lan",)) as client:
        for host in ("192.168.1.20:8000", "selon.lan", "Selon.LAN:8000", "localhost"):
            assert client.get("/api/corpus/stats", headers={"host": host}).status_code == 200, host
        assert client.get("/api/corpus/stats", headers={"host": "other.lan"}).status_code == 400


def test_a_bind_to_every_interface_still_checks_names(store_path: Path) -> None:
    with client_for(store_path, host="0.0.0.0") as client:
        assert client.get("/corpus", headers={"host": "0.0.0.0:8000"}).status_code == 400
        assert client.get("/corpus", headers={"host": "evil.example"}).status_code == 400
        assert client.get("/corpus", headers={"host": "127.0.0.1:8000"}).status_code == 200


def test_a_star_turns_the_check_off_deliberately(store_path: Path) -> None:
    assert allowed_hosts("127.0.0.1", ["*"]) is None
    with client_for(store_path, allowed_hosts=("*",)) as client:
        assert client.get("/api/corpus/stats", headers={"host": "anything.example"}).status_code == 200


def test_host_headers_are_parsed_with_ports_and_ipv6_brackets() -> None:
    assert [host_of(h) for h in ("Example.org:80", "[::1]:8000", "[::1]", "x:notaport", "")] == [
        "example.org", "::1", "::1", None, None]

"""`selon serve`: registered on the main CLI, localhost by default, options handed to the app and uvicorn."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from selon.cli.main import app


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(application: Any, **options: Any) -> None:
        seen.update(options, app=application)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return seen


def test_serve_binds_to_localhost_port_8000_by_default(launched: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert (launched["host"], launched["port"]) == ("127.0.0.1", 8000)
    assert launched["app"].state.settings.db is None


def test_serve_passes_host_port_db_and_body_limit_on(launched: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123", "--db", "c.db",
                                      "--max-body", "4096"])
    assert result.exit_code == 0, result.output
    assert (launched["host"], launched["port"]) == ("0.0.0.0", 8123)
    settings = launched["app"].state.settings
    assert (settings.db, settings.max_body) == ("c.db", 4096)
    assert "anyone who can reach this machine" in result.output


def test_serve_is_listed_in_the_help() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--host" in result.output and "--db" in result.output


def test_serve_hands_the_bound_host_and_allowed_hosts_to_the_host_check(launched: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--allowed-host", "selon.lan",
                                      "--allowed-host", "10.0.0.5"])
    assert result.exit_code == 0, result.output
    settings = launched["app"].state.settings
    assert (settings.host, settings.allowed_hosts) == ("0.0.0.0", ("selon.lan", "10.0.0.5"))
    assert "--allowed-host" in result.output

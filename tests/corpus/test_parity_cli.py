"""`selon parity` at the edge: its three formats carry the store's figures, bad filters are usage errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from tests.store.parity_data import fill
from typer.testing import CliRunner

from selon.cli.main import app
from selon.store import open_store

runner = CliRunner()


@pytest.fixture
def filled(db_url: str) -> str:
    with open_store(db_url) as store:
        fill(store)
    return db_url


def test_json_is_a_selon_parity_document_with_the_total_and_a_row_per_outlet(filled: str) -> None:
    result = runner.invoke(app, ["parity", "--db", filled, "--by", "outlet", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == "selon-parity/1" and document["by"] == ["outlet"]
    assert "unknown" in document["share"] and "female / (female + male)" in document["share"]
    assert (document["total"]["speakers_female"], document["total"]["speakers_male"],
            document["total"]["speakers_unknown"]) == (2, 2, 1)
    assert [(r["outlet"], r["statements_female"], r["statements_male"]) for r in document["rows"]] == [
        ("Le Monde", 3, 3), ("The Times", 2, 1)]


def test_filters_reach_the_figures(filled: str) -> None:
    result = runner.invoke(app, ["parity", "--db", filled, "--lang", "en", "--since", "2024-02-01", "-f", "json"])
    document = json.loads(result.stdout)
    assert document["filters"] == {"outlet": None, "since": "2024-02-01", "until": None, "lang": "en"}
    assert (document["total"]["speakers"], document["total"]["statements_share"]) == (2, 1.0)


def test_csv_has_one_line_per_month_and_outlet_with_every_count(filled: str) -> None:
    result = runner.invoke(app, ["parity", "--db", filled, "--by", "month", "--by", "outlet", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["month"], r["outlet"]) for r in rows] == [("2024-01", "Le Monde"), ("2024-02", "Le Monde"),
                                                         ("2024-02", "The Times"), ("", "The Times")]
    assert (rows[0]["speakers_female"], rows[0]["speakers_male"], rows[0]["speakers_unknown"]) == ("1", "1", "1")


def test_text_shows_each_role_with_its_shares_and_says_unknowns_are_apart(filled: str) -> None:
    result = runner.invoke(app, ["parity", "--db", filled, "--by", "role"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") > 3}
    assert set(lines) >= {"politician", "government", "expert", "business", "citizen", "all"}
    assert "100.0%" in lines["politician"] and "33.3%" in lines["expert"] and "–" in lines["citizen"]
    assert "unknown genders" in " ".join(result.stdout.split()) and "counted apart" in result.stdout


@pytest.mark.parametrize(("args", "option"), [
    (["--since", "2024-13-01"], "--since"), (["--until", "soon"], "--until"), (["--lang", "French"], "--lang"),
    (["--by", "weekday"], "--by"),
])
def test_a_filter_no_row_could_match_is_a_usage_error(filled: str, args: list[str], option: str) -> None:
    result = runner.invoke(app, ["parity", "--db", filled, *args])
    assert result.exit_code == 2 and option in result.stderr and "internal error" not in result.stderr


def test_a_store_that_does_not_exist_is_not_created(tmp_path) -> None:
    result = runner.invoke(app, ["parity", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 84 and not (tmp_path / "none.db").exists()

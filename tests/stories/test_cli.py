"""The story commands at the edge: formats, filters, rebuild, and the ClaimReview export."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.store import open_store
from tests.stories.coverage import coverage, only_story

runner = CliRunner()


@pytest.fixture
def filled(db_url: str) -> tuple[str, int]:
    with open_store(db_url) as store:
        coverage(store)
        return db_url, only_story(store)


def test_stories_json_is_selon_story_1(filled: tuple[str, int]) -> None:
    db, story = filled
    result = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "selon-story/1"
    [row] = document["stories"]
    assert (row["id"], row["articles"], row["languages"]) == (story, 8, ["en", "fr"])
    assert row["claims"] >= 1 and row["first_published"] == "2024-03-04"


@pytest.mark.parametrize(("option", "value", "found"), [
    ("--outlet", "Le Matin", 1), ("--outlet", "Nobody", 0), ("--lang", "en", 1), ("--since", "2024-03-07", 0),
    ("--until", "2024-03-04", 1)])
def test_stories_filters_keep_the_stories_with_a_matching_article(filled: tuple[str, int], option: str,
                                                                   value: str, found: int) -> None:
    result = runner.invoke(app, ["stories", "--db", filled[0], "--format", "json", option, value])
    assert len(json.loads(result.stdout)["stories"]) == found


def test_a_bad_date_filter_is_a_usage_error(filled: tuple[str, int]) -> None:
    assert runner.invoke(app, ["stories", "--db", filled[0], "--since", "2024-13-01"]).exit_code == 2


def test_story_text_csv_and_json(filled: tuple[str, int]) -> None:
    db, story = filled
    text = runner.invoke(app, ["story", str(story), "--db", db], env={"COLUMNS": "250"})
    assert text.exit_code == 0 and "independent_origins" in text.stdout and "le syndicat Sud" in text.stdout
    csv = runner.invoke(app, ["story", str(story), "--db", db, "--format", "csv"]).stdout.splitlines()
    assert csv[0].startswith("story,claim,text,appearances,independent_origins")
    document = json.loads(runner.invoke(app, ["story", str(story), "--db", db, "--format", "json"]).stdout)
    assert document["claims"][0]["independent_origins"] == 3


def test_an_unknown_story_is_not_found(filled: tuple[str, int]) -> None:
    result = runner.invoke(app, ["story", "999999", "--db", filled[0]])
    assert result.exit_code != 0 and "no story with id 999999" in result.output


def test_claims_of_a_source_include_what_it_denied(filled: tuple[str, int]) -> None:
    db, story = filled
    result = runner.invoke(app, ["claims", "--source", "Le Syndicat Sud", "--db", db, "--format", "json"])
    [claim] = json.loads(result.stdout)["claims"]
    assert (claim["story"], claim["independent_origins"]) == (story, 3)
    assert runner.invoke(app, ["claims", "--source", "garnier", "--db", db, "--format", "json"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["claims", "-s", "personne", "--db", db, "-f", "json"]).stdout)["claims"] \
        == []


def test_rebuild_finds_the_same_stories_and_rejects_settings_without_it(filled: tuple[str, int]) -> None:
    db, _ = filled
    before = json.loads(runner.invoke(app, ["stories", "--db", db, "-f", "json"]).stdout)
    result = runner.invoke(app, ["stories", "--rebuild", "--db", db, "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == before
    assert runner.invoke(app, ["stories", "--window", "5", "--db", db]).exit_code == 2


def test_claimreview_export_has_no_rating(filled: tuple[str, int], tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "reviews.jsonl"
    result = runner.invoke(app, ["export", "--format", "claimreview", "--db", filled[0], "-o", str(out)])
    assert result.exit_code == 0, result.output
    reviews = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    review = next(r for r in reviews if len(r["itemReviewed"]["appearance"]) > 1)
    assert review["@type"] == "ClaimReview" and "reviewRating" not in review
    assert review["itemReviewed"]["@type"] == "Claim"
    assert {(a["@type"], a["name"]) for a in review["itemReviewed"]["author"]} == {
        ("Person", "des responsables (AFP)"), ("Person", "une source syndicale (Le Matin)"),
        ("Person", "Paul Garnier")}
    assert review["itemReviewed"]["firstAppearance"]["publisher"]["name"] == "AFP"
    assert "3 independent origin(s)" in review["reviewBody"] and "Denied by le syndicat Sud" in review["reviewBody"]

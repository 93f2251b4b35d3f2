"""The Python API: analyse, batch, chunk, serialise; offsets always point into the article's text."""

from __future__ import annotations

import json

import pytest

import selon
from selon import pipeline
from selon.errors import EmptyInputError
from selon.pipeline import Failure, analyze_many
from selon.schema.records import Analysis
from tests.conftest import EXAMPLE

FR = "« Nous ne céderons pas », a déclaré la ministre Claire Dubois. Le syndicat a refusé de commenter."
EN = '"We will not give in," said Minister Claire Dubois. The union declined to comment.'


def spans_point_into_the_text(analysis: Analysis) -> bool:
    text = analysis.article.text
    spans = [a.content for a in analysis.attributions]
    spans += [a.cue for a in analysis.attributions if a.cue] + [a.mention for a in analysis.attributions if a.mention]
    spans += [m for s in analysis.sources for m in s.mentions]
    return all(text[s.start : s.end] == s.text for s in spans) and all(
        text[n.start : n.end] == n.text for n in analysis.notes
    )


@pytest.fixture(scope="module")
def example() -> Analysis:
    return selon.analyze(EXAMPLE.read_text(encoding="utf-8"), lang="fr")


def test_every_offset_of_the_example_points_at_its_text(example: Analysis) -> None:
    assert example.attributions
    assert spans_point_into_the_text(example)


def test_the_json_follows_the_selon_1_schema(example: Analysis) -> None:
    data = json.loads(json.dumps(example.to_dict()))
    assert data["schema"] == "selon/1"
    assert set(data) == {"schema", "article", "attributions", "sources", "notes", "summary"}
    assert set(data["article"]) == {"id", "lang", "title", "url", "outlet", "published", "text"}
    first = data["attributions"][0]
    # fields added within selon/1: "via" on attributions, "kind_reason", "evidence", "gender", "gender_evidence"
    # and "role_category" on sources, "gender" in the summary
    assert set(first) == {"id", "type", "content", "cue", "source", "stance", "confidence", "via"}
    assert set(first["source"]) == {"id", "mention"}
    assert set(data["sources"][0]) == {"id", "kind", "name", "description", "role", "affiliation", "count",
                                       "mentions", "kind_reason", "evidence", "gender", "gender_evidence",
                                       "role_category"}
    people = [s for s in data["sources"] if s["kind"] in ("person", "anonymous")]
    assert people and all(s["gender"] in ("female", "male", "unknown") and s["role_category"] for s in people)
    assert all(s["gender"] is None for s in data["sources"] if s["kind"] not in ("person", "anonymous"))
    assert set(data["summary"]["gender"]) == {"named_people", "statements"}
    ids = {s["id"] for s in data["sources"]}
    assert all(a["source"]["id"] in ids for a in data["attributions"])
    summary = data["summary"]
    assert summary["attributions"] == len(data["attributions"])
    assert sum(summary["by_type"].values()) == len(data["attributions"])


def test_an_analysis_survives_a_round_trip_through_json(example: Analysis) -> None:
    again = Analysis.from_dict(json.loads(json.dumps(example.to_dict())))
    assert again == example


def test_a_long_article_is_analysed_in_chunks_with_offsets_kept(monkeypatch: pytest.MonkeyPatch,
                                                                example: Analysis) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2_500)
    chunked = selon.analyze(example.article.text, lang="fr")
    assert spans_point_into_the_text(chunked)
    whole = {(a.content.start, a.content.end) for a in example.attributions}
    parts = {(a.content.start, a.content.end) for a in chunked.attributions}
    assert len(whole & parts) >= 0.8 * len(whole)
    assert len({s.id for s in chunked.sources}) == len(chunked.sources)


def test_a_batch_keeps_input_order_across_languages_and_failures() -> None:
    failure = Failure("empty.txt", EmptyInputError("nothing to analyse"))
    inputs = [selon.prepare(FR, lang="fr"), failure, selon.prepare(EN, lang="en"), selon.prepare(FR, lang="fr")]
    results = list(analyze_many(inputs))
    assert [r.article.lang if isinstance(r, Analysis) else "failed" for r in results] == ["fr", "failed", "en", "fr"]
    assert results[1] is failure


def test_two_processes_give_the_same_results_as_one() -> None:
    texts = [FR, FR.replace("Claire Dubois", "Anne Martin"), FR.replace("syndicat", "patronat")]
    one = list(analyze_many([selon.prepare(t, lang="fr") for t in texts], n_process=1))
    two = list(analyze_many([selon.prepare(t, lang="fr") for t in texts], n_process=2))
    assert [a.to_dict() for a in one] == [a.to_dict() for a in two]  # type: ignore[union-attr]


def test_the_public_api_is_small_and_stable() -> None:
    assert {"analyze", "analyze_many", "prepare", "Analysis", "SelonError"} <= set(selon.__all__)
    assert all(hasattr(selon, name) for name in selon.__all__)

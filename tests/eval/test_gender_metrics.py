"""Gender and role figures of `selon eval` (issue 9), on gold and analyses built by hand, with no spaCy model:
accuracy only where the gold says female or male and the prediction decided, coverage of gold named people,
role-category accuracy where the gold has one; the gold fields stay optional."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from selon.errors import GoldFormatError
from selon.eval import evaluate, load_gold, score_document
from selon.eval.render import render_report
from selon.schema.records import Analysis, Source
from tests.eval.builders import ACCORD, GOLD_FR, NIE, TEXT_FR, ZELENSKY, doc, perfect_fr


def _with_people(analysis: Analysis, **people: tuple[str | None, str | None]) -> Analysis:
    """Gender and role category given to the sources named (by a word of their name)."""
    sources = []
    for source in analysis.sources:
        found = next((v for k, v in people.items() if k in source.name), None)
        sources.append(replace(source, gender=found[0], role_category=found[1]) if found else source)
    return replace(analysis, sources=tuple(sources))


GOLD = doc(TEXT_FR, replace(ZELENSKY, source_gender="male", source_role_category="politician"),
           replace(ACCORD, source_gender="unknown", source_role_category="other"),
           replace(NIE, source_gender="female", source_role_category="government"))


def test_gender_is_scored_where_gold_and_prediction_both_decide() -> None:
    predicted = _with_people(perfect_fr(), Zelensky=("male", "politician"), responsables=("male", "other"),
                             Nourian=("male", "politician"))
    scores, errors = score_document(GOLD, predicted)
    assert (scores.gender.correct, scores.gender.total) == (1, 2)  # gold "unknown" is not scored
    assert (scores.role.correct, scores.role.total) == (2, 3)
    assert sorted((e.category, e.expected, e.predicted) for e in errors if e.category.startswith("wrong_")) == [
        ("wrong_gender", "female", "male"), ("wrong_role", "government", "politician")]


def test_an_undecided_prediction_is_not_scored_but_lowers_coverage() -> None:
    predicted = _with_people(perfect_fr(), Zelensky=("male", None), Nourian=("unknown", None))
    scores, _ = score_document(GOLD, predicted)
    assert (scores.gender.correct, scores.gender.total) == (1, 1)
    assert (scores.gender_coverage.correct, scores.gender_coverage.total) == (1, 2)  # two named people


def test_gold_without_the_fields_gives_no_figure() -> None:
    report = evaluate([GOLD_FR], lambda d: perfect_fr())
    assert report.overall.gender.value is None and report.overall.gender_coverage.value is None
    assert report.overall.role.value is None


def test_figures_are_in_json_and_text_per_language() -> None:
    predicted = _with_people(perfect_fr(), Zelensky=("male", "politician"), Nourian=("female", "government"))
    report = evaluate([GOLD], lambda d: predicted)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["by_lang"]["fr"]["gender"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert data["by_lang"]["fr"]["gender_coverage"]["accuracy"] == 1.0
    assert data["overall"]["role_category"] == {"correct": 2, "total": 3, "accuracy": 0.6667}  # "other" missed
    console = Console(record=True, width=200)
    console.print(render_report(report))
    out = console.export_text()
    assert "gender accuracy (decided)" in out and "1.000 (2/2)" in out and "role category accuracy" in out


def _gold_file(tmp_path: Path, **extra: object) -> Path:
    line = {"doc_id": "d", "lang": "fr", "text": "Marie Roux a dit que oui.", "attributions": [
        {"content": "oui", "type": "indirect", "cue": "a dit", "source": "Marie Roux", "source_canonical":
         "Marie Roux", "source_kind": "person", "stance": "assert", **extra}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_gold_reads_the_optional_fields(tmp_path: Path) -> None:
    [gold] = load_gold(_gold_file(tmp_path, source_gender="female", source_role_category="expert"))
    assert (gold.attributions[0].source_gender, gold.attributions[0].source_role_category) == ("female", "expert")
    [plain] = load_gold(_gold_file(tmp_path))
    assert plain.attributions[0].source_gender is None


@pytest.mark.parametrize("extra", [{"source_gender": "woman"}, {"source_role_category": "priest"}])
def test_gold_rejects_unknown_values(tmp_path: Path, extra: dict[str, str]) -> None:
    with pytest.raises(GoldFormatError):
        load_gold(_gold_file(tmp_path, **extra))


def test_source_without_the_fields_reads_as_before() -> None:
    old = {"id": "s1", "kind": "person", "name": "Marie Roux", "mentions": []}
    source = Source.from_dict(old)
    assert (source.gender, source.gender_evidence, source.role_category) == (None, None, None)
    assert Source.from_dict(source.to_dict()) == source

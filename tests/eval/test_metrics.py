"""Scores of hand-built predictions against hand-built gold: each error moves only the figures it should."""

from __future__ import annotations

import json
from dataclasses import replace

from rich.console import Console

from selon.eval.gold import GoldDoc
from selon.eval.metrics import evaluate, score_document
from selon.eval.render import render_report
from selon.schema.records import Analysis

from .builders import (
    ACCORD,
    ALLIANCE,
    GOLD_FR,
    NIE,
    TEXT_EN,
    TEXT_FR,
    ZELENSKY,
    analysis,
    doc,
    gold,
    perfect_fr,
    pred,
)


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = evaluate([GOLD_FR], lambda d: perfect_fr())
    s = report.overall
    for counts in (s.content, s.end_to_end):
        assert (counts.tp, counts.fp, counts.fn) == (4, 0, 0)
        assert counts.precision == counts.recall == counts.f1 == 1.0
    for accuracy in (s.source, s.type, s.kind, s.stance):
        assert accuracy.value == 1.0
    assert report.errors == ()


def test_missed_attribution_lowers_recall_only() -> None:
    predicted = replace(perfect_fr(), attributions=perfect_fr().attributions[:3])
    scores, errors = score_document(GOLD_FR, predicted)
    assert scores.content.precision == 1.0
    assert scores.content.recall == 0.75
    assert scores.source.value == 1.0
    assert [(e.category, e.gold_content) for e in errors] == [("miss", NIE.content)]


def test_false_alarm_lowers_precision_only() -> None:
    gold_doc = doc(TEXT_FR, ZELENSKY, ACCORD, ALLIANCE)
    scores, errors = score_document(gold_doc, perfect_fr())
    assert scores.content.recall == 1.0
    assert scores.content.precision == 0.75
    assert scores.end_to_end.precision == 0.75
    assert [(e.category, e.predicted_content) for e in errors] == [("false_alarm", NIE.content)]


def test_wrong_source_is_a_content_match_but_not_end_to_end() -> None:
    gold_doc = doc(TEXT_FR, ALLIANCE)
    wrong = analysis(TEXT_FR, pred(TEXT_FR, ALLIANCE.content, "Mahdi Nourian", "Mahdi Nourian", kind="person"))
    scores, errors = score_document(gold_doc, wrong)
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (1, 0, 0)
    assert (scores.end_to_end.tp, scores.end_to_end.fp, scores.end_to_end.fn) == (0, 1, 1)
    assert scores.end_to_end.f1 == 0.0
    assert scores.source.value == 0.0
    assert {e.category for e in errors} == {"wrong_source", "wrong_kind"}
    wrong_source = next(e for e in errors if e.category == "wrong_source")
    assert wrong_source.expected == "les responsables → trois responsables proches du dossier"
    assert wrong_source.predicted == "Mahdi Nourian"


def test_pronoun_mention_is_right_through_resolved_entity() -> None:
    text = "Le pays paiera, a-t-il dit."
    gold_doc = doc(text, gold("Le pays paiera", "il", "Volodymyr Zelensky", kind="person"))
    resolved = analysis(text, pred(text, "Le pays paiera", "il", "Volodymyr Zelensky", kind="person"))
    unresolved = analysis(text, pred(text, "Le pays paiera", "il", "il", kind="person"))
    assert score_document(gold_doc, resolved)[0].source.value == 1.0
    # "il" against gold mention "il": all stop words, so no evidence either way; counted wrong.
    assert score_document(gold_doc, unresolved)[0].source.value == 0.0


def test_two_predictions_on_one_gold_give_one_tp_one_fp() -> None:
    gold_doc = doc(TEXT_FR, ACCORD)
    predicted = analysis(
        TEXT_FR,
        pred(TEXT_FR, "Moscou a conclu un accord", ACCORD.source, ACCORD.source),
        pred(TEXT_FR, ACCORD.content, ACCORD.source, ACCORD.source),
    )
    scores, errors = score_document(gold_doc, predicted)
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (1, 1, 0)
    assert [(e.category, e.predicted_content) for e in errors] == [("false_alarm", "Moscou a conclu un accord")]


def test_type_kind_and_stance_accuracy_on_matches() -> None:
    gold_doc = doc(TEXT_FR, NIE)
    predicted = analysis(TEXT_FR, pred(TEXT_FR, NIE.content, "Mahdi Nourian", "Mahdi Nourian",
                                       kind="organization", type="direct", stance="assert"))
    scores, errors = score_document(gold_doc, predicted)
    assert scores.source.value == 1.0 and scores.end_to_end.f1 == 1.0
    assert scores.type.value == scores.kind.value == scores.stance.value == 0.0
    assert sorted((e.category, e.expected, e.predicted) for e in errors) == [
        ("wrong_kind", "person", "organization"), ("wrong_stance", "deny", "assert"),
        ("wrong_type", "indirect", "direct")]


def test_per_language_split_and_per_document_figures() -> None:
    watson = gold("The deal was signed in November", "Adrienne Watson", kind="person", cue="said")
    gold_en = doc(TEXT_EN, watson, lang="en", doc_id="en1")
    predictions: dict[str, Analysis] = {
        "d1": perfect_fr(),
        "en1": analysis(TEXT_EN, pred(TEXT_EN, "The deal was signed", "Watson", "Adrienne Watson", kind="person"),
                        pred(TEXT_EN, "declined to comment", "Iran", "Iran", kind="organization"), lang="en"),
    }

    def predict(d: GoldDoc) -> Analysis:
        return predictions[d.doc_id]

    report = evaluate([GOLD_FR, gold_en], predict)
    assert set(report.by_lang) == {"fr", "en"}
    assert report.by_lang["fr"].content.f1 == 1.0
    en = report.by_lang["en"]
    assert (en.content.tp, en.content.fp, en.content.fn) == (1, 1, 0)
    assert en.source.value == 1.0
    assert (report.overall.content.tp, report.overall.content.fp) == (5, 1)
    assert report.overall.documents == 2
    assert [(d.doc_id, d.scores.content.fp) for d in report.documents] == [("d1", 0), ("en1", 1)]
    assert [e.doc_id for e in report.false_alarms] == ["en1"]


def test_empty_prediction_gives_zero_f1_and_undefined_precision() -> None:
    report = evaluate([GOLD_FR], lambda d: analysis(TEXT_FR))
    assert report.overall.content.f1 == 0.0
    assert report.overall.content.precision is None
    assert report.overall.source.value is None
    assert len(report.misses) == 4


def test_to_dict_is_json_and_render_prints() -> None:
    report = evaluate([GOLD_FR], lambda d: replace(perfect_fr(), attributions=perfect_fr().attributions[1:]))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["content"] == {"tp": 3, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75,
                                          "f1": 0.8571}
    assert data["by_lang"]["fr"]["end_to_end"]["tp"] == 3
    assert data["errors"]["misses"][0]["gold_content"] == ZELENSKY.content
    assert "errors" not in report.to_dict(errors=False)
    console = Console(record=True, width=200)
    console.print(render_report(report, show_errors=True))
    out = console.export_text()
    assert "end-to-end F1" in out and "Misses (1)" in out and "False alarms: none" in out


def test_errors_are_counted_by_class_overall_and_per_language() -> None:
    predicted = replace(perfect_fr(), attributions=perfect_fr().attributions[:3])
    report = evaluate([GOLD_FR], lambda d: predicted)
    counts = report.error_counts()
    assert counts["all"]["miss"] == counts["fr"]["miss"] == 1
    assert counts["all"]["false_alarm"] == 0
    assert report.to_dict()["error_counts"] == counts
    out = Console(width=200, record=True)
    out.print(render_report(report, show_errors=True))
    assert "Errors by class" in out.export_text()

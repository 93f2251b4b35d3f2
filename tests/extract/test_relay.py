"""The relay of a statement (`via` in selon/1): the outlet that carried it, while its source stays the speakers."""

from __future__ import annotations

import pytest

import selon
from selon.schema.records import Analysis

ROWS = [
    pytest.param("fr", "Selon l'AFP, deux responsables du ministère affirment que la réforme sera retirée.",
                 "réforme sera retirée", "responsables", "AFP", id="fr-selon-outlet-then-speakers"),
    pytest.param("fr", "Des responsables ont déclaré à la BBC que le sommet était annulé.", "sommet était annulé",
                 "responsables", "BBC", id="fr-told-an-outlet"),
    pytest.param("en", "Two officials told Reuters that the talks had failed.", "talks had failed", "officials",
                 "Reuters", id="en-told-an-outlet"),
    pytest.param("en", "The minister said in a statement to the BBC that he would resign.", "would resign",
                 "minister", "BBC", id="en-statement-to-an-outlet"),
]

NO_RELAY = [
    pytest.param("en", "The BBC reported that the talks had failed.", "talks had failed", id="en-the-outlet-speaks"),
    pytest.param("fr", "Selon deux responsables, la réforme sera retirée.", "réforme sera retirée",
                 id="fr-selon-the-speakers-themselves"),
    pytest.param("fr", "Le ministre a déclaré à ses collègues que la réforme serait retirée.", "réforme serait",
                 id="fr-told-people-not-an-outlet"),
]


def _statement(analysis: Analysis, fragment: str):
    return next(a for a in analysis.attributions if fragment in a.content.text)


@pytest.mark.parametrize(("lang", "text", "fragment", "source", "outlet"), ROWS)
def test_the_relaying_outlet_is_recorded_and_the_speakers_stay_the_source(lang: str, text: str, fragment: str,
                                                                          source: str, outlet: str) -> None:
    analysis = selon.analyze(text, lang=lang)
    statement = _statement(analysis, fragment)
    assert source in analysis.source(statement.source_id).name
    assert statement.via is not None and outlet in statement.via.text
    assert analysis.article.text[statement.via.start : statement.via.end] == statement.via.text
    assert statement.to_dict()["via"]["text"] == statement.via.text


@pytest.mark.parametrize(("lang", "text", "fragment"), NO_RELAY)
def test_no_relay_when_no_outlet_carried_it(lang: str, text: str, fragment: str) -> None:
    statement = _statement(selon.analyze(text, lang=lang), fragment)
    assert statement.via is None
    assert statement.to_dict()["via"] is None


def test_the_relay_survives_a_round_trip_through_json() -> None:
    analysis = selon.analyze("Two officials told Reuters that the talks had failed.", lang="en")
    again = Analysis.from_dict(analysis.to_dict())
    assert [a.via for a in again.attributions] == [a.via for a in analysis.attributions]

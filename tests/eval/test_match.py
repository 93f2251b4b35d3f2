"""Tokenisation, token F1, one-to-one matching and the source-overlap rules."""

from __future__ import annotations

import pytest

from selon.eval.match import match, overlaps, source_right, stop_words, token_f1, tokens


def test_tokens_lower_case_and_split_apostrophes() -> None:
    assert tokens("L’accord, d'après « Watson »") == ["l", "accord", "d", "après", "watson"]


def test_token_f1_identical_disjoint_and_empty() -> None:
    assert token_f1("Moscou a conclu", "moscou A conclu") == 1.0
    assert token_f1("un deux", "trois quatre") == 0.0
    assert token_f1("", "quelque chose") == 0.0


def test_token_f1_threshold_boundary() -> None:
    # 1 shared token of 1 and 3: P=1, R=1/3 → F1=0.5 exactly, which matches.
    assert token_f1("a", "a b c") == pytest.approx(0.5)
    assert match(["a b c"], ["a"]) == [(0, 0, pytest.approx(0.5))]
    # 1 shared of 1 and 4: F1=0.4, below the threshold.
    assert token_f1("a", "a b c d") == pytest.approx(0.4)
    assert match(["a b c d"], ["a"]) == []


def test_match_is_one_to_one_best_first() -> None:
    gold = ["the deal was signed in november"]
    predicted = ["the deal was signed", "the deal was signed in november"]
    assert match(gold, predicted) == [(0, 1, 1.0)]


def test_match_best_pair_wins_over_earlier_weaker_one() -> None:
    gold = ["a b c d", "a b c x"]
    predicted = ["a b c x"]  # 0.75 with gold 0, 1.0 with gold 1
    assert match(gold, predicted) == [(1, 0, 1.0)]


@pytest.mark.parametrize(
    ("a", "b", "lang", "expected"),
    [
        ("Watson", "Adrienne Watson", "en", True),
        ("les responsables", "trois responsables proches du dossier", "fr", True),
        ("les experts", "les responsables", "fr", False),
        ("il", "Volodymyr Zelensky", "fr", False),
        ("he", "he", "en", False),  # nothing but stop words: never evidence of the same speaker
        ("l’un des responsables", "L’un des responsables informés de l’accord secret", "fr", True),
        ("la Maison Blanche", "le Kremlin", "fr", False),
        ("Conseil de sécurité nationale", "porte-parole du Conseil de sécurité nationale", "fr", True),
        ("Michael Knights", "Michael Jordan, analyst", "en", False),  # 1 shared of 2 and 3: F1 0.4
        ("Adrienne Watson", "Watson Adrienne Smith", "en", True),
    ],
)
def test_overlaps(a: str, b: str, lang: str, expected: bool) -> None:
    assert overlaps(a, b, lang) is expected
    assert overlaps(b, a, lang) is expected


def test_pronoun_source_is_right_through_its_entity_name() -> None:
    gold = ["il", "Volodymyr Zelensky"]
    assert source_right(["il", "Volodymyr Zelensky"], gold, "fr")
    assert not source_right(["il", "Dmitri Peskov"], gold, "fr")
    assert not source_right([None, None], gold, "fr")


def test_unknown_language_falls_back_to_french_and_english_stop_words() -> None:
    assert {"les", "the", "l"} <= stop_words("xx-unknown")
    assert overlaps("the officials", "les officials", "xx-unknown")
    assert not overlaps("the", "les", "xx-unknown")

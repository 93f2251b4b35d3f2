"""Quote pairing on characters alone: no model needed."""

from __future__ import annotations

import pytest

from selon.extract.quotes import find_quotes


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous gagnerons », a-t-il dit.", ["Nous gagnerons"]),
        ("“We will win,” she said.", ["We will win"]),
        ('"We will win," she said.', ["We will win"]),
        ("« Qu’est-ce que la ‘demande ?’ Nous ne savons pas », a dit l’un.", ["Qu’est-ce que la ‘demande ?’ Nous ne savons pas"]),
        ("He said “it’s over” and left.", ["it’s over"]),
        ("L’accord d’aujourd’hui n’a rien de neuf.", []),
        ("the ministers' report and the 'draft' were late", []),
    ],
    ids=["guillemets", "curly", "straight", "nested-single", "apostrophe-inside", "apostrophes-only", "ascii-single"],
)
def test_quotes_are_paired_on_marks(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_an_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    text = "Il a déclaré : « La loi est claire.\n\n« Personne n’est au-dessus », a-t-il conclu."
    quotes = find_quotes(text)
    assert [q.closed for q in quotes] == [False, True]
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "La loi est claire."


def test_what_stands_before_a_quote_is_recorded() -> None:
    text = "Le maire : « Oui. » Puis « non ». Elle a parlé de « ville verte »."
    assert [q.before for q in find_quotes(text)] == ["colon", "word", "word"]
    assert find_quotes("« Oui. »\n« Non. »")[1].before == "para"

"""The French tokenizer as selon adjusts it: an opening quote mark glued to an elided word is a token of its own,
so that a quote boundary falls between tokens and the complementiser keeps its apostrophe."""

from __future__ import annotations

import pytest

from selon.nlp.models import load_pipeline


@pytest.mark.parametrize("text", [
    pytest.param("a assuré qu'«aucun signe»", id="mark-glued-to-the-next-word"),
    pytest.param("a assuré qu'« aucun signe »", id="mark-followed-by-a-space"),
    pytest.param("a assuré qu’« aucun signe »", id="typographic-apostrophe"),
])
def test_an_opening_mark_after_an_elided_word_is_a_token_of_its_own(text: str) -> None:
    words = [t.text for t in load_pipeline("fr").tokenizer(text)]
    assert words[2:5] == [text[9:12], "«", "aucun"]


def test_quote_marks_around_a_word_stay_separate_tokens() -> None:
    assert [t.text for t in load_pipeline("fr").tokenizer("«Bonjour»")] == ["«", "Bonjour", "»"]

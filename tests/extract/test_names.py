"""First names through gender-guesser, mapped as `selon.extract.names` says (no spaCy model needed)."""

from __future__ import annotations

import pytest

from selon.extract.names import first_name_gender
from selon.lang.people import load_people

ROWS = [
    ("fr", "Marie", "f"), ("fr", "Julien", "m"), ("fr", "Jean", "m"), ("fr", "Élodie", "f"),
    ("fr", "Anne-Sophie", "f"), ("en", "Helen", "f"), ("en", "Victor", "m"),
    # negative rows: given to both, initials, names the dictionary lacks
    ("fr", "Claude", None), ("fr", "Dominique", None), ("fr", "Camille", None), ("en", "Alex", None),
    ("en", "Jean", None), ("en", "J.", None), ("en", "J", None), ("fr", "Xqzw", None),
]


@pytest.mark.parametrize(("lang", "name", "gender"), ROWS)
def test_first_name_gender(lang: str, name: str, gender: str | None) -> None:
    found, why = first_name_gender(name, load_people(lang))
    assert found == gender, why

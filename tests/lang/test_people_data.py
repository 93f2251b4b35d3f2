"""The people tables of every language: valid, and covering the roles the extractor already knows."""

from __future__ import annotations

import pytest

from selon.lang import available_languages, load
from selon.lang.people import load_people
from selon.schema.records import ROLE_CATEGORIES

#: entries of roles.txt that are pieces of two-word roles, not nouns of their own
_PIECES = {"au", "d'école"}


@pytest.mark.parametrize("code", available_languages())
def test_every_role_the_extractor_knows_has_a_category(code: str) -> None:
    people = load_people(code)
    missing = {r.replace("\u2019", "'") for r in load(code).roles} - set(people.roles) - _PIECES
    assert not missing, f"{code}/roles.tsv lacks {sorted(missing)}"


@pytest.mark.parametrize("code", available_languages())
def test_tables_hold_known_categories_and_a_few_hundred_roles(code: str) -> None:
    people = load_people(code)
    assert len(people.roles) >= 200
    assert {e.category for e in people.roles.values()} == set(ROLE_CATEGORIES)
    assert set(people.contexts.values()) <= set(ROLE_CATEGORIES)
    assert people.name_countries and people.epicene_names


def test_french_roles_carry_both_genders() -> None:
    roles = load_people("fr").roles
    assert (roles["députée"].gender, roles["député"].gender, roles["ministre"].gender) == ("f", "m", "-")
    assert roles["porte-parole"].flexible and not roles["procureure"].flexible

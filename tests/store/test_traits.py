"""How the store reads a source's gender and role category, from a record or its JSON, present or not."""

from __future__ import annotations

from typing import Any

import pytest

from selon.schema import records
from selon.store.traits import GENDERS, ROLE_CATEGORIES, gender_of, role_category_of


@pytest.mark.parametrize(("source", "gender", "role"), [
    ({"kind": "person", "gender": "female", "role_category": "expert"}, "female", "expert"),
    ({"kind": "person"}, "unknown", "other"),  # stored before sources had them
    ({"kind": "person", "gender": None, "role_category": None}, "unknown", "other"),
    ({"kind": "person", "gender": "woman", "role_category": "astronaut"}, "unknown", "other"),
    ({"kind": "anonymous", "gender": "female"}, "female", None),  # "une porte-parole"
    ({"kind": "organization", "gender": None, "role_category": None}, "unknown", None),
])
def test_absent_or_unknown_values_read_as_unknown_and_other(source: dict[str, Any], gender: str,
                                                            role: str | None) -> None:
    assert (gender_of(source), role_category_of(source)) == (gender, role)
    record = records.Source.from_dict({"id": "s1", "name": "X", **source})
    assert (gender_of(record), role_category_of(record)) == (gender, role)


def test_the_store_knows_the_schema_s_genders_and_role_categories() -> None:
    assert GENDERS == getattr(records, "GENDERS", GENDERS)
    assert ROLE_CATEGORIES == getattr(records, "ROLE_CATEGORIES", ROLE_CATEGORIES)

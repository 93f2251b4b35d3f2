"""A source's gender and role category as the store keeps them, read from a `Source` record or its JSON.

The extractor may or may not give a source these fields (they are added fields of `selon/1`; articles stored
before them have neither), so everything that writes a `sources` row or backfills one reads them here, by one
rule: a gender that is not `female` or `male` is `unknown`, for every kind of source (an anonymous "une
porte-parole" may have one); a role category outside the list is `other` for a named person and none for
the other kinds, which have no role category.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selon.store.base import Store

GENDERS = ("female", "male", "unknown")
ROLE_CATEGORIES = ("politician", "government", "police_justice", "expert", "business", "union_civil", "citizen",
                   "sport", "culture", "media", "other")


def _field(source: Any, name: str) -> Any:
    if isinstance(source, Mapping):
        return source.get(name)
    return getattr(source, name, None)


def gender_of(source: Any) -> str:
    """`female`, `male` or `unknown` (absent, null or anything else)."""
    value = _field(source, "gender")
    return value if value in ("female", "male") else "unknown"


def role_category_of(source: Any) -> str | None:
    """One of `ROLE_CATEGORIES` for a person (`other` when absent or unknown), else the given one or None."""
    value = _field(source, "role_category")
    if value in ROLE_CATEGORIES:
        return str(value)
    return "other" if _field(source, "kind") == "person" else None


#: A speaker's gender across the store, from its person sources: the one its articles decide more often
#: (`female` or `male`); `unknown` when none decides it or as many say one as the other. One article's
#: "Lemoine said" then does not make a speaker unknown whom another article calls "la porte-parole".
_SPEAKER_GENDER = (
    "UPDATE speakers SET gender = COALESCE((SELECT CASE "
    "WHEN SUM(CASE WHEN s.gender = 'female' THEN 1 ELSE 0 END) > SUM(CASE WHEN s.gender = 'male' THEN 1 ELSE 0 END) "
    "THEN 'female' "
    "WHEN SUM(CASE WHEN s.gender = 'male' THEN 1 ELSE 0 END) > SUM(CASE WHEN s.gender = 'female' THEN 1 ELSE 0 END) "
    "THEN 'male' ELSE 'unknown' END FROM sources s WHERE s.speaker_id = speakers.id), 'unknown') "
    "WHERE kind = 'person' AND id {which}"
)


def refresh_speaker_genders(store: Store, speakers: Sequence[int] | None = None) -> None:
    """Recomputes the gender of `speakers` (every person when None) from their sources, in the caller's
    transaction: after an article's sources are written, and after speakers are merged. The parity counts of
    a speaker whose gender changed follow it (`selon.store.parity_table`)."""
    from selon.store import parity_table

    if speakers is not None and not speakers:
        return
    which = "IS NOT NULL" if speakers is None else f"IN ({', '.join('?' * len(speakers))})"
    params = list(speakers or ())
    if speakers is None:
        store.execute(_SPEAKER_GENDER.format(which=which))
        parity_table.copy_genders(store, None)
        return
    before = dict(store.query(f"SELECT id, gender FROM speakers WHERE kind = 'person' AND id {which}", params))
    store.execute(_SPEAKER_GENDER.format(which=which), params)
    after = store.query(f"SELECT id, gender FROM speakers WHERE kind = 'person' AND id {which}", params)
    parity_table.copy_genders(store, [int(i) for i, gender in after if before.get(i) != gender])

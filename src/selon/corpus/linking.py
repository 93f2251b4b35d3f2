"""Sources linked across articles into speakers, so "Adrienne Watson" in two outlets is one speaker.

Named persons, organisations and media are linked by their folded name (`keys.name_key`); a surname-only
person ("Watson") joins the one full name with that surname, and stays apart while there are none or several.
Anonymous sources and documents are never linked: "a senior official" in two articles need not be one person.
"""

from __future__ import annotations

from collections import defaultdict

from selon.corpus.keys import name_key, surname
from selon.schema.records import Source
from selon.store.base import Store

LINKED_KINDS = frozenset({"person", "organization", "media"})


def speaker_for(store: Store, source: Source, article_row: int) -> int:
    """The speaker id a stored source belongs to, created when new (inside the caller's transaction)."""
    key = name_key(source.name) if source.kind in LINKED_KINDS else ""
    if not key:
        key = f"#{article_row}:{source.id}"
    if source.kind == "person" and " " not in key and not key.startswith("#"):
        full = store.query("SELECT id FROM speakers WHERE kind = 'person' AND surname = ?", (key,))
        if len(full) == 1:
            return int(full[0][0])
    found = store.scalar("SELECT id FROM speakers WHERE kind = ? AND key = ?", (source.kind, key))
    if found is not None:
        return int(found)
    family = surname(key) if source.kind == "person" and not key.startswith("#") else None
    return store.insert(
        "INSERT INTO speakers (kind, name, key, surname) VALUES (?, ?, ?, ?)", (source.kind, source.name, key, family)
    )


def relink_surnames(store: Store) -> int:
    """Joins surname-only speakers stored before their full name arrived; returns how many were joined."""
    pairs = store.query(
        "SELECT s.id, f.id FROM speakers s JOIN speakers f ON f.kind = 'person' AND f.surname = s.key "
        "WHERE s.kind = 'person' AND s.surname IS NULL"
    )
    fulls: dict[int, list[int]] = defaultdict(list)
    for short, full in pairs:
        fulls[int(short)].append(int(full))
    joined = 0
    with store.transaction():
        for short, candidates in fulls.items():
            if len(candidates) != 1:
                continue
            for table in ("sources", "attributions"):
                store.execute(f"UPDATE {table} SET speaker_id = ? WHERE speaker_id = ?", (candidates[0], short))
            store.execute("DELETE FROM speakers WHERE id = ?", (short,))
            joined += 1
    return joined

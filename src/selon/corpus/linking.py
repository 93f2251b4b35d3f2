"""Sources linked across articles into speakers, so "Claire Dubois" in two outlets is one speaker.

Named persons, organisations and media are linked by their folded name (`keys.name_key`); a surname-only
person ("Dubois") joins the one full name with that surname, and stays apart while there are none or several.
Anonymous sources and documents are never linked: "a senior official" in two articles need not be one person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from selon.corpus import counts
from selon.corpus.keys import name_key, surname
from selon.schema.records import Source
from selon.store import parity_table
from selon.store.base import Store
from selon.store.traits import refresh_speaker_genders

LINKED_KINDS = frozenset({"person", "organization", "media"})


SpeakerKey = tuple[str, str]  # (kind, key)


def speakers_for(store: Store, sources: Sequence[Source], article_row: int,
                 group: int | None = None) -> dict[str, int]:
    """The speaker id of each of an article's sources (by source id), created when new, inside the caller's
    transaction: a few statements for the whole article, not a lookup per source. A surname-only person joins
    the one full name with that surname, a full name this same article brings included. Unlinked sources
    (anonymous, documents) are one speaker per syndication `group`: the "senior official" of one wire story
    carried by three outlets is one source, not three."""
    keyed: dict[str, SpeakerKey] = {}
    names: dict[SpeakerKey, str] = {}
    for source in sources:
        key = name_key(source.name) if source.kind in LINKED_KINDS else ""
        unlinked = f"#g{group}:{name_key(source.name)}" if group is not None else f"#{article_row}:{source.id}"
        keyed[source.id] = (source.kind, key or unlinked)
        names.setdefault(keyed[source.id], source.name)
    short = {k for k in keyed.values() if _surname_only(k)}
    ids = _ensure(store, set(keyed.values()) - short, names)
    if short:
        marks = ", ".join("?" * len(short))
        matches: dict[str, list[int]] = defaultdict(list)
        for family, speaker in store.query(
                f"SELECT surname, id FROM speakers WHERE kind = 'person' AND surname IN ({marks})",
                sorted(key for _, key in short)):
            matches[str(family)].append(int(speaker))
        joined = {k: matches[k[1]][0] for k in short if len(matches[k[1]]) == 1}
        ids |= joined | _ensure(store, short - joined.keys(), names)
    return {source_id: ids[k] for source_id, k in keyed.items()}


def _surname_only(speaker: SpeakerKey) -> bool:
    kind, key = speaker
    return kind == "person" and " " not in key and not key.startswith("#")


def _ensure(store: Store, wanted: set[SpeakerKey], names: dict[SpeakerKey, str]) -> dict[SpeakerKey, int]:
    """Ids of these speakers, inserting those not stored yet (a concurrent ingest's insert is taken as is)."""
    ids = _lookup(store, wanted)
    missing = sorted(wanted - ids.keys())
    if missing:
        store.executemany(
            "INSERT INTO speakers (kind, name, key, surname) VALUES (?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING",
            [(kind, names[(kind, key)], key, surname(key) if kind == "person" and not key.startswith("#") else None)
             for kind, key in missing],
        )
        ids |= _lookup(store, set(missing))
    return ids


def _lookup(store: Store, wanted: set[SpeakerKey]) -> dict[SpeakerKey, int]:
    if not wanted:
        return {}
    kinds, keys = sorted({kind for kind, _ in wanted}), sorted({key for _, key in wanted})
    rows = store.query(
        f"SELECT kind, key, id FROM speakers WHERE kind IN ({', '.join('?' * len(kinds))}) "
        f"AND key IN ({', '.join('?' * len(keys))})", [*kinds, *keys])
    found = {(str(kind), str(key)): int(speaker) for kind, key, speaker in rows}
    return {k: found[k] for k in wanted if k in found}


def relink_surnames(store: Store) -> int:
    """Joins surname-only speakers stored before their full name arrived; returns how many were joined. Takes
    its turn with the writes of articles (`Store.lock_writes`): another ingest must not link a new statement
    to a speaker this deletes."""
    merged: set[int] = set()
    with store.transaction():
        store.lock_writes()
        pairs = store.query(
            "SELECT s.id, f.id FROM speakers s JOIN speakers f ON f.kind = 'person' AND f.surname = s.key "
            "WHERE s.kind = 'person' AND s.surname IS NULL"
        )
        fulls: dict[int, list[int]] = defaultdict(list)
        for short, full in pairs:
            fulls[int(short)].append(int(full))
        for short, candidates in fulls.items():
            if len(candidates) != 1:
                continue
            for table in ("sources", "attributions"):
                store.execute(f"UPDATE {table} SET speaker_id = ? WHERE speaker_id = ?", (candidates[0], short))
            store.execute("DELETE FROM speakers WHERE id = ?", (short,))
            merged |= {short, candidates[0]}
        counts.refresh(store, sorted(merged))  # the short speakers' figures go, the full names' grow
        refresh_speaker_genders(store, sorted(merged))  # a surname's "elle" now says the full name's gender
        parity_table.rebuild(store, sorted(merged))
    return len(merged) // 2

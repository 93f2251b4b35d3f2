"""The parity figures' two tables, kept beside the detail so no figure reads every statement.

- `parity_statements`: one narrow row per statement of a named person, with what the figures filter and group
  by (the article's outlet, day, month and language, the source's role category, the speaker and a copy of the
  speaker's gender) and its statement key, under a covering index: a figure filtered by dates is one index range
  scan of this table, with no join.
- `parity_speakers`: one row per (scope, group, speaker). `scope` is a bitmask of what the row's group is made
  of (1 outlet, 2 month, 4 role, 8 language; 0 everything); the group's outlet, month, role and language are
  set for those in its scope and '' for the others (and for articles without an outlet or date); `statements`
  is how many distinct statements the speaker made in that group (a syndicated copy in the same group counts
  once). Counting a group's speakers is then counting rows, and its statements summing them, whatever the
  breakdown and with or without an outlet or a language: no DISTINCT at all.

`add` counts a newly stored article's statements (in its transaction, as `selon.corpus.counts` does);
`rebuild` recomputes the rows of some speakers (merged by relinking, regrouped) or of the whole store
(migration 6) from the detail; `copy_genders` follows speakers whose gender changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selon.store.base import Store

OUTLET, MONTH, ROLE, LANG = 1, 2, 4, 8
SCOPES = tuple(range(16))
PARTS = (OUTLET, MONTH, ROLE, LANG)
#: The columns of `parity_statements` each part of a group is read from.
COLUMNS = {OUTLET: "outlet", MONTH: "month", ROLE: "role", LANG: "lang"}

#: A person's statement: (attribution id, speaker id, statement key, outlet, day or None, role, language).
Said = tuple[int, int, str, str, str | None, str, str]
Group = tuple[str, str, str, str]


def group_of(scope: int, values: Sequence[str]) -> Group:
    """The (outlet, month, role, language) of a scope's group: the values in the scope, '' for the others."""
    outlet, month, role, lang = (value if scope & part else "" for part, value in zip(PARTS, values, strict=True))
    return outlet, month, role, lang


def add(store: Store, said: Sequence[Said]) -> None:
    """Counts an article's person statements, once inserted, into both tables. A statement already counted for
    the same speaker in a group (a syndicated copy stored before, in the same outlet and month) adds nothing."""
    if not said:
        return
    speakers, keys = sorted({s[1] for s in said}), sorted({s[2] for s in said})
    earlier: set[tuple[int, Group, int, str]] = set()
    for speaker, key, *values in store.query(
            "SELECT speaker_id, statement_key, outlet, month, role, lang FROM parity_statements "
            f"WHERE speaker_id IN ({_marks(speakers)}) AND statement_key IN ({_marks(keys)})", [*speakers, *keys]):
        for scope in SCOPES:
            earlier.add((scope, group_of(scope, values), int(speaker), str(key)))
    genders = {int(i): str(g) for i, g in store.query(
        f"SELECT id, gender FROM speakers WHERE id IN ({_marks(speakers)})", speakers)}
    new: dict[tuple[int, Group, int], set[str]] = defaultdict(set)
    rows = []
    for attribution, speaker, key, outlet, day, role, lang in said:
        month = day[:7] if day else ""
        rows.append((attribution, speaker, genders[speaker], outlet, day, month, role, lang, key))
        for scope in SCOPES:
            group = group_of(scope, (outlet, month, role, lang))
            cell = new[(scope, group, speaker)]
            if (scope, group, speaker, key) not in earlier:
                cell.add(key)
    store.executemany(
        "INSERT INTO parity_statements (attribution_id, speaker_id, gender, outlet, day, month, role, lang, "
        "statement_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    store.executemany(
        "INSERT INTO parity_speakers (scope, outlet, month, role, lang, speaker_id, gender, statements) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, outlet, month, role, lang, speaker_id) DO UPDATE "
        "SET statements = parity_speakers.statements + excluded.statements",
        [(scope, *group, speaker, genders[speaker], len(keys_said))
         for (scope, group, speaker), keys_said in sorted(new.items())])


def rebuild(store: Store, speakers: Sequence[int] | None = None) -> None:
    """The rows of `speakers` (all when None) recomputed from the detail, in the caller's transaction."""
    if speakers is not None and not speakers:
        return
    which = "IS NOT NULL" if speakers is None else f"IN ({_marks(speakers)})"
    params = list(speakers or ())
    for table in ("parity_speakers", "parity_statements"):
        store.execute(f"DELETE FROM {table} WHERE speaker_id {which}", params)
    store.execute(
        "INSERT INTO parity_statements (attribution_id, speaker_id, gender, outlet, day, month, role, lang, "
        "statement_key) SELECT a.id, a.speaker_id, sp.gender, COALESCE(s.outlet, ''), s.published_day, "
        "COALESCE(substr(s.published_day, 1, 7), ''), COALESCE(s.role_category, ''), COALESCE(s.lang, ''), "
        "a.statement_key FROM sources s JOIN attributions a ON a.source_id = s.id "
        f"JOIN speakers sp ON sp.id = a.speaker_id WHERE s.kind = 'person' AND a.speaker_id {which}", params)
    for scope in SCOPES:
        parts = [COLUMNS[p] if scope & p else "''" for p in PARTS]
        grouped = "".join(f"{COLUMNS[p]}, " for p in PARTS if scope & p)
        store.execute(
            "INSERT INTO parity_speakers (scope, outlet, month, role, lang, speaker_id, gender, statements) "
            f"SELECT {scope}, {', '.join(parts)}, speaker_id, gender, COUNT(DISTINCT statement_key) "
            f"FROM parity_statements WHERE speaker_id {which} GROUP BY {grouped}speaker_id, gender", params)


def copy_genders(store: Store, speakers: Iterable[int] | None) -> None:
    """Follows the speakers' genders (all when None) after `selon.store.traits.refresh_speaker_genders`."""
    chosen = None if speakers is None else sorted(set(speakers))
    if chosen == []:
        return
    which = "" if chosen is None else f" AND speaker_id IN ({_marks(chosen)})"
    for table in ("parity_speakers", "parity_statements"):
        store.execute(f"UPDATE {table} SET gender = (SELECT sp.gender FROM speakers sp WHERE sp.id = "
                      f"{table}.speaker_id) WHERE gender <> (SELECT sp.gender FROM speakers sp WHERE sp.id = "
                      f"{table}.speaker_id){which}", chosen or [])


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))

"""`parity_speakers`: the parity figures' counts kept beside the detail tables, so a page reads a few rows per
group instead of every statement.

One row per (scope, group, speaker): `scope` is a bitmask of what the row's group is made of (1 outlet, 2 month,
4 role, 8 language; 0 everything), the group's outlet, month, role and language are set for those in its scope
and '' for the others (and for articles without an outlet or date), `statements` is how many distinct statements the
speaker made in that group (a syndicated copy in the same group counts once), `gender` a copy of the speaker's.
Counting speakers of a group is then counting rows, and statements summing them, whatever the breakdown and
filtered by an outlet or a language or not: no DISTINCT over the detail.

`add` counts a newly stored article's statements (in its transaction, as `selon.corpus.counts` does); `rebuild`
recomputes the rows of some speakers (merged by relinking, regrouped) or of the whole store (migration 6) from
the detail; `copy_genders` follows a speaker whose gender changed. Only named people (`kind = 'person'`) count.
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
#: What each breakdown is, as SQL over `sources s` (the article's copy) — for `rebuild` and the live query.
COLUMNS = {OUTLET: "COALESCE(s.outlet, '')", MONTH: "COALESCE(substr(s.published_day, 1, 7), '')",
           ROLE: "COALESCE(s.role_category, '')", LANG: "COALESCE(s.lang, '')"}

#: A person's statement: (speaker id, statement key, outlet, month, role, language), '' for a missing value.
Said = tuple[int, str, str, str, str, str]
Group = tuple[str, str, str, str]


def group_of(scope: int, values: Sequence[str]) -> Group:
    """The (outlet, month, role, language) of a scope's group: the values in the scope, '' for the others."""
    outlet, month, role, lang = (value if scope & part else "" for part, value in zip(PARTS, values, strict=True))
    return outlet, month, role, lang


def add(store: Store, article_row: int, said: Sequence[Said]) -> None:
    """Counts an article's person statements, once inserted, into every scope. A statement already counted for
    the same speaker in a group (a syndicated copy stored before, in the same outlet and month) adds nothing."""
    if not said:
        return
    pairs = sorted({(speaker, key) for speaker, key, *_ in said})
    earlier: set[tuple[int, Group, int, str]] = set()
    speakers, keys = sorted({p[0] for p in pairs}), sorted({p[1] for p in pairs})
    for speaker, key, *values in store.query(
            f"SELECT a.speaker_id, a.statement_key, {', '.join(COLUMNS[p] for p in PARTS)} "
            "FROM attributions a JOIN sources s ON s.id = a.source_id "
            f"WHERE a.speaker_id IN ({_marks(speakers)}) AND a.statement_key IN ({_marks(keys)}) "
            "AND a.article_id <> ?", [*speakers, *keys, article_row]):
        for scope in SCOPES:
            earlier.add((scope, group_of(scope, values), int(speaker), str(key)))
    new: dict[tuple[int, Group, int], set[str]] = defaultdict(set)
    for speaker, key, *values in said:
        for scope in SCOPES:
            group = group_of(scope, values)
            cell = new[(scope, group, speaker)]
            if (scope, group, speaker, key) not in earlier:
                cell.add(key)
    genders = dict(store.query(f"SELECT id, gender FROM speakers WHERE id IN ({_marks(speakers)})", speakers))
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
    store.execute(f"DELETE FROM parity_speakers WHERE speaker_id {which}", params)
    for scope in SCOPES:
        parts = [COLUMNS[b] if scope & b else "''" for b in PARTS]
        grouped = ", ".join(p for p in parts if p != "''")
        store.execute(
            "INSERT INTO parity_speakers (scope, outlet, month, role, lang, speaker_id, gender, statements) "
            f"SELECT {scope}, {', '.join(parts)}, a.speaker_id, sp.gender, COUNT(DISTINCT a.statement_key) "
            "FROM sources s JOIN attributions a ON a.source_id = s.id JOIN speakers sp ON sp.id = a.speaker_id "
            f"WHERE s.kind = 'person' AND a.speaker_id {which} "
            f"GROUP BY {grouped + ', ' if grouped else ''}a.speaker_id, sp.gender", params)


def copy_genders(store: Store, speakers: Iterable[int] | None) -> None:
    """Follows the speakers' genders (all when None) after `selon.store.traits.refresh_speaker_genders`."""
    chosen = None if speakers is None else sorted(set(speakers))
    if chosen == []:
        return
    which = "" if chosen is None else f" AND speaker_id IN ({_marks(chosen)})"
    store.execute("UPDATE parity_speakers SET gender = (SELECT sp.gender FROM speakers sp WHERE sp.id = "
                  "parity_speakers.speaker_id) WHERE gender <> (SELECT sp.gender FROM speakers sp WHERE sp.id = "
                  f"parity_speakers.speaker_id){which}", chosen or [])


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))

"""Per-speaker figures kept beside the detail tables, so `selon sources` without filters reads one page of rows.

`speaker_counts` holds, for each speaker with at least one attribution, the figures of the ranking: statements
(syndicated copies counted once), attributions and articles; `speaker_outlets` holds how many of a speaker's
attributions each outlet carries. `add_article` updates both in the transaction that stores an article, so they
are committed (or lost to a kill) with it; `refresh` recomputes them from the detail tables, for the speakers
that relinking merged or for the whole store. Articles are written one at a time per store
(`Store.lock_writes`), so two ingests storing syndicated copies of one story at once see each other's copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from selon.store.base import Store


def add_article(store: Store, row: int, group: int, outlet: str | None,
                attributions: Sequence[tuple[int, str]]) -> None:
    """Counts a newly stored article's attributions, given as (speaker id, statement key), once inserted."""
    if not attributions:
        return
    said: dict[int, list[str]] = defaultdict(list)
    for speaker, statement in attributions:
        said[speaker].append(statement)
    known: set[tuple[int, str]] = set()
    if group != row:  # a syndicated copy: its statements may already be counted for an earlier copy
        speakers, statements = sorted(said), sorted({s for _, s in attributions})
        known = {(int(sp), str(st)) for sp, st in store.query(
            f"SELECT DISTINCT speaker_id, statement_key FROM attributions WHERE speaker_id IN ({_marks(speakers)}) "
            f"AND statement_key IN ({_marks(statements)}) AND article_id <> ?", [*speakers, *statements, row])}
    store.executemany(
        "INSERT INTO speaker_counts (speaker_id, name, kind, statements, attributions, articles) "
        "SELECT id, name, kind, ?, ?, 1 FROM speakers WHERE id = ? ON CONFLICT (speaker_id) DO UPDATE SET "
        "statements = speaker_counts.statements + excluded.statements, "
        "attributions = speaker_counts.attributions + excluded.attributions, articles = speaker_counts.articles + 1",
        [(len({s for s in statements if (speaker, s) not in known}), len(statements), speaker)
         for speaker, statements in sorted(said.items())],
    )
    if outlet is not None:
        store.executemany(
            "INSERT INTO speaker_outlets (speaker_id, outlet, attributions) VALUES (?, ?, ?) "
            "ON CONFLICT (speaker_id, outlet) DO UPDATE SET "
            "attributions = speaker_outlets.attributions + excluded.attributions",
            [(speaker, outlet, len(statements)) for speaker, statements in sorted(said.items())],
        )


def refresh(store: Store, speakers: Sequence[int] | None = None) -> None:
    """Recomputes the figures of `speakers` (all when None) from the detail tables, in the caller's transaction."""
    if speakers is not None and not speakers:
        return
    which = "IS NOT NULL" if speakers is None else f"IN ({_marks(speakers)})"
    params = list(speakers or ())
    store.execute(f"DELETE FROM speaker_counts WHERE speaker_id {which}", params)
    store.execute(f"DELETE FROM speaker_outlets WHERE speaker_id {which}", params)
    store.execute(
        "INSERT INTO speaker_counts (speaker_id, name, kind, statements, attributions, articles) "
        "SELECT sp.id, sp.name, sp.kind, COUNT(DISTINCT a.statement_key), COUNT(*), COUNT(DISTINCT a.article_id) "
        f"FROM attributions a JOIN speakers sp ON sp.id = a.speaker_id WHERE a.speaker_id {which} "
        "GROUP BY sp.id, sp.name, sp.kind", params)
    store.execute(
        "INSERT INTO speaker_outlets (speaker_id, outlet, attributions) "
        "SELECT a.speaker_id, ar.outlet, COUNT(*) FROM attributions a JOIN articles ar ON ar.id = a.article_id "
        f"WHERE ar.outlet IS NOT NULL AND a.speaker_id {which} GROUP BY a.speaker_id, ar.outlet", params)


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))

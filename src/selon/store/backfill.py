"""The part of migration 6 that SQL alone cannot do portably: each stored source's gender and role category,
read from the article's stored `selon/1` analysis.

Articles analysed before the extractor gave sources a gender have none in their JSON: their sources stay
`unknown` (and persons' role category `other`) until they are analysed again. Those that have one get it, by
the rule of `selon.store.traits`. The JSON is parsed only for articles whose text mentions the fields.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from selon.store import parity_table
from selon.store.traits import gender_of, refresh_speaker_genders, role_category_of

if TYPE_CHECKING:
    from selon.store.base import Store

PAGE = 500


def source_traits(store: Store) -> None:
    """Fills `sources.gender` and `sources.role_category` from the stored analyses, then every person
    speaker's gender and the parity counts; runs inside the migration's transaction."""
    last = 0
    while True:
        rows = store.query("SELECT id, analysis FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, PAGE))
        if not rows:
            break
        updates: list[tuple[str, str | None, int, str]] = []
        for article_id, analysis in rows:
            if '"gender"' not in analysis and '"role_category"' not in analysis:
                continue
            for source in json.loads(analysis).get("sources") or []:
                updates.append((gender_of(source), role_category_of(source), int(article_id), str(source["id"])))
        store.executemany("UPDATE sources SET gender = ?, role_category = ? WHERE article_id = ? AND local_id = ?",
                          updates)
        last = int(rows[-1][0])
    refresh_speaker_genders(store)
    parity_table.rebuild(store)

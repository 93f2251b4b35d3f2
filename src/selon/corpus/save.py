"""Writing one analysed article, and the ingest's bookkeeping (which inputs are done, which failed).

Each article is written in one transaction together with its input's mark, so a process killed at any point
leaves either the whole article and its mark, or neither: a re-run then skips exactly what was committed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from selon.corpus import counts, keys, stories, syndication
from selon.corpus.linking import speakers_for
from selon.errors import SelonError
from selon.schema.records import Analysis, Article
from selon.store import parity_table
from selon.store.base import Store, now
from selon.store.rows import FailureRecord
from selon.store.traits import gender_of, refresh_speaker_genders, role_category_of

DONE = ("stored", "duplicate")


@dataclass(frozen=True)
class Saved:
    status: str  # "stored", "duplicate", or "skipped" when the input was already done
    article_row: int


def input_status(store: Store, key: str) -> str | None:
    value = store.scalar("SELECT status FROM inputs WHERE key = ?", (key,))
    return str(value) if value is not None else None


@dataclass(frozen=True)
class Identity:
    """What says two articles are one (canonical URL, hash of the normalised text) or syndicated copies (MinHash
    of the normalised text): worked out once per article, before analysis, and reused when it is stored."""

    url: str | None
    text: str
    canonical_url: str | None
    text_hash: str
    normalised: str

    @classmethod
    def of(cls, url: str | None, text: str) -> Identity:
        normalised = keys.normalise_text(text)
        return cls(url, text, keys.canonical_url(url), keys.hash_normalised(normalised), normalised)

    def fits(self, article: Article) -> bool:
        """Whether this was worked out from `article` (an analyzer may have changed its text)."""
        return self.text == article.text and self.url == article.url


def find_duplicate(store: Store, identity: Identity) -> int | None:
    """The stored article with the same canonical URL or the same normalised text, if any."""
    if identity.canonical_url is None:
        row = store.one("SELECT id FROM articles WHERE text_hash = ? LIMIT 1", (identity.text_hash,))
    else:
        row = store.one("SELECT id FROM articles WHERE text_hash = ? OR canonical_url = ? LIMIT 1",
                        (identity.text_hash, identity.canonical_url))
    return int(row[0]) if row else None


def _mark(store: Store, key: str, status: str, article_row: int | None) -> None:
    store.execute_all(_marking(key, status, article_row))


def _marking(key: str, status: str, article_row: int | None) -> list[tuple[str, Sequence[object]]]:
    """The writes that mark an input: sent together (one round trip on PostgreSQL), and with the story's
    writes when an article is stored."""
    upsert = ("INSERT INTO inputs (key, status, article_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE "
              "SET status = excluded.status, article_id = excluded.article_id, at = excluded.at")
    writes: list[tuple[str, Sequence[object]]] = [(upsert, (key, status, article_row, now()))]
    if status in DONE:
        writes.append(("DELETE FROM failures WHERE key = ?", (key,)))
    return writes


def mark_duplicate(store: Store, key: str, article_row: int) -> bool:
    """Marks an input as a copy of a stored article; False, marking nothing, when the input is already done
    (another ingest of the same file stored it meanwhile: it is no duplicate of itself)."""
    with store.transaction():
        if input_status(store, key) in DONE:
            return False
        _mark(store, key, "duplicate", article_row)
    return True


def record_failure(store: Store, key: str, name: str, error: SelonError, *, retryable: bool = True,
                   payload: str | None = None) -> None:
    with store.transaction():
        store.execute(
            "INSERT INTO failures (key, name, code, reason, payload, retryable, attempts, at) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name, "
            "code = excluded.code, reason = excluded.reason, payload = coalesce(excluded.payload, failures.payload), "
            "retryable = excluded.retryable, attempts = failures.attempts + 1, at = excluded.at",
            (key, name, error.code, error.message, payload, int(retryable), now()),
        )
        _mark(store, key, "failed", None)


def failures(store: Store, *, retryable_only: bool = False) -> list[tuple[FailureRecord, str | None]]:
    """Recorded failures with their retry payloads, oldest first."""
    where = " WHERE retryable = 1" if retryable_only else ""
    rows = store.query(f"SELECT key, name, code, reason, retryable, attempts, payload FROM failures{where} ORDER BY at, key")
    return [(FailureRecord(str(k), str(n), str(c), str(r), bool(rt), int(a)), p) for k, n, c, r, rt, a, p in rows]


def forget_failure(store: Store, key: str) -> None:
    with store.transaction():
        store.execute("DELETE FROM failures WHERE key = ?", (key,))
        store.execute("DELETE FROM inputs WHERE key = ? AND status = 'failed'", (key,))


def save_analysis(store: Store, analysis: Analysis, key: str, index: syndication.Syndication,
                  identity: Identity | None = None, *, place_in_story: bool = True) -> Saved:
    """Stores an analysis once: a copy of an article already stored (same canonical URL or normalised text)
    only marks its input as a duplicate of it. `identity`, when the caller has it, spares normalising again.
    The article joins its story (`selon.corpus.stories`) in the same transaction unless `place_in_story` is
    False (the caller then marks the stories stale)."""
    article = analysis.article
    if identity is None or not identity.fits(article):
        identity = Identity.of(article.url, article.text)
    minhash = syndication.signature_of_normalised(identity.normalised)
    with store.transaction():
        # Writes of articles take turns (one at a time per store): the syndication index, the duplicate check
        # and the per-speaker figures then see every article another ingest committed before this one.
        store.lock_writes()
        # The story settings come with the input's status: one round trip where two were.
        done, *settings = store.one(
            "SELECT (SELECT article_id FROM inputs WHERE key = ? AND status IN ('stored', 'duplicate')), "
            f"{stories.StorySettings.COLUMNS}", (key, *stories.StorySettings.KEYS)) or (None,)
        if done is not None:  # stored by another ingest of the same input meanwhile: not a copy of itself
            return Saved("skipped", int(done))
        index.catch_up(store)
        duplicate = find_duplicate(store, identity)
        if duplicate is not None:
            _mark(store, key, "duplicate", duplicate)
            return Saved("duplicate", duplicate)
        doc_id = article.id
        if store.scalar("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)) is not None:
            doc_id = f"{doc_id}-{identity.text_hash[:8]}"
        row = store.next_id("articles")
        group = index.group_of(minhash)
        if group is None:  # a story seen for the first time starts its own group
            group = row
        data = analysis.to_dict()
        data["article"] = {**data["article"], "id": doc_id, "text": None}
        ingested_at = now()
        store.execute(
            "INSERT INTO articles (id, doc_id, url, canonical_url, text_hash, title, outlet, published, lang, text, "
            "syndication_group, minhash, analysis, input_key, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row, doc_id, article.url, identity.canonical_url, identity.text_hash, article.title, article.outlet,
             article.published, article.lang, article.text, group,
             syndication.to_bytes(minhash) if minhash else None, json.dumps(data, ensure_ascii=False), key,
             ingested_at),
        )
        _write_records(store, analysis, row, group)
        if place_in_story:
            stories.place(store, row, analysis, ingested_at, stories.StorySettings.of_values(settings),
                          along=_marking(key, "stored", row))
        else:
            _mark(store, key, "stored", row)
    index.add(row, group, minhash)
    return Saved("stored", row)


def _write_records(store: Store, analysis: Analysis, row: int, group: int) -> None:
    """Sources and attributions in one statement each (speakers resolved for the whole article at once), and
    the per-speaker and parity figures they add to. Each source row also carries its gender and role category and a copy
    of the article's outlet, day and language, which the parity figures filter and group by (migration 6)."""
    speakers = speakers_for(store, analysis.sources, row, group)
    article = analysis.article
    day = article.published[:10] if article.published else None
    store.executemany(
        "INSERT INTO sources (article_id, local_id, kind, name, description, role, affiliation, count, "
        "speaker_id, gender, role_category, outlet, published_day, lang) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(row, s.id, s.kind, s.name, s.description, s.role, s.affiliation, s.count, speakers[s.id],
          gender_of(s), role_category_of(s), article.outlet, day, article.lang)
         for s in analysis.sources],
    )
    refresh_speaker_genders(store, sorted({speakers[s.id] for s in analysis.sources if s.kind == "person"}))
    source_rows = {str(local): int(i) for i, local in
                   store.query("SELECT id, local_id FROM sources WHERE article_id = ?", (row,))}
    statements = [keys.statement_key(group, a.content.text) for a in analysis.attributions]
    store.executemany(
        "INSERT INTO attributions (article_id, local_id, type, stance, content, content_start, content_end, "
        "cue, cue_lemma, cue_start, cue_end, source_id, speaker_id, mention, mention_start, mention_end, "
        "confidence, statement_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(row, a.id, a.type, a.stance, a.content.text, a.content.start, a.content.end,
          a.cue.text if a.cue else None, a.cue.lemma if a.cue else None, a.cue.start if a.cue else None,
          a.cue.end if a.cue else None, source_rows[a.source_id], speakers[a.source_id],
          a.mention.text if a.mention else None, a.mention.start if a.mention else None,
          a.mention.end if a.mention else None, a.confidence, statement)
         for a, statement in zip(analysis.attributions, statements, strict=True)],
    )
    counts.add_article(store, row, group, analysis.article.outlet,
                       [(speakers[a.source_id], s) for a, s in zip(analysis.attributions, statements, strict=True)])
    people = {s.id: s for s in analysis.sources if s.kind == "person"}
    if people:
        ids = {str(local): int(i) for i, local in
               store.query("SELECT id, local_id FROM attributions WHERE article_id = ?", (row,))}
        parity_table.add(store, [
            (ids[a.id], speakers[a.source_id], key, article.outlet or "", day,
             role_category_of(people[a.source_id]) or "", article.lang or "")
            for a, key in zip(analysis.attributions, statements, strict=True) if a.source_id in people])

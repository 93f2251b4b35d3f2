"""Writing one analysed article, and the ingest's bookkeeping (which inputs are done, which failed).

Each article is written in one transaction together with its input's mark, so a process killed at any point
leaves either the whole article and its mark, or neither: a re-run then skips exactly what was committed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from selon.corpus import keys, syndication
from selon.corpus.linking import speaker_for
from selon.errors import SelonError
from selon.schema.records import Analysis
from selon.store.base import Store, now
from selon.store.rows import FailureRecord

DONE = ("stored", "duplicate")


@dataclass(frozen=True)
class Saved:
    status: str  # "stored" or "duplicate"
    article_row: int


def input_status(store: Store, key: str) -> str | None:
    value = store.scalar("SELECT status FROM inputs WHERE key = ?", (key,))
    return str(value) if value is not None else None


def find_duplicate(store: Store, url: str | None, text: str) -> int | None:
    """The stored article with the same canonical URL or the same normalised text, if any."""
    canonical = keys.canonical_url(url)
    if canonical is None:
        row = store.one("SELECT id FROM articles WHERE text_hash = ? LIMIT 1", (keys.text_hash(text),))
    else:
        row = store.one("SELECT id FROM articles WHERE text_hash = ? OR canonical_url = ? LIMIT 1",
                        (keys.text_hash(text), canonical))
    return int(row[0]) if row else None


def _mark(store: Store, key: str, status: str, article_row: int | None) -> None:
    store.execute(
        "INSERT INTO inputs (key, status, article_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE "
        "SET status = excluded.status, article_id = excluded.article_id, at = excluded.at",
        (key, status, article_row, now()),
    )
    if status in DONE:
        store.execute("DELETE FROM failures WHERE key = ?", (key,))


def mark_duplicate(store: Store, key: str, article_row: int) -> None:
    with store.transaction():
        _mark(store, key, "duplicate", article_row)


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


def save_analysis(store: Store, analysis: Analysis, key: str, index: syndication.Syndication) -> Saved:
    """Stores an analysis once: a copy of an article already stored (same canonical URL or normalised text)
    only marks its input as a duplicate of it."""
    article = analysis.article
    minhash = syndication.signature(article.text)
    with store.transaction():
        duplicate = find_duplicate(store, article.url, article.text)
        if duplicate is not None:
            _mark(store, key, "duplicate", duplicate)
            return Saved("duplicate", duplicate)
        text_hash = keys.text_hash(article.text)
        doc_id = article.id
        if store.scalar("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)) is not None:
            doc_id = f"{doc_id}-{text_hash[:8]}"
        group = index.group_of(minhash)
        data = analysis.to_dict()
        data["article"] = {**data["article"], "id": doc_id, "text": None}
        row = store.insert(
            "INSERT INTO articles (doc_id, url, canonical_url, text_hash, title, outlet, published, lang, text, "
            "syndication_group, minhash, analysis, input_key, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, article.url, keys.canonical_url(article.url), text_hash, article.title, article.outlet,
             article.published, article.lang, article.text, group, syndication.to_bytes(minhash) if minhash else None,
             json.dumps(data, ensure_ascii=False), key, now()),
        )
        if group is None:
            group = row
            store.execute("UPDATE articles SET syndication_group = ? WHERE id = ?", (row, row))
        _write_records(store, analysis, row, group)
        _mark(store, key, "stored", row)
    index.add(row, group, minhash)
    return Saved("stored", row)


def _write_records(store: Store, analysis: Analysis, row: int, group: int) -> None:
    rows: dict[str, tuple[int, int]] = {}
    for source in analysis.sources:
        speaker = speaker_for(store, source, row)
        source_row = store.insert(
            "INSERT INTO sources (article_id, local_id, kind, name, description, role, affiliation, count, "
            "speaker_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row, source.id, source.kind, source.name, source.description, source.role, source.affiliation,
             source.count, speaker),
        )
        rows[source.id] = (source_row, speaker)
    for a in analysis.attributions:
        source_row, speaker = rows[a.source_id]
        store.execute(
            "INSERT INTO attributions (article_id, local_id, type, stance, content, content_start, content_end, "
            "cue, cue_lemma, cue_start, cue_end, source_id, speaker_id, mention, mention_start, mention_end, "
            "confidence, statement_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row, a.id, a.type, a.stance, a.content.text, a.content.start, a.content.end,
             a.cue.text if a.cue else None, a.cue.lemma if a.cue else None, a.cue.start if a.cue else None,
             a.cue.end if a.cue else None, source_row, speaker, a.mention.text if a.mention else None,
             a.mention.start if a.mention else None, a.mention.end if a.mention else None, a.confidence,
             keys.statement_key(group, a.content.text)),
        )

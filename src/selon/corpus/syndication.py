"""Syndicated copies (one wire story in several outlets, near-identical text) grouped with MinHash LSH.

Each stored article keeps its MinHash signature; an ingest rebuilds datasketch's in-memory LSH index from them
once, catches up with the articles other ingests stored since (`catch_up`, under the store's write lock, so two
ingests at once see each other's copies), then each new article joins the group of its most similar earlier article when their estimated Jaccard
similarity (word 5-shingles) reaches the threshold, or starts a group of its own. Very short texts carry no
group: a shared headline is not a shared story. `regroup` does the same over the whole store in storage order;
the first ingest into a store made before writes took turns runs it once, so that groups split by two ingests
at once are joined again.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from selon.corpus import counts
from selon.corpus.keys import normalise_text, statement_key
from selon.store import parity_table
from selon.store.base import Store, now

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 5
MIN_WORDS = 30
#: datasketch 2 asks which hashing scheme stored hash values came from; pinned so old signatures stay valid.
SCHEME = "affine32"


#: The permutations depend only on NUM_PERM, SCHEME and datasketch's fixed seed: drawn once, not per article.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> MinHash | None:
    """The text's MinHash over word 5-shingles; None for a text too short to be a story."""
    return signature_of_normalised(normalise_text(text))


def signature_of_normalised(normalised: str) -> MinHash | None:
    """`signature` of a text already normalised (`keys.normalise_text`)."""
    words = normalised.split()
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch(shingles)  # a minimum: the order of the shingles does not matter
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(bytes(data), dtype="<u8"), scheme=SCHEME)


class Syndication:
    """The LSH index of one store's articles; `group_of` then `add` for each new article."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[int, tuple[int, MinHash]] = {}
        self._last = 0  # the highest article id read from the store

    @classmethod
    def load(cls, store: Store) -> Syndication:
        index = cls()
        index.catch_up(store)
        return index

    def catch_up(self, store: Store) -> None:
        """Adds the articles stored since the last look. Called in the transaction that stores an article, after
        `store.lock_writes()`: articles are then committed one at a time in id order, so none is missed."""
        last = int(store.scalar("SELECT COALESCE(MAX(id), 0) FROM articles"))
        if last <= self._last:
            return
        rows = store.query("SELECT id, syndication_group, minhash FROM articles WHERE id > ? AND id <= ? "
                           "AND minhash IS NOT NULL", (self._last, last))
        for article_id, group, data in rows:
            self.add(int(article_id), int(group), from_bytes(data))
        self._last = last

    def group_of(self, minhash: MinHash | None) -> int | None:
        """The group of the most similar stored article above the threshold, if any."""
        if minhash is None:
            return None
        best: tuple[float, int] | None = None
        for candidate in self._lsh.query(minhash):
            group, other = self._signatures[int(candidate)]
            score = minhash.jaccard(other)
            # Ties go to the oldest group, so that `regroup` finds again exactly what the ingests found.
            if score >= THRESHOLD and (best is None or (score, -group) > (best[0], -best[1])):
                best = (score, group)
        return best[1] if best else None

    def add(self, article_id: int, group: int, minhash: MinHash | None) -> None:
        if minhash is None or article_id in self._signatures:
            return
        self._signatures[article_id] = (group, minhash)
        self._lsh.insert(str(article_id), minhash)


#: The `selon_meta` key saying when `regroup` last ran; a store without it may hold groups split by ingests
#: run at once before writes took turns (selon 0.1.0), which the next ingest or load repairs.
REGROUPED = "syndication_regrouped"


def regroup(store: Store) -> int:
    """Groups every article again, in storage order, as ingests taking turns would have, and moves those whose
    group differs (their statements' keys and their speakers' figures with them); returns how many moved."""
    with store.transaction():
        store.lock_writes()
        index = Syndication()
        moved: dict[int, int] = {}
        for article_id, stored, data in store.query(
                "SELECT id, syndication_group, minhash FROM articles ORDER BY id"):
            minhash = from_bytes(data) if data is not None else None
            group = index.group_of(minhash)
            group = int(article_id) if group is None else group
            index.add(int(article_id), group, minhash)
            if group != int(stored):
                moved[int(article_id)] = group
        if moved:
            articles = sorted(moved)
            marks = ", ".join("?" * len(articles))
            store.executemany("UPDATE articles SET syndication_group = ? WHERE id = ?",
                              [(moved[a], a) for a in articles])
            said = store.query(f"SELECT id, article_id, content, speaker_id FROM attributions "
                               f"WHERE article_id IN ({marks})", articles)
            store.executemany("UPDATE attributions SET statement_key = ? WHERE id = ?",
                              [(statement_key(moved[int(a)], str(c)), int(i)) for i, a, c, _ in said])
            counts.refresh(store, sorted({int(sp) for *_, sp in said}))
            parity_table.rebuild(store, sorted({int(sp) for *_, sp in said}))
        store.execute("INSERT INTO selon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                      "SET value = excluded.value", (REGROUPED, now()))
    return len(moved)


def note_if_new(store: Store) -> None:
    """Records a store without articles as needing no `regroup`: all it will hold is written in turns. Called
    before an ingest or a load, so that the first one into a new store does not group everything twice."""
    if store.scalar("SELECT 1 FROM articles LIMIT 1") is None:
        with store.transaction():
            store.execute("INSERT INTO selon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                          (REGROUPED, now()))


def repair_once(store: Store) -> int:
    """`regroup` on a store that never had it (the end of every ingest and load asks; one pass per store)."""
    if store.scalar("SELECT value FROM selon_meta WHERE key = ?", (REGROUPED,)) is not None:
        return 0
    return regroup(store)

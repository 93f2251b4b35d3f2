"""Stories: the articles about one event, found as each article is stored, never by a pass over the corpus.

An article is placed in three steps, in the transaction that stores it:

1. **Blocking.** Its keys (`selon.corpus.signals`: names, numbers, quoted strings, title and lead words) are
   looked up in `story_signals` among the articles whose day lies within `window_days` of its own: its names,
   numbers and quotations, at most `PER_KEY` articles per key (the latest); words are counted only for the
   articles those find. Only those articles are ever compared with it, so the cost of placing one article is
   bounded whatever the size of the store.
2. **Similarity.** With each candidate, the weight of the keys they share over the smaller of their two totals
   (an overlap coefficient: a short rewrite shares most of its keys with the long wire story it rewrites, while
   most of the wire's keys are not in it), counted only when their shared names, numbers and quotations weigh
   at least `MIN_SHARED` (two names, or a name and a number: one shared name is no event, shared words none). A story's score is its best article's (one close article
   is enough: a rewrite is close to the article it rewrites, not necessarily to every other one).
3. **Joining.** The article joins the story with the best score when it reaches `threshold` (ties: the oldest
   story), or starts a story of its own, named by its row id. Stories are never merged afterwards, so an article
   about two events joins one of them and the two stay apart.

The day of an article is its publication date, or the day it was ingested when it has none (`dated` is then 0,
and the story says so). `rebuild` clears the tables and places every stored article again in storage order, with
the same steps: the same articles in the same order give the same stories as the ingests did. The settings are
kept in the store (`selon_meta`), so every ingest into a store, and its rebuild, use the same ones.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from selon.corpus.signals import signals
from selon.schema.records import Analysis
from selon.store.base import Store, now

#: (meta key, default, meaning): the settings of story clustering, documented in the README from this table.
SETTINGS = (
    ("stories.window_days", 3.0, "an article is compared with articles published at most this many days apart"),
    ("stories.threshold", 0.25, "the share of keys (by weight) an article needs in common with a story's article"),
)
#: Set once every stored article has its story; missing when an ingest ran with stories off, or in a store made
#: before stories existed: the next ingest with stories on rebuilds them first.
BUILT = "stories.built"
#: The least weight of names, numbers and quotations two articles must share to be compared at all (see
#: `selon.corpus.signals.WEIGHTS`): words alone never join a story, however many.
MIN_SHARED = 5.0
#: Per key, only the articles most recently published with it within the window are candidates: a common word
#: or name costs no more than this many rows, and a big story's keys still lead to its latest articles.
PER_KEY = 50


@dataclass(frozen=True)
class StorySettings:
    window_days: float = 3.0
    threshold: float = 0.25

    @classmethod
    def of(cls, store: Store) -> StorySettings:
        rows = dict(store.query("SELECT key, value FROM selon_meta WHERE key IN (?, ?)", [k for k, *_ in SETTINGS]))
        return cls(*(float(rows.get(key, default)) for key, default, _ in SETTINGS))

    def save(self, store: Store) -> None:
        for (key, *_), value in zip(SETTINGS, (self.window_days, self.threshold), strict=True):
            _set_meta(store, key, repr(value))


@dataclass(frozen=True)
class Placed:
    story: int
    score: float  # 1.0 for an article that starts its story
    day: str
    dated: bool


def day_of(published: str | None, ingested_at: str) -> tuple[str, bool]:
    """The article's day (YYYY-MM-DD) and whether it is its publication date rather than its ingest's."""
    if published:
        try:
            return date.fromisoformat(published[:10]).isoformat(), True
        except ValueError:
            pass
    return ingested_at[:10], False


def place(store: Store, row: int, analysis: Analysis, ingested_at: str,
          settings: StorySettings | None = None) -> Placed:
    """Puts a just-inserted article (row `row`) into a story, inside the caller's write transaction."""
    settings = settings or StorySettings.of(store)
    keys = signals(analysis)
    day, dated = day_of(analysis.article.published, ingested_at)
    story, score = _best_story(store, keys, day, settings)
    if story is None:
        story, score = row, 1.0
    store.execute("INSERT INTO story_articles (article_id, story_id, day, dated, score, weight) "
                  "VALUES (?, ?, ?, ?, ?, ?)", (row, story, day, int(dated), round(score, 4), sum(keys.values())))
    store.executemany("INSERT INTO story_signals (signal, day, article_id, story_id, weight) VALUES (?, ?, ?, ?, ?)",
                      [(key, day, row, story, weight) for key, weight in keys.items()])
    return Placed(story, score, day, dated)


def _best_story(store: Store, keys: dict[str, float], day: str,
                settings: StorySettings) -> tuple[int | None, float]:
    if not keys:
        return None, 0.0
    centre = date.fromisoformat(day)
    span = timedelta(days=settings.window_days)
    low, high = (centre - span).isoformat(), (centre + span).isoformat()
    anchors = sorted(k for k in keys if not k.startswith("w:"))
    if not anchors:
        return None, 0.0
    # One range of the primary key (signal, day, article_id) per name, number or quotation, read backwards from
    # the window's end, PER_KEY rows at most; words are only counted for the articles these find.
    per_key = ("SELECT * FROM (SELECT article_id, story_id, signal FROM story_signals WHERE signal = ? AND day >= ? "
               "AND day <= ? ORDER BY day DESC, article_id DESC LIMIT ?) k")
    rows = store.query(" UNION ALL ".join([per_key] * len(anchors)),
                       [value for name in anchors for value in (name, low, high, PER_KEY)])
    shared: dict[int, float] = defaultdict(float)
    story_of: dict[int, int] = {}
    for article, story, signal in rows:
        shared[int(article)] += keys[str(signal)]
        story_of[int(article)] = int(story)
    candidates = sorted(a for a, weight in shared.items() if weight >= MIN_SHARED)
    if not candidates:
        return None, 0.0
    totals = _totals_and_words(store, candidates, sorted(k for k in keys if k.startswith("w:")), keys, shared)
    mine = sum(keys.values())
    best: dict[int, float] = {}
    for article in candidates:
        story = story_of[article]
        best[story] = max(best.get(story, 0.0), shared[article] / min(mine, totals.get(article, mine)))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    if ranked and ranked[0][1] >= settings.threshold:
        return ranked[0][0], ranked[0][1]
    return None, 0.0


def _totals_and_words(store: Store, candidates: list[int], words: list[str], keys: dict[str, float],
                      shared: dict[int, float]) -> dict[int, float]:
    """Each candidate's total weight, and the weight of `words` it shares added to `shared`: one query (a left
    join, so a candidate with none of the words still has its total), where two would cost two round trips."""
    marks = ", ".join("?" * len(candidates))
    if not words:
        return {int(a): float(w) for a, w in store.query(
            f"SELECT article_id, weight FROM story_articles WHERE article_id IN ({marks})", candidates)}
    totals: dict[int, float] = {}
    for article, weight, signal in store.query(
            "SELECT sa.article_id, sa.weight, ss.signal FROM story_articles sa LEFT JOIN story_signals ss "
            f"ON ss.article_id = sa.article_id AND ss.signal IN ({', '.join('?' * len(words))}) "
            f"WHERE sa.article_id IN ({marks})", [*words, *candidates]):
        totals[int(article)] = float(weight)
        if signal is not None:
            shared[int(article)] += keys[str(signal)]
    return totals


def rebuild(store: Store, settings: StorySettings | None = None, *, page: int = 500) -> int:
    """Every story again from scratch, placing the stored articles in storage order (with `settings`, which
    become the store's); returns the number of stories."""
    with store.transaction():
        store.lock_writes()
        settings = settings or StorySettings.of(store)
        settings.save(store)
        store.execute("DELETE FROM story_signals")
        store.execute("DELETE FROM story_articles")
        last = 0
        while True:
            rows = store.query("SELECT id, analysis, text, ingested_at FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                               (last, page))
            if not rows:
                break
            for row, stored, text, ingested_at in rows:
                data = json.loads(stored)
                data["article"]["text"] = text
                place(store, int(row), Analysis.from_dict(data), str(ingested_at), settings)
            last = int(rows[-1][0])
        _set_meta(store, BUILT, now())
        return int(store.scalar("SELECT COUNT(DISTINCT story_id) FROM story_articles") or 0)


def note_if_new(store: Store) -> None:
    """A store without articles needs no rebuild: all it will hold is placed as it comes."""
    if store.scalar("SELECT 1 FROM articles LIMIT 1") is None:
        with store.transaction():
            _set_meta(store, BUILT, now())


def ensure_built(store: Store) -> int | None:
    """Rebuilds the stories of a store where some articles have none (see `BUILT`); None when nothing was to do."""
    if store.scalar("SELECT value FROM selon_meta WHERE key = ?", (BUILT,)) is not None:
        return None
    return rebuild(store)


def mark_stale(store: Store) -> None:
    """An ingest with stories off stores articles without one: the next ingest with stories on rebuilds."""
    with store.transaction():
        store.execute("DELETE FROM selon_meta WHERE key = ?", (BUILT,))


def _set_meta(store: Store, key: str, value: str) -> None:
    store.execute("INSERT INTO selon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                  "SET value = excluded.value", (key, value))

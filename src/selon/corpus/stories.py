"""Stories: the articles about one event, found as each article is stored, never by a pass over the corpus.

An article is placed in three steps, in the transaction that stores it:

1. **Blocking.** Its keys (`selon.corpus.signals`: names, numbers, quoted strings, title and lead words) are
   looked up in `story_signals` among the articles whose day lies within `window_days` of its own: its names,
   numbers and quotations, at most `PER_KEY` articles per key (the latest); words are counted only for the
   articles those find, from their `story_articles.words`. Only those articles are ever compared with it, so
   the cost of placing one article is bounded whatever the size of the store.
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

What placing costs an ingest (migration 8): one query (the lookup, with the candidates' totals and words) and
two inserts sent with the input's mark (one round trip on PostgreSQL); one `story_signals` row per name, number
or quotation, keyed by week first so that they land among the other recent rows, not across the whole index.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

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

    #: The settings as columns of a SELECT (parameters: `KEYS`), for a caller to read them in a query it makes
    #: anyway: storing an article reads them with its input's status, one round trip fewer on PostgreSQL.
    COLUMNS: ClassVar[str] = ", ".join(["(SELECT value FROM selon_meta WHERE key = ?)"] * len(SETTINGS))
    KEYS: ClassVar[tuple[str, ...]] = tuple(key for key, *_ in SETTINGS)

    @classmethod
    def of(cls, store: Store) -> StorySettings:
        return cls.of_values(store.one(f"SELECT {cls.COLUMNS}", cls.KEYS) or ())

    @classmethod
    def of_values(cls, values: Sequence[object]) -> StorySettings:
        """The settings from the values `COLUMNS` read (None, or nothing, for a setting never saved)."""
        values = [*values, *[None] * (len(SETTINGS) - len(values))]
        return cls(*(float(str(default if value is None else value))
                     for value, (_, default, _) in zip(values, SETTINGS, strict=True)))

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


def week_of(day: str) -> int:
    """The week `story_signals` files a day's keys under (its proleptic ordinal // 7, as migration 8 computes it
    in SQL): the key rows of recent articles lie together, and a window of a few days spans one or two weeks."""
    return date.fromisoformat(day).toordinal() // 7


def place(store: Store, row: int, analysis: Analysis, ingested_at: str, settings: StorySettings | None = None,
          *, along: Sequence[tuple[str, Sequence[object]]] = ()) -> Placed:
    """Puts a just-inserted article (row `row`) into a story, inside the caller's write transaction. `along`:
    the caller's own writes, sent after the placement's (on PostgreSQL in the same round trip)."""
    settings = settings or StorySettings.of(store)
    keys = signals(analysis)
    day, dated = day_of(analysis.article.published, ingested_at)
    story, score = _best_story(store, keys, day, settings)
    if story is None:
        story, score = row, 1.0
    words = " ".join(sorted(key[2:] for key in keys if key.startswith("w:")))
    week = week_of(day)
    anchors = [(week, key, day, row, story, weight) for key, weight in keys.items() if not key.startswith("w:")]
    article = ("INSERT INTO story_articles (article_id, story_id, day, dated, score, weight, words) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
    writes: list[tuple[str, Sequence[object]]] = [
        (article, [row, story, day, int(dated), round(score, 4), sum(keys.values()), words])]
    if anchors:  # one statement for all of them: on PostgreSQL one row each would be one execution each
        writes.append(("INSERT INTO story_signals (week, signal, day, article_id, story_id, weight) VALUES "
                       + ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(anchors)), [v for a in anchors for v in a]))
    store.execute_all([*writes, *along])
    return Placed(story, score, day, dated)


def _best_story(store: Store, keys: dict[str, float], day: str,
                settings: StorySettings) -> tuple[int | None, float]:
    centre = date.fromisoformat(day)
    span = timedelta(days=settings.window_days)
    low, high = (centre - span).isoformat(), (centre + span).isoformat()
    anchors = sorted(k for k in keys if not k.startswith("w:"))
    if not anchors:
        return None, 0.0
    mine = sum(keys.values())
    best: dict[int, float] = {}
    for _, story, named, total, words in _candidates(store, anchors, keys, low, high):
        shared = named + sum(keys.get(f"w:{word}", 0.0) for word in words.split())
        best[story] = max(best.get(story, 0.0), shared / min(mine, total))
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    if ranked and ranked[0][1] >= settings.threshold:
        return ranked[0][0], ranked[0][1]
    return None, 0.0


def _candidates(store: Store, anchors: list[str], keys: dict[str, float], low: str,
                high: str) -> list[tuple[int, int, float, float, str]]:
    """The articles that share names, numbers and quotations weighing at least `MIN_SHARED` with `anchors`
    between the days `low` and `high`, each with its story, that shared weight, its total weight and its words:
    one query, where a lookup and then the candidates' totals and words took two round trips.

    Per anchor, its `PER_KEY` latest rows (by day, then article) within the window: the weeks the window spans
    are read one after the other backwards along the primary key (week, signal, day, article_id), so the rows
    come already in that order (a week's days all follow the days of the week before) and the reading stops at
    `PER_KEY`, however common the key."""
    weeks = list(range(week_of(low), week_of(high) + 1))
    per_anchor = ("SELECT article_id, story_id, CAST(? AS REAL) FROM (SELECT article_id, story_id FROM story_signals "
                  f"WHERE week IN ({', '.join('?' * len(weeks))}) AND signal = ? AND day >= ? AND day <= ? "
                  "ORDER BY week DESC, day DESC, article_id DESC LIMIT ?) k")
    params: list[object] = []
    for anchor in anchors:
        params.extend((keys[anchor], *weeks, anchor, low, high, PER_KEY))
    rows = store.query(
        f"WITH hits (article_id, story_id, weight) AS ({' UNION ALL '.join([per_anchor] * len(anchors))}), "
        "shared AS (SELECT article_id, MIN(story_id) AS story_id, SUM(weight) AS weight FROM hits "
        "GROUP BY article_id HAVING SUM(weight) >= ?) "
        "SELECT s.article_id, s.story_id, s.weight, sa.weight, sa.words FROM shared s "
        "JOIN story_articles sa ON sa.article_id = s.article_id", [*params, MIN_SHARED])
    return [(int(a), int(st), float(sh), float(t), str(w)) for a, st, sh, t, w in rows]


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

"""A store whose stories were placed before migrations 7 and 8 keeps them: its key rows (one per key of each
article, words included, keyed on (signal, article_id) or (signal, day, article_id)) become what the current
code writes, the week-keyed rows of its names, numbers and quotations and each article's words on its story row,
so later articles go on joining the stories placed before, and a rebuild finds exactly what the upgrade kept."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from selon.corpus import save, stories
from selon.corpus.signals import signals
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.schema.records import Analysis
from selon.store import base, open_store
from selon.store.base import Store
from selon.store.migrations import MIGRATIONS, POSTGRES_WEEK, SQLITE_WEEK

HOSPITAL = ("Le ministre Paul Garnier a annoncé la fermeture de 1 200 lits à l'hôpital de Valmont.\n"
            "Paul Garnier|person|assert|la fermeture des 1 200 lits est nécessaire\n")
FLOOD = ("Les eaux de la Drenne ont envahi Castelmaure, où 340 habitants ont été évacués par la préfète "
         "Odile Marchal.\nOdile Marchal|person|assert|340 habitants ont été évacués\n")
# 2024-03-02 is the last day of a week (weeks start on Sundays), so the first two articles' keys lie in two
# weeks, and the window of the second spans both.
ARTICLES = [
    scripted_analysis(HOSPITAL, doc_id="a", title="Valmont : 1 200 lits fermés", published="2024-03-02"),
    scripted_analysis(HOSPITAL + "Suite.\n", doc_id="b", title="Valmont : les lits", published="2024-03-04"),
    scripted_analysis(FLOOD, doc_id="c", title="Crue de la Drenne à Castelmaure", published="2024-03-04"),
]
LATER = scripted_analysis(HOSPITAL + "Encore.\n", doc_id="d", published="2024-03-05")
STORY_ROWS = ("SELECT ar.doc_id, sa.story_id, sa.day, sa.dated, sa.score, sa.weight, sa.words FROM story_articles sa "
              "JOIN articles ar ON ar.id = sa.article_id")
KEY_ROWS = "SELECT week, signal, day, article_id, story_id, weight FROM story_signals"


def _save(store: Store, analysis: Analysis, *, place: bool = True) -> int:
    key = analysis.article.id
    return int(save.save_analysis(store, analysis, key, Syndication.load(store), place_in_story=place).article_row)


def _placed_now(folder: Path) -> dict[str, tuple[object, ...]]:
    """Each article's story row as the current code places it (doc id → story doc id, day, dated, score, weight,
    words), in a store made at the latest version."""
    with open_store(str(folder / "reference.db")) as store:
        for analysis in ARTICLES:
            _save(store, analysis)
        docs = {int(i): str(d) for i, d in store.query("SELECT id, doc_id FROM articles")}
        return {str(doc): (docs[int(story)], *rest) for doc, story, *rest in store.query(STORY_ROWS)}


def _old_store(db_url: str, version: int, placed: dict[str, tuple[object, ...]]) -> None:
    """A store at `version` holding ARTICLES and their stories as the code of that version wrote them: a
    story_articles row each, and a story_signals row for every key, words included."""
    with pytest.MonkeyPatch.context() as old:
        old.setattr(base, "MIGRATIONS", MIGRATIONS[:version])
        old.setattr(base, "LATEST", version)
        with open_store(db_url) as store:
            rows = {analysis.article.id: _save(store, analysis, place=False) for analysis in ARTICLES}
            with store.transaction():
                for analysis in ARTICLES:
                    story, day, dated, score, weight, _ = placed[analysis.article.id]
                    row, story_row = rows[analysis.article.id], rows[str(story)]
                    store.execute("INSERT INTO story_articles (article_id, story_id, day, dated, score, weight) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", (row, story_row, day, dated, score, weight))
                    store.executemany(
                        "INSERT INTO story_signals (signal, day, article_id, story_id, weight) VALUES (?, ?, ?, ?, ?)",
                        [(key, day, row, story_row, w) for key, w in signals(analysis).items()])
            assert store.scalar("SELECT COUNT(*) FROM story_signals WHERE substr(signal, 1, 2) = 'w:'") > 0


@pytest.mark.parametrize("version", [6, 7])
def test_an_older_store_keeps_its_stories_keys_and_words(db_url: str, tmp_path: Path, version: int) -> None:
    placed = _placed_now(tmp_path)
    assert placed["b"][0] == "a" and placed["c"][0] == "c"  # what the old rows say: a and b one story, c alone
    _old_store(db_url, version, placed)
    with open_store(db_url) as store:
        docs = {int(i): str(d) for i, d in store.query("SELECT id, doc_id FROM articles")}
        upgraded = {str(doc): (docs[int(story)], *rest) for doc, story, *rest in store.query(STORY_ROWS)}
        assert upgraded == placed  # the same stories, scores and weights, and each article's words
        ids = {doc: row for row, doc in docs.items()}
        expected_keys = sorted(
            (stories.week_of(placed[a.article.id][1]), key, placed[a.article.id][1], ids[a.article.id],
             ids[str(placed[a.article.id][0])], weight)
            for a in ARTICLES for key, weight in signals(a).items() if not key.startswith("w:"))
        assert sorted(tuple(r) for r in store.query(KEY_ROWS)) == expected_keys  # every name, number, quotation
        assert {w for (w,) in store.query("SELECT DISTINCT week FROM story_signals")} == {105563, 105564}
        kept = sorted(tuple(r) for r in store.query(KEY_ROWS))
        stories.rebuild(store)  # what the current code writes for the same articles, in the same order
        assert {str(doc): (docs[int(story)], *rest) for doc, story, *rest in store.query(STORY_ROWS)} == placed
        assert sorted(tuple(r) for r in store.query(KEY_ROWS)) == kept
        later = _save(store, LATER)
        assert store.scalar("SELECT story_id FROM story_articles WHERE article_id = ?", (later,)) == ids["a"]


def test_a_key_is_written_once_per_article(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, ARTICLES[0])
        row = store.one(KEY_ROWS)
        assert row is not None
        with pytest.raises(Exception, match="(?i)unique|duplicate"), store.transaction():
            store.execute("INSERT INTO story_signals (week, signal, day, article_id, story_id, weight) "
                          "VALUES (?, ?, ?, ?, ?, ?)", row)


def test_a_deleted_article_takes_its_keys_and_only_its_own(db_url: str) -> None:
    with open_store(db_url) as store:
        first, second = _save(store, ARTICLES[0]), _save(store, ARTICLES[1])
        theirs = store.scalar("SELECT COUNT(*) FROM story_signals WHERE article_id = ?", (second,))
        with store.transaction():
            store.execute("DELETE FROM attributions WHERE article_id = ?", (first,))
            store.execute("DELETE FROM sources WHERE article_id = ?", (first,))
            store.execute("DELETE FROM articles WHERE id = ?", (first,))
        assert store.scalar("SELECT COUNT(*) FROM story_signals WHERE article_id = ?", (first,)) == 0
        assert store.scalar("SELECT COUNT(*) FROM story_signals WHERE article_id = ?", (second,)) == theirs > 0


def test_the_week_in_sql_is_the_week_in_python(db_url: str) -> None:
    """The migration and the delete trigger compute a day's week in SQL; placing an article, in Python."""
    days = [date(1, 1, 1), date(1969, 12, 31), date(1970, 1, 1), date(2000, 2, 29), date(2024, 3, 2),
            date(2024, 3, 3), date(2099, 12, 31)]
    days += [date(2023, 12, 20) + timedelta(days=n) for n in range(20)]
    with open_store(db_url) as store:
        week = SQLITE_WEEK if store.backend == "sqlite" else POSTGRES_WEEK
        for day in days:
            assert store.scalar(f"SELECT {week.format(day='?')}", (day.isoformat(),)) == stories.week_of(
                day.isoformat()), day

"""Stories at ingest: articles on one event join one story, incrementally, and a rebuild finds the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selon.corpus import save, stories
from selon.corpus.ingest import IngestOptions, ingest
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis, scripted_analyzer
from selon.store import open_store
from selon.store.base import Store

HOSPITAL = ("Le ministre Paul Garnier a annoncé la fermeture de 1 200 lits à l'hôpital de Valmont.\n"
            "Paul Garnier|person|assert|la fermeture des 1 200 lits est nécessaire\n")
HOSPITAL_EN = ("Health minister Paul Garnier said that 1,200 beds would close at the Valmont hospital.\n"
               "Paul Garnier|person|assert|closing the 1,200 beds is necessary\n")
FLOOD = ("Les eaux de la Drenne ont envahi Castelmaure, où 340 habitants ont été évacués par la préfète "
         "Odile Marchal.\nOdile Marchal|person|assert|340 habitants ont été évacués\n")


def _save(store: Store, text: str, key: str, **meta: str) -> int:
    saved = save.save_analysis(store, scripted_analysis(text, doc_id=key, **meta), key, Syndication.load(store))
    return int(saved.article_row)


def _stories(store: Store) -> dict[int, int]:
    return {int(a): int(s) for a, s in store.query("SELECT article_id, story_id FROM story_articles")}


def test_articles_about_one_event_join_one_story_across_languages(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a", title="Valmont : 1 200 lits fermés", published="2024-03-04")
        b = _save(store, HOSPITAL_EN, "b", title="Valmont hospital to shed 1,200 beds", published="2024-03-05",
                  lang="en")
        c = _save(store, FLOOD, "c", title="Crue de la Drenne à Castelmaure", published="2024-03-05")
        placed = _stories(store)
        assert placed[a] == placed[b] == a
        assert placed[c] == c  # another event starts its own story


def test_articles_further_apart_than_the_window_are_other_stories(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a", published="2024-03-04")
        b = _save(store, HOSPITAL + "Suite.\n", "b", published="2024-03-20")
        assert _stories(store) == {a: a, b: b}


def test_a_wider_window_set_by_a_rebuild_joins_them_and_stays_for_later_ingests(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a", published="2024-03-04")
        b = _save(store, HOSPITAL + "Suite.\n", "b", published="2024-03-20")
        assert stories.rebuild(store, stories.StorySettings(window_days=30)) == 1
        c = _save(store, HOSPITAL + "Encore.\n", "c", published="2024-03-30")
        assert _stories(store) == {a: a, b: a, c: a}
        assert stories.StorySettings.of(store).window_days == 30


def test_an_article_without_a_date_takes_its_ingest_day_and_says_so(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a")
        day, dated, ingested = store.query("SELECT sa.day, sa.dated, ar.ingested_at FROM story_articles sa "
                                           "JOIN articles ar ON ar.id = sa.article_id WHERE sa.article_id = ?", (a,))[0]
        assert (day, dated) == (ingested[:10], 0)


def test_a_one_article_story_is_a_story(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, "Un texte sans nom ni nombre.\n", "a", published="2024-03-04")
        assert _stories(store) == {a: a}


def test_an_article_about_two_events_joins_one_and_never_merges_them(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a", published="2024-03-04")
        c = _save(store, FLOOD, "c", published="2024-03-04")
        both = _save(store, HOSPITAL + FLOOD, "both", published="2024-03-05")
        placed = _stories(store)
        assert placed[a] == a and placed[c] == c and placed[both] in (a, c)


def test_a_rebuild_finds_what_the_ingests_found(db_url: str) -> None:
    texts = [HOSPITAL, FLOOD, HOSPITAL_EN, HOSPITAL + FLOOD, FLOOD + "Odile Marchal|person|deny|rien\n",
             "Un texte sans nom ni nombre.\n"]
    with open_store(db_url) as store:
        for i, text in enumerate(texts):
            _save(store, text, f"k{i}", published=f"2024-03-0{1 + i % 3}")
        incremental = sorted(store.query("SELECT article_id, story_id, day, dated, score FROM story_articles"))
        signals = sorted(store.query("SELECT signal, article_id, story_id FROM story_signals"))
        stories.rebuild(store)
        assert sorted(store.query("SELECT article_id, story_id, day, dated, score FROM story_articles")) \
            == incremental
        assert sorted(store.query("SELECT signal, article_id, story_id FROM story_signals")) == signals


def test_a_deleted_article_leaves_its_story_to_the_others(db_url: str) -> None:
    with open_store(db_url) as store:
        a = _save(store, HOSPITAL, "a", published="2024-03-04")
        b = _save(store, HOSPITAL_EN, "b", published="2024-03-04", lang="en")
        with store.transaction():
            store.execute("DELETE FROM attributions WHERE article_id = ?", (a,))
            store.execute("DELETE FROM sources WHERE article_id = ?", (a,))
            store.execute("DELETE FROM articles WHERE id = ?", (a,))
        assert _stories(store) == {b: a}
        assert store.scalar("SELECT COUNT(*) FROM story_signals WHERE article_id = ?", (a,)) == 0
        c = _save(store, HOSPITAL + "Suite.\n", "c", published="2024-03-05")
        assert _stories(store)[c] == a  # the story goes on under its first id


def _jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_a_reingest_moves_nothing_and_a_failed_article_has_no_story(db_url: str, tmp_path: Path) -> None:
    inputs = _jsonl(tmp_path / "in.jsonl", [
        {"text": HOSPITAL, "published": "2024-03-04", "outlet": "A"},
        {"text": HOSPITAL_EN, "published": "2024-03-04", "outlet": "B", "lang": "en"},
        {"text": FLOOD + "BOOM\n", "published": "2024-03-04", "outlet": "C"},
    ])
    options = IngestOptions(lang="fr", analyzer=scripted_analyzer)
    with open_store(db_url) as store:
        report = ingest(store, [inputs], options)
        assert (report.stored, report.failed) == (2, 1)
        before = sorted(store.query("SELECT * FROM story_articles"))
        assert len({row[1] for row in before}) == 1
        again = ingest(store, [inputs], options)
        assert again.stored == 0
        assert sorted(store.query("SELECT * FROM story_articles")) == before


def test_an_ingest_with_stories_off_leaves_them_to_the_next_one(db_url: str, tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", [{"text": HOSPITAL, "published": "2024-03-04"}])
    second = _jsonl(tmp_path / "b.jsonl", [{"text": HOSPITAL_EN, "published": "2024-03-04", "lang": "en"}])
    with open_store(db_url) as store:
        ingest(store, [first], IngestOptions(lang="fr", analyzer=scripted_analyzer, stories=False))
        assert store.scalar("SELECT COUNT(*) FROM story_articles") == 0
        ingest(store, [second], IngestOptions(lang="fr", analyzer=scripted_analyzer))
        assert len(set(_stories(store).values())) == 1 and len(_stories(store)) == 2


def test_only_the_latest_articles_of_a_key_are_read_and_a_rebuild_reads_the_same(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "PER_KEY", 2)
    with open_store(db_url) as store:
        rows = [_save(store, HOSPITAL + f"Suite {i}.\n", f"h{i}", published=f"2024-03-0{1 + i % 4}")
                for i in range(8)]
        rows += [_save(store, FLOOD + f"Suite {i}.\n", f"f{i}", published=f"2024-03-0{1 + i % 4}") for i in range(4)]
        placed = _stories(store)
        assert {placed[r] for r in rows[:8]} == {rows[0]} and {placed[r] for r in rows[8:]} == {rows[8]}
        incremental = sorted(store.query("SELECT article_id, story_id, score FROM story_articles"))
        stories.rebuild(store)
        assert sorted(store.query("SELECT article_id, story_id, score FROM story_articles")) == incremental

"""Migration 7 on a store made before it: story_signals is re-keyed on (signal, day, article_id), keeping every
row, so the stories placed before go on being found; a key still cannot be written twice for one article."""

from __future__ import annotations

import pytest

from selon.corpus import save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store import base, open_store
from selon.store.base import Store
from selon.store.migrations import MIGRATIONS

HOSPITAL = ("Le ministre Paul Garnier a annoncé la fermeture de 1 200 lits à l'hôpital de Valmont.\n"
            "Paul Garnier|person|assert|la fermeture des 1 200 lits est nécessaire\n")
FLOOD = ("Les eaux de la Drenne ont envahi Castelmaure, où 340 habitants ont été évacués par la préfète "
         "Odile Marchal.\nOdile Marchal|person|assert|340 habitants ont été évacués\n")
SIGNALS = "SELECT signal, day, article_id, story_id, weight FROM story_signals"


def _save(store: Store, text: str, key: str, published: str) -> int:
    analysis = scripted_analysis(text, doc_id=key, published=published)
    return int(save.save_analysis(store, analysis, key, Syndication.load(store)).article_row)


def test_the_re_keyed_signals_keep_every_row_and_the_stories_go_on(db_url: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as old:
        old.setattr(base, "MIGRATIONS", MIGRATIONS[:6])
        old.setattr(base, "LATEST", 6)
        with open_store(db_url) as store:
            first = _save(store, HOSPITAL, "a", "2024-03-04")
            _save(store, FLOOD, "b", "2024-03-04")
            before = sorted(store.query(SIGNALS))
    with open_store(db_url) as store:
        assert sorted(store.query(SIGNALS)) == before
        later = _save(store, HOSPITAL + "Suite.\n", "c", "2024-03-05")
        assert store.scalar("SELECT story_id FROM story_articles WHERE article_id = ?", (later,)) == first
        signal, day, article, story, weight = before[0]
        with pytest.raises(Exception, match="(?i)unique|duplicate"), store.transaction():
            store.execute("INSERT INTO story_signals (signal, day, article_id, story_id, weight) VALUES (?, ?, ?, ?, ?)",
                          (signal, day, article, story, weight))

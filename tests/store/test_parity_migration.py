"""Migration 6 on a store made before it: sources get their gender and role category from the stored analyses
(unknown and `other` where the analysis has none), a copy of their article's outlet, day and language, and
person speakers their gender; and a speaker merged by surname later takes the gender its sources decide."""

from __future__ import annotations

import json

import pytest

from selon.corpus import Corpus, save
from selon.corpus.linking import relink_surnames
from selon.corpus.syndication import Syndication
from selon.corpus.testing import Voice, voiced_analysis
from selon.store import base, open_store
from selon.store.migrations import MIGRATIONS


def _store_v5_article(store: base.Store, doc_id: str, sources: list[dict[str, object]]) -> None:
    """An article written as selon stored them before migration 6 (no gender columns), one statement a source."""
    analysis = {"schema": "selon/1", "article": {"id": doc_id}, "attributions": [], "sources": sources}
    article = store.insert(
        "INSERT INTO articles (doc_id, text_hash, outlet, published, lang, text, syndication_group, analysis, "
        "ingested_at) VALUES (?, ?, 'La Gazette', '2023-05-04T08:00:00', 'fr', 'x', 0, ?, 'now')",
        (doc_id, doc_id, json.dumps(analysis)))
    for source in sources:
        speaker = store.insert("INSERT INTO speakers (kind, name, key) VALUES (?, ?, ?)",
                               (source["kind"], source["name"], f"{doc_id}:{source['id']}"))
        row = store.insert("INSERT INTO sources (article_id, local_id, kind, name, speaker_id) VALUES (?, ?, ?, ?, ?)",
                           (article, source["id"], source["kind"], source["name"], speaker))
        store.execute(
            "INSERT INTO attributions (article_id, local_id, type, stance, content, content_start, content_end, "
            "source_id, speaker_id, confidence, statement_key) VALUES (?, ?, 'direct', 'assert', 'c', 0, 1, ?, ?, "
            "0.9, ?)", (article, f"a{row}", row, speaker, f"k{row}"))


def test_an_older_store_is_backfilled_from_its_stored_analyses(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as old:
        old.setattr(base, "MIGRATIONS", MIGRATIONS[:5])
        old.setattr(base, "LATEST", 5)
        with open_store(db_url) as store, store.transaction():
            _store_v5_article(store, "before", [{"id": "s1", "kind": "person", "name": "Anne Leroy"}])
            _store_v5_article(store, "after", [
                {"id": "s1", "kind": "person", "name": "Marc Petit", "gender": "male", "role_category": "union_civil"},
                {"id": "s2", "kind": "person", "name": "Lea Blanc", "gender": "female", "role_category": "bogus"},
                {"id": "s3", "kind": "organization", "name": "Le Sénat", "gender": None, "role_category": None}])
    with Corpus(db_url) as corpus:
        rows = corpus.store.query(
            "SELECT s.name, s.gender, s.role_category, s.outlet, s.published_day, s.lang, sp.gender FROM sources s "
            "JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id")
        assert [tuple(r) for r in rows] == [
            ("Anne Leroy", "unknown", "other", "La Gazette", "2023-05-04", "fr", "unknown"),
            ("Marc Petit", "male", "union_civil", "La Gazette", "2023-05-04", "fr", "male"),
            ("Lea Blanc", "female", "other", "La Gazette", "2023-05-04", "fr", "female"),
            ("Le Sénat", "unknown", None, "La Gazette", "2023-05-04", "fr", "unknown"),
        ]
        [row] = corpus.parity()
        assert (row.speakers_female, row.speakers_male, row.speakers_unknown) == (1, 1, 1)


def test_a_surname_merged_into_its_full_name_brings_its_gender(db_url: str) -> None:
    with Corpus(db_url) as corpus:
        index = Syndication.load(corpus.store)
        # "Vasseur" alone is stored first (its own speaker), then the full name without a gender signal.
        for number, voice in enumerate([Voice("Vasseur", "female", "expert", "Les chiffres baissent."),
                                        Voice("Hélène Vasseur", "unknown", "expert", "Rien n'est joué.")]):
            save.save_analysis(corpus.store, voiced_analysis([voice], doc_id=f"d{number}", outlet="L'Écho",
                                                             published=f"2024-01-0{number + 1}"), f"k{number}", index)
        assert (corpus.parity()[0].speakers_female, corpus.parity()[0].speakers_unknown) == (1, 1)
        assert relink_surnames(corpus.store) == 1
        [row] = corpus.parity()
        assert (row.speakers_female, row.speakers_unknown, row.statements_female) == (1, 0, 2)

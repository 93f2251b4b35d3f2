"""The per-speaker figures behind the unfiltered ranking agree with the ranking aggregated from the detail."""

from __future__ import annotations

import pytest

from selon.corpus import counts, queries, save
from selon.corpus.linking import relink_surnames
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store import Filters, open_store

WIRE = " ".join(f"mot{i}" for i in range(60)) + "\n"
ARTICLES = [
    ("k1", "A", "2022-01-01", WIRE + ("Adrienne Watson|person|assert|Nous gagnerons.\n"
                                      "un responsable|anonymous|decline|Pas de commentaire.\n")),
    # A syndicated copy: its statements are counted once more as attributions, not as statements.
    ("k2", "B", "2022-01-02", WIRE + ("Adrienne Watson|person|assert|Nous gagnerons.\n"
                                      "un responsable|anonymous|decline|Pas de commentaire.\nPublié par B.\n")),
    # A surname before its full name arrives: joined by relinking, which recomputes the figures.
    ("k3", "B", "2022-02-01", "Watson|person|deny|Rien.\nNourian|person|deny|Non.\n"),
    ("k4", "C", "2022-03-01", ("Mahdi Nourian|person|assert|Oui.\nMahdi Nourian|person|assert|Encore oui.\n"
                               "Hélène Dupré|person|acknowledge|Peut-être.\n")),
    ("k5", "C", "2022-03-02", "Ministère|organization|assert|Un.\nMinistère|organization|assert|Un.\n"),
]
EVERYTHING = Filters(since="1900-01-01")  # filters nothing out, but needs the detail tables


@pytest.fixture
def store(db_url: str):
    with open_store(db_url) as store:
        index = Syndication.load(store)
        for key, outlet, published, text in ARTICLES:
            save.save_analysis(store, scripted_analysis(text, doc_id=key, outlet=outlet, published=published),
                               key, index)
        relink_surnames(store)
        yield store


def _figures(store) -> list[tuple[object, ...]]:
    return store.query("SELECT * FROM speaker_counts ORDER BY speaker_id") + \
        store.query("SELECT * FROM speaker_outlets ORDER BY speaker_id, outlet")


def test_the_unfiltered_ranking_equals_the_ranking_from_the_detail(store) -> None:
    fast = queries.sources(store, limit=100)
    assert fast == queries.sources(store, EVERYTHING, limit=100)
    assert [(s.name, s.statements, s.attributions, s.articles, s.outlets) for s in fast[:2]] == [
        ("Mahdi Nourian", 3, 3, 2, ("C", "B")), ("Adrienne Watson", 2, 3, 3, ("B", "A"))]


def test_a_kind_and_a_page_are_served_by_the_figures_alike(store) -> None:
    assert queries.sources(store, Filters(kind="anonymous")) == \
        queries.sources(store, Filters(kind="anonymous", since="1900-01-01"))
    assert queries.sources(store, limit=2, offset=2) == queries.sources(store, EVERYTHING, limit=2, offset=2)


def test_the_figures_kept_on_write_equal_the_figures_recomputed(store) -> None:
    kept = _figures(store)
    with store.transaction():
        counts.refresh(store)
    assert _figures(store) == kept


def test_a_store_made_before_the_figures_existed_gets_them_when_opened(db_url: str, store) -> None:
    expected = queries.sources(store, limit=100)
    with store.transaction():
        store.execute("DROP TABLE speaker_outlets")
        store.execute("DROP TABLE speaker_counts")
        store.execute("DELETE FROM schema_migrations WHERE version = 2")
    with open_store(db_url) as reopened:
        assert queries.sources(reopened, limit=100) == expected

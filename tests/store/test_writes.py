"""Storing analyses: once per article, syndicated copies grouped, speakers linked across articles."""

from __future__ import annotations

import pytest

from selon.corpus import queries, save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store import open_store

WIRE = " ".join(f"mot{i}" for i in range(60)) + "\n"


def _save(store, text: str, key: str, **meta):
    return save.save_analysis(store, scripted_analysis(text, doc_id=key, **meta), key, Syndication.load(store))


def test_an_analysis_is_stored_with_its_attributions_and_sources(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Adrienne Watson|person|assert|Nous gagnerons.\n", "k1")
        assert store.scalar("SELECT COUNT(*) FROM attributions") == 1
        assert store.scalar("SELECT name FROM sources") == "Adrienne Watson"


def test_a_stored_article_reads_back_as_the_same_analysis(db_url: str) -> None:
    analysis = scripted_analysis("Intro.\nAdrienne Watson|person|deny|Rien.\n", doc_id="k1", outlet="Le Monde")
    with open_store(db_url) as store:
        save.save_analysis(store, analysis, "k1", Syndication.load(store))
        assert queries.article(store, "k1") == analysis


def test_the_same_canonical_url_is_stored_once(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Un texte.\n", "k1", url="https://www.lemonde.fr/a/?utm_source=x")
        second = _save(store, "Un autre texte.\n", "k2", url="http://lemonde.fr/a")
        assert second.status == "duplicate"
        assert store.scalar("SELECT COUNT(*) FROM articles") == 1


def test_the_same_text_with_other_spacing_and_case_is_stored_once(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Le Ministre a parlé.\n", "k1")
        assert _save(store, "le  ministre   a PARLÉ\n", "k2").status == "duplicate"


def test_syndicated_copies_count_one_statement_carried_by_each_outlet(db_url: str) -> None:
    line = "Adrienne Watson|person|assert|Nous gagnerons.\n"
    with open_store(db_url) as store:
        _save(store, WIRE + line, "k1", outlet="A")
        _save(store, WIRE + line + "Publié par B.\n", "k2", outlet="B")
        [speaker] = queries.sources(store)
        assert (speaker.statements, speaker.attributions, speaker.outlets) == (1, 2, ("A", "B"))


def test_the_anonymous_source_of_syndicated_copies_is_ranked_once(db_url: str) -> None:
    line = "un haut responsable|anonymous|assert|Les sanctions tomberont.\n"
    with open_store(db_url) as store:
        for outlet in ("A", "B", "C"):
            _save(store, WIRE + line + f"Publié par {outlet}.\n", f"k{outlet}", outlet=outlet)
        [speaker] = queries.sources(store)
        assert (speaker.kind, speaker.statements, speaker.attributions) == ("anonymous", 1, 3)
        assert speaker.outlets == ("A", "B", "C")


def test_anonymous_sources_of_different_stories_stay_apart(db_url: str) -> None:
    other = " ".join(f"autre{i}" for i in range(60)) + "\n"
    line = "un haut responsable|anonymous|assert|Les sanctions tomberont.\n"
    with open_store(db_url) as store:
        _save(store, WIRE + line, "k1", outlet="A")
        _save(store, other + line, "k2", outlet="B")
        assert len(queries.sources(store)) == 2


def test_different_stories_are_not_grouped(db_url: str) -> None:
    other = " ".join(f"autre{i}" for i in range(60)) + "\n"
    with open_store(db_url) as store:
        _save(store, WIRE, "k1")
        _save(store, other, "k2")
        assert store.scalar("SELECT COUNT(DISTINCT syndication_group) FROM articles") == 2


def test_a_name_with_other_accents_and_case_is_one_speaker(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Hélène Dupré|person|assert|Oui.\n", "k1")
        _save(store, "HELENE DUPRE|person|assert|Non.\n", "k2")
        assert store.scalar("SELECT COUNT(*) FROM speakers") == 1


def test_a_surname_alone_joins_the_one_full_name_that_has_it(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Adrienne Watson|person|assert|Oui.\n", "k1")
        _save(store, "Watson|person|assert|Non.\n", "k2")
        assert [s.attributions for s in queries.sources(store)] == [2]


def test_a_surname_shared_by_two_full_names_stays_apart(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "Adrienne Watson|person|assert|Oui.\n", "k1")
        _save(store, "Emma Watson|person|assert|Peut-être.\n", "k2")
        _save(store, "Watson|person|assert|Non.\n", "k3")
        assert store.scalar("SELECT COUNT(*) FROM speakers") == 3


def test_a_surname_seen_before_its_full_name_is_joined_by_relinking(db_url: str) -> None:
    from selon.corpus.linking import relink_surnames

    with open_store(db_url) as store:
        _save(store, "Watson|person|assert|Non.\n", "k1")
        _save(store, "Adrienne Watson|person|assert|Oui.\n", "k2")
        assert relink_surnames(store) == 1
        assert [(s.name, s.attributions) for s in queries.sources(store)] == [("Adrienne Watson", 2)]


def test_anonymous_sources_are_never_linked_across_articles(db_url: str) -> None:
    with open_store(db_url) as store:
        _save(store, "un responsable|anonymous|assert|Oui.\n", "k1")
        _save(store, "un responsable|anonymous|assert|Non.\n", "k2")
        assert store.scalar("SELECT COUNT(*) FROM speakers") == 2


def test_an_interrupted_write_leaves_nothing_behind(db_url: str) -> None:
    with open_store(db_url) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.execute("INSERT INTO inputs (key, status, at) VALUES ('k', 'stored', 'now')")
            raise RuntimeError("killed")
        assert store.scalar("SELECT COUNT(*) FROM inputs") == 0


def test_relinking_waits_for_a_write_in_progress_and_relinks_it_too(db_url: str) -> None:
    import threading
    import time

    from selon.corpus.linking import relink_surnames

    with open_store(db_url) as first, open_store(db_url) as second:
        _save(first, "Watson|person|assert|Non.\n", "k1")  # a surname before its full name arrives
        _save(first, "Adrienne Watson|person|assert|Oui.\n", "k2")
        short = first.scalar("SELECT id FROM speakers WHERE key = 'watson'")
        article = first.scalar("SELECT id FROM articles WHERE doc_id = 'k1'")
        failures: list[BaseException] = []

        def relink() -> None:
            try:
                relink_surnames(first)
            except BaseException as error:  # noqa: BLE001 - reported by the assertion below
                failures.append(error)

        with second.transaction():  # another ingest, in the middle of storing a source of the short speaker
            second.lock_writes()
            second.execute("INSERT INTO sources (article_id, local_id, kind, name, speaker_id) "
                           "VALUES (?, 's9', 'person', 'Watson', ?)", (article, short))
            worker = threading.Thread(target=relink)
            worker.start()
            time.sleep(1)
        worker.join(timeout=60)
        assert failures == []
        assert first.scalar("SELECT COUNT(*) FROM sources WHERE speaker_id = ?", (short,)) == 0
        assert first.scalar("SELECT COUNT(*) FROM speakers") == 1

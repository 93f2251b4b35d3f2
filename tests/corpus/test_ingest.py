"""Ingest orchestration with a scripted analyzer: resumable, idempotent, failures recorded and retried."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from selon.corpus import queries, save
from selon.corpus.ingest import IngestOptions, ingest
from selon.corpus.testing import scripted_analyzer
from selon.store import open_store

OPTIONS = IngestOptions(lang="fr", analyzer=scripted_analyzer)


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(f"Article {i}.\nAdrienne Watson|person|assert|Déclaration {i}.\n")
    return folder


def test_every_article_of_a_folder_is_stored(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        report = ingest(store, [str(_folder(tmp_path, 3))], OPTIONS)
        assert (report.stored, store.scalar("SELECT COUNT(*) FROM attributions")) == (3, 3)


def test_running_the_same_ingest_again_stores_nothing_new(db_url: str, tmp_path: Path) -> None:
    folder = str(_folder(tmp_path, 3))
    with open_store(db_url) as store:
        ingest(store, [folder], OPTIONS)
        again = ingest(store, [folder], OPTIONS)
        assert (again.stored, again.skipped, store.scalar("SELECT COUNT(*) FROM articles")) == (0, 3, 3)


def test_a_copy_of_an_article_under_another_name_is_a_duplicate(db_url: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    (folder / "copy.txt").write_text((folder / "000.txt").read_text())
    with open_store(db_url) as store:
        report = ingest(store, [str(folder)], OPTIONS)
        assert (report.stored, report.duplicates) == (2, 1)


def test_bad_inputs_are_recorded_and_the_batch_goes_on(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Un."}\nnot json\n{"title": "sans texte"}\n{"text": "BOOM"}\n{"text": "Deux."}\n')
    with open_store(db_url) as store:
        report = ingest(store, [str(path)], OPTIONS)
        reasons = {f.key.rsplit("#", 1)[1]: f.reason for f, _ in save.failures(store)}
        assert (report.stored, report.failed) == (2, 3)
        assert "not JSON" in reasons["L2"] and "neither" in reasons["L3"] and "scripted crash" in reasons["L4"]
        assert queries.stats(store).failed == 3


def test_retry_failed_stores_an_article_once_its_cause_is_gone(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "BOOM"}\n')
    with open_store(db_url) as store:
        ingest(store, [str(path)], OPTIONS)

        def fixed(inputs, **options):
            from dataclasses import replace

            return scripted_analyzer(replace(i, text=i.text.replace("BOOM", "boum")) for i in inputs)

        report = ingest(store, [], IngestOptions(lang="fr", analyzer=fixed, retry_failed=True))
        assert (report.stored, queries.stats(store).failed) == (1, 0)


def test_failed_inputs_are_not_retried_without_being_asked(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("not json\n")
    with open_store(db_url) as store:
        ingest(store, [str(path)], OPTIONS)
        again = ingest(store, [str(path)], OPTIONS)
        assert (again.failed, again.skipped) == (0, 1)


def test_an_ingest_killed_mid_batch_loses_nothing_and_resumes_where_it_stopped(db_url: str, tmp_path: Path) -> None:
    folder = str(_folder(tmp_path, 40))
    command = [sys.executable, "-m", "selon.corpus.testing", db_url, "0.05", folder]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while stored < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.1)
            with open_store(db_url) as store:
                stored = store.scalar("SELECT COUNT(*) FROM inputs WHERE status = 'stored'")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    with open_store(db_url) as store:
        committed = store.scalar("SELECT COUNT(*) FROM articles")
        assert committed == store.scalar("SELECT COUNT(*) FROM inputs WHERE status = 'stored'")
        assert 5 <= committed < 40
        report = ingest(store, [folder], OPTIONS)
        assert (report.skipped, report.stored) == (committed, 40 - committed)
        assert store.scalar("SELECT COUNT(*) FROM articles") == 40
        assert store.scalar("SELECT COUNT(*) FROM attributions") == 40


def test_the_report_serialises_to_json(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        report = ingest(store, [str(_folder(tmp_path, 1))], OPTIONS)
    assert json.loads(json.dumps(report.to_dict()))["stored"] == 1


def test_a_record_that_is_no_unicode_fails_alone_and_every_other_record_is_stored(db_url: str,
                                                                                  tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Un."}\n{"text": "bad \\ud800 here"}\n{"text": "Deux."}\n{"text": "Trois."}\n')
    with open_store(db_url) as store:
        report = ingest(store, [str(path)], OPTIONS)
        assert (report.stored, report.failed) == (3, 1)
        assert "lone surrogate" in report.failures[0]
        marks = dict(store.query("SELECT key, status FROM inputs"))
        assert sorted(v for v in marks.values()) == ["failed", "stored", "stored", "stored"]
        assert marks[f"{path}#L2"] == "failed"
        again = ingest(store, [str(path)], OPTIONS)
        assert (again.stored, again.skipped) == (0, 4)


def _batching(inputs, **_):
    """An analyzer that takes four articles before giving any back, as spaCy's batches do, and crashes on a
    batch that holds BOOM."""
    from itertools import islice

    inputs = iter(inputs)
    while batch := list(islice(inputs, 4)):
        if any("BOOM" in article.text for article in batch):
            raise RuntimeError("scripted crash")
        yield from scripted_analyzer(batch)


def test_a_crash_inside_a_batch_fails_only_the_article_that_caused_it(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("".join(f'{{"text": "{"BOOM" if i == 2 else "Article"} {i}."}}\n' for i in range(8)))
    with open_store(db_url) as store:
        report = ingest(store, [str(path)], IngestOptions(lang="fr", analyzer=_batching))
        assert (report.stored, report.failed) == (7, 1)
        assert [f.key for f, _ in save.failures(store)] == [f"{path}#L3"]


def test_an_error_while_storing_one_article_fails_that_input_and_the_rest_goes_on(db_url: str, tmp_path: Path,
                                                                                  monkeypatch) -> None:
    real = save.save_analysis

    def failing(store, analysis, key, *args, **kwargs):
        if key.endswith("001.txt"):
            raise ValueError("scripted store bug")
        return real(store, analysis, key, *args, **kwargs)

    monkeypatch.setattr(save, "save_analysis", failing)
    with open_store(db_url) as store:
        report = ingest(store, [str(_folder(tmp_path, 3))], OPTIONS)
        assert (report.stored, report.failed) == (2, 1)
        assert sorted(dict(store.query("SELECT key, status FROM inputs")).values()) == ["failed", "stored", "stored"]


def test_the_same_file_given_twice_is_stored_once_and_is_no_duplicate_of_itself(db_url: str,
                                                                                tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    with open_store(db_url) as store:
        report = ingest(store, [str(folder), str(folder / "000.txt"), f"{folder}/../articles/001.txt"], OPTIONS)
        assert (report.stored, report.duplicates, report.skipped) == (2, 0, 2)
        assert {s for (s,) in store.query("SELECT status FROM inputs")} == {"stored"}


def test_an_input_stored_meanwhile_by_another_ingest_is_not_marked_a_copy_of_itself(db_url: str) -> None:
    from selon.corpus.syndication import Syndication
    from selon.corpus.testing import scripted_analysis

    analysis = scripted_analysis("Adrienne Watson|person|assert|Oui.\n", doc_id="k1")
    with open_store(db_url) as store:
        first = save.save_analysis(store, analysis, "k1", Syndication.load(store))
        again = save.save_analysis(store, analysis, "k1", Syndication.load(store))
        assert (again.status, again.article_row) == ("skipped", first.article_row)
        assert not save.mark_duplicate(store, "k1", first.article_row)
        assert store.one("SELECT status, article_id FROM inputs WHERE key = 'k1'") == ("stored", first.article_row)


def test_files_of_a_folder_that_are_no_input_are_named_in_the_summary(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    (folder / "photo.png").write_bytes(b"\x89PNG")
    with open_store(str(tmp_path / "selon.db")) as store:
        report = ingest(store, [str(folder)], OPTIONS)
    assert report.stored == 1 and report.to_dict()["ignored"] == 1
    assert "photo.png: unknown suffix '.png'" in report.to_dict()["ignored_inputs"][0]


def _ingest_at_once(db_url: str, *paths: Path, delay: float = 0.05) -> None:
    """Two real ingest processes started together, one per path, writing into one store."""
    command = [sys.executable, "-m", "selon.corpus.testing", db_url, str(delay)]
    processes = [subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for path in paths]
    for process in processes:
        _, error = process.communicate(timeout=120)
        assert process.returncode == 0, error.decode()


def test_two_ingests_at_once_group_the_syndicated_copies_split_between_them(db_url: str, tmp_path: Path) -> None:
    stories = 8
    for outlet in ("A", "B"):
        records = [{"text": " ".join(f"s{i}mot{w}" for w in range(200)) + f"\nPublié par {outlet}.\n"
                    f"Adrienne Watson|person|assert|Déclaration {i}.\n", "outlet": outlet} for i in range(stories)]
        (tmp_path / f"{outlet}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    with open_store(db_url):
        pass  # created before the race, as `selon init` would
    _ingest_at_once(db_url, tmp_path / "A.jsonl", tmp_path / "B.jsonl")
    with open_store(db_url) as store:
        figures = queries.stats(store)
        assert (figures.articles, figures.syndicated, figures.statements) == (2 * stories, 2 * stories, stories)
        [watson] = queries.sources(store)
        assert (watson.statements, watson.attributions, watson.articles) == (stories, 2 * stories, 2 * stories)


def test_one_folder_ingested_twice_at_once_stores_each_input_once_and_no_copy_of_itself(db_url: str,
                                                                                        tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12)
    with open_store(db_url):
        pass
    _ingest_at_once(db_url, folder, folder, delay=0.02)
    with open_store(db_url) as store:
        assert store.scalar("SELECT COUNT(*) FROM articles") == 12
        assert store.query("SELECT i.key FROM inputs i JOIN articles a ON a.id = i.article_id "
                           "WHERE i.status = 'duplicate' AND a.input_key = i.key") == []
        assert {s for (s,) in store.query("SELECT status FROM inputs")} == {"stored"}


def test_the_next_ingest_repairs_syndicated_copies_split_by_ingests_that_ran_at_once(db_url: str) -> None:
    from selon.corpus import counts
    from selon.corpus.keys import statement_key
    from selon.corpus.syndication import REGROUPED, Syndication
    from selon.corpus.testing import scripted_analysis

    wire = " ".join(f"mot{i}" for i in range(200)) + "\n"
    line = "Adrienne Watson|person|assert|Nous gagnerons.\n"
    with open_store(db_url) as store:
        for key, outlet in (("k1", "A"), ("k2", "B")):
            analysis = scripted_analysis(wire + f"Publié par {outlet}.\n" + line, doc_id=key, outlet=outlet)
            save.save_analysis(store, analysis, key, Syndication.load(store))
        with store.transaction():  # what two ingests at once left in a store before writes took turns
            row = store.scalar("SELECT id FROM articles WHERE doc_id = 'k2'")
            store.execute("UPDATE articles SET syndication_group = ? WHERE id = ?", (row, row))
            store.execute("UPDATE attributions SET statement_key = ? WHERE article_id = ?",
                          (statement_key(row, "Nous gagnerons."), row))
            counts.refresh(store)
            store.execute("DELETE FROM selon_meta WHERE key = ?", (REGROUPED,))
        assert queries.stats(store).syndicated == 0 and queries.sources(store)[0].statements == 2
        ingest(store, [], OPTIONS)
        assert queries.stats(store).syndicated == 2
        assert queries.sources(store)[0].statements == 1 == queries.stats(store).statements
        kept = queries.sources(store)
        assert (ingest(store, [], OPTIONS).stored, queries.sources(store)) == (0, kept)


def test_the_first_ingest_into_a_new_store_does_not_group_everything_again(db_url: str, tmp_path: Path,
                                                                          monkeypatch) -> None:
    from selon.corpus import syndication

    def regroup(store) -> int:
        raise AssertionError("a new store has nothing to repair")

    monkeypatch.setattr(syndication, "regroup", regroup)
    with open_store(db_url) as store:
        assert ingest(store, [str(_folder(tmp_path, 2))], OPTIONS).stored == 2

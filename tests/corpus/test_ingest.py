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

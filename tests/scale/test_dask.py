"""The Dask engine on a local cluster of two workers, then `load` into a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.corpus.testing import scripted_analyzer
from selon.scale import dask_engine, partitions, worker
from selon.scale.load import load
from selon.store import open_store


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    # Thread workers share this process, so the scripted analyzer patched in below is the one they run.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(worker, "analyze_many", scripted_analyzer)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Article {i}.\nAdrienne Watson|person|assert|Déclaration {i}.\n")
    (folder / "bad.jsonl").write_text("not json\n")
    return folder


def test_a_distributed_ingest_writes_one_partition_per_task(cluster, articles: Path, tmp_path: Path) -> None:
    output = tmp_path / "parts"
    report = dask_engine.run([str(articles)], cluster.scheduler_address, str(output), lang="fr", files_per_task=2)
    assert (report.tasks, report.rows, report.failed) == (4, 7, 1)
    assert len(partitions.partition_files(output)) == 4


def test_a_second_distributed_run_skips_partitions_already_written(cluster, articles: Path, tmp_path: Path) -> None:
    output = str(tmp_path / "parts")
    dask_engine.run([str(articles)], cluster.scheduler_address, output, lang="fr", files_per_task=2)
    again = dask_engine.run([str(articles)], cluster.scheduler_address, output, lang="fr", files_per_task=2)
    assert (again.skipped, again.rows) == (4, 0)


def test_loading_partitions_stores_articles_and_failures_once(cluster, articles: Path, tmp_path: Path,
                                                             db_url: str) -> None:
    output = str(tmp_path / "parts")
    dask_engine.run([str(articles)], cluster.scheduler_address, output, lang="fr", files_per_task=2)
    with open_store(db_url) as store:
        first = load(store, output)
        again = load(store, output)
        assert (first.stored, first.failed, again.stored, again.skipped) == (6, 1, 0, 6)
        assert store.scalar("SELECT COUNT(*) FROM failures") == 1

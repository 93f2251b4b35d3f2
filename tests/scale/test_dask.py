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


def test_without_a_scheduler_an_ingest_starts_a_local_cluster_of_its_workers(cluster, articles: Path,
                                                                             tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from contextlib import nullcontext

    from typer.testing import CliRunner

    from selon.cli.main import app

    started: list[int] = []

    def threads(workers: int):  # this module's cluster of threads, which run the scripted analyzer patched in
        started.append(workers)
        return nullcontext(cluster)

    monkeypatch.setattr(dask_engine, "local_cluster", threads)
    output = tmp_path / "parts"
    result = CliRunner().invoke(app, ["ingest", str(articles), "--engine", "dask", "--workers", "2", "--lang", "fr",
                                      "--output", str(output), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert started == [2] and json.loads(result.stdout)["rows"] == 7
    assert partitions.partition_files(output)


def test_a_scheduler_that_cannot_be_reached_is_a_clear_error_with_its_own_status(articles: Path,
                                                                                 tmp_path: Path) -> None:
    import time

    from typer.testing import CliRunner

    from selon.cli.main import app

    began = time.monotonic()
    result = CliRunner().invoke(app, ["ingest", str(articles), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1",
                                      "--output", str(tmp_path / "parts")])
    message = " ".join(result.stderr.split())
    assert result.exit_code == 86 and "E060" in message and "cannot reach the Dask scheduler" in message
    assert "internal error" not in message and time.monotonic() - began < 60
    assert not (tmp_path / "parts").exists()


def test_an_engine_dask_ingest_without_paths_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from selon.cli.main import app

    result = CliRunner().invoke(app, ["ingest", "--engine", "dask", "--output", str(tmp_path / "parts")])
    assert result.exit_code == 2 and "give PATHS" in result.stderr and "internal error" not in result.stderr


def _batching(inputs, **_):
    """An analyzer that takes four articles before giving any back, as spaCy's batches do, and crashes on a
    batch that holds BOOM."""
    from itertools import islice

    inputs = iter(inputs)
    while batch := list(islice(inputs, 4)):
        if any("BOOM" in article.text for article in batch):
            raise RuntimeError("scripted crash")
        yield from scripted_analyzer(batch)


def test_a_crash_on_one_article_of_a_task_fails_its_row_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "analyze_many", _batching)
    path = tmp_path / "a.jsonl"
    path.write_text("".join(f'{{"text": "{"BOOM" if i == 2 else "Article"} {i}."}}\n' for i in range(8)))
    target = tmp_path / "part.parquet"
    assert worker.analyse_task([str(path)], str(target), lang="fr") == (8, 1)
    assert [r.key.rsplit("#", 1)[1] for r in partitions.read(target) if r.status == "failed"] == ["L3"]


def test_a_partition_row_that_cannot_be_stored_fails_alone(tmp_path: Path, db_url: str) -> None:
    import json

    from selon.corpus.testing import scripted_analysis

    def ok(key: str, analysis: str) -> partitions.PartitionRow:
        return partitions.PartitionRow(key, key, "ok", analysis=analysis)

    good = [json.dumps(scripted_analysis(f"Adrienne Watson|person|assert|Oui {i}.\n", doc_id=f"d{i}").to_dict())
            for i in range(2)]
    folder = tmp_path / "parts"
    folder.mkdir()
    partitions.write([ok("k1", good[0]), ok("k2", '{"schema": "selon/1", "article": '), ok("k3", good[1])],
                     folder / "part-0.parquet")
    with open_store(db_url) as store:
        report = load(store, str(folder))
        assert (report.stored, report.failed) == (2, 1)
        assert dict(store.query("SELECT key, status FROM inputs")) == {"k1": "stored", "k2": "failed", "k3": "stored"}


def test_files_that_are_no_input_are_named_in_the_distributed_report(cluster, articles: Path,
                                                                     tmp_path: Path) -> None:
    (articles / "notes.md").write_text("# notes")
    report = dask_engine.run([str(articles)], cluster.scheduler_address, str(tmp_path / "parts"), lang="fr")
    assert report.rows == 7 and len(report.ignored) == 1 and "notes.md: unknown suffix '.md'" in report.ignored[0]

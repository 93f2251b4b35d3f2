"""`selon ingest --engine dask` as a user runs it: worker processes, the real analyzer, then `selon load`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.corpus import Corpus

ARTICLES = {
    "fr.jsonl": [
        {"id": "fr1", "lang": "fr", "outlet": "Le Monde",
         "text": "« Nous n'avons signé aucun accord », a déclaré Adrienne Watson, porte-parole de la Maison Blanche."},
        {"id": "fr2", "lang": "fr", "outlet": "Le Figaro",
         "text": "Selon le ministre Jean Martin, la livraison aura lieu en mars. Le ministère a refusé de commenter."},
    ],
    "en.jsonl": [
        {"id": "en1", "lang": "en", "outlet": "The Guardian",
         "text": "\"We have signed no agreement,\" said Adrienne Watson, a White House spokeswoman."},
        {"id": "en2", "lang": "en", "outlet": "Reuters",
         "text": "According to Mahdi Nourian, the factory will open next year, the ministry said on Monday."},
    ],
}


@pytest.mark.slow
def test_a_dask_ingest_on_worker_processes_stores_what_a_local_ingest_stores(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, records in ARTICLES.items():  # each JSONL file is one task: one for each worker
        (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    runner, output = CliRunner(), str(tmp_path / "parts")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        ran = runner.invoke(app, ["ingest", str(folder), "--engine", "dask", "--scheduler",
                                  cluster.scheduler_address, "--output", output, "--format", "json"])
    assert ran.exit_code == 0, ran.output
    assert {k: json.loads(ran.stdout)[k] for k in ("tasks", "rows", "failed")} == {"tasks": 2, "rows": 4, "failed": 0}

    loaded = runner.invoke(app, ["load", output, "--db", str(tmp_path / "dask.db"), "--format", "json"])
    local = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "local.db"), "--format", "json"])
    assert json.loads(loaded.stdout)["stored"] == json.loads(local.stdout)["stored"] == 4, loaded.output + local.output
    with Corpus(str(tmp_path / "dask.db")) as dask, Corpus(str(tmp_path / "local.db")) as here:
        figures = dask.stats()
        assert (figures.articles, figures.failed) == (4, 0) and figures.attributions >= 4
        assert (figures.attributions, figures.sources) == (here.stats().attributions, here.stats().sources)
        # The spokeswoman quoted in French and in English is one speaker across the two workers' partitions.
        assert {q.lang for q in dask.quotes("Adrienne Watson")} == {"fr", "en"}


@pytest.mark.slow
def test_a_dask_ingest_without_a_scheduler_runs_on_a_local_cluster_of_worker_processes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, records in ARTICLES.items():
        (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    ran = CliRunner().invoke(app, ["ingest", str(folder), "--engine", "dask", "--workers", "2",
                                   "--output", str(tmp_path / "parts"), "--format", "json"])
    assert ran.exit_code == 0, ran.output
    assert {k: json.loads(ran.stdout)[k] for k in ("tasks", "rows", "failed")} == {"tasks": 2, "rows": 4, "failed": 0}

"""Corpus benchmarks in one command: `python benchmarks/ingest.py [--articles N] [--attributions N]`.

1. Ingest throughput against bare `selon.analyze_many` on the same real-length articles (variants of the example
   and gold articles; the mean length is printed), in one run, into SQLite and PostgreSQL (storage cost).
2. Query latency p50/p95 of sources, quotes and search on a store of >= 100,000 attributions (synthetic
   stored analyses), for SQLite and, when `--postgres URL` or SELON_TEST_POSTGRES_URL is set, PostgreSQL.
3. Dask scaling: the same articles through `selon ingest --engine dask` on a local cluster of 1 then 2 workers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from selon.corpus import Corpus, save
from selon.corpus.ingest import IngestOptions, ingest
from selon.corpus.syndication import Syndication
from selon.corpus.testing import fresh_postgres_schema, scripted_analysis
from selon.ingest.prepare import prepare
from selon.pipeline import analyze_many
from selon.store import open_store

NAMES = ["Adrienne Watson", "Mahdi Nourian", "Hélène Dupré", "Jean Martin", "Olga Ivanova", "Karim Benali"]
WORDS = ["drones", "accord", "Téhéran", "Moscou", "usine", "livraison", "sanctions", "missiles", "rapport", "ministère", "armée"]


ROOT = Path(__file__).resolve().parent.parent
NAME_SWAPS = [("Moscou", "Kiev"), ("Téhéran", "Ankara"), ("Iran", "Turquie"), ("russe", "ukrainien"),
              ("novembre", "octobre"), ("Washington", "Bruxelles")]


def real_texts() -> list[str]:
    """Real-length articles (the example is ~2,000 tokens): examples/, data/gold/*.jsonl and the shared dev gold,
    when present; one text at least (the example)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for jsonl in [*sorted((ROOT / "data" / "gold").glob("*.jsonl")), ROOT.parent / "shared" / "dev-gold" / "seed.jsonl"]:
        if jsonl.is_file():
            texts += [json.loads(line).get("text") or "" for line in jsonl.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    return list(dict.fromkeys(t for t in texts if len(t.split()) >= 300))


def realistic_article(i: int, base: str, rng: random.Random) -> str:
    """A variant of a real article: the lede, then ~85% of its paragraphs in another order, a few names swapped
    and a dateline of its own, so variants are neither deduplicated nor (mostly) grouped as syndicated copies."""
    paragraphs = [p for p in base.split("\n\n") if p.strip()]
    head, rest = paragraphs[0], paragraphs[1:]
    body = rng.sample(rest, k=max(1, round(len(rest) * 0.85)))
    text = "\n\n".join([f"Dépêche {i}, {rng.randint(1, 28)} {rng.choice(['mars', 'avril', 'mai'])}.", head, *body])
    for old, new in rng.sample(NAME_SWAPS, k=2):
        text = text.replace(old, new)
    return text + "\n"


def realistic_articles(count: int, seed: int = 1) -> list[str]:
    """`count` real-length articles; every fifth repeats the one before with another credit line, as a wire
    story carried by a second outlet would (a syndicated copy, grouped, not deduplicated)."""
    rng, bases = random.Random(seed), real_texts()
    texts: list[str] = []
    for i in range(count):
        if i % 5 == 4:
            texts.append(texts[-1] + f"Avec AFP, édition {i}.\n")
        else:
            texts.append(realistic_article(i, bases[i % len(bases)], rng))
    return texts


def synthetic_article(i: int, rng: random.Random) -> str:
    name = rng.choice(NAMES)
    body = " ".join(rng.choice(WORDS) for _ in range(60))
    return (f"Article {i}. {body}.\n« Nous n'avons signé aucun accord sur les {rng.choice(WORDS)} », a déclaré "
            f"{name}, porte-parole du ministère. Selon trois responsables proches du dossier, la livraison "
            f"{i} aura lieu. {name} a refusé de commenter davantage.\n")


def bench_ingest(count: int, workdir: Path, postgres: str | None, rounds: int) -> dict[str, object]:
    """Bare analysis, then ingest into SQLite (and PostgreSQL), alternated `rounds` times on the same real-length
    articles; the best of each is kept, so a busy moment of a shared machine does not pass for storage cost."""
    texts = realistic_articles(count)
    path = workdir / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": f"b{i}", "text": t, "lang": "fr", "outlet": f"outlet{i % 7}"},
                                       ensure_ascii=False) + "\n" for i, t in enumerate(texts)))
    list(analyze_many([prepare(texts[0], lang="fr")]))  # load the model outside the timings
    best: dict[str, float] = {}

    def keep(name: str, rate: float) -> None:
        best[name] = max(best.get(name, 0.0), rate)

    for round_ in range(rounds):
        started = time.perf_counter()
        list(analyze_many((prepare(t, lang="fr", doc_id=f"b{i}", outlet=f"outlet{i % 7}") for i, t in enumerate(texts)),
                          batch_size=IngestOptions().batch_size))  # the batches an ingest runs
        keep("analyze", count / (time.perf_counter() - started))
        with open_store(str(workdir / f"ingest{round_}.db")) as store:
            report = ingest(store, [str(path)], IngestOptions(lang="fr"))
        keep("sqlite", report.processed / report.seconds)
        if postgres:
            with fresh_postgres_schema(postgres) as url, open_store(url) as store:
                report = ingest(store, [str(path)], IngestOptions(lang="fr"))
            keep("postgresql", report.processed / report.seconds)
    figures: dict[str, object] = {
        "articles": count, "mean_words": round(statistics.mean(len(t.split()) for t in texts)),
        "rounds": rounds, "analyze_articles_per_s": round(best["analyze"], 2)}
    for backend in ("sqlite", "postgresql"):
        if backend in best:
            figures[f"ingest_{backend}_articles_per_s"] = round(best[backend], 2)
            figures[f"ingest_{backend}_over_analyze"] = round(best[backend] / best["analyze"], 3)
    return figures


def fill(url: str, attributions: int) -> int:
    rng = random.Random(2)
    per_article = 10
    with open_store(url) as store:
        index = Syndication.load(store)
        for i in range(attributions // per_article):
            lines = "".join(f"{rng.choice(NAMES)}|person|{rng.choice(['assert', 'deny', 'decline'])}|"
                            f"Déclaration {i}-{j} sur les {rng.choice(WORDS)} et {rng.choice(WORDS)}.\n"
                            for j in range(per_article))
            analysis = scripted_analysis(f"Article {i}.\n{lines}", doc_id=f"q{i}", outlet=f"outlet{i % 20}",
                                         published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}")
            save.save_analysis(store, analysis, f"q{i}", index)
        return int(store.scalar("SELECT COUNT(*) FROM attributions"))


def latency(url: str, repeats: int) -> dict[str, dict[str, float]]:
    rng = random.Random(3)
    results: dict[str, dict[str, float]] = {}
    with Corpus(url) as corpus:
        calls = {
            "sources": lambda: corpus.sources(limit=50),
            "sources_filtered": lambda: corpus.sources(outlet="outlet3", since="2022-03-01", until="2022-06-30"),
            "quotes": lambda: corpus.quotes(rng.choice(NAMES), limit=100),
            "search": lambda: corpus.search(rng.choice(WORDS), limit=20),
        }
        for name, call in calls.items():
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                call()
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            results[name] = {"p50_ms": round(statistics.median(times), 2),
                             "p95_ms": round(times[int(len(times) * 0.95) - 1], 2)}
    return results


def bench_dask(count: int, workdir: Path) -> dict[str, float]:
    from distributed import LocalCluster

    from selon.scale.dask_engine import run

    folder, warm = workdir / "dask", workdir / "dask-warm"
    folder.mkdir()
    warm.mkdir()
    for i, text in enumerate(realistic_articles(count, seed=4)):
        (folder / f"{i:05d}.txt").write_text(text)
    for i in range(4):
        (warm / f"{i}.txt").write_text(synthetic_article(i, random.Random(i)))
    figures: dict[str, float] = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            # each worker process loads its model before the timing
            run([str(warm)], cluster.scheduler_address, str(workdir / f"warm{workers}"), lang="fr", files_per_task=1)
            report = run([str(folder)], cluster.scheduler_address, str(workdir / f"out{workers}"), lang="fr",
                         files_per_task=max(1, count // (4 * workers)))
            figures[f"{workers}_workers_articles_per_s"] = round(report.rows / report.seconds, 2)
    figures["speedup"] = round(figures["2_workers_articles_per_s"] / figures["1_workers_articles_per_s"], 2)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="real-length articles (variants of the example and gold articles)")
    parser.add_argument("--rounds", type=int, default=2, help="bare/ingest alternations; the best of each is kept")
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--dask-articles", type=int, default=48)
    parser.add_argument("--postgres", default=os.environ.get("SELON_TEST_POSTGRES_URL"))
    parser.add_argument("--skip", nargs="*", default=[], choices=["ingest", "queries", "dask"])
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        steps = {
            "ingest": lambda: bench_ingest(args.articles, workdir, args.postgres, args.rounds),
            "dask": lambda: bench_dask(args.dask_articles, workdir),
        }
        for name in ("ingest", "dask"):
            if name in args.skip:
                continue
            try:
                results[name] = steps[name]()
            except Exception as error:  # noqa: BLE001 - a benchmark reports what it could not measure
                results[name] = {"error": f"{type(error).__name__}: {error}"}
            print(json.dumps({name: results[name]}, ensure_ascii=False), flush=True)
        if "queries" not in args.skip:
            backends = {"sqlite": None} | ({"postgresql": args.postgres} if args.postgres else {})
            for backend, base in backends.items():
                started = time.perf_counter()
                if base is None:
                    url = str(workdir / "queries.db")
                    stored = fill(url, args.attributions)
                    figures = {"attributions": stored, "fill_s": round(time.perf_counter() - started, 1),
                               **latency(url, args.repeats)}
                else:
                    with fresh_postgres_schema(base) as url:
                        stored = fill(url, args.attributions)
                        figures = {"attributions": stored, "fill_s": round(time.perf_counter() - started, 1),
                                   **latency(url, args.repeats)}
                results[f"queries_{backend}"] = figures
                print(json.dumps({f"queries_{backend}": figures}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Parity figures on a store of 100,000 attributions (benchmark, not a test): p50/p95 in milliseconds.

The store is filled through the save path (`save_analysis`, stories off: they are not what is measured) with
synthetic articles: 12 outlets, three years, 20 attributions an article, two thirds of them by named people
(5,000 of them, 35% women, 50% men, 15% unknown, each with one of the eleven role categories; chosen with
weights 1 / (rank + 10), so a few are quoted often and most rarely, as in the news; one to three statements
each time they are quoted), the rest by anonymous sources and institutions. Then, for each breakdown (none, outlet, month, role): `Corpus.parity` in-process, and over HTTP
through a real uvicorn server the parity page (which asks for all of them) and its JSON twin, unfiltered and
filtered by outlet and dates; and the statements page a bar links to. Target: under 200 ms.

    python benchmarks/parity.py [--attributions 100000] [--runs 20] [--db PATH] [--postgres URL]

`--db` keeps (or reuses) the SQLite store; `--postgres URL` also measures a PostgreSQL store, built in a fresh
schema of that server and dropped afterwards (`bash .ci/postgres.sh` prints a URL to a local server).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_ARTICLE = 20
PEOPLE = 5000
OUTLETS = [f"Journal {n}" for n in range(12)]
ROLES = ["politician", "government", "police_justice", "expert", "business", "union_civil", "citizen", "sport",
         "culture", "media", "other"]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    call()  # warm-up: connections, caches
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return percentiles(samples)


def report(label: str, figures: tuple[float, float]) -> None:
    print(f"  {label:<58} p50 {figures[0]:7.1f} ms   p95 {figures[1]:7.1f} ms", flush=True)


def fill(url: str, attributions: int) -> None:
    from selon.corpus.save import save_analysis
    from selon.corpus.syndication import Syndication
    from selon.corpus.testing import Voice, voiced_analysis
    from selon.store import open_store

    rng = random.Random(9)
    people = [(f"Prénom{n} Nom{n}", rng.choices(["female", "male", "unknown"], [35, 50, 15])[0],
               rng.choice(ROLES)) for n in range(PEOPLE)]
    weights = [1 / (rank + 10) for rank in range(PEOPLE)]  # a few people are quoted often, most rarely
    others = [(f"un responsable {n}", "anonymous") for n in range(200)] + \
             [(f"Ministère {n}", "organization") for n in range(100)]
    with open_store(url) as store:
        index = Syndication.load(store)
        for number in range(attributions // PER_ARTICLE):
            voices: list[Voice] = []
            while len(voices) < PER_ARTICLE:
                if rng.random() < 2 / 3:
                    name, gender, role = rng.choices(people, weights)[0]
                    said = [Voice(name, gender, role, f"Déclaration {number}-{len(voices) + k} sur le budget.")
                            for k in range(rng.choice((1, 2, 2, 3)))]
                else:
                    name, kind = rng.choice(others)
                    said = [Voice(name, None, None, f"Déclaration {number}-{len(voices)} sur le budget.", kind=kind)]
                voices += said[:PER_ARTICLE - len(voices)]
            month = number % 36
            analysis = voiced_analysis(voices, doc_id=f"p{number}", outlet=OUTLETS[number % len(OUTLETS)],
                                       published=f"{2022 + month // 12}-{month % 12 + 1:02d}-{1 + number % 28:02d}",
                                       lang="en" if number % 4 == 0 else "fr")
            save_analysis(store, analysis, f"bench:{number}", index, place_in_story=False)


def measure(url: str, runs: int) -> None:
    import httpx

    from selon.corpus import Corpus
    from selon.web import Settings, create_app
    from selon.web.testing import running

    with Corpus(url, mode="read") as corpus:
        count = corpus.store.scalar("SELECT COUNT(*) FROM attributions")
        load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
        print(f"{corpus.store.backend}: {count:,} attributions, {runs} runs each (load average {load} "
              f"on {os.cpu_count()} CPUs)")
        for by in ((), ("outlet",), ("month",), ("role",), ("outlet", "month")):
            report(f"Corpus.parity(by={by!r})", timed(lambda by=by: corpus.parity(by=by), runs))  # type: ignore[misc]
        report("Corpus.parity(outlet, since, until, by='month')",
               timed(lambda: corpus.parity(outlet="Journal 3", since="2023-01-01", until="2023-12-31", by="month"),
                     runs))
    with running(create_app(Settings(db=url))) as base, httpx.Client(base_url=base, timeout=120) as client:
        for label, path in (
            ("GET /corpus/parity (all breakdowns, three charts)", "/corpus/parity"),
            ("GET /api/corpus/parity", "/api/corpus/parity"),
            ("GET /corpus/parity?outlet=Journal 3&since=2023-01-01", "/corpus/parity?outlet=Journal+3&since=2023-01-01"),
            ("GET /api/corpus/parity?lang=en&until=2022-12-31", "/api/corpus/parity?lang=en&until=2022-12-31"),
            ("GET /corpus/statements?gender=female&role=expert&outlet=…",
             "/corpus/statements?gender=female&role=expert&outlet=Journal+3&since=2023-03-01&until=2023-03-31"),
        ):
            report(label, timed(lambda path=path: client.get(path).raise_for_status(), runs))  # type: ignore[misc]


@contextmanager
def postgres_store(base: str, attributions: int) -> Iterator[str]:
    from selon.corpus.testing import fresh_postgres_schema

    with fresh_postgres_schema(base) as url:
        started = time.perf_counter()
        fill(url, attributions)
        print(f"built a PostgreSQL store of {attributions:,} attributions in {time.perf_counter() - started:.0f} s")
        yield url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--postgres", default=None, metavar="URL")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "parity.db"
    if not db.exists():
        started = time.perf_counter()
        fill(str(db), args.attributions)
        print(f"built an SQLite store of {args.attributions:,} attributions in {time.perf_counter() - started:.0f} s")
    measure(str(db), args.runs)
    if args.postgres:
        with postgres_store(args.postgres, args.attributions) as url:
            measure(url, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Latency of `selon serve` (benchmark, not a test): p50/p95 in milliseconds.

1. POST /api/analyze on the example article through a real uvicorn server on localhost, against
   `selon.analyze` in-process on the same text, in the same run; the ratio is the HTTP layer's cost.
2. The corpus pages and their JSON twins on a synthetic store of 100,000 attributions
   (2,000 articles x 50, 400 speakers, 8 outlets, three years of dates).

    python benchmarks/web.py [--runs 20] [--db PATH]   (--db reuses or keeps the synthetic store)
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "drones-iran-russie.fr.txt"
KINDS = ["person"] * 5 + ["anonymous"] * 3 + ["organization", "document", "media"]
STANCES = ["assert"] * 12 + ["decline", "deny", "acknowledge", "no_response"]
WORDS = ["drone", "missile", "accord", "ministre", "rapport", "Téhéran", "Moscou", "livraison", "sécurité", "frappe", "usine", "pièce", "responsable", "contrat", "accord", "négociation", "technologie", "production", "armée", "conflit"]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def timed(call: Callable[[], object], runs: int) -> list[float]:
    call()  # warm-up: models, caches, connections
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def interleaved(calls: list[Callable[[], object]], runs: int) -> list[list[float]]:
    """Samples of several calls taken in turn, so that load from other processes hits them alike."""
    for call in calls:
        call()
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for index, call in enumerate(calls):
            started = time.perf_counter()
            call()
            samples[index].append(time.perf_counter() - started)
    return samples


def row(label: str, samples: list[float]) -> tuple[float, float]:
    p50, p95 = percentiles(samples)
    print(f"  {label:<44} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")
    return p50, p95


def synthetic_store(db: Path, articles: int = 2_000, per_article: int = 50) -> None:
    from selon.corpus.linking import relink_surnames
    from selon.corpus.save import save_analysis
    from selon.corpus.syndication import Syndication
    from selon.corpus.testing import scripted_analysis
    from selon.store import open_store

    rng = random.Random(7)
    speakers = [(f"Personne{n} Nom{n}", KINDS[n % len(KINDS)]) for n in range(400)]
    outlets = [f"Journal {n}" for n in range(8)]
    with open_store(str(db)) as store:
        index = Syndication.load(store)
        for number in range(articles):
            lines = []
            for _ in range(per_article):
                name, kind = rng.choice(speakers)
                content = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {number}-{len(lines)}"
                lines.append(f"{name}|{kind}|{rng.choice(STANCES)}|{content}")
            day = 1 + number % 28
            month = 1 + (number // 28) % 12
            year = 2021 + number % 3
            analysis = scripted_analysis("\n".join(lines) + "\n", doc_id=f"art-{number}", lang="fr",
                                         title=f"Article {number}", outlet=outlets[number % len(outlets)],
                                         published=f"{year}-{month:02d}-{day:02d}")
            save_analysis(store, analysis, f"bench:{number}", index)
        relink_surnames(store)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()

    import httpx

    import selon
    from selon.web import Settings, create_app
    from selon.web.testing import running

    text = EXAMPLE.read_text(encoding="utf-8")
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "bench.db"
    if not db.exists():
        started = time.perf_counter()
        synthetic_store(db)
        print(f"built a store of 100,000 attributions in {time.perf_counter() - started:.0f} s")

    with running(create_app(Settings(db=str(db)))) as url, httpx.Client(base_url=url, timeout=120) as client:
        print(f"analyse ({len(text.split())} words, {args.runs} runs each)")
        samples = interleaved([
            lambda: selon.analyze(text, lang="fr"),
            lambda: client.post("/api/analyze", json={"text": text, "lang": "fr"}).raise_for_status(),
            lambda: client.post("/analyze", data={"text": text, "lang": "fr"}).raise_for_status(),
        ], args.runs)
        direct = row("selon.analyze in-process", samples[0])
        http = row("POST /api/analyze", samples[1])
        page = row("POST /analyze (annotated page)", samples[2])
        print(f"  ratio HTTP / in-process: p50 {http[0] / direct[0]:.2f}x, p95 {http[1] / direct[1]:.2f}x; "
              f"page / in-process: p50 {page[0] / direct[0]:.2f}x")

        speaker = client.get("/api/corpus/sources", params={"limit": 1}).json()["sources"][0]
        print(f"corpus pages on 100,000 attributions ({args.runs} runs each; top source has "
              f"{speaker['attributions']} statements)")
        for label, path in (
            ("GET /corpus", "/corpus"),
            ("GET /corpus/sources", "/corpus/sources"),
            ("GET /corpus/sources?kind=anonymous&since=2022-01-01", "/corpus/sources?kind=anonymous&since=2022-01-01"),
            ("GET /api/corpus/sources", "/api/corpus/sources"),
            ("GET /corpus/sources/{top source}", f"/corpus/sources/{speaker['speaker_id']}"),
            ("GET /corpus/outlets/Journal 3", "/corpus/outlets/Journal%203"),
            ("GET /corpus/search?q=drone livraison", "/corpus/search?q=drone+livraison"),
            ("GET /articles/art-1234", "/articles/art-1234"),
        ):
            row(label, timed(lambda path=path: client.get(path).raise_for_status(), args.runs))  # type: ignore[misc]
        from selon.corpus import Corpus

        with Corpus(str(db)) as corpus:
            print("the same queries in-process, through selon.corpus.Corpus (the store's share of the above)")
            row("Corpus.sources(limit=50)", timed(lambda: corpus.sources(limit=50), args.runs))
            row("Corpus.stats()", timed(corpus.stats, args.runs))
            row("list(Corpus.iter_quotes(outlet=...))", timed(lambda: list(corpus.iter_quotes(outlet="Journal 3")),
                                                             args.runs))
    folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput of selon against a bare spaCy parse of the same documents, side by side in one run.

    python benchmarks/throughput.py [--articles 300] [--lang fr] [--repeats 2]

The corpus is the annotated texts (../shared/dev-gold, data/gold) and the example article, repeated to
`--articles` documents. Each measurement is taken `--repeats` times, interleaved, and the best kept, so a
background hiccup does not decide the ratio. Peak RSS is read from the kernel (ru_maxrss) for this process and
for the worker processes of the two-process run.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from selon.ingest.prepare import prepare
from selon.nlp.models import bare_pipeline, load_pipeline
from selon.pipeline import analyze_many


def corpus(lang: str, articles: int) -> list[str]:
    texts: list[str] = []
    for folder in (ROOT.parent / "shared" / "dev-gold", ROOT / "data" / "gold"):
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    doc = json.loads(line)
                    if doc.get("lang") == lang:
                        texts.append(doc["text"])
    if lang == "fr":
        texts.append((ROOT / "examples" / "drones-iran-russie.fr.txt").read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit(f"no {lang} texts to benchmark on")
    return [texts[i % len(texts)] for i in range(articles)]


def best(repeats: int, *runs: Callable[[], int]) -> list[tuple[float, int]]:
    """Best time of each run over `repeats` interleaved rounds, with what the run counted."""
    results: list[tuple[float, int]] = [(float("inf"), 0)] * len(runs)
    for _ in range(repeats):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            counted = run()
            elapsed = time.perf_counter() - start
            if elapsed < results[index][0]:
                results[index] = (elapsed, counted)
    return results


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()

    texts = corpus(args.lang, args.articles)
    bare = bare_pipeline(args.lang)
    load_pipeline(args.lang)  # load both models before timing anything
    tokens = sum(len(doc) for doc in bare.pipe(texts[:8]))  # warm-up
    tokens = sum(len(bare.tokenizer(text)) for text in texts)

    def run_bare(n_process: int = 1) -> Callable[[], int]:
        return lambda: sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=n_process))

    def run_selon(n_process: int = 1) -> Callable[[], int]:
        def run() -> int:
            inputs = [prepare(text, lang=args.lang) for text in texts]
            return sum(len(a.attributions) for a in analyze_many(inputs, n_process=n_process, batch_size=args.batch_size))  # type: ignore[union-attr]
        return run

    (bare_s, _), (selon_s, attributions) = best(args.repeats, run_bare(), run_selon())
    rss_one = peak_mb(resource.RUSAGE_SELF)
    (bare2_s, _), (selon2_s, _) = best(1, run_bare(2), run_selon(2))
    rss_workers = peak_mb(resource.RUSAGE_CHILDREN)

    print(f"{len(texts)} {args.lang} articles, {tokens:,} tokens, {attributions:,} attributions per pass")
    print(f"{'':22}{'seconds':>10}{'tokens/s':>12}{'articles/s':>12}")
    for label, seconds in (("bare spaCy, 1 proc", bare_s), ("selon, 1 proc", selon_s),
                           ("bare spaCy, 2 procs", bare2_s), ("selon, 2 procs", selon2_s)):
        print(f"{label:22}{seconds:10.2f}{tokens / seconds:12,.0f}{len(texts) / seconds:12.1f}")
    print(f"ratio selon / bare spaCy (throughput, 1 proc): {bare_s / selon_s:.3f}   (target >= 0.85)")
    print(f"ratio selon / bare spaCy (throughput, 2 procs): {bare2_s / selon2_s:.3f}")
    print(f"speed-up of selon with 2 processes: {selon_s / selon2_s:.2f}x")
    print(f"peak RSS: main process {rss_one:,.0f} MB; largest worker {rss_workers:,.0f} MB   (target < 1,500 MB)")


if __name__ == "__main__":
    main()

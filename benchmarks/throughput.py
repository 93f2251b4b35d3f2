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
import statistics
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


def best(repeats: int, *runs: Callable[[], int]) -> tuple[list[tuple[float, int]], list[list[float]]]:
    """Best wall time of each run over `repeats` interleaved rounds, with what the run counted, and every
    round's CPU times (one process's CPU time is far steadier than wall time on a shared machine)."""
    results: list[tuple[float, int]] = [(float("inf"), 0)] * len(runs)
    rounds: list[list[float]] = []
    for _ in range(repeats):
        times = []
        for index, run in enumerate(runs):
            start, cpu = time.perf_counter(), time.process_time()
            counted = run()
            elapsed = time.perf_counter() - start
            times.append(time.process_time() - cpu)  # CPU seconds: what a shared machine's steal time spares
            if elapsed < results[index][0]:
                results[index] = (elapsed, counted)
        rounds.append(times)
    return results, rounds


def component_share(texts: list[str], lang: str, batch_size: int) -> tuple[float, float]:
    """Seconds of the bare parse and of selon's own components on the same parsed documents: the cost of the
    extraction alone, without the noise of two separate parses."""
    bare = bare_pipeline(lang)
    nlp = load_pipeline(lang)
    start = time.process_time()
    docs = list(bare.pipe(texts, batch_size=batch_size))
    parse = time.process_time() - start
    extract = nlp.get_pipe("selon_attributions")  # the paragraph-break marker runs before the parser: negligible
    start = time.process_time()
    for doc in docs:
        extract(doc)
    return parse, time.process_time() - start


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeats", type=int, default=3)
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

    ((bare_s, _), (selon_s, attributions)), rounds = best(args.repeats, run_bare(), run_selon())
    parse_s, components_s = component_share(texts, args.lang, args.batch_size)
    rss_one = peak_mb(resource.RUSAGE_SELF)
    ((bare2_s, _), (selon2_s, _)), _ = best(1, run_bare(2), run_selon(2))
    rss_workers = peak_mb(resource.RUSAGE_CHILDREN)

    print(f"{len(texts)} {args.lang} articles, {tokens:,} tokens, {attributions:,} attributions per pass")
    print(f"{'':22}{'seconds':>10}{'tokens/s':>12}{'articles/s':>12}")
    for label, seconds in (("bare spaCy, 1 proc", bare_s), ("selon, 1 proc", selon_s),
                           ("bare spaCy, 2 procs", bare2_s), ("selon, 2 procs", selon2_s)):
        print(f"{label:22}{seconds:10.2f}{tokens / seconds:12,.0f}{len(texts) / seconds:12.1f}")
    print(f"ratio selon / bare spaCy (throughput, 1 proc): {bare_s / selon_s:.3f}   (target >= 0.85)")
    print(f"  by CPU time, per round: {', '.join(f'{b / s:.3f}' for b, s in rounds)}; "
          f"median {statistics.median(b / s for b, s in rounds):.3f}")
    print(f"  selon's extraction alone on the parsed docs: {components_s:.2f} CPU s against {parse_s:.2f} of parse "
          f"-> ratio {parse_s / (parse_s + components_s):.3f}")
    print(f"ratio selon / bare spaCy (throughput, 2 procs): {bare2_s / selon2_s:.3f}")
    print(f"speed-up of selon with 2 processes: {selon_s / selon2_s:.2f}x")
    print(f"peak RSS: main process {rss_one:,.0f} MB; largest worker {rss_workers:,.0f} MB   (target < 1,500 MB)")


if __name__ == "__main__":
    main()

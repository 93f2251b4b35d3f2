"""A very large article (20 MB of text by default) analysed in one call: time, attributions, peak memory.

    python benchmarks/large_input.py [--megabytes 20] [--lang fr]

The text is the example article repeated with numbered paragraphs until it reaches the size asked. selon cuts it
into chunks of whole paragraphs, so peak memory should stay near that of a single chunk's parse, whatever the
size; this prints the peak RSS next to the size to show it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import selon
from selon.nlp.models import load_pipeline


def build(megabytes: float) -> str:
    base = (ROOT / "examples" / "drones-iran-russie.fr.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in base.split("\n") if p.strip()]
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    n = 0
    while size < target:
        paragraph = f"{paragraphs[n % len(paragraphs)]} ({n})"
        out.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        n += 1
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    load_pipeline(args.lang)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = build(args.megabytes)
    start = time.perf_counter()
    analysis = selon.analyze(text.encode("utf-8"), lang=args.lang)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(text.encode('utf-8')) / 1e6:.1f} MB, {len(analysis.attributions):,} attributions, "
          f"{len(analysis.sources):,} sources in {seconds:,.0f} s ({len(text) / seconds / 1000:,.0f} k chars/s)")
    print(f"peak RSS {peak:,.0f} MB (model loaded: {before:,.0f} MB)")


if __name__ == "__main__":
    main()

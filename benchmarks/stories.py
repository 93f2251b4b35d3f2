"""Stories benchmark: `python benchmarks/stories.py [--sizes 1000,10000,100000] [--measure 200] [--chunk 1000]
[--story-sizes 50,200,1000]`.

A synthetic stream of stored articles (scripted analyses, no spaCy: what is measured is the store's writes):
events of 3-8 articles each, about `--per-day` articles a day, so that the date window holds about as many
articles whatever the size of the store, as in a real crawl. The store is filled up to each size through the
same save path, stories on, `--chunk` articles to a transaction (`fill`: 100k articles one commit each took too
long on PostgreSQL). At each size, `--measure` further articles are then stored one transaction each with
stories on and as many with stories off, alternated, and their costs per article compared (the ratio must stay
near 1 and flat as the store grows); then the story page (`Corpus.story`) is timed on random stories, p50/p95.
SQLite, and PostgreSQL when `--postgres URL` or SELON_TEST_POSTGRES_URL is set. Prints one JSON object on
standard output, and the figures side by side as a table on standard error.

With `--story-sizes`, one story of each size (articles) is stored in a fresh SQLite store and `Corpus.story(id)`
and `Corpus.claims(source=...)` are timed three ways, printed side by side: `before` (the quadratic scan of
`selon.corpus.claims_reference`, no cache), `cold` (the indexed clustering, cache emptied first) and `warm` (asked
again, unchanged). Each article of that story is a wire copy (a third: identical statements) or a rewrite of 2-4
of six claims (words dropped and swapped, a name and a figure kept), by anonymous officials of its outlet, the
minister or another named person, with a denial in one article of ten and a decline in one of eight.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from selon.corpus import Corpus, claims_reference, save, story_queries
from selon.corpus.syndication import Syndication
from selon.corpus.testing import fresh_postgres_schema, scripted_analysis
from selon.schema.records import Analysis
from selon.store import open_store
from selon.store.base import Store

SYLLABLES = ["ka", "ro", "mel", "vin", "tor", "sa", "lu", "ber", "dan", "mi", "gor", "el", "fa", "ny", "qu", "zan"]
FILLER = ["le", "la", "des", "une", "dans", "pour", "avec", "selon", "après", "contre", "depuis", "entre",
          "gouvernement", "habitants", "décision", "semaine", "réunion", "question", "projet", "mesure",
          "commune", "région", "conseil", "service", "travaux", "budget", "enquête", "rapport", "public"]
OUTLETS = [f"Outlet {i}" for i in range(25)]
START = date(2020, 1, 1)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


class Stream:
    """Articles of successive events, each event spread over three days around its own date."""

    def __init__(self, per_day: int, seed: int = 7) -> None:
        self.rng, self.per_day, self.count, self.events = random.Random(seed), per_day, 0, 0
        self.pending: list[Analysis] = []

    def __iter__(self) -> Iterator[Analysis]:
        return self

    def __next__(self) -> Analysis:
        if not self.pending:
            self._event()
        return self.pending.pop(0)

    def _event(self) -> None:
        rng, event = self.rng, self.events
        self.events += 1
        day = START + timedelta(days=self.count // self.per_day)
        place, person, other = _name(rng), f"{_name(rng)} {_name(rng)}", f"{_name(rng)} {_name(rng)}"
        figure = rng.randint(11, 99_999)
        for k in range(rng.randint(3, 8)):
            words = " ".join(rng.choice(FILLER) for _ in range(50))
            text = (f"À {place}, {person} a annoncé {figure} {rng.choice(FILLER)}. {words}.\n"
                    f"{person}|person|assert|{figure} {rng.choice(FILLER)} à {place}, a dit {person}\n"
                    f"des responsables|anonymous|assert|{place} {rng.choice(FILLER)} {figure}\n"
                    f"{other}|person|deny|rien à {place}\n")
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            self.pending.append(scripted_analysis(
                text, doc_id=f"e{event}-{k}", title=f"{place} : {figure} {rng.choice(FILLER)}",
                outlet=rng.choice(OUTLETS), published=published))
            self.count += 1


def _store(store: Store, analysis: Analysis, index: Syndication, stories: bool) -> float:
    started = time.perf_counter()
    save.save_analysis(store, analysis, analysis.article.id, index, place_in_story=stories)
    return time.perf_counter() - started


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"p50_ms": round(statistics.median(times) * 1000, 2),
            "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 2)}


def fill(store: Store, stream: Stream, count: int, index: Syndication, chunk: int) -> None:
    """Stores `count` background articles through the same save path, stories on, `chunk` to a transaction:
    `save_analysis` opens one transaction per article, and its commit (a WAL fsync on PostgreSQL) is most of
    an article's cost there, so the store is filled with the instance's `transaction` made a no-op inside one
    real transaction per chunk. Only the store's size comes of this; what is measured is saved one by one."""
    done = 0
    while done < count:
        with store.transaction():
            store.transaction = nullcontext
            try:
                for _ in range(min(chunk, count - done)):
                    _store(store, next(stream), index, True)
                    done += 1
            finally:
                del store.transaction  # the class's method again


def bench(url: str, sizes: list[int], measure: int, per_day: int, repeats: int,
          chunk: int = 1000) -> list[dict[str, object]]:
    stream, results = Stream(per_day), []
    with open_store(url) as store:
        index = Syndication.load(store)
        stored = 0
        for size in sizes:
            started = time.perf_counter()
            fill(store, stream, max(0, size - stored), index, chunk)
            stored = max(stored, size)
            fill_s = time.perf_counter() - started
            on: list[float] = []
            off: list[float] = []
            for k in range(2 * measure):
                (on if k % 2 == 0 else off).append(_store(store, next(stream), index, k % 2 == 0))
            stored += 2 * measure
            ids = [int(s) for (s,) in store.query("SELECT DISTINCT story_id FROM story_articles")]
            rng = random.Random(size)
            with Corpus(url) as corpus:
                pages = []
                for _ in range(repeats):
                    chosen = rng.choice(ids)
                    begun = time.perf_counter()
                    corpus.story(chosen)
                    pages.append(time.perf_counter() - begun)
            results.append({
                "articles": size, "stories": len(ids), "fill_s": round(fill_s, 1),
                "store_ms_stories_on": round(statistics.median(on) * 1000, 3),
                "store_ms_stories_off": round(statistics.median(off) * 1000, 3),
                "on_over_off": round(statistics.median(on) / statistics.median(off), 3),
                "story_page": _percentiles(pages),
                "load_average": [round(x, 2) for x in os.getloadavg()],
            })
            print(json.dumps(results[-1]), file=sys.stderr)
    return results


#: 500 invented words, distinct in their first five letters (the claims' stems), as a story's words are.
VOCABULARY = [f"{a}{v}{b}{w}ment" for a in "bdfgklmprt" for v in "aeiou" for b in "lnrst" for w in "ao"]


def big_story(size: int, seed: int = 11) -> list[Analysis]:
    """`size` articles about one event (see the module's docstring), all within three days."""
    rng = random.Random(seed)
    place, minister, denier = "Valmorin", "Odile Kerzan", "Paul Dresnay"
    claims = [(rng.sample(VOCABULARY, 12), rng.randint(100, 9_999)) for _ in range(6)]

    def rewrite(claim: int) -> str:
        words, figure = claims[claim]
        kept = [w if rng.random() > 0.15 else rng.choice(VOCABULARY) for w in words if rng.random() > 0.3]
        return f"{' '.join(kept)} {figure} à {place}"

    def lines(article: int) -> list[str]:
        outlet = OUTLETS[article % len(OUTLETS)]
        found = []
        for claim in rng.sample(range(6), rng.randint(2, 4)):
            who = rng.random()
            source = (f"des responsables ({outlet})|anonymous" if who < 0.5 else f"{minister}|person" if who < 0.8
                      else f"{_name(rng)} {_name(rng)}|person")
            found.append(f"{source}|assert|{rewrite(claim)}")
        if article % 10 == 3:
            found.append(f"{denier}|person|deny|{rewrite(rng.randrange(6))}")
        if article % 8 == 5:
            found.append(f"{denier}|person|decline|les questions")
        return found

    wire = lines(0)
    analyses = []
    for article in range(size):
        statements = wire if article % 3 == 0 else lines(article)
        text = (f"À {place}, {minister} et {denier}.\n" + "\n".join(statements) + f"\nCopie {article}.\n")
        analyses.append(scripted_analysis(
            text, doc_id=f"big{size}-{article}", title=f"{place} : {minister}", outlet=OUTLETS[article % len(OUTLETS)],
            published=(START + timedelta(days=article % 3)).isoformat()))
    return analyses


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def bench_story_sizes(sizes: list[int], repeats: int) -> list[dict[str, object]]:
    """`Corpus.story` and `Corpus.claims` on one story of each size: before (reference scan), cold, warm."""
    results: list[dict[str, object]] = []
    claims_reference.features("à")  # loads the stop words once, before any timing
    for size in sizes:
        with _sqlite() as url:
            with open_store(url) as store:
                index = Syndication.load(store)
                for analysis in big_story(size):
                    _store(store, analysis, index, True)
                with store.transaction():  # one story, whatever the placement found (the claims are measured)
                    store.execute("UPDATE story_articles SET story_id = (SELECT MIN(story_id) FROM story_articles)")
                story = int(store.scalar("SELECT MIN(story_id) FROM story_articles") or 0)
                attributions = int(store.scalar("SELECT COUNT(*) FROM attributions") or 0)
            with Corpus(url) as corpus:
                row: dict[str, object] = {"articles": size, "attributions": attributions}
                calls: list[tuple[str, Callable[[], object]]] = [
                    ("story", partial(corpus.story, story)), ("claims", partial(corpus.claims, source="Odile Kerzan"))]
                for name, call in calls:
                    few = 1 if size > 200 else repeats  # a large story's before and cold take seconds each
                    before = _reference(call, few)
                    cold = []
                    for _ in range(few):
                        story_queries.CACHE.clear()
                        cold.append(_timed(call))
                    warm = [_timed(call) for _ in range(repeats)]
                    row[name] = {"before_ms": _ms(before), "cold_ms": _ms(cold), "warm_ms": _ms(warm),
                                 "before_over_cold": round(statistics.median(before) / statistics.median(cold), 1)}
                results.append(row)
                print(json.dumps(row), file=sys.stderr)
    return results


def _reference(call: Callable[[], object], repeats: int) -> list[float]:
    """Times with the quadratic reference clustering and origins, and no cache: the figures before."""
    kept = story_queries.cluster, story_queries.origins, story_queries.CACHE
    story_queries.cluster, story_queries.origins = claims_reference.cluster, claims_reference.origins
    story_queries.CACHE = story_queries.ClaimCache(capacity=0)
    try:
        return [_timed(call) for _ in range(repeats)]
    finally:
        story_queries.cluster, story_queries.origins, story_queries.CACHE = kept


def _ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 1)


@contextmanager
def _sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="selon-stories-") as folder:
        yield str(Path(folder) / "stories.db")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="store sizes (articles), comma-separated, rising")
    parser.add_argument("--measure", type=int, default=200, help="articles timed with stories on (and as many off)")
    parser.add_argument("--per-day", type=int, default=100, help="articles published per day in the stream")
    parser.add_argument("--chunk", type=int, default=1000, help="background articles stored per transaction")
    parser.add_argument("--repeats", type=int, default=50, help="story pages timed at each size")
    parser.add_argument("--postgres", default=os.environ.get("SELON_TEST_POSTGRES_URL"))
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--story-sizes", default="", help="also time one story of each size (articles): claims")
    args = parser.parse_args()
    if args.story_sizes:
        story_sizes = [int(s) for s in args.story_sizes.split(",")]
        print(json.dumps({"story_sizes": bench_story_sizes(story_sizes, min(args.repeats, 5))}, indent=2))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    report: dict[str, object] = {"per_day": args.per_day, "measure": args.measure}
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with _sqlite() as url:
            report["sqlite"] = bench(url, sizes, args.measure, args.per_day, args.repeats, args.chunk)
    if "postgresql" in backends and args.postgres:
        with fresh_postgres_schema(args.postgres) as url:
            report["postgresql"] = bench(url, sizes, args.measure, args.per_day, args.repeats, args.chunk)
    print(json.dumps(report, indent=2))
    print(table(report), file=sys.stderr)
    return 0


def table(report: dict[str, object]) -> str:
    """The figures side by side: per store size and backend, the median store cost on and off, their ratio,
    and the story page's p50/p95."""
    lines = ["| articles | backend | on ms | off ms | on/off | story page p50 ms | p95 ms | load 1/5/15 min |",
             "|---" * 8 + "|"]
    for backend in ("sqlite", "postgresql"):
        rows = report.get(backend)
        for row in rows if isinstance(rows, list) else []:
            page = row["story_page"]
            lines.append(f"| {row['articles']} | {backend} | {row['store_ms_stories_on']} | "
                         f"{row['store_ms_stories_off']} | {row['on_over_off']} | {page['p50_ms']} | {page['p95_ms']} | "
                         f"{' / '.join(str(x) for x in row.get('load_average', []))} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

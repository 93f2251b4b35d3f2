"""Fetching benchmarks: `python benchmarks/fetch.py [--articles N] [--delay S]`.

1. Overhead: the same real-length articles (variants of the example and gold articles, as HTML pages) analysed
   from disk and fetched from a local HTTP server on 127.0.0.1, both through `prepare` and one warm
   `analyze_many`; the best of three alternating passes each, after a
   warm-up pass. The ratio is fetch time over disk time.
2. Politeness: pages fetched from two hosts (127.0.0.1 and localhost, one server) in two threads through one
   `Fetcher` with `--delay`: the smallest gap between two requests to one host, as the server saw them, must
   be at least the delay, and no two requests to one host overlap.
"""

from __future__ import annotations

import argparse
import html
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import real_texts, realistic_article
from selon.fetch import Fetcher, FetchOptions
from selon.fetch.page import page_of
from selon.ingest.prepare import ArticleInput, prepare
from selon.pipeline import analyze_many


def page(i: int, text: str) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Dépêche {i} - Le Quotidien</title>"
            f"<meta property='og:site_name' content='Le Quotidien'></head><body><nav>Accueil | Monde</nav>"
            f"<article><h1>Dépêche {i}</h1>{body}</article><footer>© Le Quotidien</footer></body></html>")


class Logged(SimpleHTTPRequestHandler):
    """Serves the folder; notes (host, start, end) of every request."""

    log: ClassVar[list[tuple[str, float, float]]] = []
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        started = time.monotonic()
        super().do_GET()
        with self.lock:
            self.log.append((self.headers.get("Host", ""), started, time.monotonic()))


def serve(folder: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Logged(*a, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(articles: Iterator[ArticleInput]) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in analyze_many(articles))
    assert count > 0
    return time.perf_counter() - started


def from_disk(paths: list[Path]) -> Iterator[ArticleInput]:
    for path in paths:
        yield prepare(path.read_bytes(), name=str(path), html=True, lang="fr")


def fetched(urls: list[str], fetcher: Fetcher) -> Iterator[ArticleInput]:
    for url in urls:
        got = page_of(fetcher.get(url))
        yield prepare(got.html, name=url, html=True, lang="fr", url=got.final_url)


def overhead(count: int) -> None:
    rng = random.Random(7)
    texts = real_texts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for i in range(count):
            path = folder / f"{i}.html"
            path.write_text(page(i, realistic_article(i, texts[i % len(texts)], rng)), encoding="utf-8")
            paths.append(path)
        server = serve(folder)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        urls = [f"{base}/{p.name}" for p in paths]
        try:
            run(from_disk(paths))  # the model loads and warms up once, outside the measure
            disk, web = [], []
            with Fetcher(FetchOptions(delay=0.0)) as fetcher:
                for _ in range(3):
                    disk.append(run(from_disk(paths)))
                    web.append(run(fetched(urls, fetcher)))
                started = time.perf_counter()
                for url in urls:
                    page_of(fetcher.get(url))
                fetch_only = time.perf_counter() - started
        finally:
            server.shutdown()
            server.server_close()
    best_disk, best_web = min(disk), min(web)
    print(f"overhead: {count} pages; from disk {count / best_disk:.2f} pages/s, fetched {count / best_web:.2f} "
          f"pages/s; ratio {best_web / best_disk:.3f} ({(best_web / best_disk - 1):+.1%}); fetching alone "
          f"{fetch_only / count * 1000:.1f} ms/page ({fetch_only / best_disk:.1%} of the analysis); passes disk {[round(d, 2) for d in disk]} s, fetched "
          f"{[round(w, 2) for w in web]} s")


def politeness(delay: float, per_host: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(per_host):
            (folder / f"{i}.html").write_text(page(i, "Un paragraphe.\n\nUn autre."), encoding="utf-8")
        Logged.log = []
        server = serve(folder)
        port = server.server_address[1]
        try:
            with Fetcher(FetchOptions(delay=delay)) as fetcher:
                def crawl(host: str) -> None:
                    for i in range(per_host):
                        fetcher.get(f"http://{host}:{port}/{i}.html")

                threads = [threading.Thread(target=crawl, args=(h,)) for h in ("127.0.0.1", "localhost")]
                started = time.monotonic()
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                took = time.monotonic() - started
        finally:
            server.shutdown()
            server.server_close()
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        hits = sorted((s, e) for h, s, e in Logged.log if h == host)
        gaps = [b[0] - a[0] for a, b in pairwise(hits)]
        overlaps = sum(1 for a, b in pairwise(hits) if b[0] < a[1])
        ok = len(hits) == per_host and min(gaps) >= delay * 0.99 and overlaps == 0
        print(f"politeness: {host.split(':')[0]}: {len(hits)} requests, smallest gap {min(gaps):.3f} s "
              f"(delay {delay} s), overlapping {overlaps}: {'ok' if ok else 'VIOLATED'}")
    print(f"politeness: two hosts x {per_host} requests in {took:.2f} s (each host needs >= "
          f"{(per_host - 1) * delay:.2f} s, both one after the other >= {2 * (per_host - 1) * delay:.2f} s: "
          "the delay holds per host, not across hosts)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--per-host", type=int, default=6)
    args = parser.parse_args()
    politeness(args.delay, args.per_host)
    overhead(args.articles)


if __name__ == "__main__":
    main()

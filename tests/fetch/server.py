"""A local news site for the fetching tests, on 127.0.0.1: pages, feeds, sitemaps, robots.txt, and answers that
misbehave in every way the fetcher must survive. Threaded; each handler is bounded in time (the slow page sleeps
a few seconds at most); `stop()` ends it, and the fixture always calls it. Every request is logged, with the
time it arrived, so tests count fetches per URL and the spacing per host."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
Answer = tuple[int, dict[str, str], bytes]


def article(n: int, *, title: str | None = None) -> bytes:
    """A page whose body the scripted analyzer reads: one attribution line, plus article text."""
    head = title or f"Article {n}"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{head} - Le Quotidien</title>"
            f"<meta property='og:site_name' content='Le Quotidien'>"
            f"<meta property='article:published_time' content='2024-03-{n % 28 + 1:02d}T10:00:00Z'>"
            f"</head><body><nav>Accueil | Monde | Politique</nav><article><h1>{head}</h1>"
            f"<p>Ministre {n}|person|assert|le budget {n} sera voté avant l'été, selon le ministère.</p>"
            f"<p>Le débat parlementaire numéro {n} s'ouvre cette semaine à l'Assemblée nationale, où les "
            f"députés examineront les amendements déposés par les groupes de l'opposition.</p>"
            f"</article><footer>© Le Quotidien</footer></body></html>").encode()


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]


@dataclass
class Site:
    server: ThreadingHTTPServer
    routes: dict[str, Callable[[dict[str, str]], Answer]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for hit in self.hits if hit.path == path)

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = 10  # a client that stops reading does not hold a thread for ever

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            with site.lock:
                site.hits.append(Hit(self.path, time.monotonic(), headers))
            route = site.routes.get(self.path.split("?", 1)[0])
            status, extra, body = route(headers) if route else (404, {"Content-Type": "text/html"},
                                                                b"<html><body>not found</body></html>")
            try:
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                if "Content-Length" not in extra:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def html(body: bytes, charset: str | None = "utf-8") -> Callable[[dict[str, str]], Answer]:
    content_type = "text/html" + (f"; charset={charset}" if charset else "")
    return lambda headers: (200, {"Content-Type": content_type}, body)


def with_validators(body: bytes, content_type: str, etag: str) -> Callable[[dict[str, str]], Answer]:
    """A feed that answers 304 to a request carrying its ETag."""
    def answer(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": content_type, "ETag": etag,
                     "Last-Modified": "Mon, 04 Mar 2024 10:00:00 GMT"}, body
    return answer


def slow(seconds: float) -> Callable[[dict[str, str]], Answer]:
    def answer(headers: dict[str, str]) -> Answer:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, article(99)
    return answer


def redirect(target: str) -> Callable[[dict[str, str]], Answer]:
    return lambda headers: (302, {"Location": target}, b"")


def rss(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Article {p}</title><link>{site.url(p)}</link>"
                    f"<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Le Quotidien</title>"
            f"<link>{site.base}/</link><description>news</description>{items}</channel></rss>").encode()


def atom(site: Site, paths: list[str]) -> bytes:
    entries = "".join(f"<entry><title>Article {p}</title><link rel='alternate' href='{p}'/>"
                      f"<id>{site.url(p)}</id><updated>2024-03-04T10:00:00Z</updated></entry>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            f"xml:base='{site.base}/'><title>Le Quotidien</title><id>{site.base}/</id>"
            f"<updated>2024-03-04T10:00:00Z</updated>{entries}</feed>").encode()


def urlset(site: Site, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>2024-03-04</lastmod></url>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"{urls}</urlset>").encode()


def sitemap_index(site: Site, paths: list[str]) -> bytes:
    maps = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex "
            f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{maps}</sitemapindex>").encode()


def start() -> Site:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    site = Site(server)
    server.RequestHandlerClass = _handler(site)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return site


def misbehaving(site: Site, *, limit: int) -> None:
    """The answers that must each fail with their own error."""
    latin1 = ("<html><head><title>Été</title></head><body><article><p>Le député a déclaré que l'été serait "
              "chaud à l'Assemblée, selon les élus présents ce matin-là.</p></article></body></html>")
    site.routes.update({
        "/500": lambda h: (500, {"Content-Type": "text/html"}, b"<html>oops</html>"),
        "/slow": slow(3.0),
        "/loop/a": redirect("/loop/b"),
        "/loop/b": redirect("/loop/a"),
        **{f"/chain/{n}": redirect(f"/chain/{n + 1}") for n in range(50)},
        "/big": html(b"<html><body><p>" + b"x" * (limit + 10) + b"</p></body></html>"),
        "/pdf": lambda h: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a page"),
        "/lies-utf8": html(latin1.encode("latin-1"), "utf-8"),
        "/lies-latin1": html(latin1.encode("utf-8"), "iso-8859-1"),
        "/bomb": lambda h: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                            gzip.compress(b"<html><body>" + b" " * (50 * limit))),
        "/gzipped": lambda h: (200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
                               gzip.compress(article(7))),
    })

"""How one `selon serve` instance is configured: one frozen object, built by the CLI or by tests.

Options travel as this single object (trafilatura's habit) so the app factory, the routes and the tests read
the same names; each field's comment is its documentation, and `selon serve --help` repeats it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selon.schema.records import Analysis

#: What turns an article into an `Analysis`; `selon.analyze` unless a caller (a test, an embedding
#: application) supplies a function with the same signature.
Analyzer = Callable[..., Analysis]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY = 2 * 1024 * 1024
DEFAULT_WORKERS = 1
DEFAULT_QUEUE = 8
DEFAULT_TIME_LIMIT = 60.0


@dataclass(frozen=True)
class Settings:
    #: The corpus store (`--db` syntax: a SQLite path, sqlite:///..., postgresql://...); None is `selon.db`.
    db: str | None = None
    #: The largest request body accepted, in bytes, for JSON and for form uploads alike. Uploads are parsed
    #: in memory up to this size, so an upload is never written to disk at all.
    max_body: int = DEFAULT_MAX_BODY
    #: The analyser; None is `selon.analyze`.
    analyzer: Analyzer | None = None
    #: How many stored articles the analyse page offers to pick from.
    recent_articles: int = 50
    #: The address the server is bound to: requests must name it (or a loopback name) in their Host header.
    host: str = DEFAULT_HOST
    #: More host names requests may be addressed to (`--allowed-host`); "*" turns the Host check off.
    allowed_hosts: tuple[str, ...] = ()
    #: Analyses run at once, each in its own worker (a process with its own spaCy pipelines).
    workers: int = DEFAULT_WORKERS
    #: Analyse requests that may wait for a worker; one more is refused at once with 503 and Retry-After.
    queue: int = DEFAULT_QUEUE
    #: Seconds one analysis may run (and one request may wait for a worker) before it is answered with 503.
    time_limit: float = DEFAULT_TIME_LIMIT
    #: Workers as processes (True) or threads (False); None: processes for selon's own analyser, threads for
    #: one given as `analyzer` (which may not pickle). See `selon.web.service`.
    isolate: bool | None = None
    #: The analyse page fetches a URL it is given (`--allow-fetch`); otherwise it says it does not.
    allow_fetch: bool = False
    #: Fetch loopback, private and link-local addresses too (`--allow-private-fetch`); refused by default,
    #: so the server cannot be made to reach into the network it runs in (server-side request forgery).
    allow_private_fetch: bool = False

    def __post_init__(self) -> None:
        if self.max_body < 1024:
            raise ValueError(f"max_body must be at least 1024 bytes, not {self.max_body}")
        if self.workers < 1 or self.queue < 0 or self.time_limit <= 0:
            raise ValueError("workers must be at least 1, queue at least 0 and time_limit positive")

    def fetch_options(self) -> Any:
        """The limits of a fetch made for a request: the body limit as the page's size, the time limit."""
        from selon.fetch.client import FetchOptions

        return FetchOptions(timeout=min(self.time_limit, 30.0), max_bytes=self.max_body, delay=0.0,
                            allow_private=self.allow_private_fetch)

    def analyze(self, *args: Any, **kwargs: Any) -> Analysis:
        """Runs the configured analyser (imported late: the spaCy stack loads only when first needed)."""
        if self.analyzer is not None:
            return self.analyzer(*args, **kwargs)
        from selon.pipeline import analyze

        return analyze(*args, **kwargs)

"""Where analyses are kept: a SQLite file by default, or PostgreSQL, behind one interface (`Store`).

    >>> from selon.store import open_store
    >>> store = open_store("corpus.db")        # or "sqlite:///corpus.db", "postgresql://user:pw@host/db"

Opening for writing creates the store on first use and brings an older one up to date (versioned migrations);
opening for reading never writes; a file or database that selon did not make is refused, never written into,
unless `selon init` is asked to create selon's tables beside a PostgreSQL database's own.
"""

from __future__ import annotations

from selon.store.base import OpenMode, Store
from selon.store.rows import (
    ArticleSummary,
    FailureRecord,
    Filters,
    OutletStats,
    Quote,
    SearchHit,
    SpeakerCount,
    Stats,
)
from selon.store.url import DEFAULT_DB, Location, parse


def open_store(url: str | None = None, *, mode: OpenMode = "write") -> Store:
    """The store `url` names (see `selon.store.url.parse`). `mode="write"` creates and migrates it as needed;
    `"read"` (every query command) refuses a missing, foreign or outdated store rather than write anything;
    `"init"` also creates selon's tables in a PostgreSQL database that holds other tables."""
    location = parse(url)
    if location.backend == "postgresql":
        from selon.store.postgres import PostgresStore

        return PostgresStore(location, mode)
    from selon.store.sqlite import SQLiteStore

    return SQLiteStore(location, mode)


__all__ = [
    "DEFAULT_DB",
    "ArticleSummary",
    "FailureRecord",
    "Filters",
    "Location",
    "OpenMode",
    "OutletStats",
    "Quote",
    "SearchHit",
    "SpeakerCount",
    "Stats",
    "Store",
    "open_store",
]

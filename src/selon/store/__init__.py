"""Where analyses are kept: a SQLite file by default, or PostgreSQL, behind one interface (`Store`).

    >>> from selon.store import open_store
    >>> store = open_store("corpus.db")        # or "sqlite:///corpus.db", "postgresql://user:pw@host/db"

Opening creates the store on first use and brings an older one up to date (versioned migrations); a file or
database that selon did not make is refused, never written into.
"""

from __future__ import annotations

from selon.store.base import Store
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


def open_store(url: str | None = None) -> Store:
    """The store `url` names (see `selon.store.url.parse`), created and migrated as needed."""
    location = parse(url)
    if location.backend == "postgresql":
        from selon.store.postgres import PostgresStore

        return PostgresStore(location)
    from selon.store.sqlite import SQLiteStore

    return SQLiteStore(location)


__all__ = [
    "DEFAULT_DB",
    "ArticleSummary",
    "FailureRecord",
    "Filters",
    "Location",
    "OutletStats",
    "Quote",
    "SearchHit",
    "SpeakerCount",
    "Stats",
    "Store",
    "open_store",
]

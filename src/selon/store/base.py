"""The store's common interface: one connection, transactions, migrations, and the few SQL phrases that differ.

Every query and write is written once in portable SQL with `?` parameters (see `writer` and `queries`); a backend
(`sqlite`, `postgresql`) only connects, names its column types, rewrites parameters and supplies full-text
search. That is what keeps the two stores' behaviour the same, and the tests run each against both.
"""

from __future__ import annotations

import errno
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from typing import Any, Literal, Self

from selon.errors import (
    DatabaseUnavailableError,
    DiskFullError,
    NoStoreError,
    NotASelonDatabaseError,
    StoreError,
)
from selon.store.migrations import APPLICATION, LATEST, MIGRATIONS
from selon.store.url import Location

Params = Sequence[Any]
#: "read": a store must be there, at the latest schema, and nothing is written to open it (queries);
#: "write": created in a new file or an empty database, migrated when older (ingest, load);
#: "init": also created in a PostgreSQL schema that holds other tables (`selon init`).
OpenMode = Literal["read", "write", "init"]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(ABC):
    """An open selon store; create one with `selon.store.open_store(url)` and close it (or use `with`)."""

    backend: str = ""

    def __init__(self, location: Location, mode: OpenMode = "write") -> None:
        self.location = location
        self.mode = mode
        self._conn: Any = self._connect()
        try:
            if mode == "read":
                self._check_readable()
            else:
                self._migrate()
        except BaseException:
            self.close()
            raise

    # What each backend supplies.
    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _types(self) -> dict[str, str]: ...

    @abstractmethod
    def _tables(self) -> set[str]: ...

    @abstractmethod
    def _begin(self) -> None: ...

    @abstractmethod
    def _sql(self, sql: str) -> str:
        """The backend's spelling of a portable statement (its parameter marker)."""

    @abstractmethod
    def next_id(self, table: str) -> int:
        """An id for a row of `table` inserted later in this (write) transaction, when the row must name itself
        (an article that starts its own syndication group): cheaper than updating it once inserted."""

    def lock_writes(self) -> None:
        """Makes the caller's write transaction wait for every other one that took this lock, and hold off the
        next until it commits: what stores an article (deduplication, syndication, per-speaker figures) reads what
        it writes, so two ingests into one store must take turns. SQLite's `BEGIN IMMEDIATE` already does."""

    @abstractmethod
    def search_attributions_sql(self) -> str:
        """SELECT attribution ids matching one parameter (the user's query), best first, with LIMIT ?."""

    @abstractmethod
    def search_articles_sql(self) -> str:
        """SELECT (article id, snippet) matching one parameter, best first, with LIMIT ?."""


    def _is_disk_full(self, error: Exception) -> bool:
        """Whether a driver's error says the disk (this machine's, or the database server's) is full."""
        return isinstance(error, OSError) and error.errno == errno.ENOSPC

    def _is_busy(self, error: Exception) -> bool:
        """Whether a driver's error says another connection held a lock for longer than this one would wait."""
        return False

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """A full disk as `DiskFullError` (its own exit status and advice), a store kept locked by another
        process as `DatabaseUnavailableError`, rather than a driver's error, which the command line could only
        report as a bug."""
        try:
            yield
        except Exception as error:
            detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            if self._is_disk_full(error):
                raise DiskFullError(f"the disk is full: {self.location} could not be written ({detail}).") \
                    from error
            if self._is_busy(error):
                raise DatabaseUnavailableError(
                    f"{self.location} is busy: another process kept it locked too long ({detail}).",
                    hint="Run the command again once the other ingest or load has finished.") from error
            raise

    # Plumbing shared by both.
    def query(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        with self._translated():
            cursor = self._conn.execute(self._sql(sql), tuple(params))
            return list(cursor.fetchall())

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def execute(self, sql: str, params: Params = ()) -> None:
        with self._translated():
            self._conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        """One statement for many rows: a single call for SQLite, one pipelined round trip for PostgreSQL."""
        if rows:
            with self._translated():
                self._conn.cursor().executemany(self._sql(sql), [tuple(row) for row in rows])

    def execute_all(self, statements: Sequence[tuple[str, Params]]) -> None:
        """Several statements whose results nobody reads, in order: one call each for SQLite, where a call costs
        no round trip, and one pipelined round trip for all of them on PostgreSQL."""
        for sql, params in statements:
            self.execute(sql, params)

    def insert(self, sql: str, params: Params = ()) -> int:
        """Runs an INSERT and returns the new row's id (both backends support RETURNING)."""
        return int(self.query(sql + " RETURNING id", params)[0][0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: an ingest commits each article with its input's mark, so a kill loses no more."""
        with self._translated():
            self._begin()
        try:
            yield
        except BaseException:
            # SQLite may have rolled back already (a full disk does): the error that got here is the one to see.
            with suppress(Exception):
                self._conn.execute("ROLLBACK")
            raise
        try:
            with self._translated():
                self._conn.execute("COMMIT")
        except BaseException:
            with suppress(Exception):
                self._conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"

    def _check_readable(self) -> None:
        """What a query needs: a selon store at the latest schema. Nothing is created or migrated for it."""
        tables = self._tables()
        if "selon_meta" not in tables:
            held = f" (it holds other tables: {', '.join(sorted(tables)[:5])})" if tables else ""
            raise NoStoreError(f"no selon store in {self.location}{held}.")
        version = self._check_meta()
        applied = {int(row[0]) for row in self.query("SELECT version FROM schema_migrations")}
        if version < LATEST or any(m.version not in applied for m in MIGRATIONS):
            version = min(m.version for m in MIGRATIONS if m.version not in applied) - 1
            raise StoreError(f"{self.location} has schema version {version}, older than this selon's {LATEST}.",
                             hint=f"Bring it up to date with `selon init --db {self.location}` (or any ingest).")

    def _migrate(self) -> None:
        with self.transaction():
            self._lock_for_migration()
            tables = self._tables()
            if "selon_meta" not in tables:
                if tables and (self.backend == "sqlite" or self.mode != "init"):
                    kind = "an SQLite database" if self.backend == "sqlite" else "a database"
                    raise NotASelonDatabaseError(
                        f"{self.location} is {kind}, but not one selon made "
                        f"(it holds {', '.join(sorted(tables)[:5])}).",
                        hint=None if self.backend == "sqlite" else
                        "Pass --db with an empty database, or run `selon init --db URL` to create selon's "
                        "tables beside the ones there.",
                    )
                version = 0
                applied: set[int] = set()
            else:
                version = self._check_meta()
                applied = {int(row[0]) for row in self.query("SELECT version FROM schema_migrations")}
            for migration in MIGRATIONS:  # each one not recorded, even below the latest recorded
                if migration.version in applied:
                    continue
                for statement in migration.for_backend(self.backend, self._types()):
                    self._conn.execute(statement)
                if migration.then is not None:
                    migration.then(self)
                if version == 0:
                    self.execute("INSERT INTO selon_meta (key, value) VALUES ('application', ?)", (APPLICATION,))
                    self.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, at TEXT NOT NULL)")
                self.execute("INSERT INTO schema_migrations (version, at) VALUES (?, ?)", (migration.version, now()))
                version = migration.version

    def _lock_for_migration(self) -> None:
        """Two processes opening a new PostgreSQL store at once must not both create it."""

    def _check_meta(self) -> int:
        application = self.scalar("SELECT value FROM selon_meta WHERE key = 'application'")
        if application != APPLICATION:
            raise NotASelonDatabaseError(f"{self.location} has a selon_meta table but was not made by selon.")
        version = int(self.scalar("SELECT max(version) FROM schema_migrations") or 0)
        if version > LATEST:
            raise StoreError(
                f"{self.location} has schema version {version}, newer than this selon's {LATEST}.",
                hint="Upgrade selon (pip install -U selon).",
            )
        return version

"""The default store: one SQLite file, WAL journal so queries can read while an ingest writes, FTS5 search."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from selon.errors import DatabaseUnavailableError, DiskFullError, NoStoreError, NotASelonDatabaseError
from selon.store.base import Store

HEADER = b"SQLite format 3\x00"


class SQLiteStore(Store):
    backend = "sqlite"

    def _connect(self) -> Any:
        path = Path(self.location.target)
        if path.is_dir():
            raise NotASelonDatabaseError(f"{path} is a folder, not a database file.")
        if self.mode == "read" and not (path.is_file() and path.stat().st_size > 0):
            raise NoStoreError(f"no selon store at {path}.")
        if path.exists() and path.stat().st_size > 0:
            with path.open("rb") as handle:
                if handle.read(len(HEADER)) != HEADER:
                    raise NotASelonDatabaseError(f"{path} is not an SQLite database (nor a selon store).")
        try:
            # To read, `mode=rw`: SQLite itself refuses to create the file should it vanish after the check above.
            target = f"{path.absolute().as_uri()}?mode=rw" if self.mode == "read" else str(path)
            conn = sqlite3.connect(target, isolation_level=None, timeout=30, check_same_thread=False,
                                   uri=self.mode == "read")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as error:
            if self._is_disk_full(error):
                raise DiskFullError(f"the disk is full: {path} could not be opened for writing ({error}).") from None
            if isinstance(error, sqlite3.OperationalError):
                raise DatabaseUnavailableError(f"cannot open {path}: {error}.") from None
            raise NotASelonDatabaseError(f"{path} cannot be read as a database: {error}.") from None
        return conn

    def _is_disk_full(self, error: Exception) -> bool:
        if isinstance(error, sqlite3.OperationalError):
            return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(error)
        return super()._is_disk_full(error)

    def _is_busy(self, error: Exception) -> bool:
        # The write lock (BEGIN IMMEDIATE) was not free within the connection's 30 s timeout.
        return isinstance(error, sqlite3.OperationalError) and (
            getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY or "database is locked" in str(error))

    def _types(self) -> dict[str, str]:
        return {"pk": "INTEGER PRIMARY KEY", "int": "INTEGER", "blob": "BLOB"}

    def _tables(self) -> set[str]:
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {str(name) for (name,) in rows}

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def _sql(self, sql: str) -> str:
        return sql

    def next_id(self, table: str) -> int:
        # The transaction holds the write lock (BEGIN IMMEDIATE): nobody else can take this id meanwhile.
        return int(self.scalar(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"))

    def search_attributions_sql(self) -> str:
        return ("SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ? ORDER BY rank LIMIT ?")

    def search_articles_sql(self) -> str:
        return (
            "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )


    @staticmethod
    def fts_query(text: str) -> str:
        """User words as FTS5 phrases, so punctuation or AND/OR/NEAR in a query are never syntax."""
        return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())

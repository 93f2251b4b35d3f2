"""Opening stores: creation, migration, and refusing what is not a selon store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from selon.errors import DatabaseUnavailableError, DatabaseURLError, NoStoreError, NotASelonDatabaseError
from selon.store import open_store
from selon.store.migrations import LATEST
from selon.store.url import parse


def test_a_new_store_is_created_at_the_latest_schema_version(db_url: str) -> None:
    with open_store(db_url) as store:
        assert store.scalar("SELECT max(version) FROM schema_migrations") == LATEST


def test_reopening_a_store_keeps_what_it_holds(db_url: str) -> None:
    with open_store(db_url) as store, store.transaction():
        store.execute("INSERT INTO inputs (key, status, at) VALUES ('k', 'failed', 'now')")
    with open_store(db_url) as store:
        assert store.scalar("SELECT status FROM inputs WHERE key = 'k'") == "failed"


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n")
    with pytest.raises(NotASelonDatabaseError, match="not an SQLite database"):
        open_store(str(path))
    assert path.read_text() == "my notes, not a database\n"


def test_an_sqlite_database_of_another_application_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(NotASelonDatabaseError, match="not one selon made"):
        open_store(str(path))


def test_a_database_server_that_does_not_answer_is_reported_without_its_password() -> None:
    with pytest.raises(DatabaseUnavailableError) as caught:
        open_store("postgresql://me:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(caught.value)
    assert "cannot connect" in str(caught.value)


def test_a_missing_folder_for_the_sqlite_file_is_reported(tmp_path) -> None:
    with pytest.raises(DatabaseUnavailableError):
        open_store(str(tmp_path / "no" / "such" / "selon.db"))


@pytest.mark.parametrize(
    ("url", "backend", "target"),
    [
        (None, "sqlite", "selon.db"),
        ("corpus.db", "sqlite", "corpus.db"),
        ("sqlite:///corpus.db", "sqlite", "corpus.db"),
        ("sqlite:////tmp/corpus.db", "sqlite", "/tmp/corpus.db"),
        ("postgresql://u:p@h/db", "postgresql", "postgresql://u:p@h/db"),
    ],
)
def test_db_values_name_their_backend(url: str | None, backend: str, target: str) -> None:
    location = parse(url)
    assert (location.backend, location.target) == (backend, target)


def test_an_unknown_database_scheme_is_a_url_error() -> None:
    with pytest.raises(DatabaseURLError, match="mysql"):
        parse("mysql://u@h/db")


def test_opening_an_empty_database_to_read_creates_nothing(db_url: str) -> None:
    with pytest.raises(NoStoreError, match="no selon store"):
        open_store(db_url, mode="read")
    if db_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(db_url) as conn:
            assert conn.execute("SELECT COUNT(*) FROM information_schema.tables "
                                "WHERE table_schema = current_schema()").fetchone() == (0,)
    else:
        assert not Path(db_url).exists()


def test_a_store_opened_to_read_after_it_was_made_reads_what_it_holds(db_url: str) -> None:
    with open_store(db_url) as store, store.transaction():
        store.execute("INSERT INTO inputs (key, status, at) VALUES ('k', 'failed', 'now')")
    with open_store(db_url, mode="read") as store:
        assert store.scalar("SELECT status FROM inputs WHERE key = 'k'") == "failed"


def test_a_full_disk_when_a_new_sqlite_store_is_made_is_a_disk_full_error(tmp_path, monkeypatch) -> None:
    from selon.errors import DiskFullError
    from selon.store import sqlite as sqlite_store

    class Full:
        def execute(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            pass

    monkeypatch.setattr(sqlite_store.sqlite3, "connect", lambda *args, **kwargs: Full())
    with pytest.raises(DiskFullError, match="disk is full"):
        open_store(str(tmp_path / "new.db"))


def test_a_store_whose_path_needs_quoting_in_a_uri_opens_to_read(tmp_path) -> None:
    path = tmp_path / "mon corpus #1?.db"
    with open_store(str(path)):
        pass
    with open_store(str(path), mode="read") as store:
        assert store.scalar("SELECT COUNT(*) FROM articles") == 0


def test_a_store_kept_locked_by_another_process_is_reported_as_busy(tmp_path) -> None:
    path = str(tmp_path / "selon.db")
    with open_store(path) as holder, open_store(path) as waiting, holder.transaction():
        holder.execute("INSERT INTO inputs (key, status, at) VALUES ('k', 'failed', 'now')")
        waiting._conn.execute("PRAGMA busy_timeout = 50")  # instead of 30 s
        with pytest.raises(DatabaseUnavailableError, match="busy") as caught, waiting.transaction():
            pass
    assert caught.value.exit_status == 77

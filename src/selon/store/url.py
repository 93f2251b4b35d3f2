"""What a `--db` value names: a SQLite file (a bare path or `sqlite:///path`) or a PostgreSQL server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selon.errors import DatabaseURLError

DEFAULT_DB = "selon.db"


@dataclass(frozen=True)
class Location:
    backend: str  # "sqlite" or "postgresql"
    target: str  # a file path for SQLite, the libpq URL for PostgreSQL

    def __str__(self) -> str:
        return self.target if self.backend == "sqlite" else _hide_password(self.target)


def parse(url: str | None) -> Location:
    """`None` is `selon.db` in the working directory; `sqlite:///rel.db` and `sqlite:////abs.db` follow
    SQLAlchemy's convention, so a URL copied from another tool means the same file."""
    value = (url or DEFAULT_DB).strip()
    if value.startswith(("postgresql://", "postgres://")):
        return Location("postgresql", value)
    if value.startswith("sqlite://"):
        path = value[len("sqlite://"):]
        if not path.startswith("/") or path == "/":
            raise DatabaseURLError(f"{value!r} names no file.")
        return Location("sqlite", path[1:] or path)
    if "://" in value:
        raise DatabaseURLError(f"{value!r}: unsupported database scheme {value.split('://')[0]!r}.")
    return Location("sqlite", str(Path(value)))


def _hide_password(url: str) -> str:
    """Messages name the server but never print its password."""
    head, sep, tail = url.partition("://")
    userinfo, at, rest = tail.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return f"{head}{sep}{userinfo.split(':')[0]}:***@{rest}"

"""The Parquet partitions a distributed ingest writes and `selon load` reads: one row per input.

A row carries the input's key and name, and either the article's `selon/1` JSON (`status` "ok") or the failure's
code, reason and retry payload (`status` "failed"), so loading a partition stores exactly what an ingest on one
machine would have stored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from selon.errors import SelonError

SCHEMA = pa.schema([
    ("key", pa.string()), ("name", pa.string()), ("status", pa.string()), ("analysis", pa.string()),
    ("code", pa.string()), ("reason", pa.string()), ("retryable", pa.bool_()), ("payload", pa.string()),
])


@dataclass(frozen=True)
class PartitionRow:
    key: str
    name: str
    status: str
    analysis: str | None = None
    code: str | None = None
    reason: str | None = None
    retryable: bool = True
    payload: str | None = None


class RecordedError(SelonError):
    """A failure read back from a partition, keeping the code it was recorded with."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def write(rows: list[PartitionRow], path: Path) -> None:
    """Written under a temporary name then renamed, so a partition on disk is always whole."""
    table = pa.Table.from_pylist([row.__dict__ for row in rows], schema=SCHEMA)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def read(path: Path) -> list[PartitionRow]:
    table = pq.read_table(path, schema=SCHEMA)
    records: list[dict[str, Any]] = table.to_pylist()
    return [PartitionRow(**record) for record in records]


def partition_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("part-*.parquet") if p.is_file())

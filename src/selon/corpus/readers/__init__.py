"""Readers of corpus inputs: folders, .txt/.html files, JSONL and WARC; each item keyed for resumption.

    >>> for item in read_paths(["articles/", "crawl.warc.gz"]): ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from selon.corpus.readers import files, jsonl, warc
from selon.corpus.readers.base import RawItem, ReadFailure
from selon.errors import InputNotFoundError

Reader = Callable[[Path], Iterator[RawItem | ReadFailure]]


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    if name.endswith(warc.SUFFIXES):
        return warc.read_warc
    if name.endswith(jsonl.SUFFIXES):
        return jsonl.read_jsonl
    if name.endswith(files.TEXT_SUFFIXES + files.HTML_SUFFIXES):
        return files.read_file
    return None


def list_inputs(paths: Iterable[str]) -> Iterator[Path | ReadFailure]:
    """The files the paths name, folders expanded in sorted order; a missing path is a failure."""
    for given in paths:
        path = Path(given).expanduser().absolute()
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p) is not None)
        elif path.is_file():
            yield path
        else:
            yield ReadFailure(str(path), str(path), InputNotFoundError(f"{given}: no such file or folder."))


def read_paths(paths: Iterable[str]) -> Iterator[RawItem | ReadFailure]:
    for path in list_inputs(paths):
        if isinstance(path, ReadFailure):
            yield path
            continue
        reader = reader_for(path) or files.read_file
        yield from reader(path)


__all__ = ["RawItem", "ReadFailure", "list_inputs", "read_paths", "reader_for"]

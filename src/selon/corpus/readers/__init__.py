"""Readers of corpus inputs: folders, .txt/.html files, JSONL and WARC; each item keyed for resumption.

    >>> for item in read_paths(["articles/", "crawl.warc.gz"]): ...

Nothing is left out without a word: a file in a folder that no reader knows (an image, a `.md`) or that is no
regular file (a FIFO, a socket) is yielded as `Ignored` with its reason, for the ingest summary; a folder that
cannot be listed, and a path given that is missing or no regular file, is a `ReadFailure`, recorded as such.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from selon.corpus.readers import files, jsonl, warc
from selon.corpus.readers.base import Ignored, RawItem, ReadFailure, path_key
from selon.errors import InputNotFoundError

Reader = Callable[[Path], Iterator[RawItem | ReadFailure]]
Listed = Path | ReadFailure | Ignored


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    if name.endswith(warc.SUFFIXES):
        return warc.read_warc
    if name.endswith(jsonl.SUFFIXES):
        return jsonl.read_jsonl
    if name.endswith(files.TEXT_SUFFIXES + files.HTML_SUFFIXES):
        return files.read_file
    return None


def _not_a_file(mode: int) -> str | None:
    """What a path that is no regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a regular file"


def _unreadable(path: Path, error: OSError) -> ReadFailure:
    key = path_key(path)
    return ReadFailure(key, key, InputNotFoundError(f"{key}: cannot be read ({error.strerror or error}).",
                                                    hint="Check the path and its permissions."))


def _walk(folder: Path) -> Iterator[Listed]:
    """Every file under `folder` in sorted order, linked folders followed once each; a subfolder that cannot
    be listed is a failure (os.walk's `onerror`: `Path.rglob` skips it without a word)."""
    failures: list[ReadFailure] = []
    seen: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=lambda e: failures.append(
            _unreadable(Path(e.filename) if e.filename else folder, e))):
        yield from failures
        failures.clear()
        try:
            here = os.stat(root)
        except OSError as error:  # gone since it was listed
            yield _unreadable(Path(root), error)
            dirs[:] = []
            continue
        seen.add((here.st_dev, here.st_ino))
        kept = []
        for name in sorted(dirs):
            try:
                info = os.stat(os.path.join(root, name))
            except OSError:
                kept.append(name)  # os.walk reports it through onerror
                continue
            if (info.st_dev, info.st_ino) not in seen:  # a link back up the tree is walked once
                seen.add((info.st_dev, info.st_ino))
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            path = Path(root, name)
            try:
                mode = path.stat().st_mode
                path = path.resolve()  # one key per file, however it is reached
            except (OSError, RuntimeError) as error:  # a dangling link, a loop of links, a file gone meanwhile
                yield Ignored(path_key(path), f"cannot be read ({getattr(error, 'strerror', None) or error})")
                continue
            what = _not_a_file(mode)
            if what is not None:
                yield Ignored(path_key(path), what)
            elif reader_for(path) is None:
                yield Ignored(path_key(path), f"unknown suffix {path.suffix or '(none)'!r}; selon reads "
                                              ".txt, .html, .jsonl and .warc files")
            else:
                yield path
    yield from failures


def list_inputs(paths: Iterable[str]) -> Iterator[Listed]:
    """The files the paths name, folders expanded in sorted order, each path made absolute and normalised
    (`./a/../a/x.txt` is `a/x.txt`, a link is its target) so that one file is one input whatever its spelling."""
    for given in paths:
        path = Path(given).expanduser().resolve()
        try:
            mode = path.stat().st_mode
        except OSError as error:
            key = path_key(path)
            missing = isinstance(error, FileNotFoundError)
            message = f"{given}: no such file or folder." if missing else \
                f"{given}: cannot be read ({error.strerror or error})."
            yield ReadFailure(key, key, InputNotFoundError(message))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
            continue
        what = _not_a_file(mode)
        if what is not None:
            key = path_key(path)
            yield ReadFailure(key, key, InputNotFoundError(f"{given} is {what}, not a file selon can ingest.",
                                                           hint="Save the data to a regular file first."))
        else:
            yield path


def read_paths(paths: Iterable[str]) -> Iterator[RawItem | ReadFailure | Ignored]:
    for path in list_inputs(paths):
        if not isinstance(path, Path):
            yield path
            continue
        reader = reader_for(path) or files.read_file
        yield from reader(path)


__all__ = ["Ignored", "RawItem", "ReadFailure", "list_inputs", "read_paths", "reader_for"]

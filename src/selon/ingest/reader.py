"""Reading an input's bytes from a path or standard input, with one error for every way a path can fail.

No size limit is set here: long texts are cut into chunks by the pipeline, so a 20 MB article must read whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selon.errors import InputNotFoundError

STDIN = "-"


def read_path(path: str) -> tuple[str, bytes]:
    """(name, bytes) of the input at `path`; `-` reads standard input. Raises InputNotFoundError.

    Bytes, not text, are returned so that decoding (and its warnings) happens in one place, `decode`.
    """
    if path == STDIN:
        return STDIN, _read_stdin()
    target = Path(path)
    if target.is_dir():
        raise InputNotFoundError(f"{path!r} is a directory, not a file")
    try:
        return path, target.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(f"no such file: {path!r}") from None
    except PermissionError:
        raise InputNotFoundError(f"{path!r} cannot be read: permission denied") from None
    except OSError as error:
        raise InputNotFoundError(f"{path!r} cannot be read: {error.strerror or error}") from None


def _read_stdin() -> bytes:
    """Standard input's raw bytes; a text-only stream (as some test harnesses substitute) is encoded as UTF-8."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        if isinstance(data, bytes):
            return data
    text = sys.stdin.read()
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)

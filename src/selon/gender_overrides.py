"""A user's file of genders by name, which wins over everything selon infers: the people a newsroom knows.

Inference from text and names is wrong now and then (a woman named "Jean" in French, a non-binary person the
text calls "il"), and a researcher who knows better must be able to say so once for a whole corpus. The file is
UTF-8 TSV, one person a line, `#` comments and blank lines ignored:

    Claude Martin<TAB>female
    Alex Roy<TAB>unknown

A name is compared with a source's full name, lower-cased and with spaces squeezed; only person and anonymous
sources are changed. Read by `selon analyze --gender-overrides FILE`, the environment variable
`SELON_GENDER_OVERRIDES`, and `selon.analyze(..., gender_overrides=...)` (a path or a name -> gender mapping).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path

from selon.errors import GenderOverridesError
from selon.schema.records import GENDERS, PEOPLE_KINDS, Analysis, Gender, GenderEvidence, Source

ENV = "SELON_GENDER_OVERRIDES"

Overrides = Mapping[str, Gender]


def _key(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").split())


def parse(text: str, where: str = "overrides") -> dict[str, Gender]:
    """name -> gender from the text of an overrides file; GenderOverridesError names the first bad line."""
    found: dict[str, Gender] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 2 or not cells[0] or cells[1] not in GENDERS:
            raise GenderOverridesError(f"{where}:{number}: expected 'name<TAB>female|male|unknown', got {line!r}")
        found[_key(cells[0])] = cells[1]
    return found


@cache
def _read(path: str, mtime: float) -> dict[str, Gender]:
    """Cached by path and modification time: a batch reads the file once, an edited file is read again."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GenderOverridesError(f"cannot read gender overrides {path}: {error}") from None
    return parse(text, Path(path).name)


def load(path: str | os.PathLike[str]) -> dict[str, Gender]:
    """The overrides of a file (GenderOverridesError when it is missing or malformed)."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError as error:
        raise GenderOverridesError(f"cannot read gender overrides {os.fspath(path)}: {error.strerror}") from None
    return _read(os.fspath(path), mtime)


def resolve(given: Overrides | str | os.PathLike[str] | None) -> dict[str, Gender]:
    """What a caller passed (a mapping, a path), or else the file named by SELON_GENDER_OVERRIDES, or none."""
    if given is None:
        path = os.environ.get(ENV, "")
        return load(path) if path else {}
    if isinstance(given, (str, os.PathLike)):
        return load(given)
    found: dict[str, Gender] = {}
    for name, gender in given.items():
        if gender not in GENDERS:
            raise GenderOverridesError(f"{name!r}: gender {gender!r} is not female, male or unknown")
        found[_key(name)] = gender
    return found


def _overridden(source: Source, overrides: dict[str, Gender]) -> Source:
    gender = overrides.get(_key(source.name)) if source.kind in PEOPLE_KINDS else None
    if gender is None:
        return source
    evidence = GenderEvidence("override", f"override file: '{source.name}' is {gender}")
    return replace(source, gender=gender, gender_evidence=evidence)


def apply(analysis: Analysis, overrides: dict[str, Gender]) -> Analysis:
    """The analysis with the overridden people's gender replaced, and the override named as the evidence."""
    if not overrides:
        return analysis
    return replace(analysis, sources=tuple(_overridden(s, overrides) for s in analysis.sources))

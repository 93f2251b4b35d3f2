"""Read and validate a gold file (`dev-gold/*.jsonl`, see DESIGN.md "Gold format for evaluation").

Gold annotations carry no offsets, only strings that must occur verbatim in `text`; that keeps them easy to
write by hand but easy to get subtly wrong (a retyped apostrophe, a trimmed space). A bad line would silently
turn into a "miss" and corrupt every figure, so each line is checked here and the first problem is reported with
its file name and line number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selon.errors import GoldFormatError, InputNotFoundError
from selon.schema.records import GENDERS, KINDS, ROLE_CATEGORIES, STANCES, TYPES

DOC_KEYS = ("doc_id", "lang", "text", "attributions")
ATTRIBUTION_KEYS = ("content", "type", "cue", "source", "source_canonical", "source_kind", "stance")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; `content`, `cue` and `source` are exact substrings of the document's text."""

    content: str
    type: str
    cue: str | None
    source: str
    source_canonical: str
    source_kind: str
    stance: str
    #: optional (issue 9): the gender and role category of a person or anonymous source, where annotated
    source_gender: str | None = None
    source_role_category: str | None = None


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document: its text, its attributions and the boilerplate lines that must yield none."""

    doc_id: str
    lang: str
    url: str | None
    text: str
    attributions: tuple[GoldAttribution, ...]
    non_body: tuple[str, ...] = ()


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Every document of a gold JSONL file, in file order; blank lines are skipped.

    Raises GoldFormatError (naming file and line) on the first invalid line, on a repeated doc_id, or when the
    file holds no document at all; InputNotFoundError when the file cannot be read.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputNotFoundError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for number, line in enumerate(raw.split(b"\n"), start=1):
        where = f"{path.name}, line {number}"
        try:
            text = line.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            raise GoldFormatError(f"{where}: not UTF-8 ({exc.reason})") from exc
        if not text:
            continue
        doc = _parse_line(text, where)
        if doc.doc_id in seen:
            raise GoldFormatError(f"{where}: doc_id {doc.doc_id!r} already used on an earlier line")
        seen.add(doc.doc_id)
        docs.append(doc)
    if not docs:
        raise GoldFormatError(f"{path.name}: no document in the file")
    return docs


def _parse_line(line: str, where: str) -> GoldDoc:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, found {type(data).__name__}")
    missing = [key for key in DOC_KEYS if key not in data]
    if missing:
        raise GoldFormatError(f"{where}: missing key(s) {', '.join(missing)}")
    doc_id = _string(data, "doc_id", where)
    lang = _string(data, "lang", where)
    text = _string(data, "text", where)
    url = data.get("url")
    if url is not None and not isinstance(url, str):
        raise GoldFormatError(f"{where}: url must be a string or null")
    non_body = data.get("non_body") or []
    if not isinstance(non_body, list) or not all(isinstance(item, str) for item in non_body):
        raise GoldFormatError(f"{where}: non_body must be a list of strings")
    items = data["attributions"]
    if not isinstance(items, list):
        raise GoldFormatError(f"{where}: attributions must be a list")
    attributions = tuple(
        _parse_attribution(item, text, f"{where}, attribution {index}") for index, item in enumerate(items, 1)
    )
    return GoldDoc(doc_id, lang, url, text, attributions, tuple(non_body))


def _parse_attribution(item: Any, text: str, where: str) -> GoldAttribution:
    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: expected a JSON object")
    missing = [key for key in ATTRIBUTION_KEYS if key not in item]
    if missing:
        raise GoldFormatError(f"{where}: missing key(s) {', '.join(missing)}")
    for key in ("content", "source"):
        _substring(_string(item, key, where), key, text, where)
    cue = item["cue"]
    if cue is not None:
        _substring(_string(item, "cue", where), "cue", text, where)
    for key, allowed in (("type", TYPES), ("source_kind", KINDS), ("stance", STANCES)):
        if item[key] not in allowed:
            raise GoldFormatError(f"{where}: {key} {item[key]!r} is not one of {', '.join(allowed)}")
    for key, values in (("source_gender", GENDERS), ("source_role_category", ROLE_CATEGORIES)):
        optional: tuple[str, ...] = values
        if item.get(key) is not None and item[key] not in optional:
            raise GoldFormatError(f"{where}: {key} {item[key]!r} is not one of {', '.join(optional)}")
    return GoldAttribution(
        content=item["content"],
        type=item["type"],
        cue=cue,
        source=item["source"],
        source_canonical=_string(item, "source_canonical", where),
        source_kind=item["source_kind"],
        stance=item["stance"],
        source_gender=item.get("source_gender"),
        source_role_category=item.get("source_role_category"),
    )


def _string(data: dict[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise GoldFormatError(f"{where}: {key} must be a non-empty string")
    return value


def _substring(value: str, key: str, text: str, where: str) -> None:
    if value not in text:
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise GoldFormatError(f"{where}: {key} {shown!r} is not an exact substring of text")

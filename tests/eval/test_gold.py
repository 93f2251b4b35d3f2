"""Loading gold files: the seed loads, and every kind of bad line is reported with its line number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selon.errors import GoldFormatError, InputNotFoundError
from selon.eval.gold import GoldDoc, load_gold

DEV_GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "dev-gold"
TEXT = "Le projet avance, a déclaré Marie Dupont."


def line(**changes: Any) -> str:
    attribution = {"content": "Le projet avance", "type": "indirect", "cue": "a déclaré",
                   "source": "Marie Dupont", "source_canonical": "Marie Dupont", "source_kind": "person",
                   "stance": "assert"}
    data: dict[str, Any] = {"doc_id": "d1", "lang": "fr", "url": None, "text": TEXT,
                            "attributions": [attribution], "non_body": []}
    for key, value in changes.items():
        if key in attribution:
            attribution[key] = value
        elif value is None and key in data:
            del data[key]
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False)


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_valid_lines_and_skips_blank_ones(tmp_path: Path) -> None:
    docs = load_gold(write(tmp_path, line(), "", line(doc_id="d2", cue=None)))
    assert [d.doc_id for d in docs] == ["d1", "d2"]
    assert isinstance(docs[0], GoldDoc)
    assert docs[0].attributions[0].source == "Marie Dupont"
    assert docs[1].attributions[0].cue is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (line(text=None), "missing key(s) text"),
        (line(content="Le projet recule"), "content 'Le projet recule' is not an exact substring"),
        (line(cue="a dit"), "cue 'a dit' is not an exact substring"),
        (line(source="Jean Martin"), "source 'Jean Martin' is not an exact substring"),
        (line(stance="shrug"), "stance 'shrug' is not one of"),
        (line(doc_id="d0"), "doc_id 'd0' already used"),
    ],
)
def test_bad_line_names_file_and_line(tmp_path: Path, bad: str, message: str) -> None:
    first = line(doc_id="d0")
    with pytest.raises(GoldFormatError) as info:
        load_gold(write(tmp_path, first, "", bad))
    assert "gold.jsonl, line 3" in str(info.value)
    assert message in str(info.value)


def test_missing_attribution_key(tmp_path: Path) -> None:
    data = json.loads(line())
    del data["attributions"][0]["source_kind"]
    with pytest.raises(GoldFormatError, match=r"line 1, attribution 1: missing key\(s\) source_kind"):
        load_gold(write(tmp_path, json.dumps(data)))


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no document"):
        load_gold(write(tmp_path, ""))
    with pytest.raises(InputNotFoundError):
        load_gold(tmp_path / "absent.jsonl")


@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason=f"shared dev-gold folder absent ({DEV_GOLD})")
def test_seed_gold_loads() -> None:
    docs = load_gold(DEV_GOLD / "seed.jsonl")
    assert [d.doc_id for d in docs] == ["seed"]
    assert docs[0].lang == "fr"
    assert len(docs[0].attributions) == 39
    assert docs[0].non_body

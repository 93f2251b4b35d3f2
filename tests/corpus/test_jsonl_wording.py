"""A JSONL line that is not a record is reported as such, with advice for that line, not for a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.corpus.readers.base import ReadFailure
from selon.corpus.readers.jsonl import read_jsonl
from selon.errors import CorpusInputError


def failure_of(tmp_path: Path, line: str, end: str = "\n") -> ReadFailure:
    path = tmp_path / "export.jsonl"
    path.write_text(line + end, encoding="utf-8")
    [found] = list(read_jsonl(path))
    assert isinstance(found, ReadFailure)
    return found


@pytest.mark.parametrize("line, what", [('["a", "b"]', "an array"), ('"text"', "a string"), ("42", "a number"),
                                        ("null", "null")])
def test_a_line_that_is_not_an_object_names_what_it_is_and_how_to_fix_it(tmp_path: Path, line: str,
                                                                         what: str) -> None:
    error = failure_of(tmp_path, line).error
    assert isinstance(error, CorpusInputError)
    assert f"a JSON object is expected, not {what}" in error.message
    assert "re-download" not in error.hint and '{"text"' in error.hint


def test_a_broken_line_reads_as_one_sentence(tmp_path: Path) -> None:
    message = failure_of(tmp_path, '{"text": "unterminated', end="").error.message
    reason = message.split("not JSON", 1)[1]
    assert "at at" not in reason and "Unterminated string starting at column 10" in reason


def test_a_broken_gold_line_reads_as_one_sentence_too(tmp_path: Path) -> None:
    from selon.errors import GoldFormatError
    from selon.eval import load_gold

    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "unterminated', encoding="utf-8")
    with pytest.raises(GoldFormatError) as raised:
        load_gold(str(path))
    reason = raised.value.message.split("invalid JSON", 1)[1]
    assert "at at" not in reason and "Unterminated string starting at column" in reason

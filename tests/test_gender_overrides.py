"""The gender overrides file and the women's share of the source map, with no spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.errors import GenderOverridesError
from selon.gender_overrides import apply, load, parse, resolve
from selon.schema.records import Analysis, Article, Attribution, GenderEvidence, Source, Span
from selon.schema.summary import gender_shares


def _analysis() -> Analysis:
    text = "abc"
    sources = (Source("s1", "person", "Marie Roux", gender="female"), Source("s2", "person", "Claude Bo",
               gender="unknown"), Source("s3", "person", "Jean Roy", gender="male"),
               Source("s4", "organization", "Le ministère"))
    said = ["s1", "s1", "s1", "s2", "s3", "s4"]
    attributions = tuple(Attribution(f"a{i}", "indirect", Span(0, 1, "a"), None, sid, None, "assert", 0.9)
                         for i, sid in enumerate(said, 1))
    return Analysis(Article("d", "fr", text), attributions, sources)


def test_parse_reads_tsv_with_comments() -> None:
    assert parse("# known\nClaude  Bo\tmale\n\nAlex Roy\tunknown\n") == {"claude bo": "male", "alex roy": "unknown"}


@pytest.mark.parametrize("text", ["Claude Bo male\n", "Claude Bo\tman\n", "\tfemale\n"])
def test_parse_names_the_bad_line(text: str) -> None:
    with pytest.raises(GenderOverridesError, match=":1:"):
        parse(text)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GenderOverridesError):
        load(tmp_path / "nope.tsv")


def test_environment_variable_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "o.tsv"
    path.write_text("Claude Bo\tmale\n", encoding="utf-8")
    monkeypatch.setenv("SELON_GENDER_OVERRIDES", str(path))
    assert resolve(None) == {"claude bo": "male"}
    monkeypatch.delenv("SELON_GENDER_OVERRIDES")
    assert resolve(None) == {}


def test_apply_replaces_gender_and_names_the_override() -> None:
    changed = apply(_analysis(), {"claude bo": "female", "le ministère": "female"})
    claude = changed.source("s2")
    assert claude.gender == "female"
    assert claude.gender_evidence == GenderEvidence("override", "override file: 'Claude Bo' is female")
    assert changed.source("s4").gender is None  # an institution has no gender, whatever the file says


def test_women_share_of_named_people_and_of_their_statements() -> None:
    shares = gender_shares(_analysis())
    assert shares["named_people"] == {"female": 1, "male": 1, "unknown": 1, "women_share": 0.5}
    assert shares["statements"] == {"female": 3, "male": 1, "unknown": 1, "women_share": 0.75}
    assert _analysis().to_dict()["summary"]["gender"] == shares

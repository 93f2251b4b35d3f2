"""Shared fixtures: the parsed pipelines are loaded once per session, as spaCy's own tests do per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import selon
from selon.schema.records import Analysis

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "drones-iran-russie.fr.txt"


@dataclass(frozen=True)
class Found:
    """One attribution flattened for assertions: the words, not the offsets."""

    type: str
    content: str
    cue: str | None
    source: str
    mention: str | None
    kind: str
    stance: str
    count: int | None


def flatten(analysis: Analysis) -> list[Found]:
    found = []
    for a in analysis.attributions:
        source = analysis.source(a.source_id)
        found.append(
            Found(
                a.type,
                a.content.text,
                a.cue.text if a.cue else None,
                source.name,
                a.mention.text if a.mention else None,
                source.kind,
                a.stance,
                source.count,
            )
        )
    return found


def assert_found(found: list[Found], expected: list[tuple[str, str, str, str]]) -> None:
    """Each expected (type, content, words of the source's name, stance) in order, and nothing else."""
    assert len(found) == len(expected), found
    for got, (kind, content, source, stance) in zip(found, expected):
        assert (got.type, got.content, got.stance) == (kind, content, stance), got
        assert source.lower() in got.source.lower(), got


@pytest.fixture(scope="session")
def analyse_fr():
    def run(text: str) -> list[Found]:
        return flatten(selon.analyze(text, lang="fr"))

    return run


@pytest.fixture(scope="session")
def analyse_en():
    def run(text: str) -> list[Found]:
        return flatten(selon.analyze(text, lang="en"))

    return run

"""The story gate: the team gold of fictional coverage (data/gold/stories) and the held-out one
(data/gold/stories-heldout, never tuned on: floors slightly under its first-sight figures) scored against
floors.json, so a change that clusters stories or claims worse, or counts origins worse, fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selon.eval.stories import bcubed, evaluate

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))


def _below(report: dict[str, Any], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    figures = {"story_bcubed_f1": report["story_bcubed"]["f1"], "claim_bcubed_f1": report["claim_bcubed"]["f1"],
               "origin_accuracy": report["origin_accuracy"],
               "anonymous_only_accuracy": report["anonymous_only_accuracy"],
               "denial_accuracy": report["denial_accuracy"]}
    return {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}


def test_stories_claims_and_origins_stay_above_their_floors(db_url: str) -> None:
    """With the gold's own attributions: the clustering and the origin rules alone."""
    below = _below(evaluate(REPO / "data" / "gold" / "stories", db_url), FLOORS["gold_attributions"])
    assert not below, f"below floor (measured, floor): {below}"


@pytest.mark.slow
def test_end_to_end_with_the_extractor_stays_above_its_floors() -> None:
    """With the extractor's attributions (spaCy): what a user of `selon story` gets on these articles."""
    below = _below(evaluate(REPO / "data" / "gold" / "stories", extract=True), FLOORS["extracted"])
    assert not below, f"below floor (measured, floor): {below}"


def test_held_out_stories_claims_and_origins_stay_above_their_floors(db_url: str) -> None:
    """The held-out gold with its own attributions: the honest estimate must not fall."""
    below = _below(evaluate(REPO / "data" / "gold" / "stories-heldout", db_url), FLOORS["heldout_gold_attributions"])
    assert not below, f"below floor (measured, floor): {below}"


@pytest.mark.slow
def test_held_out_end_to_end_with_the_extractor_stays_above_its_floors() -> None:
    """The held-out gold with the extractor's attributions."""
    below = _below(evaluate(REPO / "data" / "gold" / "stories-heldout", extract=True), FLOORS["heldout_extracted"])
    assert not below, f"below floor (measured, floor): {below}"


def test_bcubed_of_a_perfect_a_merged_and_a_split_clustering() -> None:
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert bcubed(gold, gold).f1 == 1.0
    merged = bcubed(gold, {1: 0, 2: 0, 3: 0, 4: 0})
    assert (merged.precision, merged.recall) == (0.5, 1.0)
    split = bcubed(gold, {})  # nothing predicted: every item alone
    assert (split.precision, split.recall) == (1.0, 0.5)

"""The story gate: the team gold of fictional coverage (data/gold/stories) scored against floors.json, so a
change that clusters stories or claims worse, or counts origins worse, fails."""

from __future__ import annotations

import json
from pathlib import Path

from selon.eval.stories import bcubed, evaluate

REPO = Path(__file__).resolve().parents[2]
FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))


def test_stories_claims_and_origins_stay_above_their_floors(db_url: str) -> None:
    report = evaluate(REPO / "data" / "gold" / "stories", db_url)
    figures = {"story_bcubed_f1": report["story_bcubed"]["f1"], "claim_bcubed_f1": report["claim_bcubed"]["f1"],
               "origin_accuracy": report["origin_accuracy"],
               "anonymous_only_accuracy": report["anonymous_only_accuracy"],
               "denial_accuracy": report["denial_accuracy"]}
    below = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not below, f"below floor (measured, floor): {below}"


def test_bcubed_of_a_perfect_a_merged_and_a_split_clustering() -> None:
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert bcubed(gold, gold).f1 == 1.0
    merged = bcubed(gold, {1: 0, 2: 0, 3: 0, 4: 0})
    assert (merged.precision, merged.recall) == (0.5, 1.0)
    split = bcubed(gold, {})  # nothing predicted: every item alone
    assert (split.precision, split.recall) == (1.0, 0.5)

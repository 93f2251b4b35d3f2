"""Claims at scale: the indexed clustering and the linear origins give exactly what the quadratic reference gives
(`selon.corpus.claims_reference`), compare far fewer pairs, and a story's claims are cached until it changes."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from selon.corpus import Corpus, claims, claims_reference, story_queries
from selon.corpus.claim_cache import ClaimCache
from selon.corpus.claim_index import CandidateIndex
from selon.corpus.claims import Appearance, Claim, cluster, features, similarity
from selon.corpus.origins import origins
from selon.eval.stories import evaluate
from selon.store import open_store
from tests.stories.coverage import CLAIM, _save, only_story
from tests.stories.coverage import coverage as _coverage

REPO = Path(__file__).resolve().parents[2]
WORDS = ["fermer", "fermeture", "lits", "hôpital", "ministre", "budget", "grève", "accord", "usine", "emplois",
         "Valmont", "Garnier", "Kerbastic", "Vasseur", "terminal", "port", "nuclear", "closure", "beds", "jobs"]
NUMBERS = ["1 200", "1,200", "300", "15", "2,4", "40 000"]
STANCES = ["assert"] * 6 + ["acknowledge", "deny", "deny", "decline", "no_response"]
KINDS = ["person", "organization", "anonymous", "anonymous", "media", "document"]


def _random_story(seed: int, size: int) -> list[Appearance]:
    """Appearances drawn from a small vocabulary, so near-ties, same speakers, denials and copies abound."""
    rng = random.Random(seed)
    found = []
    for i in range(size):
        article = rng.randrange(max(1, size // 3))
        words = rng.sample(WORDS, rng.randint(0, 6)) + rng.sample(NUMBERS, rng.choice([0, 0, 1, 2]))
        if found and rng.random() < 0.2:  # a copy of an earlier statement
            words = found[rng.randrange(len(found))].content.split()
        speaker = rng.randrange(6)
        found.append(Appearance(i + 1, f"d{article}", article, f"Outlet {article % 4}", None,
                                f"2024-03-0{1 + article % 5}", f"source {speaker}", rng.choice(KINDS), speaker,
                                rng.choice(STANCES), " ".join(words), article % 3))
    return found


def _shape(found: list[Claim]) -> list[tuple[Any, ...]]:
    return [([a.id for a in c.support], [a.id for a in c.denials], [a.id for a in c.declines], c.scores)
            for c in found]


@pytest.mark.parametrize("seed", range(40))
def test_the_indexed_clustering_gives_exactly_the_reference_claims(seed: int) -> None:
    story = _random_story(seed, 30 + 7 * seed)
    assert _shape(cluster(story)) == _shape(claims_reference.cluster(story))


@pytest.mark.parametrize("seed", range(20))
def test_linear_origins_give_exactly_the_reference_origins(seed: int) -> None:
    for claim in cluster(_random_story(seed, 80)):
        mine, reference = origins(claim.support), claims_reference.origins(claim.support)
        assert [o.to_dict() for o in mine] == [o.to_dict() for o in reference]


def test_the_gold_stories_are_the_same_with_the_reference(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    """Every figure of the team gold and of the held-out one, indexed and cached or not."""
    for name in ("stories", "stories-heldout"):
        indexed = evaluate(REPO / "data" / "gold" / name, str(tmp_path / f"{name}-indexed.db"))
        with monkeypatch.context() as patch:
            patch.setattr(story_queries, "cluster", claims_reference.cluster)
            patch.setattr(story_queries, "origins", claims_reference.origins)
            patch.setattr(story_queries, "CACHE", ClaimCache(capacity=0))
            reference = evaluate(REPO / "data" / "gold" / name, str(tmp_path / f"{name}-reference.db"))
        assert indexed == reference


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[int]:
    calls = [0]

    def counted(a: claims.Features, b: claims.Features) -> float:
        calls[0] += 1
        return similarity(a, b)

    monkeypatch.setattr(module, "similarity", counted)
    return calls


def test_statements_that_share_no_rare_word_are_never_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 statements on 200 topics, all naming one place: the place is every statement's commonest stem, so
    it is never probed, and no pair is scored (the reference scores every pair)."""
    def topic(i: int) -> str:  # three letters of its own: six words whose stems no other statement has
        tag = "".join("bcdfghjklmnpqrstvwxz"[i // 20 ** k % 20] for k in range(3))
        return " ".join(f"{tag}{end}" for end in ("ar", "el", "on", "us", "ix", "ot")) + " Valmont"

    story = [Appearance(i, f"d{i}", i, "Outlet", None, "2024-03-01", "x", "anonymous", i, "assert", topic(i), i)
             for i in range(200)]
    calls = _counting(monkeypatch, claims)
    indexed = cluster(story)
    assert calls[0] == 0
    reference_calls = _counting(monkeypatch, claims_reference)
    assert _shape(indexed) == _shape(claims_reference.cluster(story))
    assert reference_calls[0] == 200 * 199 // 2


def test_the_index_finds_every_entry_that_reaches_the_threshold() -> None:
    rng = random.Random(5)
    contents = [" ".join(rng.sample(WORDS, rng.randint(1, 7))) for _ in range(120)]
    stems = [features(c).stems for c in contents]
    frequency: dict[str, int] = {}
    for entry in stems:
        for stem in entry:
            frequency[stem] = frequency.get(stem, 0) + 1
    index = CandidateIndex(frequency)
    for position, entry in enumerate(stems):
        speaker = position % 5
        for threshold in (0.15, 0.3, 0.6):
            found = set(index.candidates(entry, threshold, speaker, threshold - 0.15))
            for earlier in range(position):
                same = earlier % 5 == speaker
                reach = similarity(features(contents[position]), features(contents[earlier]))
                if reach >= threshold or (same and reach + 0.15 >= threshold):
                    assert earlier in found, (contents[position], contents[earlier], threshold)
        index.add(position, entry, speaker)


def _cluster_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real: Callable[..., list[Claim]] = story_queries.cluster

    def counted(appearances: list[Appearance]) -> list[Claim]:
        calls[0] += 1
        return real(appearances)

    monkeypatch.setattr(story_queries, "cluster", counted)
    monkeypatch.setattr(story_queries, "CACHE", ClaimCache())
    return calls


def test_an_unchanged_story_is_clustered_once(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_url) as store:
        _coverage(store)
        story = only_story(store)
    calls = _cluster_calls(monkeypatch)
    with Corpus(db_url) as corpus:
        first = corpus.story(story)
        assert corpus.story(story) == first
        assert [r.claim for r in corpus.claims(source="Paul Garnier")] == [c["id"] for c in first["claims"]
                                                                           if any(a["source"] == "Paul Garnier"
                                                                                  for a in c["appearances"])]
        corpus.stories()
    assert calls[0] == 1
    assert story_queries.CACHE.counts.hits >= 3


def test_a_story_that_gains_an_article_is_clustered_again(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(db_url) as store:
        _coverage(store)
        story = only_story(store)
    calls = _cluster_calls(monkeypatch)
    with Corpus(db_url) as corpus:
        before = corpus.story(story)
    with open_store(db_url) as store:
        _save(store, "Valmont, Paul Garnier, 1 200 lits, à la radio.\n"
              f"une source policière|anonymous|assert|{CLAIM}\n", "radio", "Radio Valmont", "6")
        assert only_story(store) == story  # it joined the story
    with Corpus(db_url) as corpus:
        after = corpus.story(story)
    assert calls[0] == 2
    [claim] = [c for c in after["claims"] if len(c["appearances"]) > 1]
    assert len(claim["appearances"]) == 9 and "Radio Valmont" in {a["outlet"] for a in claim["appearances"]}
    assert claim["independent_origins"] == 4
    assert after["story"]["articles"] == before["story"]["articles"] + 1


def test_the_cache_forgets_the_least_recently_used_stories_beyond_its_capacity() -> None:
    cache: ClaimCache[str] = ClaimCache(capacity=10)
    one, two = tuple(_random_story(1, 6)), tuple(_random_story(2, 6))
    assert cache.get(one, lambda: "one") == "one"
    assert cache.get(two, lambda: "two") == "two"  # 12 appearances held: `one` goes
    assert cache.get(one, lambda: "again") == "again"
    assert cache.get(one, lambda: "never") == "again"
    assert (cache.counts.hits, cache.counts.misses) == (1, 3)

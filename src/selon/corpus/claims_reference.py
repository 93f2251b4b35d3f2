"""The reference: claim clustering and origin grouping as they were first written, a scan of every earlier
appearance for each one (quadratic in the story's attributions).

Kept, unchanged, as the oracle that the indexed `selon.corpus.claims.cluster` and `selon.corpus.origins.origins`
must equal (`tests/stories/test_claim_scaling.py` compares them on the gold and on random stories) and as the
"before" column of `benchmarks/stories.py --story-sizes`. Not used by selon itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from selon.corpus.claims import (
    DECLINE,
    DENIAL_THRESHOLD,
    SPEAKER_BONUS,
    THRESHOLD,
    Appearance,
    Claim,
    Features,
    _speaker,
    features,
    similarity,
)
from selon.corpus.origins import RULES, Evidence, Origin, _label


def cluster(appearances: Sequence[Appearance]) -> list[Claim]:
    """The claims of a story's appearances (in any order; they are sorted by publication first)."""
    claims: list[Claim] = []
    seen: list[tuple[Claim, Features, int | None]] = []
    ordered = sorted(appearances, key=lambda a: a.order)
    for appearance in ordered:
        if appearance.stance in DECLINE:
            continue
        mine = features(appearance.content)
        denial = appearance.stance == "deny"
        best: tuple[float, int] = (0.0, -1)
        speaker = _speaker(appearance)
        for index, (claim, other, said) in enumerate(seen):
            score = similarity(mine, other)
            same = speaker is not None and said == speaker
            if same:  # the same speaker, in another article or language: the likelier claim
                score += SPEAKER_BONUS
            if score >= (DENIAL_THRESHOLD if denial else THRESHOLD) and score > best[0]:
                best = (score, index)
        if best[1] < 0 and denial:
            best = _same_article(appearance, mine, seen)
        if best[1] >= 0:
            claim = seen[best[1]][0]
            claim.scores[appearance.id] = round(best[0], 3)
        else:
            claim = Claim()
            claims.append(claim)
        (claim.denials if denial and claim.support else claim.support).append(appearance)
        if not denial or claim.support == [appearance]:
            seen.append((claim, mine, _speaker(appearance)))
    for appearance in ordered:
        if appearance.stance in DECLINE:
            for claim in claims:
                if any(a.article_row == appearance.article_row for a in claim.support + claim.denials):
                    claim.declines.append(appearance)
    return claims


def _same_article(denial: Appearance, mine: Features,
                  seen: Sequence[tuple[Claim, Features, int | None]]) -> tuple[float, int]:
    """For a denial close to no claim: the closest claim its own article carries, most appearances first on a
    tie (a denial answers what the article reports: "Kerbastic Energie denied that any closure had been
    decided"), or none when the article carries none."""
    best: tuple[float, int, int] = (-1.0, 0, -1)
    for index, (claim, other, _) in enumerate(seen):
        if any(a.article_row == denial.article_row for a in claim.support):
            candidate = (similarity(mine, other), len(claim.support), index)
            if candidate[:2] > best[:2]:
                best = candidate
    return best[0], best[2]


def origins(support: Sequence[Appearance]) -> list[Origin]:
    """The distinct origins of a claim's supporting appearances, earliest first."""
    ordered = sorted(support, key=lambda a: a.order)
    parent = {a.id: a.id for a in ordered}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    evidence: list[Evidence] = []
    for name, rule in RULES:
        for joined, to, why in rule(ordered):
            evidence.append(Evidence(name, (joined.id, to.id), why))
            a, b = root(joined.id), root(to.id)
            if a != b:
                parent[max(a, b, key=lambda k: _position(ordered, k))] = min(a, b, key=lambda k: _position(ordered, k))
    groups: dict[int, list[Appearance]] = {}
    for appearance in ordered:
        groups.setdefault(root(appearance.id), []).append(appearance)
    found = []
    for members in groups.values():
        ids = {a.id for a in members}
        mine = tuple(e for e in evidence if e.appearances[0] in ids)
        found.append(Origin(_label(members), tuple(dict.fromkeys(e.rule for e in mine)), tuple(members), mine))
    return found


def _position(ordered: Sequence[Appearance], key: int) -> int:
    return next(i for i, a in enumerate(ordered) if a.id == key)

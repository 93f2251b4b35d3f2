"""Claims: within one story, the attributions whose contents report the same thing.

Two contents are compared by their **words** and their **anchors**. Words are the content's folded words that are
not stop words, cut to their first five letters (a crude stem: `fermeture`/`fermer`, `evacuated`/`evacuation`,
and cognates across French and English such as `nécessaire`/`necessary`, meet). Anchors are names (capitalised
words that are not stop words) and numbers (`1 200` = `1,200`), which survive translation and weigh `ANCHOR_WEIGHT` words each. The
similarity is a weighted Jaccard of the two sets; two contents that both give numbers and share none report
different figures, and their similarity is divided by three.

Appearances are taken in order of publication (day, then storage): a supporting one (stance `assert` or
`acknowledge`) joins the claim with the most similar appearance if it reaches `THRESHOLD`, or starts a claim; a
denial (`deny`) is linked to the claim it is closest to (at `DENIAL_THRESHOLD`, lower since a denial rarely
repeats the words it denies) as a denial, never as support; a denial of nothing in the story is a claim of its
own. Declining to comment or not responding attaches to the claims the same article carries or denies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from selon.corpus.keys import fold
from selon.corpus.signals import number_key

THRESHOLD = 0.3
DENIAL_THRESHOLD = 0.15
ANCHOR_WEIGHT = 2.0
STEM = 5
SUPPORT = ("assert", "acknowledge")
DECLINE = ("decline", "no_response")

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d  \u202f.,]*\d|\d")


@cache
def stop_words() -> frozenset[str]:
    """French and English stop words, folded (spaCy's lists; no model is loaded)."""
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.fr.stop_words import STOP_WORDS as french

    return frozenset(fold(w) for w in french | english)


@dataclass(frozen=True)
class Appearance:
    """One attribution of a story's article, with what the claim and origin rules need."""

    id: int  # the attribution's row
    article: str  # the article's id
    article_row: int
    outlet: str | None
    published: str | None
    day: str
    source: str
    source_kind: str
    speaker_id: int
    stance: str
    content: str
    syndication_group: int
    via: str | None = None  # the outlet that carried it first, when the extractor recorded one

    @property
    def order(self) -> tuple[str, int, int]:
        return (self.day, self.article_row, self.id)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "article": self.article, "outlet": self.outlet, "published": self.published,
                "source": self.source, "source_kind": self.source_kind, "stance": self.stance,
                "content": self.content, "via": self.via}


@dataclass(frozen=True)
class Features:
    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]


def features(content: str) -> Features:
    stops = stop_words()
    words, names, numbers = set(), set(), set()
    for token in _WORD.findall(content):
        if token[0].isdigit():
            key = number_key(token)
            if key is not None:
                numbers.add(key)
            continue
        folded = fold(token).split("'")[-1]
        if len(folded) < 3 or folded in stops:
            continue
        if token[0].isupper():
            names.add(folded)
        else:
            words.add(folded[:STEM])
    return Features(frozenset(words), frozenset(names), frozenset(numbers))


def similarity(a: Features, b: Features) -> float:
    anchors_a, anchors_b = a.names | a.numbers, b.names | b.numbers
    shared = len(a.words & b.words) + ANCHOR_WEIGHT * len(anchors_a & anchors_b)
    union = len(a.words | b.words) + ANCHOR_WEIGHT * len(anchors_a | anchors_b)
    if not union:
        return 0.0
    score = shared / union
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        score /= 3
    return score


@dataclass
class Claim:
    """Appearances that report one thing: `support` (asserted or acknowledged), `denials`, `declines`."""

    support: list[Appearance] = field(default_factory=list)
    denials: list[Appearance] = field(default_factory=list)
    declines: list[Appearance] = field(default_factory=list)
    #: The similarity that joined each appearance after the first (appearance id → score), for `--explain`.
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def appearances(self) -> list[Appearance]:
        return sorted(self.support + self.denials, key=lambda a: a.order)

    @property
    def first(self) -> Appearance:
        return self.appearances[0]

    @property
    def id(self) -> str:
        return f"c{self.first.id}"


def cluster(appearances: Sequence[Appearance]) -> list[Claim]:
    """The claims of a story's appearances (in any order; they are sorted by publication first)."""
    claims: list[Claim] = []
    seen: list[tuple[Claim, Features]] = []
    ordered = sorted(appearances, key=lambda a: a.order)
    for appearance in ordered:
        if appearance.stance in DECLINE:
            continue
        mine = features(appearance.content)
        scored = [(similarity(mine, other), index) for index, (_, other) in enumerate(seen)]
        best = max(scored, key=lambda item: (item[0], -item[1]), default=(0.0, -1))
        denial = appearance.stance == "deny"
        if best[0] >= (DENIAL_THRESHOLD if denial else THRESHOLD) and best[1] >= 0:
            claim = seen[best[1]][0]
            claim.scores[appearance.id] = round(best[0], 3)
        else:
            claim = Claim()
            claims.append(claim)
        (claim.denials if denial and claim.support else claim.support).append(appearance)
        if not denial or claim.support == [appearance]:
            seen.append((claim, mine))
    for appearance in ordered:
        if appearance.stance in DECLINE:
            for claim in claims:
                if any(a.article_row == appearance.article_row for a in claim.support + claim.denials):
                    claim.declines.append(appearance)
    return claims

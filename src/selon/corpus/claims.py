"""Claims: within one story, the attributions whose contents report the same thing.

Two contents are compared by their **words** and their **anchors**. Words are the content's folded words that are
not stop words, cut to their first five letters (a crude stem: `fermeture`/`fermer`, `evacuated`/`evacuation`,
and cognates across French and English such as `nécessaire`/`necessary` or `Vostrian`/`vostriens`, meet).
Anchors are names (capitalised words that are not stop words) and numbers (`1 200` = `1,200`, `2,4` = `2.4`),
which survive translation and weigh `ANCHOR_WEIGHT` words each. The similarity is a weighted Jaccard of the two
sets; two contents that both give numbers and share none report different figures, and their similarity is
divided by three.

Appearances are taken in order of publication (day, then storage): a supporting one (stance `assert` or
`acknowledge`) joins the claim with the most similar appearance if it reaches `THRESHOLD` (an appearance by the same
linked speaker counts `SPEAKER_BONUS` more: one minister saying it in French and in English shares little more
than names and figures), or starts a claim; a denial (`deny`) is linked to the claim it is closest to (at
`DENIAL_THRESHOLD`, lower since a denial rarely repeats the words it denies), or else to the closest claim its
own article carries, as a denial, never as support; a denial of nothing in the story is a claim of its own. Declining to comment or not responding attaches to the claims the same article carries or denies.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from selon.corpus.claim_index import CandidateIndex
from selon.corpus.keys import fold

THRESHOLD = 0.3
DENIAL_THRESHOLD = 0.15
#: Added to the similarity with an appearance by the same linked speaker.
SPEAKER_BONUS = 0.15
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
    #: stem → weight: 1 for a word, `ANCHOR_WEIGHT` for a name or a number
    stems: dict[str, float]
    numbers: frozenset[str]


def _number(token: str) -> str:
    """Any figure, years and small numbers included (within one story they tell claims apart)."""
    compact = re.sub(r"[  \u202f]", "", token)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        compact = re.sub(r"[.,]", "", compact)
    return compact.replace(",", ".").rstrip(".")


def features(content: str) -> Features:
    stops = stop_words()
    stems: dict[str, float] = {}
    numbers = set()
    for token in _WORD.findall(content):
        if token[0].isdigit():
            number = _number(token)
            numbers.add(number)
            stems[f"#{number}"] = ANCHOR_WEIGHT
            continue
        folded = fold(token).split("'")[-1]
        if len(folded) < 3 or folded in stops:
            continue
        stem = folded[:STEM]
        weight = ANCHOR_WEIGHT if token[0].isupper() else 1.0
        stems[stem] = max(stems.get(stem, 0.0), weight)
    return Features(stems, frozenset(numbers))


def similarity(a: Features, b: Features) -> float:
    """Weighted Jaccard of the stems (a name or a number weighs `ANCHOR_WEIGHT`), divided by three when both
    give figures and share none."""
    keys = a.stems.keys() | b.stems.keys()
    union = sum(max(a.stems.get(k, 0.0), b.stems.get(k, 0.0)) for k in keys)
    if not union:
        return 0.0
    score = sum(min(a.stems.get(k, 0.0), b.stems.get(k, 0.0)) for k in keys) / union
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
    """The claims of a story's appearances (in any order; they are sorted by publication first).

    Each appearance is compared only with the earlier entries that can reach its threshold
    (`selon.corpus.claim_index`), in the order they were seen, so the result is the full scan's
    (`selon.corpus.claims_reference`) at a near-linear cost. An entry identical to one already in its claim
    (same stems, same speaker: a syndicated copy) is left out of the index: it scores what its twin scores
    against anything, and the earlier twin wins every tie."""
    claims: list[Claim] = []
    seen: list[tuple[Claim, Features, int | None]] = []
    ordered = sorted(appearances, key=lambda a: a.order)
    memo: dict[str, Features] = {}
    for appearance in ordered:
        if appearance.content not in memo:
            memo[appearance.content] = features(appearance.content)
    frequency: Counter[str] = Counter()
    for appearance in ordered:
        if appearance.stance not in DECLINE:
            frequency.update(memo[appearance.content].stems)
    index = CandidateIndex(frequency)
    twins: set[tuple[int, frozenset[tuple[str, float]], bool, int | None]] = set()
    entries_of: dict[int, list[int]] = defaultdict(list)  # id(claim) → its entries in `seen`
    supported: dict[int, list[Claim]] = defaultdict(list)  # article row → the claims it supports, in order
    for appearance in ordered:
        if appearance.stance in DECLINE:
            continue
        mine = memo[appearance.content]
        denial = appearance.stance == "deny"
        threshold = DENIAL_THRESHOLD if denial else THRESHOLD
        best: tuple[float, int] = (0.0, -1)
        speaker = _speaker(appearance)
        for position in index.candidates(mine.stems, threshold, speaker, threshold - SPEAKER_BONUS):
            claim, other, said = seen[position]
            score = similarity(mine, other)
            if speaker is not None and said == speaker:  # the same speaker, in another article or language
                score += SPEAKER_BONUS
            if score >= threshold and score > best[0]:
                best = (score, position)
        if best[1] < 0 and denial:
            best = _same_article(appearance, mine, seen, [e for c in supported.get(appearance.article_row, ())
                                                          for e in entries_of[id(c)]])
        if best[1] >= 0:
            claim = seen[best[1]][0]
            claim.scores[appearance.id] = round(best[0], 3)
        else:
            claim = Claim()
            claims.append(claim)
        if denial and claim.support:
            claim.denials.append(appearance)
        else:
            claim.support.append(appearance)
            if claim not in supported[appearance.article_row]:
                supported[appearance.article_row].append(claim)
        if not denial or claim.support == [appearance]:
            seen.append((claim, mine, speaker))
            twin = (id(claim), frozenset(mine.stems.items()), bool(mine.numbers), speaker)
            if twin not in twins:
                twins.add(twin)
                entries_of[id(claim)].append(len(seen) - 1)
                index.add(len(seen) - 1, mine.stems, speaker)
    carrying: dict[int, list[Claim]] = defaultdict(list)  # article row → claims it supports or denies, in order
    for claim in claims:
        for row in dict.fromkeys(a.article_row for a in claim.support + claim.denials):
            carrying[row].append(claim)
    for appearance in ordered:
        if appearance.stance in DECLINE:
            for claim in carrying.get(appearance.article_row, ()):
                claim.declines.append(appearance)
    return claims


def _speaker(appearance: Appearance) -> int | None:
    """The linked speaker, for named kinds only (anonymous sources and documents are linked to no other)."""
    return appearance.speaker_id if appearance.source_kind in ("person", "organization") else None


def _same_article(denial: Appearance, mine: Features, seen: Sequence[tuple[Claim, Features, int | None]],
                  entries: Sequence[int]) -> tuple[float, int]:
    """For a denial close to no claim: the closest claim its own article carries, most appearances first on a
    tie (a denial answers what the article reports: "Kerbastic Energie denied that any closure had been
    decided"), or none when the article carries none. `entries` are the `seen` entries of the claims the
    article supports."""
    best: tuple[float, int, int] = (-1.0, 0, -1)
    for index in sorted(entries):
        claim, other, _ = seen[index]
        candidate = (similarity(mine, other), len(claim.support), index)
        if candidate[:2] > best[:2]:
            best = candidate
    return best[0], best[2]

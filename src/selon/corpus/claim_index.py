"""Which earlier appearances of a story can reach the claim threshold with a new one: an index that keeps claim
clustering near-linear in the story's size.

`selon.corpus.claims.cluster` joins an appearance to the most similar earlier one (weighted Jaccard of stems).
Scanning every earlier appearance makes a story of n attributions cost n² comparisons: a story of a thousand
articles costs seconds per request. This index gives, exactly, a superset of the earlier appearances whose
similarity can reach a threshold, by **prefix filtering**: if J(q, c) ≥ t then the weight q shares with c is at
least t·W(q) (the union weighs at least W(q)), so c must share one of q's stems outside any set of q's stems
weighing less than t·W(q). Those left-out stems are q's most common ones in the story (its place name, its
main figure), whose posting lists are the long ones; the stems probed are the rare ones, with short lists.
Stems are ranked by their frequency in the story, then alphabetically, so the rank is the same for every
appearance (the bound needs one order, any order).

The same linked speaker earns a bonus in `cluster`, so its entries are probed at a lower threshold, among that
speaker's entries only (postings per speaker and stem); at a threshold of zero or less, every entry of the
speaker is a candidate (a denial by the same speaker joins on the bonus alone).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

#: Below any real threshold difference: the prefix is computed for t − EPSILON, so rounding in the caller's
#: `similarity + bonus >= threshold` never drops a candidate the full scan would have kept.
EPSILON = 1e-9


class CandidateIndex:
    """Posting lists of the entries added so far, by stem and by (speaker, stem)."""

    def __init__(self, frequency: Mapping[str, int]) -> None:
        self._frequency = frequency
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._spoken: dict[tuple[int, str], list[int]] = defaultdict(list)
        self._by_speaker: dict[int, list[int]] = defaultdict(list)

    def add(self, entry: int, stems: Iterable[str], speaker: int | None) -> None:
        for stem in stems:
            self._postings[stem].append(entry)
            if speaker is not None:
                self._spoken[(speaker, stem)].append(entry)
        if speaker is not None:
            self._by_speaker[speaker].append(entry)

    def candidates(self, stems: Mapping[str, float], threshold: float, speaker: int | None,
                   speaker_threshold: float) -> list[int]:
        """The entries, in the order they were added, that may reach `threshold`, or `speaker_threshold` when
        they are `speaker`'s."""
        found: set[int] = set()
        for stem in self._prefix(stems, threshold):
            found.update(self._postings.get(stem, ()))
        if speaker is not None:
            if speaker_threshold <= EPSILON:
                found.update(self._by_speaker.get(speaker, ()))
            else:
                for stem in self._prefix(stems, speaker_threshold):
                    found.update(self._spoken.get((speaker, stem), ()))
        return sorted(found)

    def _prefix(self, stems: Mapping[str, float], threshold: float) -> list[str]:
        """The rarest stems of `stems`, until those left weigh less than `threshold` of the whole."""
        total = sum(stems.values())
        bound = (threshold - EPSILON) * total
        rest = total
        prefix: list[str] = []
        for stem in sorted(stems, key=lambda s: (self._frequency.get(s, 0), s)):
            if rest < bound:
                break
            prefix.append(stem)
            rest -= stems[stem]
        return prefix

"""Origins: which appearances of a claim rest on one source, so that a claim's independent origins can be counted.

Every rule is a function below, with its reason; `origins` applies them all to a claim's supporting appearances,
joining appearances into one origin (union-find), and records for each join the rule and the two appearances it
joined, so a reader can check every step. What no rule joins stays apart: **anonymous sources in different
outlets are distinct origins** unless one article cites the other outlet (then `echo` joins them), since nothing
says that "a senior official" in one newspaper is the "diplomatic source" of another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from selon.corpus.claims import Appearance
from selon.corpus.keys import normalise_text

Join = tuple[Appearance, Appearance, str]  # (joined, to, why)
_DETERMINER = re.compile(r"^(?:le|la|les|l|the|du|de la|des)\s+")


def outlet_key(name: str | None) -> str:
    """`le Washington Post`, `The Washington Post` and `WASHINGTON POST` name one outlet."""
    return _DETERMINER.sub("", normalise_text(name or ""))


def cited_outlet(appearance: Appearance) -> str | None:
    """The outlet an appearance is credited to: its source when that is an outlet (`selon le Washington Post`),
    else the relay the extractor recorded (`via`: "des responsables ont déclaré à la BBC")."""
    if appearance.source_kind == "media":
        return appearance.source
    return appearance.via


def syndicated(appearances: Sequence[Appearance]) -> Iterator[Join]:
    """Syndicated copies (one syndication group: near-identical texts) share one origin: a wire story printed by
    ten outlets is one report, however many front pages carry it."""
    first: dict[int, Appearance] = {}
    for appearance in appearances:
        group = first.setdefault(appearance.syndication_group, appearance)
        if group is not appearance and group.article_row != appearance.article_row:
            yield appearance, group, f"syndicated copy (group {appearance.syndication_group})"


def echo(appearances: Sequence[Appearance]) -> Iterator[Join]:
    """An article that attributes the claim to another outlet (`selon le Washington Post`, `the BBC reported`,
    or a relay recorded as `via`) repeats that outlet's report: it joins the outlet's earliest appearance of the
    claim in the story when there is one before it, and otherwise every other article citing the same outlet
    (the outlet's own article is simply not in the corpus)."""
    carried: dict[str, Appearance] = {}
    cited: dict[str, Appearance] = {}
    for appearance in appearances:  # in order of publication
        carried.setdefault(outlet_key(appearance.outlet), appearance)
    for appearance in appearances:
        name = cited_outlet(appearance)
        key = _known(outlet_key(name), carried)
        if not key or key == outlet_key(appearance.outlet):
            continue
        original = carried.get(key)
        if original is not None and original.order < appearance.order:
            yield appearance, original, f"cites {name}, which carried it first"
        elif key in cited:
            yield appearance, cited[key], f"both cite {name}"
        else:
            cited[key] = appearance


def _known(key: str, outlets: dict[str, Appearance]) -> str:
    """The outlet of the story that a citation names, when it names it with more or fewer words ("l'agence Global
    Wire" for Global Wire, "Washington Post" for The Washington Post Company is not: the words must end alike)."""
    if not key or key in outlets:
        return key
    for known in _longest_first(tuple(outlets)):
        if known and (key.endswith(" " + known) or known.endswith(" " + key)):
            return known
    return key


@lru_cache(maxsize=64)
def _longest_first(outlets: tuple[str, ...]) -> tuple[str, ...]:
    """The story's outlets, longest name first, sorted once per claim rather than once per citation."""
    return tuple(sorted(outlets, key=len, reverse=True))


def same_speaker(appearances: Sequence[Appearance]) -> Iterator[Join]:
    """The same named speaker, linked across articles (one minister telling three outlets), is one source, not
    three. Anonymous sources and documents are linked to no other article's, so this never joins them."""
    first: dict[int, Appearance] = {}
    for appearance in appearances:
        if appearance.source_kind in ("person", "organization"):
            other = first.setdefault(appearance.speaker_id, appearance)
            if other is not appearance:
                yield appearance, other, f"same speaker, {appearance.source}"


def same_outlet_anonymous(appearances: Sequence[Appearance]) -> Iterator[Join]:
    """Anonymous sources in one outlet's articles are one pool: a reader cannot tell whether "a senior official"
    on Monday and "a government source" on Tuesday are two people, and the outlet's reporters often share them."""
    first: dict[str, Appearance] = {}
    for appearance in appearances:
        if appearance.source_kind == "anonymous" and appearance.outlet:
            other = first.setdefault(outlet_key(appearance.outlet), appearance)
            if other is not appearance:
                yield appearance, other, f"anonymous sources of {appearance.outlet}"


RULES: tuple[tuple[str, Callable[[Sequence[Appearance]], Iterator[Join]]], ...] = (
    ("syndication", syndicated),
    ("echo", echo),
    ("same_speaker", same_speaker),
    ("same_outlet_anonymous", same_outlet_anonymous),
)


@dataclass(frozen=True)
class Evidence:
    rule: str
    appearances: tuple[int, int]
    why: str

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "appearances": list(self.appearances), "why": self.why}


@dataclass(frozen=True)
class Origin:
    label: str
    rules: tuple[str, ...]  # the rules that joined its appearances; empty for a single appearance
    appearances: tuple[Appearance, ...]
    evidence: tuple[Evidence, ...]

    @property
    def anonymous(self) -> bool:
        """Rests on unnamed people only: anonymous appearances, and no named speaker or document."""
        kinds = {a.source_kind for a in self.appearances}
        return "anonymous" in kinds and not kinds & {"person", "organization", "document"}

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "rule": "+".join(self.rules) or "own", "rules": list(self.rules),
                "appearances": [a.id for a in self.appearances], "anonymous": self.anonymous,
                "evidence": [e.to_dict() for e in self.evidence]}


def origins(support: Sequence[Appearance]) -> list[Origin]:
    """The distinct origins of a claim's supporting appearances, earliest first (linear in the appearances and
    their joins, so a claim carried by a thousand copies costs a thousand steps, not a million)."""
    ordered = sorted(support, key=lambda a: a.order)
    position = {a.id: i for i, a in enumerate(ordered)}
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
                parent[max(a, b, key=position.__getitem__)] = min(a, b, key=position.__getitem__)
    groups: dict[int, list[Appearance]] = {}
    for appearance in ordered:
        groups.setdefault(root(appearance.id), []).append(appearance)
    proofs: dict[int, list[Evidence]] = {}
    for item in evidence:
        proofs.setdefault(root(item.appearances[0]), []).append(item)
    found = []
    for key, members in groups.items():
        mine = tuple(proofs.get(key, ()))
        found.append(Origin(_label(members), tuple(dict.fromkeys(e.rule for e in mine)), tuple(members), mine))
    return found


def _label(members: Sequence[Appearance]) -> str:
    """Who the origin is: the first named speaker, else the anonymous sources and their outlet, else the outlet
    first credited."""
    for appearance in members:
        if appearance.source_kind in ("person", "organization", "document"):
            return appearance.source
    for appearance in members:
        if appearance.source_kind == "anonymous":
            return f"{appearance.source} ({appearance.outlet or 'unknown outlet'})"
    first = members[0]
    return cited_outlet(first) or first.outlet or first.source

"""The language data about people that gender and role categories need, loaded, validated and cached.

Kept apart from `selon.lang.load` (whose tables steer the extraction itself) because none of it may change which
statements are found or who made them: it only describes the people found. Every file is optional, so a language
folder without them still loads, and its sources get `unknown` and `other`.

    roles.tsv           noun, category, gender      nouns naming people by role or description: "députée  politician
                        f"; category one of ROLE_CATEGORIES, written "~politician" when the institution named
                        beside the noun decides instead ("président du club" is sport); gender f (a feminine
                        form: says female), m (a masculine form with a distinct feminine: weakly male, since it is
                        also written of women), - (one form for both: its determiner decides), x (a grammatical
                        gender that says nothing of the person: "témoin", "victime")
    role_contexts.tsv   word, category              institution words that decide a "~" role: "police  police_justice"
    agreement.tsv       word, gender (f|m)          participles written before or after a person, agreeing with them:
                        "interrogée  f", "jointe  f"
    epicene_names.txt   first names given to both genders: "Claude", "Dominique"; always unknown by name
    name_countries.txt  gender-guesser countries whose name lists speak for the language: "france"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from selon.errors import ResourceError
from selon.lang import _folder, _lines, _table, fold
from selon.schema.records import ROLE_CATEGORIES, RoleCategory

_NOUN_GENDERS = ("f", "m", "-", "x")


@dataclass(frozen=True)
class RoleEntry:
    category: RoleCategory
    #: the institution named beside the noun decides the category ("~" in roles.tsv)
    flexible: bool
    #: f | m | - | x, see the module docstring
    gender: str


@dataclass(frozen=True)
class PeopleResources:
    code: str
    roles: dict[str, RoleEntry]
    contexts: dict[str, RoleCategory]
    agreement: dict[str, str]
    epicene_names: frozenset[str]
    name_countries: tuple[str, ...]

    @cached_property
    def longest_role(self) -> int:
        """Words in the longest role ("secrétaire d'état" is two), so lookups try no longer runs; computed once,
        as every phrase of every article asks for it."""
        return max((len(r.split()) for r in self.roles), default=1)


def _category(value: str, where: str) -> tuple[RoleCategory, bool]:
    flexible = value.startswith("~")
    name = value.lstrip("~")
    if name not in ROLE_CATEGORIES:
        raise ResourceError(f"{where}: category {name!r} is not one of {', '.join(ROLE_CATEGORIES)}")
    return name, flexible


def _roles(folder: Path) -> dict[str, RoleEntry]:
    if not (folder / "roles.tsv").is_file():
        return {}
    roles = {}
    for noun, category, gender in _table(folder, "roles.tsv", 3):
        where = f"{folder.name}/roles.tsv: {noun}"
        if gender not in _NOUN_GENDERS:
            raise ResourceError(f"{where}: gender must be one of {', '.join(_NOUN_GENDERS)}")
        name, flexible = _category(category, where)
        roles[fold(noun)] = RoleEntry(name, flexible, gender)
    return roles


def _contexts(folder: Path) -> dict[str, RoleCategory]:
    if not (folder / "role_contexts.tsv").is_file():
        return {}
    contexts: dict[str, RoleCategory] = {}
    for word, category in _table(folder, "role_contexts.tsv", 2):
        name, flexible = _category(category, f"{folder.name}/role_contexts.tsv: {word}")
        if flexible:
            raise ResourceError(f"{folder.name}/role_contexts.tsv: {word}: a context decides; no '~'")
        contexts[fold(word)] = name
    return contexts


def _agreement(folder: Path) -> dict[str, str]:
    if not (folder / "agreement.tsv").is_file():
        return {}
    words = {}
    for word, gender in _table(folder, "agreement.tsv", 2):
        if gender not in ("f", "m"):
            raise ResourceError(f"{folder.name}/agreement.tsv: {word}: gender must be f or m")
        words[fold(word)] = gender
    return words


def _list(folder: Path, name: str) -> list[str]:
    return [fold(line) for _, line in _lines(folder, name)] if (folder / name).is_file() else []


@cache
def load_people(code: str) -> PeopleResources:
    """The people tables of language `code` (UnsupportedLanguageError for a language without a folder)."""
    folder = _folder(code)
    return PeopleResources(
        code=code,
        roles=_roles(folder),
        contexts=_contexts(folder),
        agreement=_agreement(folder),
        epicene_names=frozenset(_list(folder, "epicene_names.txt")),
        name_countries=tuple(_list(folder, "name_countries.txt")),
    )

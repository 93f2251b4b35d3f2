"""First names to gender, through gender-guesser's offline dictionary: the second signal, after the article's own.

gender-guesser (GPLv3) ships its name lists inside the package and needs no network; its detector takes about
half a second to read them, so it is built on first use and once per process. Its answers are mapped so that a
decided gender is rarely wrong:

- the language's countries (`name_countries.txt`) are asked first: "Jean" is male in France and mostly female
  in Britain and the United States; `female`/`male` and `mostly_female`/`mostly_male` there decide, unless two of
  those countries disagree;
- a name none of those countries lists (`andy` everywhere) is asked of the whole dictionary, where only
  `female`/`male` decide: a `mostly_*` across all countries is a name given to both;
- `andy` and `unknown` decide nothing, nor does a name of the language's `epicene_names.txt` ("Claude",
  "Dominique", "Alex", "Camille"), nor an initial ("J.").

A hyphenated first name is looked up whole, then by its first part ("Anne-Sophie" as "Anne", "Jean-Marie" as
"Jean"), and accents are dropped when the name is not found as written ("Élodie").
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Protocol

from selon.lang.people import PeopleResources

_DECIDED = {"female": "f", "male": "m"}
_MOSTLY = {"mostly_female": "f", "mostly_male": "m"}


class _Detector(Protocol):
    def get_gender(self, name: str, country: str | None = None) -> str: ...


@cache
def _detector() -> _Detector:
    import gender_guesser.detector as guesser  # loaded on first use: its lists take half a second to read

    detector: _Detector = guesser.Detector(case_sensitive=False)
    return detector


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _ask(name: str, countries: tuple[str, ...]) -> tuple[str | None, str]:
    """(f | m | None, gender-guesser's answer in words) for one spelling of a name."""
    detector = _detector()
    answers = [detector.get_gender(name, country) for country in countries]
    said = {_DECIDED.get(a) or _MOSTLY.get(a) for a in answers} - {None}
    if len(said) == 1:
        answer = next(a for a in answers if (_DECIDED.get(a) or _MOSTLY.get(a)) in said)
        return said.pop(), answer
    if said:
        return None, "given to both genders in " + ", ".join(countries)
    overall = detector.get_gender(name)
    return _DECIDED.get(overall), overall


def first_name_gender(first: str, res: PeopleResources) -> tuple[str | None, str]:
    """(f | m | None, why in words) for a first name, in the language of `res`."""
    if len(first.rstrip(".")) < 2 or first.endswith("."):
        return None, f"'{first}' is an initial"
    if first.lower() in res.epicene_names:
        return None, f"first name '{first}' is given to both genders (epicene_names.txt)"
    spellings = [first, _plain(first)]
    if "-" in first:
        head = first.split("-")[0]
        spellings += [head, _plain(head)]
    answer = "unknown"
    for spelling in dict.fromkeys(spellings):
        gender, answer = _ask(spelling, res.name_countries)
        if gender is not None:
            return gender, f"first name '{first}' (gender-guesser: {answer})"
        if answer != "unknown":
            break  # known to the dictionary, and given to both: a shorter spelling must not decide
    return None, f"first name '{first}' (gender-guesser: {answer})"

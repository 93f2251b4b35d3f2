"""Language resources: one folder per language, plain UTF-8 files, loaded, validated and cached here.

A language is a folder `selon/lang/<code>/` holding the files below; nothing language-specific lives in code, so a
new language is a new folder. Lines starting with `#` and blank lines are ignored everywhere; entries are
compared lower-cased, with typographic apostrophes folded to `'`.

    language.json        {"code", "name", "model"}: the default spaCy model; optionally
                         "clitic_lemma_suffix": appended to a verb form (or to the lemma the model gave it) to
                         get its lemma where the model cannot: before an inverted clitic ("estime-t-il" ->
                         "estimer"), in an incise, or a verb lemmatised as a noun ("demande" -> "demander");
                         "unnamed_source": what an impersonal subject's source is called ("a-t-on appris")
    cues.tsv             lemma, stance, frame          reporting verbs (see FRAMES)
    according.txt        phrases that attribute by preposition: "selon", "according to"
    according_person.txt  the same, only opening a sentence and naming a person: "Pour la sociologue X, …"
    anonymous_nouns.txt  nouns naming unnamed people: "responsable", "official"
    document_nouns.txt   nouns naming documents: "rapport", "report"
    media_nouns.txt      nouns naming outlets generically: "médias", "newspaper"
    organization_nouns.txt  nouns naming institutions: "ministère", "ministry"
    roles.txt            titles and roles: "porte-parole", "spokeswoman"
    outlets.txt          names of news outlets and agencies: "AFP", "Reuters"
    speech_nouns.txt     what one declines or fails to answer: "commentaire", "request"
    claim_nouns.txt      what one rejects or sweeps aside as said by others: "critiques", "allegations"
    issuing_verbs.txt    verbs that put out a document: "released (a statement saying …)", "publier"
    provider_verbs.txt   verbs that hand information over: "(selon des informations) transmises par X", "provided"
    numbers.tsv          word, value                    counted sources: "trois  3"
    pronouns.tsv         pronoun, number (sg|pl), gender (f|m|n|-)   subject pronouns; n: a thing ("it")
    honorifics.tsv       title, gender (f|m|-)          written before a surname: "Mme", "Sen."
    role_synonyms.txt    roles naming one function, TAB-separated on a line: "porte-parole  porte-voix"
    collectives.tsv      collective, member role: "défense  avocat" (the defence is its lawyers)
    age_words.txt        words describing a person by age with a number: "ans", "year-old"
    time_nouns.txt       nouns of time, never a source: "lundi", "Monday"
    impersonal_subjects.txt  subject pronouns naming nobody: "on", "one"
    hearsay_prepositions.txt  where an impersonal subject learnt it: "auprès (de)"
    hearsay_verbs.txt    verbs by which an impersonal subject learnt what it reports: "(a-t-on) appris"
    reflexive_non_speech.txt  verbs whose reflexive use reports nothing: "se montrer", "se déclarer (un feu)"
    narrative_infinitive.txt  the words that open a narrative infinitive: "et de (rappeler)", "et d'(ajouter)"
    object_prepositions.txt  verb and preposition whose object is what was said: "admit to", "insister sur"
    outlet_title_words.tsv  word, first|last    newspaper title words: "La Voix (du …)", "(the Harbour) Post"
    genitive_prepositions.txt  prepositions that stay inside a source's mention: "de", "of"
    as_markers.txt       conjunctions of a parenthetical reporting clause: "comme (l'a dit X)", "as"
    predicative_prepositions.txt  what introduces what the object was called: "described it as (…)", "comme"
    anaphoric_determiners.txt  determiners of a definite noun phrase that refers back: "les", "the"
    boilerplate.txt      regular expressions matching whole page-furniture paragraphs
    anonymity.txt        regular expressions matching a condition of anonymity

Tables about people, which describe the sources found without changing them (gender and role category, issue 9),
are read by `selon.lang.people`: roles.tsv, role_contexts.tsv, agreement.tsv, epicene_names.txt,
name_countries.txt.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import get_args

from selon.errors import ResourceError, UnsupportedLanguageError
from selon.schema.records import Stance

#: What a cue verb's complement is, and under which condition its stance holds.
#:  say           takes a clause, a quote or an incise: "a déclaré que", "said"
#:  say_obj       like say, and a plain object is the content too: "a révélé l'étendue", "denied the report"
#:  act           a speech act whose content is the predicate itself: "a critiqué la décision"
#:  decline_ctrl  decline only when its complement is a speech verb or noun: "a refusé de commenter"
#:  neg_ctrl      decline only when negated and its complement is a speech verb: "n'a pas souhaité s'exprimer"
#:  neg           its stance holds only when negated: "n'a pas répondu"
#:  neg_obj       only when negated and its object is a speech noun: "n'a pas donné suite", "did not return calls"
#:  refer         decline when its object is a speech noun or journalists: "a renvoyé les questions à"
#:  claim_obj     only when its object is a claim (claim_nouns.txt), which is the content: "a rejeté ces critiques"
FRAMES = ("say", "say_obj", "act", "decline_ctrl", "neg_ctrl", "neg", "neg_obj", "refer", "claim_obj")

_ROOT = "selon.lang"


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The comparison key of an entry or a token: lower-cased, with typographic apostrophes made plain. Cached:
    the rules fold the same few thousand words of an article hundreds of thousands of times."""
    return text.lower().replace("\u2019", "'").replace("\u02bc", "'").strip()


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    stance: Stance
    frame: str


@dataclass(frozen=True)
class LangResources:
    code: str
    name: str
    model: str
    clitic_lemma_suffix: str
    cues: dict[str, tuple[CueEntry, ...]]
    according: tuple[str, ...]
    according_person: tuple[str, ...]
    anonymous_nouns: frozenset[str]
    document_nouns: frozenset[str]
    media_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    roles: frozenset[str]
    outlets: tuple[str, ...]
    speech_nouns: frozenset[str]
    numbers: dict[str, int]
    pronouns: dict[str, str]
    anaphoric_determiners: frozenset[str]
    boilerplate: tuple[re.Pattern[str], ...]
    anonymity: tuple[re.Pattern[str], ...]
    #: the files below are optional, so a language folder written for an earlier selon still loads
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)
    role_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    #: a collective noun -> the roles of the people it stands for ("défense" -> {"avocat"})
    collectives: dict[str, frozenset[str]] = field(default_factory=dict)
    age_words: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    impersonal_subjects: frozenset[str] = frozenset()
    hearsay_prepositions: frozenset[str] = frozenset()
    hearsay_verbs: frozenset[str] = frozenset()
    reflexive_non_speech: frozenset[str] = frozenset()
    narrative_infinitive: frozenset[str] = frozenset()
    genitive_prepositions: frozenset[str] = frozenset()
    as_markers: frozenset[str] = frozenset()
    predicative_prepositions: frozenset[str] = frozenset()
    object_prepositions: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    provider_verbs: frozenset[str] = frozenset()
    #: title words of newspapers, by their place in the name: {"first": {...}, "last": {...}}
    outlet_title_words: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the name of the source behind an impersonal subject ("a-t-on appris"), empty to keep the pronoun
    unnamed_source: str = ""

    @cached_property
    def people_nouns(self) -> frozenset[str]:
        """Nouns naming people, by role or description: who can speak."""
        return self.roles | self.anonymous_nouns

    @cached_property
    def speaker_nouns(self) -> frozenset[str]:
        """Every noun that can name a speaker: people, institutions, outlets."""
        return self.people_nouns | self.organization_nouns | self.media_nouns

    def synonyms(self, role: str) -> frozenset[str]:
        """The role and every role sharing a line of role_synonyms.txt with it (not transitively: "élu" may
        stand for a "député" or a "maire", which are not each other)."""
        return self.role_synonyms.get(role, frozenset()) | {role}


def _lines(folder: Path, name: str) -> list[tuple[int, str]]:
    path = folder / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceError(f"language resource {path.name} is missing in {folder.name}/") from None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            rows.append((number, line.rstrip("\n")))
    return rows


def _phrases(folder: Path, name: str) -> tuple[str, ...]:
    """Longest first, so that a regular expression alternation prefers "d'après" to a shorter prefix."""
    return tuple(sorted({fold(line) for _, line in _lines(folder, name)}, key=len, reverse=True))


def _words(folder: Path, name: str) -> frozenset[str]:
    return frozenset(fold(line) for _, line in _lines(folder, name))


def _optional(folder: Path, name: str) -> bool:
    return (folder / name).is_file()


def _genders(folder: Path, name: str) -> dict[str, str]:
    """word -> "f" | "m" | "-" (the word says no gender) from a two-column table; a final full stop is dropped."""
    if not _optional(folder, name):
        return {}
    genders = {}
    for word, gender in _table(folder, name, 2):
        if gender not in ("f", "m", "-"):
            raise ResourceError(f"{folder.name}/{name}: {word}: gender must be f, m or -")
        genders[fold(word).rstrip(".")] = gender
    return genders


def _synonyms(folder: Path) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    if _optional(folder, "role_synonyms.txt"):
        for _, line in _lines(folder, "role_synonyms.txt"):
            words = {fold(w) for w in line.split("\t") if w.strip()}
            for word in words:
                groups.setdefault(word, set()).update(words)
    return {word: frozenset(group) for word, group in groups.items()}


def _collectives(folder: Path) -> dict[str, frozenset[str]]:
    if not _optional(folder, "collectives.tsv"):
        return {}
    members: dict[str, set[str]] = {}
    for collective, role in _table(folder, "collectives.tsv", 2):
        members.setdefault(fold(collective), set()).add(fold(role))
    return {collective: frozenset(roles) for collective, roles in members.items()}


def _title_words(folder: Path) -> dict[str, frozenset[str]]:
    if not _optional(folder, "outlet_title_words.tsv"):
        return {}
    places: dict[str, set[str]] = {"first": set(), "last": set()}
    for word, place in _table(folder, "outlet_title_words.tsv", 2):
        if place not in places:
            raise ResourceError(f"{folder.name}/outlet_title_words.tsv: {word}: place must be first or last")
        places[place].add(word)  # case kept: a title word is capitalised
    return {place: frozenset(words) for place, words in places.items()}


def _optional_words(folder: Path, name: str) -> frozenset[str]:
    return _words(folder, name) if _optional(folder, name) else frozenset()


def _table(folder: Path, name: str, columns: int) -> list[list[str]]:
    rows = []
    for number, line in _lines(folder, name):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns or not all(cells):
            raise ResourceError(f"{folder.name}/{name}:{number}: expected {columns} tab-separated columns")
        rows.append(cells)
    return rows


def _patterns(folder: Path, name: str) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for number, line in _lines(folder, name):
        try:
            patterns.append(re.compile(line.strip(), re.IGNORECASE))
        except re.error as error:
            raise ResourceError(f"{folder.name}/{name}:{number}: bad regular expression: {error}") from None
    return tuple(patterns)


def _cues(folder: Path) -> dict[str, tuple[CueEntry, ...]]:
    stances = get_args(Stance)
    cues: dict[str, list[CueEntry]] = {}
    for lemma, stance, frame in _table(folder, "cues.tsv", 3):
        if stance not in stances or frame not in FRAMES:
            raise ResourceError(f"{folder.name}/cues.tsv: {lemma}: unknown stance {stance!r} or frame {frame!r}")
        cues.setdefault(fold(lemma), []).append(CueEntry(fold(lemma), stance, frame))  # type: ignore[arg-type]
    return {lemma: tuple(entries) for lemma, entries in cues.items()}


def _roots() -> list[Path]:
    """Folders holding languages: those in `SELON_LANG_PATH` (os.pathsep-separated) first, then the package's.

    A user adds or overrides a language by pointing `SELON_LANG_PATH` at a folder of their own.
    """
    extra = [Path(p) for p in os.environ.get("SELON_LANG_PATH", "").split(os.pathsep) if p]
    return [*extra, Path(str(resources.files(_ROOT)))]


def _folder(code: str) -> Path:
    for root in _roots():
        if (root / code / "language.json").is_file():
            return root / code
    raise UnsupportedLanguageError(f"language {code!r} is not supported")


def available_languages() -> list[str]:
    codes = {p.name for root in _roots() if root.is_dir() for p in root.iterdir() if (p / "language.json").is_file()}
    return sorted(codes)


@cache
def load(code: str) -> LangResources:
    """The resources of language `code`; raises UnsupportedLanguageError for a language without a folder."""
    if code not in available_languages():
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported (available: {', '.join(available_languages())})"
        )
    folder = _folder(code)
    meta = json.loads((folder / "language.json").read_text(encoding="utf-8"))
    numbers = {}
    for word, value in _table(folder, "numbers.tsv", 2):
        if not value.isdigit():
            raise ResourceError(f"{code}/numbers.tsv: {word}: value {value!r} is not a number")
        numbers[fold(word)] = int(value)
    pronouns, pronoun_genders = {}, {}
    for number_line, line in _lines(folder, "pronouns.tsv"):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) not in (2, 3) or cells[1] not in ("sg", "pl") or cells[2:] not in ([], ["f"], ["m"], ["n"], ["-"]):
            raise ResourceError(f"{code}/pronouns.tsv:{number_line}: expected pronoun, sg|pl and an optional f|m|n|-")
        pronouns[fold(cells[0])] = cells[1]
        if cells[2:] and cells[2] != "-":
            pronoun_genders[fold(cells[0])] = cells[2]
    return LangResources(
        code=code,
        name=meta["name"],
        model=meta["model"],
        clitic_lemma_suffix=meta.get("clitic_lemma_suffix", ""),
        unnamed_source=meta.get("unnamed_source", ""),
        cues=_cues(folder),
        according=_phrases(folder, "according.txt"),
        according_person=_phrases(folder, "according_person.txt"),
        anonymous_nouns=_words(folder, "anonymous_nouns.txt"),
        document_nouns=_words(folder, "document_nouns.txt"),
        media_nouns=_words(folder, "media_nouns.txt"),
        organization_nouns=_words(folder, "organization_nouns.txt"),
        roles=_words(folder, "roles.txt"),
        outlets=tuple(line.strip() for _, line in _lines(folder, "outlets.txt")),
        speech_nouns=_words(folder, "speech_nouns.txt"),
        numbers=numbers,
        pronouns=pronouns,
        anaphoric_determiners=_words(folder, "anaphoric_determiners.txt"),
        boilerplate=_patterns(folder, "boilerplate.txt"),
        anonymity=_patterns(folder, "anonymity.txt"),
        pronoun_genders=pronoun_genders,
        honorifics=_genders(folder, "honorifics.tsv"),
        role_synonyms=_synonyms(folder),
        collectives=_collectives(folder),
        age_words=_optional_words(folder, "age_words.txt"),
        time_nouns=_optional_words(folder, "time_nouns.txt"),
        impersonal_subjects=_optional_words(folder, "impersonal_subjects.txt"),
        hearsay_prepositions=_optional_words(folder, "hearsay_prepositions.txt"),
        hearsay_verbs=_optional_words(folder, "hearsay_verbs.txt"),
        reflexive_non_speech=_optional_words(folder, "reflexive_non_speech.txt"),
        narrative_infinitive=_optional_words(folder, "narrative_infinitive.txt"),
        genitive_prepositions=_optional_words(folder, "genitive_prepositions.txt"),
        as_markers=_optional_words(folder, "as_markers.txt"),
        predicative_prepositions=_optional_words(folder, "predicative_prepositions.txt"),
        object_prepositions=_optional_words(folder, "object_prepositions.txt"),
        claim_nouns=_optional_words(folder, "claim_nouns.txt"),
        issuing_verbs=_optional_words(folder, "issuing_verbs.txt"),
        provider_verbs=_optional_words(folder, "provider_verbs.txt"),
        outlet_title_words=_title_words(folder),
    )

"""From mentions to sources: what kind of source each is, and which mentions name the same one.

Resolution is deliberately local and conservative, as a reader does it: a pronoun is the latest speaker of its
number; a surname is the person whose full name ends with it; a bare definite noun phrase ("les responsables",
"the report") is the latest source with the same head noun; anything else with the same words is the same
source. When in doubt a new source is made, since merging two speakers is the worse error for a fact-checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from selon.extract.context import Context
from selon.extract.mentions import PERSON_LABELS, Mention
from selon.lang import fold
from selon.lang.people import load_people
from selon.schema.records import SourceKind, Span

_ORG_LABELS = ("ORG", "NORP")
_PLACE_LABELS = ("LOC", "GPE", "FAC")
_COUNT_DEPS = ("nummod", "det", "amod")
_OF_DEPS = ("nmod", "prep", "obl")
_RELATIVE_DEPS = ("acl:relcl", "relcl")


@dataclass
class Entity:
    kind: SourceKind
    name: str
    head: str  # folded lemma of the head noun, for anaphora
    number: str  # "sg" | "pl"
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    count: int | None = None
    last: int = 0  # where it was last mentioned, for recency
    gender: str | None = None  # "f" | "m" when a mention says it (a pronoun, an honorific, a gendered noun)
    roles: set[str] = field(default_factory=set)  # folded role words of its mentions and appositions
    #: why each mention joined this source: (mention, rule), for `selon analyze --explain`
    evidence: list[tuple[Span, str]] = field(default_factory=list)
    kind_rule: str = ""

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name.split() else ""


@dataclass(frozen=True)
class _Reading:
    """What one mention says about its source, read off the tokens."""

    text: str
    head: Token
    head_lemma: str
    pronoun: str | None
    person: str | None
    organization: str | None
    outlet: str | None
    definite: bool
    count: int | None
    number: str
    short: bool
    gender: str | None = None
    roles: frozenset[str] = frozenset()
    aged: bool = False  # "la cinéaste de 44 ans", "the 37-year-old"


def _head_noun(head: Token, ctx: Context) -> tuple[Token, int | None]:
    """"l'un des responsables" -> (responsables, 1): a numeral head stands for the noun it counts."""
    value = ctx.res.numbers.get(fold(head.lemma_)) or ctx.res.numbers.get(fold(head.text))
    if head.pos_ in ("PRON", "NUM") and value is not None:
        for child in head.children:
            if child.dep_ in _OF_DEPS and (child.pos_ == "NOUN" or fold(child.text) in ctx.res.pronouns):
                return child, value  # "l'un des responsables", "l'un d'eux", "one of them"
            for grandchild in child.children:  # English hangs the noun on "of": "one of the sources", "one of them"
                if child.dep_ in _OF_DEPS and (grandchild.pos_ == "NOUN" or fold(grandchild.text) in ctx.res.pronouns):
                    return grandchild, value
    return head, None


def _count(head: Token, ctx: Context) -> int | None:
    for child in head.children:
        if child.dep_ in _COUNT_DEPS and child.i < head.i:
            if child.like_num and child.text.isdigit():
                return int(child.text)
            if child.pos_ == "NUM" or child.dep_ == "nummod":
                value = ctx.res.numbers.get(fold(child.text))
                if value is not None:
                    return value
    return None


@lru_cache(maxsize=8)
def _outlet_pattern(outlets: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation for the whole list (a search per outlet per mention cost more than the parse)."""
    if not outlets:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(o) for o in outlets) + r")(?!\w)")


def outlet_in(text: str, ctx: Context) -> str | None:
    """The first outlet of the list named in `text` (list order decides between overlapping names)."""
    pattern = _outlet_pattern(ctx.res.outlets)
    if pattern is None:
        return None
    found = {m.group() for m in pattern.finditer(text)}
    return next((o for o in ctx.res.outlets if o in found), None)


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"


@lru_cache(maxsize=8)
def _title_pattern(first: frozenset[str], last: frozenset[str], articles: frozenset[str]) -> re.Pattern[str] | None:
    """A newspaper's title: an article and a title word opening it ("La Voix du Nord", "le Courrier picard",
    "Daily Lantern"), or capitalised words ending with one ("the Harbour Post", "Nice-Matin"). The articles
    are the language's determiners; an elided one ("l'") takes no space after it."""
    elided = "|".join(re.escape(a) for a in sorted(articles) if a.endswith("'"))
    spaced = "|".join(re.escape(a) for a in sorted(articles) if not a.endswith("'"))
    article = "|".join(filter(None, (spaced and rf"\b(?i:{spaced})\s+", elided and rf"\b(?i:{elided})".replace("'", "['’]"))))
    shapes = []
    if first:
        words = "|".join(re.escape(w) for w in sorted(first))
        shapes.append(rf"(?:{article}|^)(?:{words})\b(?:[\s-]+{_NAME_WORD})?" if article else rf"\b(?:{words})\b")
    if last:
        words = "|".join(re.escape(w) for w in sorted(last))
        shapes.append(rf"\b(?:{_NAME_WORD}[\s-]+)+(?:{words})\b")
    return re.compile("|".join(shapes)) if shapes else None


def newspaper_title(text: str, ctx: Context) -> str | None:
    """The name in `text` shaped like a newspaper's title, for outlets outside outlets.txt."""
    words = ctx.res.outlet_title_words
    pattern = _title_pattern(words.get("first", frozenset()), words.get("last", frozenset()),
                             ctx.res.anaphoric_determiners)
    found = pattern.search(text) if pattern is not None else None
    return found.group().strip() if found else None


def _names_another(name: TokenSpan, head: Token) -> bool:
    """A name inside the mention that qualifies its head rather than naming it: "la porte-parole de Jean
    Dupont", "the McCain official", "Unilever's manager" speak for someone else."""
    if name.start <= head.i < name.end:
        return False
    doc = head.doc
    if (len(name) == 1 and head.pos_ == "NOUN" and name.start > 0 and doc[name.start - 1].text == "("
            and name.end < len(doc) and doc[name.end].text == ")"):
        return True  # "l'Agence nationale … (Anssi)": a word in brackets after a noun is its short name
    if name.end <= head.i and head.pos_ == "NOUN" and doc[name.end].text != ",":
        return True  # a name before a common noun qualifies it: "the Rasmussen tracking poll", not "Paul Roux, notaire"
    root = name.root
    if root.dep_ == "conj" and not (name.start <= root.head.i < name.end) and not _apposed_conjunct(name):
        return True  # "lawyers for Wanda Roe and Ed Doe", "the ministry and Jean Roux": the first conjunct decides
    return any(c.dep_ == "case" for c in root.children) or root.dep_ in ("poss", "compound", "nmod:poss", "pobj")


def _apposed_conjunct(name: TokenSpan) -> bool:
    """"Son homologue au Sénat, Paul Martin (LR)": a name the parser made a conjunct, set off by a comma with no
    coordinator anywhere in the list, is an apposition."""
    doc = name.doc
    head = name.root.head
    if name.start == 0 or doc[name.start - 1].text != ",":
        return False
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    return not any(g.dep_ == "cc" for c in conjuncts for g in c.children)


def _honorific_name(head: Token, ctx: Context) -> tuple[str | None, str | None]:
    """(surname, gender) when the head is an honorific ("Mme Durand", "Sen. Hale") or follows one."""
    honorifics = ctx.res.honorifics
    word = fold(head.text).rstrip(".")
    if word in honorifics and head.text[:1].isupper():
        names = [c for c in head.children if c.i > head.i and c.pos_ in ("PROPN", "X") and c.dep_ in ("flat:name", "flat", "appos", "nmod")]
        if names:
            last = max(names, key=lambda c: c.i)
            return head.doc[names[0].i : last.i + 1].text, honorifics[word] if honorifics[word] != "-" else None
    if head.pos_ == "PROPN" and head.i > 0:
        before = head.doc[head.i - 1]
        title = fold(before.text).rstrip(".")
        if title in honorifics and before.text[:1].isupper():
            return head.text, honorifics[title] if honorifics[title] != "-" else None
    return None, None


def _titled_outlet(head: Token, tokens: TokenSpan, ctx: Context) -> bool:
    """"the tabloid Daily Crier", "l'hebdomadaire Le Matin": a name right after a word for an outlet is one."""
    if not (head.pos_ == "PROPN" or head.pos_ == "NOUN" and head.text[:1].isupper() and head.i > 0):
        return False
    doc = head.doc
    start = _name_start(head, tokens)
    while start > 0 and doc[start - 1].pos_ == "DET" and doc[start - 1].text[:1].isupper():
        start -= 1  # "l'hebdomadaire Le Matin": the name's own article
    return start > 0 and fold(doc[start - 1].lemma_) in ctx.res.media_nouns


def _name_start(head: Token, tokens: TokenSpan) -> int:
    """First token of the run of proper nouns (and their articles) ending at `head`."""
    doc = head.doc
    start = head.i
    while start - 1 >= tokens.start and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].pos_ == "DET"
                                         and doc[start - 1].text[:1].isupper() and start - 1 > tokens.start):
        start -= 1
    return start


def _apposed_name(head: Token, tokens: TokenSpan, ctx: Context) -> str | None:
    """"Galloway's campaign manager, Nadia Brandt": a proper name set in apposition to a role names the person,
    whatever type the recogniser gave it."""
    lemma = fold(head.lemma_)
    if lemma not in ctx.res.roles and lemma not in ctx.res.anonymous_nouns:
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and tokens.start <= child.i < tokens.end:
            names = [t for t in child.subtree if t.pos_ == "PROPN" and tokens.start <= t.i < tokens.end]
            if names and names[-1].i - names[0].i == len(names) - 1:
                return head.doc[names[0].i : names[-1].i + 1].text
    return None


def _gender(head: Token, pronoun: str | None, ctx: Context) -> str | None:
    """What the words say of the source's gender: the pronoun, or a feminine determiner on a common noun ("la
    ministre"). A masculine one says nothing (French writes "le médecin" or "le ministre" of a woman too), and a
    proper noun's tagged gender is a guess from its spelling."""
    if pronoun is not None:
        return ctx.res.pronoun_genders.get(pronoun)
    if head.pos_ != "NOUN" or "Sing" not in head.morph.get("Number", ["Sing"]):
        return None
    feminine = any(c.dep_ == "det" and c.morph.get("Gender", []) == ["Fem"] for c in head.children)
    return "f" if feminine else None  # the determiner: "la juriste"; the noun's own tag is a guess for "juriste"


def _before_relative(tokens: TokenSpan, ctx: Context) -> str:
    """The mention's words before a relative clause: "an official who spoke to the Times" is no outlet."""
    relative = min((t.left_edge.i for t in tokens if t.dep_ in _RELATIVE_DEPS and t.i > tokens.start), default=None)
    if relative is None or relative <= tokens.start:
        return tokens.text
    return ctx.doc[tokens.start : relative].text


def read(mention: Mention, ctx: Context) -> _Reading:
    doc = ctx.doc
    tokens: TokenSpan = doc[mention.tokens[0] : mention.tokens[1]]
    text = ctx.text[mention.start : mention.end]
    head, counted = _head_noun(doc[mention.head], ctx)
    people = [e for e in ctx.ents if e.label_ in PERSON_LABELS and tokens.start <= e.start and e.end <= tokens.end
              and not _names_another(e, doc[mention.head])]
    organizations = [e for e in ctx.ents if e.label_ in _ORG_LABELS and tokens.start <= e.start and e.end <= tokens.end]
    pronoun = fold(text.strip("-")) if doc[mention.head].pos_ == "PRON" and fold(text.strip("-")) in ctx.res.pronouns else None
    if counted is not None and fold(head.text) in ctx.res.pronouns:
        pronoun = fold(head.text)  # "l'un d'eux" stands for the group "eux" refers to
    person = max((e.text for e in people), key=len) if people else None
    if person is None and head.pos_ == "PROPN" and head.ent_type_ in PERSON_LABELS:
        person = head.text
    if person is not None and len(person.split()) > 1 and fold(person.split()[0]).rstrip(".") in ctx.res.honorifics:
        person = person.split(maxsplit=1)[1]  # "Mme Dubreuil" is Dubreuil
    surname, titled = _honorific_name(head, ctx)
    if person is None and surname is not None:
        person = surname
    if person is None:
        person = _apposed_name(head, tokens, ctx)
    described = _before_relative(tokens, ctx)
    outlet = outlet_in(described, ctx) or newspaper_title(described, ctx)
    if outlet is None and _titled_outlet(head, tokens, ctx):
        person, outlet = None, head.doc[_name_start(head, tokens) : head.i + 1].text
    first = fold(tokens[0].text) if len(tokens) else ""
    number = ctx.res.pronouns.get(pronoun or "", "")
    if not number:
        number = "pl" if "Plur" in head.morph.get("Number", []) or (head.tag_ in ("NNS", "NNPS")) else "sg"
    modifiers = [t for t in tokens if t != head and not (t.is_punct or t.is_stop or t.pos_ in ("DET", "ADP"))]
    lemmas = {fold(t.lemma_) for t in tokens} | {fold(t.text) for t in tokens}
    roles = frozenset(_role_words(doc[max(head.i - 1, tokens.start) : min(head.i + 2, tokens.end)], ctx, head))
    return _Reading(
        text=text,
        head=head,
        head_lemma=fold(head.lemma_),
        pronoun=pronoun,
        person=person,
        organization=organizations[0].text if organizations else None,
        outlet=outlet,
        definite=first in ctx.res.anaphoric_determiners and counted is None,  # "l'un des" picks, not refers
        count=counted or _count(head, ctx),
        number="sg" if counted == 1 and pronoun is None else number,
        short=not modifiers and counted is None,
        gender=titled or _gender(head, pronoun, ctx),
        roles=roles,
        aged=any(t.like_num for t in tokens) and bool(lemmas & ctx.res.age_words),
    )


def _role_words(tokens: TokenSpan, ctx: Context, head: Token | None = None) -> set[str]:
    """The roles named in a stretch of text, single words and the two-word ones ("premier ministre"); with
    `head`, only those that include it ("le cabinet de la ministre" has no role of its own)."""
    roles = ctx.res.roles | ctx.res.role_synonyms.keys()
    found: set[str] = set()
    for index, token in enumerate(tokens):
        if head is not None and token != head and not (index + 1 < len(tokens) and tokens[index + 1] == head):
            continue
        for word in (fold(token.lemma_), fold(token.text)):
            if word in roles and (head is None or token == head):
                found.add(word)
        if index + 1 < len(tokens):
            pair = f"{fold(token.text)} {fold(tokens[index + 1].text)}"
            if pair in roles:
                found.add(pair)
    return found


def _before_head(name: str, reading: _Reading) -> bool:
    """Whether `name` is written before the head noun: "a new Daily Courier survey" is the survey's."""
    where = reading.text.find(name)
    return where >= 0 and reading.text.find(reading.head.text, where + len(name)) >= 0


def _indefinite(head: Token) -> bool:
    """"une association", "an agency": an indefinite article (a possessive or no article is not)."""
    return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite", []) + c.morph.get("PronType", [])
               for c in head.children)


def _named(reading: _Reading) -> bool:
    """Whether a proper name qualifies the head ("les syndicats CGT et FO", "the Teamsters union")."""
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in reading.head.subtree if t != reading.head)


def _reports(lemma: str, ctx: Context) -> bool:
    """A role whose work is the outlet's reporting (roles.tsv category `media`: journalist, reporter)."""
    entry = load_people(ctx.res.code).roles.get(lemma)
    return entry is not None and entry.category == "media" and not entry.flexible


def kind_of(reading: _Reading, ctx: Context) -> tuple[SourceKind, str]:
    """The kind of a new source, and the reason, in words, for `--explain`."""
    res, lemma = ctx.res, reading.head_lemma
    if reading.person and reading.outlet and fold(reading.person) in fold(reading.outlet):
        return "media", f"names an outlet ({reading.outlet}) the recogniser took for a person"
    if reading.person:
        return "person", f"names a person ({reading.person})"
    # "un porte-parole de l'agence X" speaks for the outlet as anyone would; "une journaliste de X" reports for it
    speaks_for = (lemma in res.roles or lemma in res.anonymous_nouns) and not _reports(lemma, ctx)
    if reading.outlet and not (lemma in res.document_nouns and _before_head(reading.outlet, reading)) and not (
            speaks_for and reading.outlet not in reading.head.text):
        return "media", f"names an outlet ({reading.outlet})"
    if lemma in res.media_nouns:
        return "media", f"'{lemma}' names an outlet"
    if lemma in res.document_nouns:
        return "document", f"'{lemma}' names a document"
    if lemma in res.anonymous_nouns and not (lemma in res.roles and reading.definite and reading.number == "sg"):
        return "anonymous", f"'{lemma}' describes people without naming them"
    if lemma in res.roles:
        if reading.definite and reading.number == "sg":
            return "person", f"a definite role ('{lemma}') names one person"
        return "anonymous", f"an indefinite or plural role ('{lemma}') names nobody"
    if lemma in res.organization_nouns and not reading.organization and not _named(reading) and (
            reading.number == "pl" or _indefinite(reading.head)):
        return "anonymous", f"a group of '{lemma}' left unnamed"
    if reading.organization:
        return "organization", f"names an institution ({reading.organization})"
    if lemma in res.organization_nouns:
        return "organization", f"'{lemma}' names an institution"
    if reading.head.ent_type_ in _PLACE_LABELS:
        return "organization", "a place standing for its institutions"
    if reading.head.pos_ == "PROPN" or reading.head.text.isupper() and len(reading.head.text) > 1:
        # a name the recogniser did not type: institutions are usually recognised, people's names less so;
        # an acronym is an institution
        if reading.head.ent_type_ or reading.head.text.isupper():
            return "organization", "a name typed as an institution, or an acronym"
        return "person", "an untyped proper name"
    if reading.pronoun:
        if reading.gender == "n":
            return "organization", "'it' with no antecedent: an institution, until something says otherwise"
        if reading.number == "sg":
            return "person", "a singular pronoun with no antecedent"
        return "anonymous", "a plural pronoun with no antecedent"
    return "anonymous", "no name, role, institution, document or outlet"

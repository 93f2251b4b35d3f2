"""The gender of a source, and the signal that decided it: the article's own words first, then the first name.

Researchers counting who gets quoted need a figure they can check, so every decision names its signal. In order:

1. the article, strongly: a pronoun ("elle", "a-t-elle", "she"), a title ("Mme", "Mrs"), a feminine determiner on
   a role noun ("la ministre", "une porte-parole"), a feminine form ("députée", "spokeswoman"), an agreeing
   participle ("Interrogée, …", "…, jointe par téléphone"; a feminine participle or adjective after "être");
2. the first name, in gender-guesser's dictionary (`selon.extract.names`), for named people;
3. the article, weakly: a masculine determiner or form ("le ministre", "un porte-parole", "spokesman"), since
   French and English also write those of women; it decides only when nothing above does;
4. otherwise unknown.

When the article's strong signals disagree (a resolution error joined "il" and "elle"), the majority decides and
a tie is unknown. A group (plural, or counted) is female only when the text says so ("trois infirmières"); a
masculine plural is also written of a mixed group. Organisations, documents and media have no gender (null).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from selon.extract.context import Context
from selon.extract.names import first_name_gender
from selon.extract.people import Phrase
from selon.extract.sources import Entity
from selon.lang import fold
from selon.lang.people import PeopleResources
from selon.schema.records import PEOPLE_KINDS, Gender, GenderEvidence

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
_PREDICATE_AUX = ("cop", "aux:pass")  # deps whose verb is always "be", so the participle or adjective agrees
_GENDERS: dict[str, Gender] = {"f": "female", "m": "male"}


@dataclass(frozen=True)
class Signal:
    gender: str  # f | m
    strong: bool
    kind: str  # pronoun | title | determiner | noun | agreement
    rule: str
    start: int
    end: int
    text: str

    def evidence(self) -> GenderEvidence:
        return GenderEvidence(self.kind, self.rule, self.start, self.end, self.text)


def _signal(gender: str, strong: bool, kind: str, rule: str, tokens: list[Token]) -> Signal:
    """The signal read on `tokens`, in text order; its text is the span from the first token to the last, read
    from that span alone (spaCy rebuilds `Doc.text` from every token at each access, the slice is the same)."""
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    text = first.doc[first.i : last.i + 1].text
    return Signal(gender, strong, kind, rule.format(text=text), start, end, text)


def _morph_gender(token: Token) -> str | None:
    genders = token.morph.get("Gender", [])
    if genders == ["Fem"]:
        return "f"
    if genders == ["Masc"]:
        return "m"
    return None


def _noun_signals(phrase: Phrase) -> list[Signal]:
    """Determiners and forms of the role nouns that describe the phrase's own person."""
    signals = []
    for noun in phrase.nouns:
        entry, token = noun.entry, noun.token
        words = list(token.doc[token.i : noun.end])
        if entry.gender == "x":
            continue
        if entry.gender in ("f", "m"):
            strong = entry.gender == "f"
            signals.append(_signal(entry.gender, strong, "noun",
                                   ("feminine" if strong else "masculine (weak)") + " noun '{text}'", words))
        if "Plur" in token.morph.get("Number", []):
            continue
        for det in (c for c in token.children if c.dep_ == "det" and c.i < token.i):
            said = _morph_gender(det)
            if said == "f" and entry.gender in ("f", "-"):
                signals.append(_signal("f", True, "determiner", "feminine determiner '{text}'", [det, *words]))
            elif said == "m" and entry.gender == "-":
                signals.append(_signal("m", False, "determiner", "masculine determiner (weak) '{text}'",
                                       [det, *words]))
    return signals


def _title_signals(phrase: Phrase, ctx: Context) -> list[Signal]:
    signals = []
    for token in phrase.tokens:
        said = ctx.res.honorifics.get(fold(token.text).rstrip("."))
        if said in ("f", "m") and token.text[:1].isupper() and token.i + 1 < len(token.doc) \
                and token.doc[token.i + 1].pos_ in ("PROPN", "NOUN", "X"):
            signals.append(_signal(said, True, "title", "title '{text}'", [token]))
    return signals


def _agreement_signals(phrase: Phrase, people: PeopleResources) -> list[Signal]:
    """Participles agreeing with the person: fronted ("Interrogée, la maire …"), apposed ("X, jointe par …"),
    or a predicate after "be" ("X est ravie")."""
    tokens, doc = phrase.tokens, phrase.tokens.doc
    root = tokens.root
    found: list[Token] = []
    if root.dep_ in _SUBJECT_DEPS and tokens.start > 1 and doc[tokens.start - 1].text == ",":
        first = next((t for t in root.sent if not t.is_punct), None)
        if first is not None and first.i < tokens.start - 1 and fold(first.text) in people.agreement:
            found.append(first)
    if tokens.end + 1 < len(doc) and doc[tokens.end].text == "," and fold(doc[tokens.end + 1].text) in people.agreement:
        found.append(doc[tokens.end + 1])
    found += [t for t in tokens if t != root and t.head == root and fold(t.text) in people.agreement]
    signals = [_signal(people.agreement[fold(t.text)], True, "agreement", "agreement '{text}'", [t]) for t in found]
    verb = root.head
    if root.dep_ in _SUBJECT_DEPS and any(c.dep_ in _PREDICATE_AUX for c in verb.children) \
            and verb.pos_ in ("ADJ", "VERB") and verb.morph.get("Number", []) == ["Sing"] and _morph_gender(verb) == "f":
        signals.append(_signal("f", True, "agreement", "agreement '{text}'", [verb]))
    return signals


def article_signals(described: list[Phrase], ctx: Context, people: PeopleResources) -> list[Signal]:
    """Every signal of gender the article gives about the source, in text order, from its phrases
    (`selon.extract.people.phrases`)."""
    signals: list[Signal] = []
    for phrase in described:
        if phrase.pronoun:
            said = ctx.res.pronoun_genders.get(fold(phrase.tokens.text.strip("-")))
            if said in ("f", "m"):
                signals.append(_signal(said, True, "pronoun", "pronoun '{text}'", list(phrase.tokens)))
            continue
        signals += _title_signals(phrase, ctx) + _noun_signals(phrase) + _agreement_signals(phrase, people)
    return sorted(set(signals), key=lambda s: (s.start, s.kind))


def first_name(name: str, ctx: Context) -> str | None:
    """The first name of a person's full name ("Dr. Helen Quist" -> "Helen"), or None for a surname alone or a
    description ("la ministre")."""
    words = name.split()
    while words and fold(words[0]).rstrip(".") in ctx.res.honorifics:
        words = words[1:]
    if len(words) < 2 or not all(w[:1].isupper() for w in words[:2]):
        return None
    return words[0]


def _majority(signals: list[Signal]) -> tuple[str | None, list[Signal]]:
    women = [s for s in signals if s.gender == "f"]
    men = [s for s in signals if s.gender == "m"]
    if len(women) == len(men):
        return None, signals
    return ("f", women) if len(women) > len(men) else ("m", men)


def decide(entity: Entity, described: list[Phrase], ctx: Context,
           people: PeopleResources) -> tuple[Gender | None, GenderEvidence | None]:
    """The gender of a source and what decided it, from its phrases (`selon.extract.people.phrases`, read once
    for gender and role category); (None, None) for a source that is not people."""
    if entity.kind not in PEOPLE_KINDS:
        return None, None
    signals = article_signals(described, ctx, people)
    if entity.number == "pl" or (entity.count or 1) > 1:
        signals = [s for s in signals if s.gender == "f"]
    strong = [s for s in signals if s.strong]
    if strong:
        gender, winners = _majority(strong)
        if gender is None:
            rules = "; ".join(s.rule for s in strong)
            return "unknown", GenderEvidence("conflict", f"the article's signals disagree: {rules}")
        return _GENDERS[gender], winners[0].evidence()
    why = "no signal in the text"
    first = first_name(entity.name, ctx) if entity.kind == "person" else None
    if first is not None:
        gender, rule = first_name_gender(first, people)
        if gender is not None:
            where = next((m.start + m.text.find(first) for m in entity.mentions if first in m.text), None)
            return _GENDERS[gender], GenderEvidence("first_name", rule, where, None if where is None else
                                                    where + len(first), None if where is None else first)
        why = f"{why}; {rule}"
    weak = [s for s in signals if not s.strong]
    if weak:
        gender, winners = _majority(weak)
        if gender is not None:
            return _GENDERS[gender], winners[0].evidence()
    return "unknown", GenderEvidence("none", why)

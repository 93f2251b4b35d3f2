"""Who a cue belongs to: its subject, found through the parse, and the span of text that names it.

The subject may be inverted ("a déclaré le responsable"), a clitic ("a-t-il"), a relative pronoun standing for a
noun ("le ministère, qui n'a pas répondu"), or missing because the verb is coordinated or subordinate to another
("a critiqué ... et a appelé"), in which case the governing verb's subject speaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from selon import lang as languages
from selon.errors import SelonError
from selon.extract.quotes import QUOTE_MARKS
from selon.extract.repairs import disagrees_in_person, is_finite, stranded_auxiliary, verbless_subject
from selon.lang import fold

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj")
_PASSIVE_DEPS = ("aux:pass", "auxpass")
_INHERIT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acomp")  # acomp: "was quick to deny"
_RELATIVE_DEPS = ("acl:relcl", "relcl", "acl")
_NOUN_CHAIN_DEPS = ("nmod", "flat", "flat:name", "compound", "pobj")
_INVERTED_DEPS = ("obj", "dobj", "appos", "nmod", "obl", "obl:arg", "flat:name", "attr")
_NOMINAL = ("NOUN", "PROPN", "PRON")
#: Entity labels of people in the models selon loads (French PER, English PERSON).
PERSON_LABELS = ("PER", "PERSON")
_ADJUNCT_STARTS = ("ADP", "SCONJ", "VERB", "AUX", "PRON", "ADV")


@dataclass(frozen=True)
class Mention:
    start: int  # character offsets into the doc's text
    end: int
    head: int  # token index of the noun phrase's head
    tokens: tuple[int, int]  # token span [start, end)


def _is_euphonic(token: Token) -> bool:
    """The "-t-" of "a-t-il": tagged as a subject by the parser, but it names nobody."""
    return len(token.text.strip("-")) < 2 and token.text.startswith("-")


def is_relative(token: Token) -> bool:
    return "Rel" in token.morph.get("PronType", []) or token.tag_ in ("WP", "WDT")


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun stands for: the noun phrase right before it, taken at its top."""
    doc = relative.doc
    i = relative.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    return _phrase_top(doc[i], through_prepositions=True)


def _phrase_top(noun: Token, *, through_prepositions: bool = False) -> Token:
    """The noun at the top of the phrase a relative clause hangs on: the name an apposition describes, and,
    for a pronoun read off the words before it, the head of a prepositional phrase it follows."""
    while noun.head.i < noun.i:
        if noun.dep_ in _NOUN_CHAIN_DEPS + ("appos",) and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "Jean Roux, manager of the plant, who said": the name, not the apposition
        elif (through_prepositions and noun.dep_ == "pobj" and noun.head.dep_ == "prep"
              and noun.head.head.pos_ in ("NOUN", "PROPN") and noun.ent_type_ not in ("PERSON", "PER")):
            noun = noun.head.head  # "the manager for North America, who wrote"; not "an email from X, who"
        else:
            break
    return noun


def subject_of(verb: Token, *, inverted: bool = False, inherit: Callable[[Token], bool] | None = None,
               depth: int = 0, never: Callable[[Token], bool] | None = None) -> Token | None:
    """The token naming who speaks through `verb`.

    `inverted` allows a noun right after the verb to be its subject even when the parser called it an object,
    as it often does in incises ("a déclaré Morel"); `inherit` says whether a governing verb may lend its
    subject (not one inside the quote the incise follows); `never` rules out words that name nobody, such as
    nouns of time the parser took for a subject ("a indiqué ce lundi le délégué").
    """
    auxiliary = stranded_auxiliary(verb)
    if auxiliary is not None:
        found = subject_of(auxiliary, inverted=inverted, inherit=inherit, depth=depth, never=never)
        if found is None and auxiliary.head.i < auxiliary.i and auxiliary.head.pos_ in ("NOUN", "PROPN"):
            return auxiliary.head  # "X, un ancien élu, a pour sa part dénoncé": the auxiliary hung on X itself
        if found is None and auxiliary.dep_ == "cop":  # … or on the adjunct's noun, with the subject
            return subject_of(auxiliary.head, inverted=inverted, inherit=inherit, depth=depth, never=never)
        return found
    verbless = verbless_subject(verb)
    if verbless is not None:
        return verbless  # "Deux cadres …, sous couvert d'anonymat, affirment": the root noun the verb hangs on
    # nearest first: a dateline ("PARIS — Le ministre a dit") is often parsed as a second subject; unless the
    # subject may follow the verb, one before it comes first ("Two people …, who asked …, said inspectors had
    # flagged …": the parser made a noun of the complement a second subject)
    for child in sorted(verb.children, key=lambda c: (not inverted and c.i > verb.i, abs(c.i - verb.i))):
        if child.dep_ not in _SUBJECT_DEPS or never is not None and never(child) or disagrees_in_person(child, verb):
            continue
        if _is_euphonic(child):
            pronoun = next((c for c in child.children if c.pos_ == "PRON"), None)
            if pronoun is not None:
                return pronoun
            continue
        if child.dep_ == "expl:subj":
            if child.text.startswith("-") or not any(c.dep_ in _PASSIVE_DEPS for c in verb.children):
                return child  # "a-t-il estimé", "il n'a pas souhaité s'exprimer": mislabelled impersonal
            return None  # impersonal "il": "il a été dit que"
        if is_relative(child):
            if verb.dep_ in _RELATIVE_DEPS and verb.head.i < child.i:
                return _phrase_top(verb.head)  # "X, the company's manager, who wrote": X
            return _antecedent(child)
        return child
    # "a-t-il", "estime-t-elle": the clitic right after the verb (or after its auxiliary, before the
    # participle: "a-t-il déclaré"), wherever the parser hung it
    doc = verb.doc
    around: list[Token] = [*doc[verb.i + 1 : min(verb.i + 3, len(doc))], *doc[max(verb.i - 2, 0) : verb.i]]
    for token in around:
        if token.pos_ == "PRON" and token.text.startswith("-") and not _is_euphonic(token):
            return token
    # "des accords que Morel décrit comme ...": a finite verb hung as a modifier of the noun right before it
    head = verb.head
    if (verb.dep_ in _RELATIVE_DEPS and head.i == verb.i - 1 and head.pos_ in ("PROPN", "NOUN")
            and "Fin" in verb.morph.get("VerbForm", [])):
        return head
    if inverted:
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in _INVERTED_DEPS and c.pos_ in _NOMINAL
                 and not has_case(c)  # "ont confié à notre journal deux salariés": not the oblique
                 and not (never is not None and never(c))]
        if after:
            return after[0]
        obliques = [c for c in verb.children if c.i > verb.i and c.dep_ in (*_INVERTED_DEPS, "obl:mod") and has_case(c)]
        # "a réagi auprès de l'AFP X": the parser makes "auprès" an adverb and hangs the oblique on it
        obliques += [g for c in verb.children if c.i > verb.i and c.dep_ == "advmod"
                     for g in c.children if g.i > c.i and g.dep_ in (*_INVERTED_DEPS, "obl:mod") and has_case(g)]
        for oblique in obliques:  # ... the noun the parser hung on it
            inside = [g for g in oblique.children if g.i > oblique.i and g.pos_ in _NOMINAL and not has_case(g)]
            if inside:
                return inside[0]
        following = _next_noun(verb)  # "…", a twitté Marie Dupont": the name right after, wherever it was hung
        if following is not None and not (never is not None and never(following)):
            return following
    for child in verb.children:  # "Un porte-parole a fait savoir": the parser hung the subject on "fait"
        if child.i < verb.i and child.dep_ == "dep" and child.pos_ in ("VERB", "AUX"):
            found = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS and c.i < child.i), None)
            if found is not None and not (never is not None and never(found)):
                return found
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.dep_ == "prep":
        head = head.head  # "served a ban after admitting to doping": the verb the preposition hangs on
    if depth < 3 and verb.dep_ in (*_INHERIT_DEPS, "pcomp") and head.i != verb.i and (inherit is None or inherit(head)):
        return subject_of(head, inherit=inherit, depth=depth + 1, never=never)
    if verb.dep_ == "ROOT":
        return _cut_off_subject(verb)
    return None


def _next_noun(verb: Token) -> Token | None:
    """A proper noun, or a determiner and a noun, right after an incise verb."""
    doc = verb.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].pos_ == "NOUN" and i > verb.i + 1):
        return doc[i]
    return None


def has_case(token: Token) -> bool:
    return any(c.dep_ == "case" for c in token.children)


def _cut_off_subject(verb: Token) -> Token | None:
    """"Arcadia Sports Capital n'a pas répondu", "Sollicitée, la Ligue (LFP) a renvoyé …": a noun phrase the
    parser hung elsewhere, or left as a sentence of its own, ending right before the verb's first word, is its
    subject; the widest such phrase without a comma is taken."""
    doc = verb.doc
    first = verb.left_edge.i
    if first == 0 or doc[first - 1].is_punct and doc[first - 1].text != ")":
        return None
    nouns = [t for t in doc[verb.sent.start if verb.sent.start < first else 0 : first]
             if t.pos_ in ("PROPN", "NOUN", "X") and t.right_edge.i == first - 1 and not t.is_ancestor(verb)
             and not any(w.text == "," for w in doc[t.left_edge.i : first])]  # not "Sollicitée, la Ligue"
    return min(nouns, key=lambda t: t.left_edge.i) if nouns else None


def name_run(head: Token) -> Mention | None:
    """The whole of a name the parser broke into pieces ("Arcadia Sports" + "Capital"), when `head` is the
    last piece of a run of name words standing on its own (see `_cut_off_subject`)."""
    doc = head.doc
    if head.head != head or head.pos_ not in ("PROPN", "X", "NOUN"):
        return None
    start = head.i
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "X") and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    if start == head.i:
        return None
    return Mention(doc[start].idx, head.idx + len(head), head.i, (start, head.i + 1))


def mention_of(head: Token, doc: Doc, stop: frozenset[int] = frozenset(), exclude: Token | None = None) -> Mention:
    """The contiguous text naming `head`: its subtree, cut where it runs into a quote, the verb or `stop` tokens.

    `exclude` drops a relative clause hanging on the head ("le ministère, qui n'a pas répondu"), which
    belongs to the statement, not to the name.
    """
    left, right = head.left_edge.i, head.right_edge.i
    if head.pos_ == "PRON" and head.morph.get("Person", []):
        left = right = head.i  # a personal pronoun names alone, whatever the parser hung on it
    blocked = set(stop)
    if exclude is not None:
        blocked.update(range(exclude.left_edge.i, exclude.right_edge.i + 1))
    start = head.i
    while start > left and not _blocks(doc[start - 1], blocked):
        start -= 1
    end = head.i
    genitive = _genitive(doc)
    while end < right and not _blocks(doc[end + 1], blocked):
        if doc[end + 1].text == "," and end + 2 <= right and doc[end + 2].pos_ in _ADJUNCT_STARTS:
            break  # ", en réponse aux questions": an adjunct, not an apposition
        if genitive and doc[end + 1].dep_ == "case" and doc[end + 1].pos_ == "ADP" and fold(doc[end + 1].text) not in genitive:
            break  # "un porte-parole dans une déclaration", "le centre médical au journal": not the source's name
        end += 1
    while start < head.i and (doc[start].is_punct or doc[start].pos_ in ("CCONJ", "SCONJ", "ADP")):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].pos_ in ("CCONJ", "ADP", "SCONJ")):
        if doc[end].text == ")" and any(t.text == "(" for t in doc[start:end]):
            break  # "la Ligue de football professionnel (LFP)"
        end -= 1
    first, last = doc[start], doc[end]
    char_start = first.idx + (len(first.text) - len(first.text.lstrip("-")))
    return Mention(char_start, last.idx + len(last.text), head.i, (start, end + 1))


def _describes_people(noun: Token) -> bool:
    """A role or a description of people ("ancien notaire"), in the language's lists; not for a language selon lacks."""
    try:
        return fold(noun.lemma_) in languages.load(noun.doc.lang_).people_nouns
    except SelonError:
        return False


def _genitive(doc: Doc) -> frozenset[str]:
    """The language's prepositions that stay inside a mention; none (no limit) for a language selon lacks."""
    try:
        return languages.load(doc.lang_).genitive_prepositions
    except SelonError:
        return frozenset()


def _blocks(token: Token, blocked: set[int]) -> bool:
    """Where a mention must stop: a quote, a paragraph break, the main verb, or tokens the caller excludes."""
    return (
        token.i in blocked
        or token.text in QUOTE_MARKS
        or "\n" in token.text
        or token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT"
        # a finite verb the parser glued to a name or hung on it (no name holds one): "M. Durand a par la suite
        # décliné" has its auxiliary as a piece of the name
        or token.pos_ in ("VERB", "AUX") and is_finite(token)
        and token.dep_ in ("flat:name", "flat", "appos", "advmod", "compound")
    )


def with_apposed_name(mention: Mention, doc: Doc) -> Mention:
    """"la maire, Sophie Laurent": a person's name set off by a comma right after the mention belongs to it,
    even when the parser hung it elsewhere; so does one opening the sentence before it ("Paul Roux, 63 ans,
    ancien notaire, a reconnu": the parser made the apposition the subject)."""
    mention = _with_name_before(mention, doc)
    end = mention.tokens[1]
    second = end < len(doc) and _second_subject(doc[mention.head], doc[end])
    if second:
        first = end  # "a indiqué son collègue Paul Martin": the parser made the name a second subject
    else:
        if end < len(doc) and doc[end].text != ",":
            end = _comma_before_apposed_name(mention, doc)
        if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].ent_iob_ != "B":
            return mention
        if doc[end + 1].ent_type_ not in PERSON_LABELS:
            return mention
        first = end + 1
    last = first
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    if last + 1 < len(doc) and not doc[last + 1].is_punct and not second:
        return mention
    return Mention(mention.start, doc[last].idx + len(doc[last]), mention.head, (mention.tokens[0], last + 1))


def _with_name_before(mention: Mention, doc: Doc) -> Mention:
    """The mention widened back to a person's name that opens its sentence, when only comma-separated verbless
    appositions ("63 ans", "ancien notaire") come between."""
    start = mention.tokens[0]
    head = doc[mention.head]
    if start < 3 or doc[start - 1].text != "," or head.ent_type_ in PERSON_LABELS or not _describes_people(head):
        return mention
    sentence = doc[start].sent.start
    between = doc[sentence:start]
    if any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS or "\n" in t.text for t in between):
        return mention
    name = [t for t in between if t.ent_type_ in PERSON_LABELS]
    if not name or name[0].i != sentence or name[0].ent_iob_ != "B" or name[0].pos_ != "PROPN":
        return mention
    last = name[0].i
    while last + 1 < start and doc[last + 1].ent_iob_ == "I":
        last += 1
    if last + 1 >= start or doc[last + 1].text != ",":
        return mention
    return Mention(doc[sentence].idx, mention.end, mention.head, (sentence, mention.tokens[1]))


def _second_subject(head: Token, name: Token) -> bool:
    """A person's name the parser hung as a second subject of the verb `head` is the subject of."""
    return (name.i > head.i and head.dep_ in _SUBJECT_DEPS and name.dep_ == head.dep_ and name.head == head.head
            and name.ent_type_ in PERSON_LABELS and name.ent_iob_ == "B")


def _comma_before_apposed_name(mention: Mention, doc: Doc) -> int:
    """"Son homologue au Sénat, Paul Martin (LR), …": the mention stopped at a preposition, but the parser hung
    the name on its head: the comma before that name, when only the head's own words come between."""
    head = doc[mention.head]
    for child in [*head.children, *(t for t in head.head.children if _second_subject(head, t))]:
        if ((child.dep_ in ("appos", "conj", *_SUBJECT_DEPS) or child.dep_ == "nmod" and not has_case(child))
                and child.ent_type_ in PERSON_LABELS
                and child.i > mention.tokens[1]
                and doc[child.i - 1].text == ","
                and all(t.pos_ not in ("VERB", "AUX") and not t.is_punct for t in doc[mention.tokens[1] : child.i - 1])
                and all(head.is_ancestor(t) for t in doc[mention.tokens[1] : child.i - 1])):
            return child.i - 1
    return mention.tokens[1]

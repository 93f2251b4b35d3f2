"""Pairing contents with cues and speakers: the attribution candidates of one Doc, in text order.

Order of the passes matters. Quotes are linked first to a cue right after them ("« … », a-t-il déclaré") or
right before them ("a déclaré : « … »"), because a quote is the strongest evidence there is. Cues left over give
indirect and mixed attributions, then "selon"/"according to" phrases. Quotes still without a cue continue the
statement before them (same speaker), or, failing that, belong to a speaker introduced in the previous sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from selon.extract.according import AccordingHit, find_according, is_initial
from selon.extract.contents import (
    as_content,
    classify,
    clause_content,
    clause_start,
    coordinated_parts,
    is_clause,
    predicate_content,
    predicative_complement,
    sentence_end,
    trim,
)
from selon.extract.context import Context
from selon.extract.cues import CueHit, find_cues
from selon.extract.incises import is_incise, split_at_incises
from selon.extract.mentions import (
    PERSON_LABELS,
    Mention,
    is_relative,
    mention_of,
    name_run,
    subject_of,
    with_apposed_name,
)
from selon.extract.passive import find_passives
from selon.extract.quotes import QUOTE_MARKS, Quote
from selon.extract.repairs import misattached_conjunct
from selon.extract.sources import outlet_in as _outlet
from selon.lang import fold
from selon.schema.records import AttributionType, Stance

_LOOKAHEAD = 12
_RELATIVE_DEPS = ("acl:relcl", "relcl", "acl")
_STOPS = ".!?;"
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")


@dataclass
class Candidate:
    content: tuple[int, int]
    type: AttributionType
    cue: tuple[int, int] | None
    lemma: str
    stance: Stance
    mention: Mention | None
    confidence: float
    #: the candidate whose speaker this one continues (a quote with no cue of its own)
    follows: Candidate | None = None
    #: the outlet that relayed the statement (character span): "Selon l'AFP, des responsables affirment …"
    via: tuple[int, int] | None = None


def _mention(ctx: Context, verb: Token, incise: bool = False) -> Mention | None:
    """The mention of who speaks through `verb`.

    An incise ("..., a déclaré X") may have its subject after it and never borrows one from the statement it
    closes; no verb borrows a subject from inside a quote.
    """
    quoted = ctx.quote_at(verb.idx)

    def timely(token: Token) -> bool:
        """Words that name nobody: nouns of time, and any word of a quotation the verb is outside of (the quote
        is what was said, never who said it: "« Cette bactérie prolifère », explique le chercheur")."""
        inside = ctx.quote_at(token.idx)
        return fold(token.lemma_) in ctx.res.time_nouns or inside is not None and inside is not quoted

    document = verb.head if verb.dep_ in ("acl", "advcl") and fold(verb.head.lemma_) in ctx.res.document_nouns else None
    if document is not None and document.dep_ in ("obj", "dobj") and document.i < verb.i:
        # "She released a statement accusing X": whoever issued the document says what it says
        subject = subject_of(document.head, inherit=lambda head: ctx.quote_at(head.idx) is None, never=timely)
    elif document is not None and document.i < verb.i:
        subject = document  # "A statement accusing X was released": the document itself
    elif _apposed_participle(ctx, verb):
        subject = verb.head  # "Le ministre, estimant que …, a fermé les parcs": the noun it is set beside
    elif (governor := misattached_conjunct(verb, ctx.res.cues, ctx.res.people_nouns)) is not None:
        subject = subject_of(governor, inherit=lambda head: ctx.quote_at(head.idx) is None, never=timely)
    elif incise:
        subject = subject_of(verb, inverted=True, inherit=lambda head: False, never=timely)
    else:
        subject = subject_of(verb, inherit=lambda head: ctx.quote_at(head.idx) is None, never=timely)
    if subject is None:
        return _narrative_speaker(ctx, verb)
    if fold(subject.text).strip("-") in ctx.res.impersonal_subjects and not _partitive(subject):
        found = _hearsay_source(ctx, verb)
        if found is None and fold(verb.lemma_) in ctx.res.hearsay_verbs:
            return mention_of(subject, ctx.doc)  # "a-t-on appris lundi": from sources the text does not name
        return found
    subject = _in_paragraph(ctx, subject, verb)
    if subject is None:
        return None
    relative = subject.i < verb.i and subject == verb.head  # "le ministère, qui n'a pas répondu"
    broken = name_run(subject) if subject.i < verb.i and not verb.is_ancestor(subject) else None
    return broken or with_apposed_name(mention_of(subject, ctx.doc, exclude=verb if relative else None), ctx.doc)


def _apposed_participle(ctx: Context, verb: Token) -> bool:
    """A present participle set off by a comma right after a noun naming a speaker (a person's name, a role,
    an institution, an outlet) says what that speaker says, however the parser hung it on the noun."""
    noun = verb.head
    present = "Pres" in verb.morph.get("Tense", []) or any(  # "estimant", "ayant constaté"
        c.dep_ in ("aux", "aux:tense") and "Pres" in c.morph.get("Tense", []) for c in verb.children)
    if not (verb.dep_ in ("acl", "amod") and "Part" in verb.morph.get("VerbForm", []) and present
            and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i and ctx.doc[verb.left_edge.i - 1].text == ","):
        return False
    return _speaker_noun(ctx, noun)


def _speaker_noun(ctx: Context, noun: Token) -> bool:
    """A noun that can name who speaks: a person's name, a role, people described, an institution, an outlet."""
    return noun.ent_type_ in PERSON_LABELS or fold(noun.lemma_) in ctx.res.speaker_nouns


def _partitive(subject: Token) -> bool:
    """"one of the sources said": a numeral with its group is someone, unlike the impersonal "one"."""
    return any(c.dep_ in ("prep", "nmod") and c.i > subject.i for c in subject.children)


def _narrative_speaker(ctx: Context, verb: Token) -> Mention | None:
    """"Le maire a défendu son projet. Et de rappeler que …": a narrative infinitive has no subject of its own;
    it speaks for the speaker of the sentence before it, in the same paragraph: the source of a "selon X"
    there, or else its subject."""
    doc = ctx.doc
    if "Inf" not in verb.morph.get("VerbForm", []) or verb.i < 2:
        return None
    opener = f"{fold(doc[verb.i - 2].text)} {fold(doc[verb.i - 1].text)}"
    if opener not in ctx.res.narrative_infinitive:
        return _narrative_subject(ctx, verb)
    sentence = doc[verb.i - 2].sent
    if sentence.start != verb.i - 2 or sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    if ctx.paragraph_start(before.root.idx) != ctx.paragraph_start(verb.idx):
        return None
    phrase = next((p for p in find_according(ctx) if before.start <= p.start < before.end), None)
    if phrase is not None:
        return mention_of(phrase.head, doc, stop=_phrase_stop(ctx, phrase))
    return _mention(ctx, before.root)


def _narrative_subject(ctx: Context, verb: Token) -> Mention | None:
    """"Et la gestionnaire d'ajouter : « … »": a narrative infinitive whose opener (narrative_infinitive.txt)
    frames a noun phrase names that phrase as its speaker."""
    doc = ctx.doc
    first = verb.sent.start
    words = [o.split() for o in ctx.res.narrative_infinitive]
    if not any(len(w) == 2 and w[0] == fold(doc[first].text) and w[1] == fold(doc[verb.i - 1].text) for w in words):
        return None
    phrase = doc[first + 1 : verb.i - 1]
    heads = [t for t in phrase if not (phrase.start <= t.head.i < phrase.end) and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    if len(phrase) < 2 or len(heads) != 1 or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    return Mention(phrase[0].idx, phrase[-1].idx + len(phrase[-1]), heads[0].i, (phrase.start, phrase.end))


def _hearsay_source(ctx: Context, verb: Token) -> Mention | None:
    """"a-t-on appris de source judiciaire", "a-t-on appris auprès de la préfecture": an impersonal subject
    names nobody; the source is the noun after a hearsay preposition, or a noun of unnamed sources, if any."""
    for token in verb.subtree:
        if token.pos_ not in ("NOUN", "PROPN") or token.head.pos_ not in ("VERB", "ADV", "ADP", "AUX"):
            continue
        if not (token.head == verb or token.head.head == verb):
            continue
        cases = {fold(c.text) for c in token.children if c.dep_ == "case"} | {fold(token.head.text)}
        if fold(token.lemma_) in ctx.res.anonymous_nouns or cases & ctx.res.hearsay_prepositions:
            return mention_of(token, ctx.doc)
    return None


def _in_paragraph(ctx: Context, subject: Token, verb: Token) -> Token | None:
    """A subject the parser ran across a paragraph break (after a page-furniture line) is re-rooted in the
    verb's paragraph: the topmost noun of its subtree there."""
    paragraph = ctx.paragraph_of(verb.idx)
    if ctx.paragraph_of(subject.idx) == paragraph:
        return subject
    inside = [t for t in subject.subtree if ctx.paragraph_of(t.idx) == paragraph and t.pos_ in ("NOUN", "PROPN", "PRON")]
    tops = [t for t in inside if t.head not in inside]
    return tops[0] if tops else None


def _after_cue(ctx: Context, quote: Quote, cues: dict[int, CueHit], according: dict[int, AccordingHit]) -> CueHit | AccordingHit | None:
    """A cue in the few words after the closing mark: "», a déclaré X", "," he said", "», selon X"."""
    doc = ctx.doc
    first = ctx.token_at(quote.end) if quote.end < len(ctx.text) else None
    if first is None or first.idx < quote.end - 1:
        return None
    i = first.i
    if doc[i].text in QUOTE_MARKS and doc[i].idx < quote.end:
        i += 1
    while i < len(doc) and doc[i].is_punct and doc[i].text in ",—–-":
        i += 1
    if i < len(doc) and doc[i].is_title and ctx.text[quote.inner_end - 1] in ".!?" and i not in cues:
        return None  # a new sentence starts after the quote
    for token in doc[i : min(i + _LOOKAHEAD, len(doc))]:
        if token.text in _STOPS or token.text in QUOTE_MARKS or "\n" in token.text:
            return None
        if token.i in according:
            return according[token.i]
        if token.pos_ == "CCONJ" and token.head.pos_ in ("VERB", "AUX"):
            return None  # "… » et s'est souvenue …", "… ” but denied …": a coordinated predicate, not an incise
        if (token.i in cues and token.dep_ not in _RELATIVE_DEPS and not _bare_participle(cues[token.i], doc)
                and not _subordinate(ctx, token)):
            return cues[token.i]  # not "the official, who spoke on ...", nor "…», tout en assurant que", nor
            # "… » avec les syndicats, même s'il reconnaît que …"
    return None


def _subordinate(ctx: Context, verb: Token) -> bool:
    """A verb opened by a conjunction ("même s'il reconnaît", "because he said") heads a clause of its own, not
    an incise; "comme l'a dit X" is the language's "as" parenthetical, which may close a quote."""
    return any(c.dep_ == "mark" and c.i < verb.i and fold(c.text) not in ctx.res.as_markers for c in verb.children)


def _bare_participle(hit: CueHit, doc: Doc) -> bool:
    """A participle with no auxiliary ("en assurant", "adding") goes on its governing verb's statement."""
    verb = doc[hit.verb]
    return hit.start == hit.verb and bool({"Ger", "Part"} & set(verb.morph.get("VerbForm", [])))


def _before_cue(ctx: Context, quote: Quote, cues: dict[int, CueHit]) -> tuple[CueHit, int] | None:
    """A cue governing the quote from before it, and where the cue's words end (e.g. before the colon)."""
    doc = ctx.doc
    opener = ctx.token_at(quote.start)
    if opener.i == 0:
        return None
    previous = doc[opener.i - 1]
    start = clause_start(ctx, previous)
    verbs = [i for i in range(opener.i - 1, start - 1, -1) if i in cues]
    if not verbs:
        return None
    hit = cues[verbs[0]]
    verb = doc[hit.verb]
    between = doc[verb.i + 1 : opener.i]
    inside = range(opener.i, ctx.token_at(max(quote.end - 1, quote.start)).i + 1)
    if not all(t.is_punct or verb.is_ancestor(t) or t.head.i in inside for t in between):
        return None
    last = opener.i - 1
    while last > verb.i and doc[last].is_punct:
        last -= 1
    if not (previous.text in (":", ",") or not between
            or all(t.pos_ in ("ADP", "SCONJ") for t in between if not t.is_punct)):
        return None
    if quote.before == "word" and _runs_on(ctx, quote):
        return None  # "évoquant « des incohérences » dans les comptes": the object goes on, a mixed statement
    if is_incise(ctx, hit):  # "« … », a déclaré la ministre, « … »": the cue is the verb, not its subject
        return hit, hit.end - 1
    return hit, max(last, hit.end - 1)


def _runs_on(ctx: Context, quote: Quote) -> bool:
    """Whether the sentence goes on with words after the closing mark (not punctuation, not the end)."""
    if not quote.closed or quote.end >= len(ctx.text):
        return False
    following = ctx.token_at(quote.end)
    if following.idx < quote.end:
        following = following.nbor(1) if following.i + 1 < len(ctx.doc) else following
    return (following.idx >= quote.end and following.text[:1].isalpha()  # "n'avait" too
            and "\n" not in ctx.text[quote.end : following.idx])


def _colon_speaker(ctx: Context, quote: Quote) -> Mention | None:
    """"Le ministre : « … »": a noun phrase, with no verb, before the colon that opens the quote."""
    doc = ctx.doc
    opener = ctx.token_at(quote.start)
    colon = opener.i - 1
    if colon < 1 or doc[colon].text != ":":
        return None
    start = clause_start(ctx, doc[colon - 1])  # not the parser's sentence, which may start at a quote mark
    ends = [t.i for t in doc[start:colon] if t.text in _STOPS]
    start = ends[-1] + 1 if ends else start  # nor further back than the last full stop
    phrase = doc[start:colon]
    named = _name_before(ctx, colon)
    if named is not None:  # "…, comme l'élue de Marseille, Claire Martin : « … »": the name next to the colon
        return named
    if any(t.pos_ in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in t.children if c.i < colon)
           for t in phrase):  # a clause, even one whose verb the tagger missed
        return _clause_speaker(ctx, doc[colon - 1], colon)
    if len(phrase) > 12:
        return None
    heads = [t for t in phrase if not (start <= t.head.i < colon) or t.head == t]
    nominal = [t for t in heads if t.pos_ in ("NOUN", "PROPN") and ctx.quote_at(t.idx) is None]
    if not nominal:
        return None
    return mention_of(nominal[0], doc, stop=frozenset(range(colon, len(doc))))


def _name_before(ctx: Context, colon: int) -> Mention | None:
    """A person's name ending right before the colon and set off by a comma or starting the clause."""
    doc = ctx.doc
    last = doc[colon - 1]
    if last.ent_type_ not in PERSON_LABELS:
        return None
    first = colon - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while first > 0 and fold(doc[first - 1].lemma_) in ctx.res.roles | ctx.res.anaphoric_determiners:
        first -= 1  # "comme la sénatrice Anne Vidal :"
    if first > 0 and doc[first - 1].text != "," and doc[first - 1].pos_ not in ("PUNCT", "SPACE", "ADP", "SCONJ"):
        return None
    return Mention(doc[first].idx, last.idx + len(last), last.i, (first, colon))


def _clause_speaker(ctx: Context, last: Token, colon: int) -> Mention | None:
    """"Their lawyer was more cautious: « … »": a clause before the colon whose subject is a person."""
    root = last  # the top of the clause before the colon (the parser may hang it on a verb of the quote)
    while root.head != root and root.head.i < colon:
        root = root.head
    subject = subject_of(root, inherit=lambda head: False)
    if subject is None or subject.i > colon or not _names_speaker(ctx, subject) or ctx.quote_at(subject.idx):
        return None
    stop = frozenset(range(root.i, len(ctx.doc))) if root.i > subject.i else frozenset(range(colon, len(ctx.doc)))
    return with_apposed_name(mention_of(subject, ctx.doc, stop=stop), ctx.doc)


def _names_speaker(ctx: Context, token: Token) -> bool:
    """A subject that is itself a person's name, a role or a personal pronoun ("le cas de Vaubrenne" is not)."""
    lemma = fold(token.lemma_)
    return (token.ent_type_ in PERSON_LABELS or lemma in ctx.res.roles or lemma in ctx.res.anonymous_nouns
            or token.pos_ == "PRON" and bool(token.morph.get("Person", [])))


def _person_like(ctx: Context, token: Token) -> bool:
    if any(t.ent_type_ in PERSON_LABELS for t in token.subtree):
        return True
    lemma = fold(token.lemma_)
    return lemma in ctx.res.roles or lemma in ctx.res.anonymous_nouns


def _previous_speaker(ctx: Context, quote: Quote) -> Mention | None:
    """The subject of the sentence before the quote, when it names a person: "Le maire s'est levé. « … »"."""
    opener = ctx.token_at(quote.start)
    if opener.i == 0:
        return None
    sentence = ctx.doc[opener.i - 1].sent
    if ctx.paragraph_of(sentence.start_char) < ctx.paragraph_of(quote.start) - 1:
        return None
    root = sentence.root
    subject = subject_of(root)
    if subject is None or not _person_like(ctx, subject) or ctx.quote_at(subject.idx) is not None:
        return None
    return mention_of(subject, ctx.doc)


def find_candidates(ctx: Context) -> list[Candidate]:
    doc = ctx.doc
    hits = [h for h in find_cues(doc, ctx.res, ctx.text) if not ctx.in_boilerplate(*h.char_span(doc))]
    phrases = find_according(ctx)
    ctx.quotes = split_at_incises(ctx, hits, phrases)
    according = {a.start: a for a in phrases}
    used: set[int] = set()  # cue verbs and according phrases already attributed
    candidates, pending = _quote_candidates(ctx, {h.verb: h for h in hits}, according, used)
    candidates += _outermost(_cue_candidates(ctx, [h for h in hits if h.verb not in used], [c.content for c in candidates],
                                             hits))
    by_phrase, displaced = _according_candidates(ctx, [a for a in according.values() if a.start not in used],
                                                 candidates)
    candidates = [c for c in candidates if not _describes_source(c, by_phrase) and id(c) not in displaced]
    candidates += by_phrase
    candidates += _passive_candidates(ctx, candidates)
    candidates += _relative_view_candidates(ctx, candidates)
    candidates.sort(key=lambda c: c.content[0])
    for quote in pending:
        if not any(_within(quote.inner, c.content) for c in candidates):  # a part of a woven clause
            _continue(ctx, quote, candidates)
    return [c for c in candidates if not ctx.in_boilerplate(*c.content)]


def _quote_candidates(
    ctx: Context, cues: dict[int, CueHit], according: dict[int, AccordingHit], used: set[int]
) -> tuple[list[Candidate], list[Quote]]:
    """Quotes with a cue after or before them, or a speaker before a colon; the others wait for continuation."""
    doc = ctx.doc
    candidates: list[Candidate] = []
    pending: list[Quote] = []
    for quote in ctx.quotes:
        inner = (quote.inner_start, quote.inner_end)
        if quote.before != "word" or ctx.is_substantial(quote):
            after = _after_cue(ctx, quote, cues, according)
        else:  # a quoted word in a sentence: an incise only when its speaker follows the verb
            after = _inverted_incise(ctx, quote, _after_cue(ctx, quote, cues, according))
        if isinstance(after, CueHit):
            used.add(after.verb)
            kind: AttributionType = "direct"
            start, end = inner
            clause = _woven_clause(ctx, quote, after)
            if clause is not None:
                kind, start, end = classify(ctx, *clause)
            mention = _mention(ctx, doc[after.verb], incise=True)
            candidates.append(Candidate((start, end), kind, after.char_span(doc), after.lemma, after.stance, mention, 0.95,
                                        via=_relay(ctx, doc[after.verb], mention)))
        elif isinstance(after, AccordingHit):
            used.add(after.start)
            mention = mention_of(after.head, doc, stop=_phrase_stop(ctx, after))
            candidates.append(Candidate(inner, "direct", (after.char_start, after.char_end), after.lemma, "assert", mention, 0.85))
        elif (before := _before_cue(ctx, quote, cues)) is not None:
            hit, last = before
            used.add(hit.verb)
            cue = (doc[hit.start].idx, doc[last].idx + len(doc[last]))
            mention = _mention(ctx, doc[hit.verb], incise=is_incise(ctx, hit))
            if _bare_participle(hit, doc):  # "…, précise le ministère, ajoutant : « … »"
                leading = _leading_cue(ctx, hit, [h for h in cues.values() if h.verb < hit.verb])
                if leading is not None:
                    mention = _mention(ctx, doc[leading.verb], incise=is_incise(ctx, leading)) or mention
            candidates.append(Candidate(inner, "direct", cue, hit.lemma, hit.stance, mention, 0.9))
        elif quote.before == "colon" and (speaker := _colon_speaker(ctx, quote)) is not None:
            candidates.append(Candidate(inner, "direct", None, "", "assert", speaker, 0.75))
        elif quote.before != "word" and ctx.is_substantial(quote):
            pending.append(quote)
    return [c for c in candidates if not any(o is not c and _within(c.content, o.content) for o in candidates)], pending


def _inverted_incise(ctx: Context, quote: Quote, hit: CueHit | AccordingHit | None) -> CueHit | None:
    """The cue right after a quoted word when its subject comes after it ("Cette réforme est « redistributive »
    martèle le ministre"); "la « ville verte » annoncée par le maire", "the « green city » he announced" and
    "« pris du retard », mais a démenti tout montage" are not incises."""
    if not isinstance(hit, CueHit):
        return None
    closing = ctx.token_at(max(quote.end - 1, quote.start))
    if hit.start != closing.i + 1:
        return None
    verb = ctx.doc[hit.verb]
    if "Fin" not in verb.morph.get("VerbForm", []) and hit.start == hit.verb:
        return None
    subject = subject_of(verb, inverted=True, inherit=lambda head: False)
    return hit if subject is not None and subject.i > verb.i else None


def _woven_clause(ctx: Context, quote: Quote, hit: CueHit) -> tuple[int, int] | None:
    """The whole clause an incise closes when the quote is only part of it, else None.

    The quote is part of a clause when the words before its opening mark lead into it ("l'embargo signifie
    qu'il « sera libre », indique le rapport"; "la fermeture du site, « qui interviendra fin mai », a précisé
    …") or when words of the clause follow its closing mark before the incise ("« Il ne faut pas faire
    l'amalgame » entre les deux affaires, a mis en garde l'avocat"). The subject of an English incise
    ('"…," the minister said') is not such a word.
    """
    doc = ctx.doc
    opener = ctx.token_at(quote.start)
    closing = ctx.token_at(max(quote.end - 1, quote.start)).i
    last = hit.start - 1
    while last > closing and doc[last].is_punct and doc[last].text not in QUOTE_MARKS:
        last -= 1
    verb = doc[hit.verb]
    speaker = {t.i for c in verb.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    words_after = is_incise(ctx, hit) and any(t.is_alpha and t.i not in speaker for t in doc[closing + 1 : last + 1])
    first = clause_start(ctx, opener)
    words_before = any(t.is_alpha for t in doc[first : opener.i])
    leads_in = quote.before == "word" or quote.before == "comma" and words_before and _hangs_before(ctx, quote, opener)
    if not (leads_in or words_after):
        return None
    return trim(ctx, first if words_before else opener.i, last if words_after else closing)


def _hangs_before(ctx: Context, quote: Quote, opener: Token) -> bool:
    """Whether the quote after a comma is a relative clause on a noun before it ("la fermeture du site, « qui
    interviendra fin mai »"), so that it goes on that sentence; a quoted adjunct after a comma ("avant la
    manifestation, « avec les patients »") is a statement of its own."""
    closing = ctx.token_at(max(quote.end - 1, quote.start)).i
    start = clause_start(ctx, opener)
    if opener.i + 1 < closing and is_relative(ctx.doc[opener.i + 1]) and start < opener.i:
        return True  # the quote opens on a relative pronoun, however the parser hung its clause
    return any(t.dep_ in _RELATIVE_DEPS and start <= t.head.i < opener.i for t in ctx.doc[opener.i + 1 : closing])


def _cue_candidates(ctx: Context, hits: list[CueHit], direct: list[tuple[int, int]],
                    every: list[CueHit]) -> list[Candidate]:
    """Indirect and mixed attributions from the cues no quote took (`every` holds them all, for the cue a
    participle follows: "« … », précise le ministère, ajoutant que …")."""
    doc = ctx.doc
    candidates: list[Candidate] = []
    predicates: list[tuple[int, int]] = []  # a coordinated act belongs to the first: "a critiqué ... et a appelé"
    for hit in hits:
        position = doc[hit.verb].idx
        if any(s <= position < e for s, e in direct + predicates):
            continue
        verb = doc[hit.verb]
        quoted = ctx.quote_at(verb.idx)
        if quoted is not None and quoted.before != "word":
            continue  # speech reported inside a quotation is part of what the speaker says
        incise = is_incise(ctx, hit)
        mention = _mention(ctx, verb, incise=incise)
        leading = _leading_cue(ctx, hit, [h for h in every if h.verb < hit.verb]) if _bare_participle(hit, doc) else None
        if leading is not None:  # "…, a annoncé l'instance, évoquant « … »": the participle goes on its statement
            mention = _mention(ctx, doc[leading.verb], incise=is_incise(ctx, leading)) or mention
            incise = False
        parenthetical = as_content(ctx, hit)
        if parenthetical is not None:  # "comme l'a révélé le journal, …": the speaker follows the verb
            mention = _mention(ctx, verb, incise=True) or mention
        if mention is None:
            continue
        if parenthetical is not None:
            span, confidence = parenthetical, 0.8
        elif hit.frame in ("say", "say_obj", "claim_obj") or incise and mention.start > verb.idx:
            # an act set off after its content speaks of it ("Le dossier est vide, a fustigé le député"), as
            # a verb of saying does; only in place does it carry its own predicate
            said = clause_content(ctx, hit, subject_of(verb, inherit=lambda head: False), incise)
            if said is None or leading is not None and said[0][0] < position:
                continue
            span, confidence = said
        else:
            predicate = predicate_content(ctx, hit)
            if predicate is None:
                continue
            span, confidence = predicate, 0.8
            predicates.append(span)
        if _overlaps(span, direct) or leading is not None and _echoes_a_report(ctx, span):
            continue
        relay = _relay(ctx, verb, mention)
        stance = hit.stance
        called = predicative_complement(ctx, verb)
        if called is not None and stance == "deny" and ctx.token_at(span[0]).i >= called[0]:
            stance = "assert"  # "dismissed the report as « colourful reading »" says what the report is
        for part in coordinated_parts(ctx, hit, span):  # "a répondu que « … » et que « … »": two statements
            kind, start, end = classify(ctx, *part)
            candidates.append(Candidate((start, end), kind, hit.char_span(doc), hit.lemma, stance, mention,
                                        confidence, via=relay))
    return candidates


def _echoes_a_report(ctx: Context, span: tuple[int, int]) -> bool:
    """"…, a-t-elle indiqué, confirmant une information du Courrier", "…, confirming a report by the Post": a
    participle whose object is someone else's report only says where the news came first (like `citing`)."""
    tokens = ctx.tokens(*span)
    if tokens is None or is_clause(ctx, *span):
        return False
    head = tokens.root
    return fold(head.lemma_) in ctx.res.claim_nouns and any(
        c.dep_ in ("nmod", "prep") and c.i > head.i for c in head.children)


def _names_outlet(ctx: Context, head: Token, mention: Mention) -> bool:
    return _outlet(ctx.text[mention.start : mention.end], ctx) is not None or fold(head.lemma_) in ctx.res.media_nouns


def _relay(ctx: Context, verb: Token, speaker: Mention | None) -> tuple[int, int] | None:
    """The outlet a speaker told ("ont déclaré à la BBC", "told Reuters", "said to the AFP"): an object or an
    oblique of the verb of saying that names an outlet, when the speaker is someone else."""
    if speaker is None or _outlet(ctx.text[speaker.start : speaker.end], ctx) is not None:
        return None
    for child in verb.children:
        noun = child
        if child.dep_ in ("prep", "dative") and child.pos_ == "ADP":
            noun = next((g for g in child.children if g.dep_ == "pobj"), child)
        elif child.dep_ not in ("obl", "obl:arg", "iobj", "obj", "dobj", "dative"):
            continue
        if noun.pos_ not in ("PROPN", "NOUN") or speaker.tokens[0] <= noun.i < speaker.tokens[1]:
            continue
        told = mention_of(noun, ctx.doc, stop=frozenset(range(verb.i + 1)) if noun.i > verb.i else frozenset())
        name = _outlet(ctx.text[told.start : told.end], ctx)
        if name is not None:  # the outlet's own words: "in a statement to the BBC" relays through the BBC
            at = told.start + ctx.text[told.start : told.end].find(name)
            return at, at + len(name)
    return None


def _passive_candidates(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"la décision a été critiquée par l'opposition": the subject is the content, the agent the source."""
    taken = [c.content for c in found]
    candidates = []
    for hit in find_passives(ctx):
        if _overlaps(hit.content, taken):
            continue
        kind, start, end = classify(ctx, *hit.content)
        candidates.append(Candidate((start, end), kind, hit.cue, hit.lemma, hit.stance, hit.mention, 0.7))
    return candidates


def _relative_view_candidates(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """"les éleveurs, pour qui les attaques sont traumatisantes": "Pour X, …" (according_person.txt) on a
    relative pronoun set off by a comma gives the view of the noun before it; the view is the relative clause."""
    doc = ctx.doc
    views = {p for p in ctx.res.according_person if " " not in p}
    taken = [c.content for c in found]
    candidates = []
    for token in doc[1:-1]:
        relative = doc[token.i + 1]
        predicate = relative.head
        if (fold(token.text) not in views or not is_relative(relative) or predicate.i <= relative.i
                or doc[token.i - 1].text != ","):  # "les élèves pour qui le repas est gratuit" defines them
            continue
        before = token.i - 1
        while before >= 0 and doc[before].is_punct:
            before -= 1
        noun = doc[before] if before >= 0 else token
        if noun.pos_ == "ADJ" and noun.head.i < noun.i:
            noun = noun.head  # "des éleveurs locaux, pour qui": the noun the adjective describes
        if noun.pos_ not in ("NOUN", "PROPN") or not _speaker_noun(ctx, noun) or ctx.in_boilerplate(token.idx, token.idx + 1):
            continue
        span = trim(ctx, relative.i + 1, predicate.right_edge.i)
        if span is None or not is_clause(ctx, *span) or _overlaps(span, taken):
            continue
        kind, start, end = classify(ctx, *span)
        cue = (token.idx, relative.idx + len(relative))
        candidates.append(Candidate((start, end), kind, cue, fold(token.text), "assert", mention_of(noun, doc), 0.7))
    return candidates


def _describes_source(candidate: Candidate, by_phrase: list[Candidate]) -> bool:
    """A cue between "d'après X" and its content ("d'après le site X, qui a révélé l'affaire, …") describes
    the source; it reports nothing of its own."""
    return candidate.cue is not None and any(
        p.cue is not None and p.cue[1] <= candidate.cue[0] and candidate.content[1] <= p.content[0]
        for p in by_phrase)


def _leading_cue(ctx: Context, hit: CueHit, before: list[CueHit]) -> CueHit | None:
    """The cue a participle follows in its sentence, if any: "…, a annoncé l'instance, évoquant …"."""
    start = clause_start(ctx, ctx.doc[hit.verb])
    earlier = [h for h in before if start <= h.verb < hit.verb]
    return earlier[-1] if earlier else None


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Speech reported inside reported speech ("X said that it welcomed…") is part of the outer statement."""
    def nested(inner: Candidate) -> bool:
        return inner.cue is not None and any(
            other is not inner and other.cue is not None and not _within(other.cue, other.content)
            and _within(inner.cue, other.content) for other in candidates)
    return [c for c in candidates if not nested(c)]


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _according_candidates(ctx: Context, phrases: list[AccordingHit],
                          found: list[Candidate]) -> tuple[list[Candidate], set[int]]:
    """"selon X" / "according to X" whose content no other attribution already covers, and the ids of the
    candidates it displaces: a cue inside the content of "D'après une source, les analyses « confirment la
    piste »" whose subject names no speaker is part of what the source says."""
    candidates: list[Candidate] = []
    displaced: set[int] = set()
    for phrase in phrases:
        content = _according_content(ctx, phrase)
        if content is None or not (is_clause(ctx, *content) or is_initial(ctx, phrase) and _has_verb(ctx, content)):
            continue  # after "Selon X," the rest of the sentence is said, even where the tagger lost its verb
        inside = [c for c in found if id(c) not in displaced and _overlaps(content, [c.content])]
        if inside and not (is_initial(ctx, phrase) and all(_speaks_within(ctx, c, content) for c in inside)):
            relay = mention_of(phrase.head, ctx.doc, stop=_phrase_stop(ctx, phrase))
            if is_initial(ctx, phrase) and _names_outlet(ctx, phrase.head, relay):
                for candidate in inside:  # "Selon l'AFP, des responsables affirment …": the AFP relays them
                    candidate.via = candidate.via or (relay.start, relay.end)
            continue
        displaced.update(id(c) for c in inside)
        kind, start, end = classify(ctx, *content)
        # "selon le ministre de la Sécurité publique, Paul Martin, …": the apposed name is the speaker's
        speaker = _provider(ctx, phrase.head) or phrase.head
        mention = with_apposed_name(mention_of(speaker, ctx.doc, stop=_phrase_stop(ctx, phrase)), ctx.doc)
        cue = (phrase.char_start, phrase.char_end)
        candidates.append(Candidate((start, end), kind, cue, phrase.lemma, "assert", mention, 0.8))
    return candidates, displaced


def _provider(ctx: Context, noun: Token) -> Token | None:
    """"selon nos informations transmises par une source policière": who handed the information over (the
    agent of a participle of provider_verbs.txt on it) is the source, not the information."""
    for participle in noun.children:
        if participle.dep_ != "acl" or fold(participle.lemma_) not in ctx.res.provider_verbs:
            continue
        for agent in participle.children:
            if agent.dep_ == "obl:agent":
                return agent
            if agent.dep_ == "agent":  # English: "by" heads its noun
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _has_verb(ctx: Context, span: tuple[int, int]) -> bool:
    """A verb that is not a participle nor a relative clause's: "Selon X, une organisation basée à Paris qui a mené
    l'analyse" describes X."""
    tokens = ctx.tokens(*span)
    return tokens is not None and any(
        t.pos_ == "VERB" and "Part" not in t.morph.get("VerbForm", []) and not any(is_relative(c) for c in t.children)
        for t in tokens)


def _speaks_within(ctx: Context, candidate: Candidate, content: tuple[int, int]) -> bool:
    """Whether a candidate is a verb inside `content` whose subject is no speaker (a thing, a result)."""
    if candidate.cue is None or not _within(candidate.cue, content) or candidate.mention is None:
        return False
    return not _names_speaker(ctx, ctx.doc[candidate.mention.head])


def _phrase_stop(ctx: Context, phrase: AccordingHit) -> frozenset[int]:
    """A source after "selon" ends at the next comma and never includes the phrase itself."""
    stop = set(range(phrase.start, phrase.end))
    for token in ctx.doc[phrase.end : sentence_end(ctx, phrase.head)]:
        if token.text == "," and token.i > phrase.head.i:
            stop.update(range(token.i, len(ctx.doc)))
            break
    return frozenset(stop)


def _after_comma(ctx: Context, phrase: AccordingHit) -> frozenset[int]:
    """Tokens the content of an initial "selon X," starts from: after the comma that closes the phrase and
    any verbless apposition ("Pour la sociologue X, spécialiste de l'hôpital, la situation …")."""
    if not is_initial(ctx, phrase):
        return frozenset()
    doc = ctx.doc
    end = sentence_end(ctx, phrase.head)  # the parser may end a long "selon X" phrase as a sentence of its own
    commas = [t.i for t in doc[phrase.end : end] if t.text == ","]
    if not commas:
        return frozenset()
    last = commas[0]
    for comma, following in pairwise(commas):
        segment = doc[comma + 1 : following]
        relative = len(segment) > 0 and is_relative(segment[0])  # "d'après le site X, qui a révélé …,"
        if comma != last or (any(_finite(t) for t in segment) and not relative):
            break
        last = following
    return frozenset(range(last, len(doc)))


def _finite(token: Token) -> bool:
    return "Fin" in token.morph.get("VerbForm", [])



def _according_content(ctx: Context, phrase: AccordingHit) -> tuple[int, int] | None:
    doc = ctx.doc
    if is_initial(ctx, phrase):
        stop = _after_comma(ctx, phrase)
        if not stop:
            return None
        last = sentence_end(ctx, phrase.head)  # the parser may split the sentence at a quote mark
        end = last - 1
        for token in doc[min(stop) + 1 : last - 1]:  # "…, X relève du « cas d'école » : « … »"
            if token.text == ":" and doc[token.i + 1].text in QUOTE_MARKS:
                end = token.i - 1
                break
        return trim(ctx, min(stop) + 1, end)
    start = clause_start(ctx, doc[phrase.start])
    return trim(ctx, start, phrase.start - 1)


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    start, end = span
    for other_start, other_end in others:
        shared = min(end, other_end) - max(start, other_start)
        if shared > 0.5 * min(end - start, other_end - other_start):
            return True
    return False


def _continue(ctx: Context, quote: Quote, candidates: list[Candidate]) -> None:
    inner = (quote.inner_start, quote.inner_end)
    previous = [i for i, c in enumerate(candidates) if c.content[1] <= quote.start]
    if previous:
        index = previous[-1]
        if ctx.paragraph_of(candidates[index].content[0]) >= ctx.paragraph_of(quote.start) - 1:
            _insert(candidates, Candidate(inner, "direct", None, "", "assert", None, 0.7, follows=candidates[index]))
            return
    speaker = _previous_speaker(ctx, quote)
    if speaker is not None:
        _insert(candidates, Candidate(inner, "direct", None, "", "assert", speaker, 0.6))


def _insert(candidates: list[Candidate], candidate: Candidate) -> None:
    position = sum(1 for c in candidates if c.content[0] <= candidate.content[0])
    candidates.insert(position, candidate)

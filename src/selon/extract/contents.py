"""What is attributed: the span of text a cue governs, and whether it is direct, indirect or mixed.

Three shapes cover reported speech: a complement clause ("a déclaré que ...", "said the deal ..."), an incise
that follows its content ("..., ont déclaré les responsables"), and a speech act whose content is the predicate
itself ("a refusé de commenter le rapport"). Which one applies is read from the parse, never from words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from selon.extract.context import Context
from selon.extract.cues import CueHit
from selon.extract.mentions import has_case
from selon.extract.quotes import OPENING_MARKS, QUOTE_MARKS, Quote
from selon.extract.repairs import disagrees_in_person, hearer_start, misattached_conjunct
from selon.lang import fold
from selon.schema.records import AttributionType

_CLAUSE_DEPS = ("ccomp", "xcomp")
_OBJECT_DEPS = ("obj", "dobj")
_RELATIVE_DEPS = ("acl:relcl", "relcl")
_BREAKS = ".!?;"
_SENTENCE_ENDS = (".", "!", "?", "…", "\n")
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
_PREDICATE_DEPS = ("cop", "nsubj", "nsubj:pass", "nsubjpass")
#: Complements that make a verb the end of its own statement rather than an incise closing another.
_CORE_DEPS = ("obj", "dobj", "iobj", "obl:arg", "ccomp", "xcomp", "dative")
_INCISE_MARKS = ",—–"
#: Below this many words a span is too short to be a statement.
MIN_WORDS = 2


def trim(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """Shrinks a token span [start, end] to exclude edge punctuation, marks and coordinators."""
    doc = ctx.doc
    while start <= end and (
        doc[start].is_punct and doc[start].text not in QUOTE_MARKS
        or doc[start].is_space
        or doc[start].pos_ in ("CCONJ", "SCONJ")
        or doc[start].dep_ == "mark"
    ):
        start += 1
    while end >= start and (doc[end].is_punct and doc[end].text not in QUOTE_MARKS and not _closes_bracket(doc, start, end)
                            or doc[end].is_space or _dangling(doc, start, end)):
        end -= 1
    if end < start:
        return None
    start = _after_time_phrase(ctx, _after_dateline(ctx, start, end), end)
    return doc[start].idx, doc[end].idx + len(doc[end])


def _after_time_phrase(ctx: Context, start: int, end: int) -> int:
    """"a promis mercredi une aide", "a annoncé la semaine dernière que …": a day the parser put at the head of
    the content is the cue's adjunct; the content starts after it (and after its "que")."""
    doc = ctx.doc
    if start == 0 or doc[start - 1].pos_ not in ("VERB", "AUX", "ADV"):
        return start  # only right after the verb: "Lundi prochain sera chômé, a annoncé …" says the day
    index, timed = start, False
    while index < end:
        token = doc[index]
        if fold(token.lemma_) in ctx.res.time_nouns:
            if token.dep_ in _SUBJECT_DEPS or any(has_case(c) and c.i > token.i for c in token.children):
                return start  # "Lundi prochain sera chômé", "la fin des travaux": the time is what is said
            timed = True
        elif not (token.pos_ in ("NUM", "ADJ") or token.pos_ == "DET" and not timed):
            break  # "mercredi une aide": the object's own article starts the content
        index += 1
    if not timed or index == start:
        return start
    while index < end and (doc[index].dep_ == "mark" or doc[index].pos_ == "SCONJ"):
        index += 1
    return index


#: A wire dateline opening a paragraph: "PARIS (Reuters) - ", "MARSEILLE — ", "LONDON • ", "(Washington) ".
_DATELINE = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ]{2}[A-ZÀ-ÖØ-Þ' .-]{0,30}(?:,\s*[^\n(),]{1,30})?\s*(?:\([^()\n]{1,30}\)\s*)?[-–—•]"
    r"|\([A-ZÀ-ÖØ-Þ][^()\n]{1,30}\))\s+")


def _after_dateline(ctx: Context, start: int, end: int) -> int:
    """The first token after a dateline when the span opens its paragraph with one: the place and the agency
    say where the story was filed, not what anyone said."""
    doc = ctx.doc
    first = ctx.paragraph_start(doc[start].idx)
    if ctx.text[first : doc[start].idx].strip("([ "):
        return start
    match = _DATELINE.match(ctx.text, first)
    if match is None:
        return start
    after = start
    while after < end and doc[after].idx < match.end():
        after += 1
    return after


def _dangling(doc: Doc, start: int, end: int) -> bool:
    """A preposition or coordinator whose phrase the span's cut left outside ("« … » pour | justifier"); not
    one that ends its sentence ("things the city cannot pay for.")."""
    return (end > start and doc[end].pos_ in ("ADP", "CCONJ") and end + 1 < len(doc)
            and not doc[end + 1].is_punct)


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """A ")" whose "(" is in the span: "la Direction nationale (DNCG)" keeps it."""
    return doc[end].text == ")" and any(t.text == "(" for t in doc[start:end])


def clause_start(ctx: Context, token: Token) -> int:
    """First token of the sentence holding `token`, never before its paragraph.

    The parser splits sentences wrongly inside names and quotes, so a start not preceded by a sentence end is
    moved back to the previous one; a start inside a quote moves back to its opening mark.
    """
    doc = ctx.doc
    paragraph = ctx.paragraph_start(token.idx)
    start = token.sent.start
    while start > 0 and doc[start - 1].idx >= paragraph and doc[start - 1].text not in _SENTENCE_ENDS:
        start = doc[start - 1].sent.start
    while doc[start].idx < paragraph and start < token.i:
        start += 1
    quote = ctx.quote_at(doc[start].idx)
    if quote is not None and quote.start < doc[start].idx:
        return ctx.token_at(quote.start).i
    return start


def sentence_end(ctx: Context, token: Token) -> int:
    """One past the last token of the sentence holding `token`, carried over the parser's false splits (a
    split not made at sentence-final punctuation), never past its paragraph."""
    doc = ctx.doc
    end = token.sent.end
    while end < len(doc) and doc[end - 1].text not in _SENTENCE_ENDS and "\n" not in doc[end].text_with_ws:
        if "\n" in doc[end - 1].text_with_ws:
            break
        if end >= 2 and doc[end - 1].text in OPENING_MARKS and doc[end - 2].text in _SENTENCE_ENDS:
            return end - 1  # "… ». « Ça …": the parser gave the next sentence's opening mark to this one
        end = doc[end].sent.end
    return end


_AUXILIARIES = frozenset({"cop", "aux", "aux:tense", "aux:pass", "auxpass"})
_CLAUSE_LINKS = ("advcl", "conj", "parataxis")
_FRAGMENT_WORDS = 3
#: How far after a verb of saying its complementiser may stand when the parser lost the clause.
_MARK_WINDOW = 12
_TIME_DEPS = ("obl:mod", "npadvmod", "obl")


def is_clause(ctx: Context, start: int, end: int) -> bool:
    """Whether a character span holds a statement (a verb or a predicate), not a bare noun phrase."""
    span = ctx.tokens(start, end)
    if span is None:
        return False
    tops = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    if any(_predicates(t) for t in tops):
        return True
    # The parser may hang the clause on a participle it took for the root: "Le mouvement, entamé le 3 mars,
    # a été reconduit" has "entamé" on top and the finite verb below it.
    if any(_predicates(t) for top in tops for t in top.children
           if t.dep_ in _CLAUSE_LINKS and span.start <= t.i < span.end):
        return True
    # ... or hang a copular clause on a modifier: "Le prévenu n'est pas un dangereux assassin" has its subject
    # and "est" on "dangereux"
    return any(any(c.dep_ == "cop" for c in t.children) and any(c.dep_ in _SUBJECT_DEPS for c in t.children)
               for t in span)


def _predicates(token: Token) -> bool:
    """A verb, or a word the tagger missed as one but that has a subject ("la situation relève du …")."""
    return _finite(token) or any(c.dep_ in _AUXILIARIES or c.dep_ in _SUBJECT_DEPS for c in token.children)


def _finite(token: Token) -> bool:
    """A verb that makes a statement on its own: finite, or (for taggers without morphology) any verb."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    forms = token.morph.get("VerbForm", [])
    return not forms or "Fin" in forms


def _subtree(ctx: Context, child: Token) -> tuple[int, int] | None:
    return trim(ctx, child.left_edge.i, child.right_edge.i)


def _clause_deps(hit: CueHit) -> tuple[str, ...]:
    """An infinitive complement is what was said only for verbs taking an object ("denied having", "nié
    avoir"); after "discussed replacing" or "asked not to be named" it is not."""
    return _CLAUSE_DEPS if hit.frame == "say_obj" else ("ccomp",)


def _said_of_oneself(verb: Token, child: Token) -> bool:
    """A reflexive verb of saying with an attribute ("le ministre s'est dit « très inquiet »", "se dit prête"):
    the attribute is what the speaker said of themselves."""
    # the parser makes a quoted attribute after an adjunct the object: "s'est dit pour sa part « révolté »"
    return (child.dep_ in ("xcomp", "obj", "obl:mod")
            and not (child.dep_ != "xcomp" and any(c.dep_ == "det" for c in child.children))
            and "Inf" not in child.morph.get("VerbForm", [])
            and not any(c.dep_ in ("mark", "case", "aux", "aux:pass") for c in child.children)
            and any("Yes" in c.morph.get("Reflex", []) and c.i < verb.i for c in verb.children))


def _controls(ctx: Context, hit: CueHit) -> bool:
    """A verb of will ("souhaiter", "vouloir": the table gives it a control frame) takes an infinitive as what
    is wanted, not what is said: "a souhaité garder l'anonymat"."""
    return any(e.frame in ("neg_ctrl", "decline_ctrl") for e in ctx.res.cues.get(hit.lemma, ()))


def _bare_infinitive(token: Token) -> bool:
    """"a estimé ne pas avoir …", "affirme ne rien regretter": an infinitive with no preposition or "to" before
    it, sharing the speaker's subject, is what was said (not "a refusé de", "decided to")."""
    infinitive = "Inf" in token.morph.get("VerbForm", []) or "Part" in token.morph.get("VerbForm", []) and any(
        c.dep_ == "aux:tense" and "Inf" in c.morph.get("VerbForm", []) for c in token.children)  # "avoir menti"
    return (token.dep_ == "xcomp" and infinitive
            and not any(c.dep_ in ("mark", "aux") and c.i < token.i for c in token.children))


def _purpose(token: Token) -> bool:
    """An infinitive opened by a preposition: "pour justifier la fermeture", "afin de rassurer"."""
    return "Inf" in token.morph.get("VerbForm", []) and any(
        c.dep_ == "mark" and c.pos_ == "ADP" and c.i < token.i for c in token.children)


def _mistagged_participle(token: Token) -> bool:
    """"a estimé ne pas avoir « sous-entendu que … »": a past infinitive whose participle the tagger took for
    an adverb or an adjective, so the parser hung it as a modifier; its auxiliary gives it away."""
    return token.pos_ in ("ADV", "ADJ") and any(
        c.dep_ in ("aux", "aux:tense") and "Inf" in c.morph.get("VerbForm", []) for c in token.children)


def _clause_head(token: Token) -> bool:
    """A complement that states something: not an infinitive of purpose ("conclu un accord pour commencer")."""
    if token.dep_ == "xcomp" and any(c.dep_ == "mark" and c.pos_ in ("ADP", "SCONJ") for c in token.children):
        return False
    # a participle the tagger missed still has its auxiliary: "ne pas avoir « sous-entendu que … »"
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in _PREDICATE_DEPS + ("mark", "aux", "aux:tense")
                                                for c in token.children)


def _phrase_start(verb: Token, hit: CueHit, subject: Token | None) -> int:
    start = hearer_start(verb.doc, hit.start, verb)
    if subject is not None and subject.i < verb.i:
        start = min(start, subject.left_edge.i)
    return start


def clause_content(ctx: Context, hit: CueHit, subject: Token | None,
                   incise: bool = False) -> tuple[tuple[int, int], float] | None:
    """The content of a verb of saying, with a confidence; None when it governs no statement.

    An incise whose subject follows it ("…, a annoncé mardi la ministre X, au lendemain de …") says what came
    before it: what follows is its subject, however the parser labelled it.
    """
    found = _clause_content(ctx, hit, subject, incise)
    fronted = _fronted_end(ctx, ctx.doc[hit.verb])
    if found is None or fronted is None or found[0][1] <= fronted:
        return found
    (start, _), confidence = found
    end = ctx.token_at(fronted - 1).i if fronted > start else None
    span = trim(ctx, ctx.token_at(start).i, end) if end is not None else None
    return (span, confidence) if span is not None else None


def _fronted_end(ctx: Context, verb: Token) -> int | None:
    """Where the main clause starts after a fronted participle ("Considérant que l'animal …, ces collectifs
    déplorent …"): its comma, before the subject of the verb the participle hangs on; None otherwise."""
    main = verb.head
    if verb.dep_ != "advcl" or main.i <= verb.i or "Part" not in verb.morph.get("VerbForm", []):
        return None
    subjects = [c for c in main.children if c.dep_ in _SUBJECT_DEPS and verb.i < c.i < main.i]
    if not subjects:
        return None
    first = subjects[0].left_edge.i
    if first == 0 or ctx.doc[first - 1].text != ",":
        return None
    return ctx.doc[first - 1].idx


def _clause_content(ctx: Context, hit: CueHit, subject: Token | None,
                    incise: bool) -> tuple[tuple[int, int], float] | None:
    doc = ctx.doc
    verb = doc[hit.verb]
    if incise and (subject is None or subject.i > verb.i):
        return incise_content(ctx, verb, _phrase_start(verb, hit, subject))
    for child in verb.children:
        if (_said_of_oneself(verb, child) and child.i >= hit.end  # "s'est dit « révolté » par sa mort"
                and fold(child.lemma_) not in ctx.res.time_nouns):
            adjuncts = [c.right_edge.i for c in child.children if c.i < child.i and has_case(c)]
            span = trim(ctx, max(adjuncts, default=child.left_edge.i - 1) + 1, child.right_edge.i)
            if span is not None:
                return span, 0.8
        if ((child.dep_ in _clause_deps(hit) or _bare_infinitive(child) and not _controls(ctx, hit)
             or _mistagged_participle(child))
                and child.i >= hit.end and _clause_head(child)):
            span = trim(ctx, child.left_edge.i, _before_speech_participle(ctx, child))
            if span is not None:
                return span, 0.85
    # "the poll showed Obama up by 5 points", "a rejeté ces critiques"
    takes_object = hit.frame in ("say_obj", "claim_obj") or _is_document(ctx, subject)
    called = predicative_complement(ctx, verb)
    if takes_object and called is not None:  # "dismissed the report as « colourful reading »"
        span = trim(ctx, *called)
        if span is not None:
            return span, 0.75
    for child in _objects(ctx, verb):
        if not (takes_object or verb.dep_ in ("ROOT", "conj") and _quotes_words(ctx, child)):
            continue  # "avançait une « querelle de voisinage »": a quoted object is what was said (not in a
            # reported clause: "said the panel found the purchase « … »" is nested hearsay)
        # to the end of the clause: "a décrit un effort [...] pour faciliter la production"; a day the parser
        # took for the object is the cue's adjunct ("a promis jeudi « … » aux familles")
        first = child.i + 1 if _time_with_dependents(ctx, child) else child.left_edge.i
        first = max(first, hit.end)  # "a fait part de son inquiétude": "part" is the cue's, not what was said
        span = trim(ctx, first, _clause_end(ctx, verb))
        if span is not None:
            return span, 0.75
    governed = _prepositional_object(ctx, hit)
    if governed is not None:
        return governed, 0.75
    asked = _infinitive_on_addressee(ctx, hit)
    if asked is not None:
        return asked, 0.75
    marked = _marked_clause(ctx, verb)
    if marked is not None:
        return marked, 0.75
    for child in verb.children:
        if child.dep_ in _clause_deps(hit) and child.i < verb.i and _clause_head(child):
            span = _subtree(ctx, child)
            if span is not None:
                return span, 0.8
    broken = _broken_complement(ctx, hit, subject)
    if broken is not None:
        return broken, 0.7
    return incise_content(ctx, verb, _phrase_start(verb, hit, subject))


def _broken_complement(ctx: Context, hit: CueHit, subject: Token | None) -> tuple[int, int] | None:
    """"Two people …, said inspectors had flagged corrosion": with its subject before it, a verb of saying
    that the parser gave a second subject after it has lost its complement clause; the clause is what follows."""
    doc = ctx.doc
    verb = doc[hit.verb]
    if subject is None or subject.i > verb.i or hit.frame != "say":
        return None
    second = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i > verb.i]
    if not second or not any(_finite(t) for t in doc[hit.end : second[0].i + 1]):
        return None  # the complement's own finite verb, before the noun the parser took for a subject
    return trim(ctx, hit.end, _clause_end(ctx, verb))


def _infinitive_on_addressee(ctx: Context, hit: CueHit) -> tuple[int, int] | None:
    """"demandent à la direction de retirer son offre": an infinitive after the one addressed is what they are
    asked to do, whether the parser hung it on the verb or on the addressee, as if it described them."""
    verb = ctx.doc[hit.verb]
    for addressee in verb.children:
        if addressee.i < hit.end or addressee.dep_ not in ("obl:arg", "iobj") or not has_case(addressee):
            continue
        infinitives = [c for c in addressee.children if c.dep_ == "acl" and c.i > addressee.i]
        infinitives += [c for c in verb.children if c.dep_ == "xcomp" and c.i > addressee.i]
        for child in infinitives:
            if ("Inf" in child.morph.get("VerbForm", [])
                    and any(c.dep_ == "mark" and c.i < child.i for c in child.children)):
                return trim(ctx, child.left_edge.i, child.right_edge.i)
    return None


def _prepositional_object(ctx: Context, hit: CueHit) -> tuple[int, int] | None:
    """"admitted to blood doping", "insiste sur le jeune âge du prévenu": for the verb and preposition pairs of
    the language's object_prepositions.txt, the noun phrase after the preposition is what was said."""
    doc = ctx.doc
    verb = doc[hit.verb]
    lemma = fold(hit.lemma)
    for child in verb.children:
        if child.i < hit.end:
            continue
        if child.dep_ == "prep" and f"{lemma} {fold(child.text)}" in ctx.res.object_prepositions:
            objects = [c for c in child.children if c.dep_ == "pobj"]  # English: the object hangs on "at"
            if objects:
                return trim(ctx, objects[0].left_edge.i, objects[0].right_edge.i)
        cases = [c for c in child.children if c.dep_ == "case" and c.i < child.i]
        if child.pos_ not in ("NOUN", "PROPN") or not cases or child.dep_ in _SUBJECT_DEPS:
            continue
        if hit.start <= cases[-1].i < hit.end:  # "a mis en avant la baisse": the cue's own words hang on its object
            return trim(ctx, hit.end, _clause_end(ctx, verb))
        if f"{lemma} {fold(cases[-1].text)}" in ctx.res.object_prepositions:
            return trim(ctx, cases[-1].i + 1, child.right_edge.i)  # French: the preposition hangs on the noun
    return None


def as_content(ctx: Context, hit: CueHit) -> tuple[int, int] | None:
    """"Comme le révèlent plusieurs médias, les chiffres …", "…, as the paper reported": a reporting clause
    opened by the language's "as" says the rest of its sentence."""
    doc = ctx.doc
    verb = doc[hit.verb]
    if not any(c.dep_ == "mark" and c.i < verb.i and fold(c.text) in ctx.res.as_markers for c in verb.children):
        return None
    start, end = clause_start(ctx, verb), sentence_end(ctx, verb) - 1
    left, right = verb.left_edge.i, verb.right_edge.i
    if verb.dep_ == "ROOT":  # the parser made the parenthetical the root: it ends at its first comma
        right = next((t.i - 1 for t in doc[verb.i : end + 1] if t.text == ","), right)
    while left > start and doc[left - 1].pos_ == "CCONJ":
        left -= 1  # "Or comme …"
    before = trim(ctx, start, left - 1) if left > start else None
    after = trim(ctx, right + 1, end) if right < end else None
    span = after if before is None or after is not None and ctx.words(*after) > ctx.words(*before) else before
    return span if span is not None and ctx.words(*span) >= MIN_WORDS and is_clause(ctx, *span) else None


def coordinated_parts(ctx: Context, hit: CueHit, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The content cut at each coordinated complementiser: "a répondu que « A » et que « B »" and "said that A
    and that B" report two statements; "a dit que A et B" stays one."""
    doc = ctx.doc
    verb = doc[hit.verb]
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not (span[0] <= clause.idx < span[1]):
        return [span]
    parts = [c for c in clause.children
             if c.dep_ == "conj" and c.i > clause.i and any(g.dep_ == "mark" and g.i < c.i for g in c.children)]
    if not parts:
        return [span]
    pieces: list[tuple[int, int]] = []
    first = ctx.token_at(span[0]).i
    for part in parts:
        piece = trim(ctx, first, part.left_edge.i - 1)
        if piece is not None:
            pieces.append(piece)
        first = part.left_edge.i
    last = trim(ctx, first, ctx.token_at(span[1] - 1).i)
    if last is not None:
        pieces.append(last)
    pieces = [_without_trailing_conjunction(ctx, p) for p in pieces]
    if len(pieces) < 2 or not all(classify(ctx, *p)[0] == "direct" for p in pieces):
        return [span]  # reported speech coordinated under one verb stays one statement unless each is quoted
    return pieces


def _without_trailing_conjunction(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    doc = ctx.doc
    first, last = ctx.token_at(span[0]).i, ctx.token_at(span[1] - 1).i
    while last > first and (doc[last].pos_ == "CCONJ" or doc[last].is_punct and doc[last].text not in QUOTE_MARKS):
        last -= 1
    return span[0], doc[last].idx + len(doc[last])


def _before_speech_participle(ctx: Context, clause: Token) -> int:
    """Last token of a complement clause, which ends before ", tout en assurant que …", ", adding that …": a
    participle of saying set off by a comma is a statement of its own."""
    doc = ctx.doc
    end = clause.right_edge.i
    for child in clause.children:  # "said the failures were « unacceptable » and promised that …"
        if child.i <= end and misattached_conjunct(child, ctx.res.cues, ctx.res.people_nouns) is not None:
            end = min(end, child.left_edge.i - 1)  # its coordinator is trimmed off
    for token in doc[clause.i + 1 : end]:
        if token.text in _INCISE_MARKS:
            following = _leading(doc[token.i + 1])[-1]
            if _is_participle(following) and fold(following.lemma_) in ctx.res.cues:
                return token.i - 1
    return _before_coordinated_predicate(ctx, clause.left_edge.i, end)


def _before_coordinated_predicate(ctx: Context, start: int, end: int) -> int:
    """"Il estime qu'« on n'est pas condamné à l'échec » et est « convaincu que … »": a clause that is one quote
    followed by a coordinated verb with no subject of its own ends with the quote; the verb is the speaker's
    next predicate, not more of what they said."""
    doc = ctx.doc
    opening = next((t for t in doc[start : min(start + 3, end + 1)] if t.text in QUOTE_MARKS), None)
    if opening is None:
        return end
    quote = ctx.quote_at(opening.idx + len(opening))
    if quote is None or quote.end > doc[end].idx + len(doc[end]):
        return end
    closing = ctx.token_at(quote.end - 1).i
    if closing + 2 <= end and doc[closing + 1].pos_ == "CCONJ" and doc[closing + 2].pos_ in ("VERB", "AUX"):
        verb = doc[closing + 2]
        if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            return closing
    return end


def _is_document(ctx: Context, subject: Token | None) -> bool:
    """A report, a poll or an autopsy "shows" or "finds" what it states: its object is its content."""
    return subject is not None and fold(subject.lemma_) in ctx.res.document_nouns


def predicative_complement(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """First and last token of what a verb's object was called ("described the plan as a disaster", "a décrit
    le projet comme « une impasse »"): the statement, while the object is only what it is about."""
    doc = ctx.doc
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i]
    if not objects:
        return None
    after = objects[0].right_edge.i + 1
    while after < len(doc) and doc[after].is_punct and doc[after].text not in QUOTE_MARKS:
        after += 1
    if after + 1 >= len(doc) or fold(doc[after].text) not in ctx.res.predicative_prepositions:
        return None
    marker = doc[after]
    # English hangs the phrase on the preposition ("as" → pobj), French the preposition on the phrase ("comme")
    hung_on_phrase = marker.dep_ != "prep" and marker.head.i > marker.i
    last = marker.head.right_edge.i if hung_on_phrase else marker.right_edge.i
    return (after + 1, last) if last > after else None


def _quotes_words(ctx: Context, token: Token) -> bool:
    """An object phrase that holds a quotation of the speaker's words (not a quoted term alone)."""
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return any(start <= q.inner_start and q.inner_end <= end + 1 and _speaker_words(ctx, q) for q in ctx.quotes)


def _time_with_dependents(ctx: Context, token: Token) -> bool:
    """A day or date with words hung after it ("jeudi « … »", "ce lundi une …"): the parser's object is an
    adjunct and what follows it the content; with an article it is a phrase of its own ("la fin des travaux")."""
    return (fold(token.lemma_) in ctx.res.time_nouns
            and not any(c.dep_ == "det" and "Art" in c.morph.get("PronType", []) for c in token.children)
            and any(c.i > token.i and not c.is_punct for c in token.children))


def _objects(ctx: Context, verb: Token) -> list[Token]:
    """Objects after the verb; failing those, an object the parser hung on a time adjunct between them
    ("a démenti jeudi un tel projet"), down a date's own words ("a annoncé ce lundi 20 février la fermeture")."""
    found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS and c.i > verb.i]
    if not found:  # "a promis mercredi une aide": the parser made the bare noun phrase an oblique
        found = [c for c in verb.children if c.i > verb.i and c.dep_ in ("obl:arg", "obl:mod", "obl")
                 and _determined_noun(c) and fold(c.lemma_) not in ctx.res.time_nouns]
    dates = [c for c in found if _bare_date(ctx, c)]
    if dates and len(dates) == len(found):  # "a annoncé le 3 mars une hausse": the date is an adjunct
        after = [c for c in verb.children if c.i > dates[-1].i and _determined_noun(c)]
        if after:
            return after[:1]
    if found:
        return found
    return [g for c in verb.children if c.i > verb.i and c.dep_ in _TIME_DEPS
            for g in _date_dependents(ctx, c) if g.dep_ in ("obj", "dobj") or _bare_noun_phrase(g)]


def _date_dependents(ctx: Context, day: Token) -> list[Token]:
    """The words hung after a day and the numbers and months of its date: "lundi 20 février la fermeture"."""
    found: list[Token] = []
    for child in day.children:
        if child.i <= day.i:
            continue
        found.append(child)
        if child.pos_ == "NUM" or fold(child.lemma_) in ctx.res.time_nouns and not has_case(child):
            found.extend(_date_dependents(ctx, child))
    return found


def _bare_date(ctx: Context, token: Token) -> bool:
    """A date standing alone as the parser's object: "le 3 mars", "lundi"."""
    words = [t for t in token.subtree if not (t.dep_ == "det" or t.is_punct)]
    return bool(words) and all(t.pos_ == "NUM" or fold(t.lemma_) in ctx.res.time_nouns for t in words)


def _bare_noun_phrase(token: Token) -> bool:
    """A noun phrase with a determiner and no preposition: "jeudi une rentrée sereine" is an object the parser
    hung on the day, "jeudi de la semaine passée" is not."""
    return token.dep_ == "nmod" and _determined_noun(token)


def _determined_noun(token: Token) -> bool:
    """A common noun with a determiner and no preposition: a phrase that can be an object."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" for c in token.children) and not has_case(token)


def _marked_clause(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """A complementiser soon after the verb when the parser lost the clause: "a reconnu plus tôt que ...".

    Past a preposition the clause must hang on a word for what carries speech ("said in a statement that",
    "a déclaré dans un communiqué que"); "à condition que" is not what was said.
    """
    doc = ctx.doc
    last = sentence_end(ctx, verb)
    carriers = ctx.res.document_nouns | ctx.res.speech_nouns
    preposition = False
    for token in doc[verb.i + 1 : min(verb.i + _MARK_WINDOW, last)]:
        if token.pos_ in ("VERB", "AUX") or token.is_punct and token.text not in "-":
            return None
        preposition = preposition or token.pos_ == "ADP" and not _framing(token)
        # "révélait que des policiers avaient transmis …": the complementiser right after the verb, which the
        # parser hung on the verb itself and the clause on it
        bare = token.i == verb.i + 1 and token.pos_ == "SCONJ" and token.head == verb and any(
            _finite(t) for t in token.subtree)
        if bare or token.dep_ == "mark" and token.head.i > token.i and token.pos_ in ("SCONJ", "PRON"):
            if token.head.dep_ == "advcl":
                return None  # "because …", "parce que …": a reason, not a statement
            attached = token.head.head
            if preposition and attached != verb and fold(attached.lemma_) not in carriers | ctx.res.time_nouns:
                return None  # "a rapporté plus tôt dans la journée que …" is a time, not a condition
            end = token.i
            while end + 1 < last and doc[end + 1].text not in _BREAKS:
                end += 1
            return trim(ctx, token.i + 1, end)
    return None


def _framing(preposition: Token) -> bool:
    """"pour leur part", "de son côté", "au contraire": an adverbial phrase of the speaker's stance (a
    possessive, or an article fused with the preposition), not the noun of a condition ("à condition que")."""
    noun = preposition.head
    return noun.pos_ == "NOUN" and (
        any("Yes" in c.morph.get("Poss", []) for c in noun.children if c.i < noun.i)
        or "Def" in preposition.morph.get("Definite", []) and not any(c.dep_ == "det" for c in noun.children))


def incise_content(ctx: Context, verb: Token, phrase_start: int) -> tuple[tuple[int, int], float] | None:
    """"CONTENT, ont déclaré les responsables": the sentence up to the comma that opens the incise."""
    doc = ctx.doc
    if phrase_start == 0 or doc[phrase_start - 1].text not in _INCISE_MARKS:
        return None
    # an inverted clitic ("a-t-on appris de source sûre") stands before the participle but is no fronted subject
    subject_before = any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i and not c.text.startswith("-")
                         and not disagrees_in_person(c, verb) for c in verb.children)
    after = [c for c in verb.children if c.i > verb.i]
    if subject_before:
        # "X, officials said (on Tuesday)." ends the sentence; "l'accord pourrait répondre à ..." does not.
        if any(c.dep_ in _CORE_DEPS for c in after):
            return None
    elif any(c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") for c in after):
        return None
    start = clause_start(ctx, doc[phrase_start - 1])
    span = trim(ctx, start, phrase_start - 2)
    if span is None or ctx.words(*span) < MIN_WORDS:
        return None
    if not is_clause(ctx, *span) and not _whole_reply(ctx, verb, start):
        return None
    return span, 0.8


def _whole_reply(ctx: Context, verb: Token, start: int) -> bool:
    """"Not so, said a campaign official." A verbless reply is a statement when it opens the sentence and the
    incise closes it: nothing but the speaker follows the verb."""
    doc = ctx.doc
    sentence = verb.sent
    if start != sentence.start or "Fin" not in verb.morph.get("VerbForm", []):
        return False
    reply = doc[start : verb.i]
    if reply[0].pos_ == "ADP" or any(fold(t.lemma_) in ctx.res.time_nouns for t in reply):
        return False  # "Last year, said the minister." sets a scene
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    if len(after) != 1 or after[0].dep_ not in _SUBJECT_DEPS:
        return False
    end = after[0].right_edge.i + 1
    return end < len(doc) and doc[end].text in ".!?" and end == sentence.end - 1


def _clause_end(ctx: Context, verb: Token, *, conjoined: bool = False) -> int:
    """Last token of the verb's clause: its subtree, stopped at a sentence break or a set-off relative, and,
    unless `conjoined`, at a coordinated verb ("a reconnu un incident, mais a démenti tout lien" are two
    statements; a speech act keeps its coordinated acts: "a critiqué … et a appelé à …")."""
    doc = ctx.doc
    end = verb.right_edge.i
    for child in verb.children:
        if not conjoined and child.dep_ == "conj" and child.i > verb.i and child.pos_ in ("VERB", "AUX"):
            end = min(end, child.left_edge.i - 1)
        if (child.i > verb.i and child.dep_ in ("advcl", "xcomp") and _purpose(child)
                and doc[child.left_edge.i - 1].text in QUOTE_MARKS):
            # "met en avant « … » pour justifier la fermeture": a purpose after a quoted object is the speaker's
            # aim, not their words ("un effort [...] pour faciliter la production" is the object's own)
            end = min(end, child.left_edge.i - 1)
    if not conjoined:  # the same, when the parser hung the second verb on a noun of the first one's object
        stray = next((t for t in doc[verb.i + 1 : end + 1] if t.dep_ == "conj" and t.pos_ == "VERB"
                      and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > verb.i and _finite_or_participle(t)), None)
        if stray is not None:
            end = min(end, stray.left_edge.i - 1)
    for token in doc[verb.i + 1 : end + 1]:
        if token.text in _BREAKS:
            return token.i - 1
        if token.text in _INCISE_MARKS and token.i + 1 <= end and (
                _starts_adjunct(doc[token.i + 1]) or _verb_adjunct_at(ctx, verb, token.i + 1)):
            return token.i - 1
    return end


def _verb_adjunct_at(ctx: Context, verb: Token, index: int) -> bool:
    """A prepositional phrase of the verb's own set off by a comma after its object ("a plaidé le meurtre, au
    second jour du procès"): it says when or where the thing was said, not what."""
    said = [t for t in verb.doc[verb.i + 1 : index] if t.pos_ in ("NOUN", "PROPN", "PRON", "VERB")
            and fold(t.lemma_) not in ctx.res.time_nouns]
    if not said:
        return False  # "défend, dans le Journal du Dimanche, une réforme …": the object is still to come
    return any(c.left_edge.i == index and c.i >= index and (c.dep_ == "prep" or c.dep_ in ("obl", "obl:mod")
               and has_case(c)) for c in verb.children)


def _finite_or_participle(token: Token) -> bool:
    return bool({"Fin", "Part"} & set(token.morph.get("VerbForm", [])))


def _starts_adjunct(token: Token) -> bool:
    """After a comma, what opens another statement: a relative ("…, qui n'a pas répondu") or a participle
    ("denied the allegations, calling them …")."""
    relative = "Rel" in token.morph.get("PronType", []) or token.tag_ in ("WP", "WDT") or token.dep_ in _RELATIVE_DEPS
    return relative or any(_is_participle(t) for t in _leading(token))


def _leading(token: Token) -> list[Token]:
    """The token and, past words like "tout en", "while", the first one that is not such a word."""
    doc, i = token.doc, token.i
    while i < min(token.i + 2, len(doc) - 1) and doc[i].pos_ in ("ADV", "ADP", "SCONJ"):
        i += 1
    return [token, doc[i]]


def _is_participle(token: Token) -> bool:
    return token.pos_ == "VERB" and bool({"Ger", "Part"} & set(token.morph.get("VerbForm", [])))


def predicate_content(ctx: Context, hit: CueHit) -> tuple[int, int] | None:
    """A speech act's content is its predicate: from the cue to the end of the verb's complements.

    A relative clause set off by a comma ("au ministère, qui n'a pas répondu") is another statement and ends it.
    """
    doc = ctx.doc
    verb = doc[hit.verb]
    end = _clause_end(ctx, verb, conjoined=True)
    for token in doc[hit.start : end + 1]:
        if token.dep_ in _RELATIVE_DEPS and token.head.i >= hit.start and token.left_edge.i > hit.start:
            before = token.left_edge.i - 1
            if doc[before].text in _INCISE_MARKS:
                end = min(end, before - 1)
    return trim(ctx, hit.start, end)


def _speaker_words(ctx: Context, quote: Quote) -> bool:
    """A quoted fragment that carries the speaker's own words: a few words, or a verb ("ont « tardé à
    signaler »"); a quoted noun or term alone ("d'autres « ingérences occidentales »") is the writer's
    scare quote, as dev-gold reads it."""
    if ctx.words(quote.inner_start, quote.inner_end) >= _FRAGMENT_WORDS:
        return True
    tokens = ctx.tokens(quote.inner_start, quote.inner_end)
    return tokens is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens)


def classify(ctx: Context, start: int, end: int) -> tuple[AttributionType, int, int]:
    """direct when the span is one quote, mixed when it holds a quoted statement, else indirect.

    A quote that opens inside the span and closes just past it (the parser left the closing mark outside the
    clause) is taken in whole, and so is one that closes inside it and opened just before it (the parser hung
    the opening mark on the verb: "affirme « ne rien attendre » du prestataire").
    """
    text = ctx.text
    for quote in ctx.quotes:
        if start <= quote.start < end < quote.end and not any(ch.isalnum() for ch in text[end : quote.end]):
            end = quote.end
        if quote.start < start < quote.end <= end and not any(ch.isalnum() for ch in text[quote.start : start]):
            start = quote.start
    inside = [q for q in ctx.quotes if start <= q.start and q.end <= end + 1]
    for quote in inside:
        outside = ctx.text[start : quote.start] + ctx.text[quote.end : end]
        if not any(ch.isalnum() for ch in outside):
            return "direct", quote.inner_start, quote.inner_end
    if any(_speaker_words(ctx, q) for q in inside):
        return "mixed", start, end
    return "indirect", start, end

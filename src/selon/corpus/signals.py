"""What an article is about, as a few weighted keys that another article on the same event is likely to share.

Stories (`selon.corpus.stories`) block on these keys: an article is only ever compared with the earlier articles
that share at least one of them within the date window, found through the `story_signals` index. The keys:

| prefix | what | weight | crosses languages |
|---|---|---|---|
| `e:` | a name: a named source (person, organisation, outlet), or capitalised words inside a sentence of the title or text | 3 | yes: names survive translation (accents and case are folded) |
| `d:` | a number with a decimal part, or a whole number of two digits or more that is not a year (`1 200`, `1,200` and `1200` are one) | 2 | yes |
| `q:` | a short quoted string (up to six words), or each three-word run of a longer quotation | 2 | only when the quotation is left untranslated (a slogan, a name, an English phrase in a French article) |
| `w:` | a long word (six letters or more, cut to its first six) of the title or lead | 1 | no: words are translated, except cognates (`sanctions`, `nucléaire`/`nuclear` share `nuclea`) |

Everything here is pure: the same stored article always gives the same keys, which is what lets
`selon stories --rebuild` find again exactly what the ingests found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selon.corpus.keys import fold, normalise_text
from selon.schema.records import Analysis

WEIGHTS = {"e": 3.0, "d": 2.0, "q": 2.0, "w": 1.0}
#: At most this many keys per article (heaviest first): a long article costs no more to place than a short one.
MAX_SIGNALS = 32
#: How much of the body counts as the lead for `w:` keys.
LEAD_CHARS = 240
#: How much of the body is searched for names and numbers.
BODY_CHARS = 4000
NAMED_KINDS = frozenset({"person", "organization", "media"})

_QUOTED = re.compile(r"«\s*([^«»]{2,400}?)\s*»|“([^“”]{2,400}?)”|\"([^\"]{2,400}?)\"")
#: A grouped number (`1 200`, `1,200`) or a plain one, not glued to a word or another number. The leading `(?=\d)`
#: changes no match (both forms start with a digit) but lets the engine skip to digits: three times faster.
_NUMBER = re.compile(r"(?=\d)(?<![\w.,])(?:\d{1,3}(?:[  \u202f.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:de |du |la |von |van |al-)?[A-ZÀ-ÖØ-Þ][\w'’-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«“\"\n]\s*)$")
_WORD = re.compile(r"\w{6,}")


def number_key(raw: str) -> str | None:
    """`1 200`, `1,200`, `1.200` and `1200` are 1200; `3,5` and `3.5` are 3.5; years and whole numbers below 10
    are too common to tell events apart and give no key."""
    compact = re.sub(r"[  \u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        compact = re.sub(r"[.,]", "", compact)
    compact = compact.replace(",", ".")
    try:
        value = float(compact)
    except ValueError:
        return None
    if value.is_integer() and (value < 10 or 1900 <= value <= 2100):
        return None
    return f"{value:g}" if not value.is_integer() else str(int(value))


def names_in(text: str) -> Iterable[str]:
    """Runs of capitalised words that do not open a sentence (a sentence's first word is capitalised anyway);
    a run of several words also gives its last word, so "Claire Dubois" and "Dubois" meet."""
    for match in _CAPITALISED.finditer(text):
        if _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
            continue
        key = normalise_text(match.group(0))
        if len(key) < 3:
            continue
        yield key
        words = key.split()
        if len(words) > 1 and len(words[-1]) >= 3:
            yield words[-1]


def quoted_in(text: str) -> Iterable[str]:
    for match in _QUOTED.finditer(text):
        words = normalise_text(next(g for g in match.groups() if g)).split()
        if not words:
            continue
        if len(words) <= 6:
            yield " ".join(words)
        else:
            yield from (" ".join(words[i:i + 3]) for i in range(len(words) - 2))


def signals(analysis: Analysis) -> dict[str, float]:
    """The article's keys with their weights, at most `MAX_SIGNALS`, heaviest first then alphabetical."""
    article = analysis.article
    title = article.title or ""
    body = article.text[:BODY_CHARS]
    found: dict[str, float] = {}

    def add(prefix: str, key: str) -> None:
        if key:
            found[f"{prefix}:{key}"] = WEIGHTS[prefix]

    for source in analysis.sources:
        if source.kind in NAMED_KINDS:
            add("e", normalise_text(source.name))
    for text in (title, body):
        for name in names_in(text):
            add("e", name)
        for match in _NUMBER.finditer(text):
            add("d", number_key(match.group(0)) or "")
        for quoted in quoted_in(text):
            add("q", quoted)
    for word in _WORD.findall(fold(f"{title} {body[:LEAD_CHARS]}")):
        if not word.isdigit():
            add("w", word[:6])
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[:MAX_SIGNALS])

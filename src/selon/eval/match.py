"""How predictions are paired with gold attributions, and when a predicted source counts as right.

Content is compared by token F1 rather than exact spans because annotators and extractors legitimately differ
on boundaries (a trailing full stop, an included incise); 0.5 is the threshold DESIGN.md fixes. Sources are
compared on content words only, so that a bare pronoun or a shared article ("les experts" / "les responsables")
never passes for the same speaker, while a surname or a shorter description of the same people does.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; apostrophes, hyphens and punctuation separate words ("l’accord" → l, accord)."""
    return _WORD.findall(text.lower())


def token_f1(a: str | Sequence[str], b: str | Sequence[str]) -> float:
    """Bag-of-tokens F1 between two texts (or token lists), as in SQuAD; 0.0 when either side is empty."""
    ta = Counter(tokens(a) if isinstance(a, str) else a)
    tb = Counter(tokens(b) if isinstance(b, str) else b)
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    precision = common / sum(ta.values())
    recall = common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def match(gold: Sequence[str], predicted: Sequence[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one best-first pairing: (gold index, predicted index, F1) for every pair taken, in gold order.

    All pairs scoring at least `threshold` are sorted by F1 descending (ties by gold then predicted index, so
    the result is deterministic) and taken greedily while both sides are still free. Two predictions that both
    cover one gold attribution thus give one true positive and one false alarm.
    """
    gold_tokens = [tokens(text) for text in gold]
    pred_tokens = [tokens(text) for text in predicted]
    candidates = [
        (score, g, p)
        for g, gt in enumerate(gold_tokens)
        for p, pt in enumerate(pred_tokens)
        if (score := token_f1(gt, pt)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, g, p in candidates:
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        pairs.append((g, p, score))
    return sorted(pairs)


@cache
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang` (no model is loaded), plus their elided forms split at the apostrophe.

    Our tokeniser splits "l’un" into "l", "un", while spaCy lists "l’"; the bare forms are added so that elided
    articles are dropped too. An unknown language falls back to French and English together.
    """
    code = lang.lower().split("-")[0].split("_")[0]
    try:
        if not code.isalpha():
            raise ImportError(code)
        module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    except ImportError:
        if code in ("fr", "en"):
            raise
        return stop_words("fr") | stop_words("en")
    words = {str(word).lower() for word in module.STOP_WORDS}
    words |= {token for word in list(words) for token in tokens(word)}
    return frozenset(words)


def content_words(text: str, lang: str) -> frozenset[str]:
    """The tokens of `text` that can identify a speaker: no stop words, no single letters."""
    stops = stop_words(lang)
    return frozenset(t for t in tokens(text) if len(t) > 1 and t not in stops)


def overlaps(a: str, b: str, lang: str) -> bool:
    """Whether two source descriptions plausibly name the same speaker.

    True when their content words share at least one token and either one set contains the other ("Dubois" /
    "Claire Dubois") or their token F1 is at least 0.5. A text with no content word (a pronoun) never overlaps.
    """
    wa, wb = content_words(a, lang), content_words(b, lang)
    if not wa or not wb or not wa & wb:
        return False
    return wa <= wb or wb <= wa or token_f1(sorted(wa), sorted(wb)) >= THRESHOLD


def source_right(predicted: Iterable[str | None], gold: Iterable[str], lang: str) -> bool:
    """True when any predicted text (mention, entity name) overlaps any gold text (mention, canonical form)."""
    golds = [g for g in gold if g]
    return any(overlaps(p, g, lang) for p in predicted if p for g in golds)

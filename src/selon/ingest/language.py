"""Which language an article is in, so the right resources and spaCy model are used, or a clear refusal.

The detector knows more languages than selon has resources for on purpose: a German article must be recognised
as German and refused, not forced into the nearest supported language and analysed as nonsense.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from selon.errors import UndetectedLanguageError, UnsupportedLanguageError
from selon.lang import available_languages

#: Languages the detector chooses among (ISO 639-1): common languages of news, supported or not.
KNOWN_LANGUAGES: tuple[str, ...] = (
    "fr", "en", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sv", "da", "nb", "fi", "el", "tr", "ru",
    "uk", "ar", "fa", "he", "hi", "zh", "ja", "ko", "id", "vi",
)
#: The opening of a text says its language as well as the whole does, at a fraction of the cost.
SAMPLE_CHARS = 5_000
#: Below this many letters a guess is a coin toss ("Paris", "OK"), so none is made.
MIN_LETTERS = 20
#: The detector's confidence in its best language below which the text is reported as undetected.
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    """Built once, on first use: loading the language models takes seconds and most runs pass --lang."""
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in KNOWN_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _sample(text: str) -> str:
    """The first SAMPLE_CHARS characters, cut back to a space so no word is split."""
    if len(text) <= SAMPLE_CHARS:
        return text
    head = text[:SAMPLE_CHARS]
    cut = head.rfind(" ")
    return head[:cut] if cut > SAMPLE_CHARS // 2 else head


def identify(text: str) -> tuple[str, str]:
    """(ISO 639-1 code, English name) of the language of `text`; raises UndetectedLanguageError when unsure."""
    sample = _sample(text)
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        raise UndetectedLanguageError("the text is too short to tell its language")
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        raise UndetectedLanguageError("the language of the text could not be told with confidence")
    best = values[0].language
    return best.iso_code_639_1.name.lower(), best.name.capitalize()


def detect(text: str) -> str:
    """The ISO 639-1 code of the language of `text`, which selon must have resources for.

    Raises UndetectedLanguageError when the language cannot be told, UnsupportedLanguageError when it can but
    selon has no resources for it.
    """
    code, name = identify(text)
    available = available_languages()
    if code not in available:
        raise UnsupportedLanguageError(
            f"the text is in {name} ({code}), a language selon has no resources for "
            f"(available: {', '.join(available)})"
        )
    return code

"""selon: who says what in the news, and on whose word.

    >>> import selon
    >>> analysis = selon.analyze("« Nous gagnerons », a déclaré la ministre.", lang="fr")
    >>> analysis.to_dict()["schema"]
    'selon/1'
"""

from selon.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    FetchError,
    InputError,
    ModelNotFoundError,
    NoArticleTextError,
    SelonError,
    UndetectedLanguageError,
    UnsupportedLanguageError,
)
from selon.ingest.prepare import ArticleInput, prepare
from selon.pipeline import Failure, analyze, analyze_many
from selon.schema.records import SCHEMA, Analysis, Article, Attribution, Cue, Note, Source, Span

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "ArticleInput",
    "Attribution",
    "BinaryInputError",
    "Cue",
    "DecodingError",
    "EmptyInputError",
    "Failure",
    "FetchError",
    "InputError",
    "ModelNotFoundError",
    "NoArticleTextError",
    "Note",
    "SelonError",
    "Source",
    "Span",
    "UndetectedLanguageError",
    "UnsupportedLanguageError",
    "analyze",
    "analyze_many",
    "analyze_url",
    "prepare",
]


def __getattr__(name: str) -> object:
    """`selon.analyze_url` is imported on first use: the HTTP client is not loaded by every `import selon`."""
    if name == "analyze_url":
        from selon.fetch import analyze_url

        return analyze_url
    raise AttributeError(f"module 'selon' has no attribute {name!r}")

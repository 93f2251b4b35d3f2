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
    "prepare",
]

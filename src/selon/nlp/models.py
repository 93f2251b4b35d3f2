"""Loading spaCy pipelines by a name the user can change.

The default model of each language is written in its `language.json`; `SELON_MODEL_<LANG>` in the environment or
an explicit `model=` argument (the CLI's `--model`) replaces it, so a user with the official `en_core_web_sm` can
use it instead of the re-uploaded package we depend on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from selon import lang as languages
from selon.errors import ModelNotFoundError

COMPONENT = "selon_attributions"

# Large inputs are cut into chunks well below this, but a caller may hand us a long paragraph.
MAX_LENGTH = 2_000_000


def model_name(code: str, override: str | None = None) -> str:
    if override:
        return override
    return os.environ.get(f"SELON_MODEL_{code.upper()}") or languages.load(code).model


@lru_cache(maxsize=8)
def _load(name: str, code: str) -> Language:
    from selon.nlp import component  # noqa: F401  (registers the factory)

    try:
        nlp = spacy.load(name, exclude=[])
    except OSError as error:
        raise ModelNotFoundError(f"spaCy model {name!r} for language {code!r} cannot be loaded: {error}") from None
    nlp.max_length = MAX_LENGTH
    _split_elided_quotes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("selon_paragraph_breaks", before="parser")
    nlp.add_pipe(COMPONENT, last=True, config={"lang": code})
    return nlp


#: An opening quote mark glued to an elided word: "qu'«on", "d'\"une", "l’“affaire”".
_ELIDED_QUOTE = r"(?<=[^\W\d_][\'’])[«\"“]"


def _split_elided_quotes(nlp: Language) -> None:
    """The models' tokenizers keep "qu'\"on" as one token, so the quote's first word, its opening mark and the
    complementiser are one word for the parser and no quote boundary falls between tokens; the mark is made an
    infix of its own, also when a space follows it ("qu'« on", French typography)."""
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # the models selon loads all keep spaCy's rule-based tokenizer
    own = tokenizer.infix_finditer  # the loaded model's rules, which a custom model may have changed
    elided = re.compile(_ELIDED_QUOTE)

    def finditer(text: str) -> Iterator[re.Match[str]]:
        found = list(own(text)) if own is not None else []
        taken = {m.start() for m in found}
        found += [m for m in elided.finditer(text) if m.start() not in taken]
        return iter(sorted(found, key=lambda m: m.start()))

    tokenizer.infix_finditer = finditer
    own_suffix = tokenizer.suffix_search
    glued = re.compile(_ELIDED_QUOTE + "$")

    def suffix_search(text: str) -> re.Match[str] | None:
        # "qu'« aucun": a mark glued to the end of an elided word is left to the infix rule above; as a suffix
        # it would leave "qu'" to the rules that cut the apostrophe off
        if glued.search(text):
            return None
        return own_suffix(text) if own_suffix is not None else None

    tokenizer.suffix_search = suffix_search


def load_pipeline(code: str, model: str | None = None) -> Language:
    """The spaCy pipeline for `code`, with selon's attribution component last; cached per (model, language)."""
    languages.load(code)  # unsupported languages fail here, before any model is looked for
    return _load(model_name(code, model), code)


def bare_pipeline(code: str, model: str | None = None) -> Language:
    """The same model without selon's component: the baseline the benchmarks compare against."""
    return spacy.load(model_name(code, model))

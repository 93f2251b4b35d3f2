"""Turning raw input (bytes, text or HTML) into an `ArticleInput` ready for the pipeline.

Steps, each in its own module: bytes are decoded (`decode`), a web page is reduced to its article (`html`), the
language is checked or detected (`language`), the date checked (`dates`). The text is otherwise kept as it is,
since every offset in the output refers to it: only a byte-order mark, line-end style and surrounding whitespace
are changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from selon.errors import EmptyInputError, SelonError, UnsupportedLanguageError
from selon.ingest import language
from selon.ingest.dates import validate_published
from selon.ingest.decode import check_text, decode, normalise_newlines
from selon.ingest.html import extract_article, looks_like_html
from selon.lang import available_languages


@dataclass(frozen=True)
class ArticleInput:
    text: str
    lang: str
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = ()


def prepare(
    data: str | bytes,
    *,
    name: str = "-",
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    doc_id: str | None = None,
    html: bool | None = None,
) -> ArticleInput:
    """The article in `data`, ready for analysis; raises an InputError subclass when there is none to analyse.

    `html` forces (True) or forbids (False) HTML extraction; None lets the content decide. Metadata given by the
    caller wins over what the page says of itself. `name` says where the input came from (a path, `-`); errors do
    not repeat it, since callers report each failure next to its input's name.
    """
    if published is not None:
        published = validate_published(published)
    warnings: list[str] = []
    if isinstance(data, bytes):
        decoded = decode(data)
        text = decoded.text
        warnings.extend(decoded.warnings)
    else:
        text = normalise_newlines(check_text(data).removeprefix("\ufeff"))
    decoding = tuple(warnings)
    try:
        return _article(text, warnings, data=data, lang=lang, title=title, url=url, outlet=outlet,
                        published=published, doc_id=doc_id, html=html)
    except SelonError as error:
        # A text refused after a guessed decoding may be refused because of it (a wrong code page reads as
        # another language): the decoding warning goes with the error, or the reader never sees it.
        if decoding:
            error.message = f"{error.message} (note: {'; '.join(decoding)})"
            error.args = (error.message,)
        raise


def _article(text: str, warnings: list[str], *, data: str | bytes, lang: str | None, title: str | None,
             url: str | None, outlet: str | None, published: str | None, doc_id: str | None,
             html: bool | None) -> ArticleInput:
    """The steps after decoding: page extraction, language, id."""
    if html if html is not None else looks_like_html(text):
        page = extract_article(text, url)
        text = page.text
        warnings.extend(page.warnings)
        title = title if title is not None else page.title
        url = url if url is not None else page.url
        outlet = outlet if outlet is not None else page.outlet
        published = published if published is not None else page.published
    text = text.strip()
    if not text:
        raise EmptyInputError("the input is empty" if not data else "the input holds no text")
    code = checked_language(lang) if lang is not None else language.detect(text)
    return ArticleInput(
        text=text,
        lang=code,
        id=doc_id or text_id(text),
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        warnings=tuple(warnings),
    )


def checked_language(code: str) -> str:
    """A language code given by the user, lower-cased; raises UnsupportedLanguageError for one without resources.

    Only the presence of the language's folder is checked, as `selon.lang.load` does first: the resources
    themselves are loaded (and validated) by the pipeline, once per run rather than once per article.
    """
    normalised = code.strip().lower()
    available = available_languages()
    if normalised not in available:
        raise UnsupportedLanguageError(
            f"language {code!r} is not supported (available: {', '.join(available)})"
        )
    return normalised


def text_id(text: str) -> str:
    """A short id that stays the same for the same text, across runs and machines."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

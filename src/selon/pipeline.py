"""From article inputs to `Analysis` records: preparation, chunking, the spaCy pipeline, reassembly.

Articles are parsed in chunks of whole paragraphs so that a 20 MB text never becomes one Doc; offsets of each
chunk's records are shifted back into the article's text when the chunks are put together.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, groupby
from typing import Any

from selon.errors import SelonError
from selon.extract.assemble import Extraction
from selon.gender_overrides import Overrides
from selon.gender_overrides import apply as apply_overrides
from selon.gender_overrides import resolve as resolve_overrides
from selon.ingest.chunks import split_paragraphs
from selon.ingest.prepare import ArticleInput, prepare
from selon.nlp.component import result_of
from selon.nlp.models import load_pipeline
from selon.schema.records import Analysis, Article, Attribution, Cue, Note, Source, Span

CHUNK_CHARS = 20_000


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed, kept in its place in a batch so the caller can report it."""

    name: str
    error: SelonError

    @property
    def message(self) -> str:
        return str(self.error)


def analyze(
    text: str | bytes,
    lang: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    doc_id: str | None = None,
    html: bool | None = None,
    model: str | None = None,
    gender_overrides: Overrides | str | os.PathLike[str] | None = None,
) -> Analysis:
    """Analyse one article given as text, HTML or raw bytes; raises a `SelonError` when it cannot.

    `gender_overrides` (a name -> gender mapping or a TSV file, see `selon.gender_overrides`) wins over the
    inferred gender of the people it names; without it, the file named by SELON_GENDER_OVERRIDES is read.
    """
    overrides = resolve_overrides(gender_overrides)
    article = prepare(
        text, lang=lang, title=title, url=url, outlet=outlet, published=published, doc_id=doc_id, html=html
    )
    found = next(_analyze_prepared([article], models={article.lang: model} if model else None))
    return apply_overrides(found, overrides)


def analyze_many(
    inputs: Iterable[ArticleInput | Failure],
    *,
    n_process: int = 1,
    batch_size: int = 8,
    models: dict[str, str] | None = None,
    gender_overrides: Overrides | str | os.PathLike[str] | None = None,
) -> Iterator[Analysis | Failure]:
    """Analyse prepared articles in input order; a Failure passes through in its place.

    Consecutive articles of one language go through one `nlp.pipe` call, so a single-language batch streams with
    `n_process` workers while mixed batches still keep their order. `gender_overrides` as for `analyze`.
    """
    overrides = resolve_overrides(gender_overrides)
    for result in _analyze_runs(inputs, n_process=n_process, batch_size=batch_size, models=models):
        yield result if isinstance(result, Failure) else apply_overrides(result, overrides)


def _analyze_runs(
    inputs: Iterable[ArticleInput | Failure],
    *,
    n_process: int,
    batch_size: int,
    models: dict[str, str] | None,
) -> Iterator[Analysis | Failure]:
    def language(item: ArticleInput | Failure) -> str:
        return item.lang if isinstance(item, ArticleInput) else ""

    for lang, run in groupby(inputs, key=language):
        if not lang:
            yield from run  # type: ignore[misc]
            continue
        yield from _analyze_prepared(run, n_process=n_process, batch_size=batch_size, models=models)  # type: ignore[arg-type]


def _analyze_prepared(
    articles: Iterable[ArticleInput],
    *,
    n_process: int = 1,
    batch_size: int = 8,
    models: dict[str, str] | None = None,
) -> Iterator[Analysis]:
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    nlp = load_pipeline(first.lang, (models or {}).get(first.lang))

    # Texts go to `nlp.pipe` bare (as_tuples would build every Doc in this process before sending it to the
    # workers); their contexts wait here, in the order spaCy guarantees to give the docs back.
    contexts: deque[tuple[ArticleInput, int, bool]] = deque()

    def chunks() -> Iterator[str]:
        for article in chain([first], articles):
            parts = split_paragraphs(article.text, CHUNK_CHARS)
            for part, (offset, chunk) in enumerate(parts):
                contexts.append((article, offset, part == len(parts) - 1))
                yield chunk

    collected: list[tuple[int, Extraction]] = []
    for doc in nlp.pipe(chunks(), n_process=n_process, batch_size=batch_size):
        article, offset, last = contexts.popleft()
        collected.append((offset, Extraction.from_dict(result_of(doc))))
        if last:
            yield _assemble(article, collected)
            collected = []


def _shift(span: Any, offset: int) -> Any:
    return replace(span, start=span.start + offset, end=span.end + offset) if span is not None else None


def _assemble(article: ArticleInput, parts: list[tuple[int, Extraction]]) -> Analysis:
    """Joins the chunks' records: offsets moved into the article, ids renumbered, same-named sources merged."""
    attributions: list[Attribution] = []
    sources: dict[tuple[str, str], Source] = {}
    notes: list[Note] = []
    for offset, found in parts:
        renamed: dict[str, str] = {}
        for source in found.sources:
            key = (source.kind, source.name)
            mentions = tuple(_shift(m, offset) for m in source.mentions)
            evidence = source.gender_evidence
            if evidence is not None and evidence.start is not None:
                evidence = _shift(evidence, offset)
            if key in sources:
                known = sources[key]
                sources[key] = replace(known, mentions=known.mentions + mentions)
                if known.gender == "unknown" and source.gender not in (None, "unknown"):  # a later chunk says
                    sources[key] = replace(sources[key], gender=source.gender, gender_evidence=evidence)
            else:
                sources[key] = replace(source, id=f"s{len(sources) + 1}", mentions=mentions, gender_evidence=evidence)
            renamed[source.id] = sources[key].id
        for attribution in found.attributions:
            attributions.append(
                replace(
                    attribution,
                    id=f"a{len(attributions) + 1}",
                    content=_shift(attribution.content, offset),
                    cue=_shift(attribution.cue, offset),
                    mention=_shift(attribution.mention, offset),
                    source_id=renamed[attribution.source_id],
                )
            )
        notes.extend(_shift(n, offset) for n in found.notes)
    meta = Article(
        id=article.id,
        lang=article.lang,
        text=article.text,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
    )
    return Analysis(meta, tuple(attributions), tuple(sources.values()), tuple(notes), warnings=article.warnings)


__all__ = ["Cue", "Failure", "Span", "analyze", "analyze_many"]

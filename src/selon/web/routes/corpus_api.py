"""The corpus as JSON: one endpoint per corpus query, each the twin of a corpus page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from selon.corpus import Corpus
from selon.store.rows import Stats
from selon.web import corpus_views as views
from selon.web import deps
from selon.web.models import (
    ArticlesPage,
    ErrorBody,
    Kind,
    OutletPage,
    SearchPage,
    Selon1,
    SourcePage,
    SourcesPage,
    StanceName,
)

router = APIRouter(prefix="/api/corpus", tags=["corpus"])

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "Invalid parameter (E051) or date (E008)."},
    503: {"model": ErrorBody, "description": "No usable corpus store (E030-E033)."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "Not in the store (E034)."}}
CorpusDep = Annotated[Corpus, Depends(deps.corpus)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Date = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD, inclusive.")]


@router.get("/stats", response_model=None, responses={200: {"model": Stats}, **ERRORS})
def stats(corpus: CorpusDep) -> JSONResponse:
    """Totals of the store and per-outlet figures (articles, attributions, anonymous share, declines)."""
    return JSONResponse(corpus.stats().to_dict())


@router.get("/search", response_model=None, responses={200: {"model": SearchPage}, **ERRORS})
def search(corpus: CorpusDep, q: Annotated[str, Query(max_length=500)] = "", limit: Limit = 50) -> JSONResponse:
    """Statements whose content matches `q`, then articles whose title or body does."""
    return JSONResponse(views.search_view(corpus, q, limit=limit))


@router.get("/sources", response_model=None, responses={200: {"model": SourcesPage}, **ERRORS})
def sources(corpus: CorpusDep, outlet: str | None = None, since: Date = None, until: Date = None,
            kind: Kind | None = None, lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
            stance: StanceName | None = None, limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    """Sources ranked by statements (syndicated copies counted once), with the outlets quoting them."""
    filters = views.source_filters(outlet, since, until, kind, lang, stance)
    return JSONResponse(views.sources_view(corpus, filters, limit=limit, offset=offset))


@router.get("/sources/{speaker_id}", response_model=None,
            responses={200: {"model": SourcePage}, **ERRORS, **NOT_FOUND})
def source(corpus: CorpusDep, speaker_id: deps.SpeakerId, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """Everything one source said across the corpus, oldest first, and its statements per period."""
    return JSONResponse(views.source_view(corpus, speaker_id, limit=limit, offset=offset))


@router.get("/outlets/{outlet:path}", response_model=None,
            responses={200: {"model": OutletPage}, **ERRORS, **NOT_FOUND})
def outlet(corpus: CorpusDep, outlet: str) -> JSONResponse:
    """One outlet's figures, its anonymous share and declines per period, and its latest articles."""
    return JSONResponse(views.outlet_view(corpus, outlet))


@router.get("/articles", response_model=None, responses={200: {"model": ArticlesPage}, **ERRORS})
def articles(corpus: CorpusDep, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
    """Stored articles, newest first."""
    return JSONResponse(views.articles_view(corpus, limit=limit, offset=offset))


@router.get("/articles/{article_id:path}", response_model=None,
            responses={200: {"model": Selon1}, **ERRORS, **NOT_FOUND})
def article(corpus: CorpusDep, article_id: str) -> JSONResponse:
    """One stored article's analysis in schema `selon/1`."""
    return JSONResponse(corpus.article(article_id).to_dict())

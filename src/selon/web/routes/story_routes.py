"""The story pages (`/corpus/stories`, `/corpus/stories/{id}`) and their JSON twins under `/api/corpus`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from selon.corpus import Corpus
from selon.web import deps
from selon.web.corpus_views import source_filters
from selon.web.routes.corpus_api import ERRORS, NOT_FOUND, Date, Limit, Offset
from selon.web.story_charts import origin_graph, timeline
from selon.web.story_models import StoriesPage, StoryPage
from selon.web.story_views import stories_view, story_view

pages = APIRouter(prefix="/corpus", include_in_schema=False)
api = APIRouter(prefix="/api/corpus", tags=["stories"])
CorpusDep = Annotated[Corpus, Depends(deps.corpus)]
StoryId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A story's id, as listed by /api/corpus/stories.")]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")]
PAGE = 50


@pages.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, corpus: CorpusDep, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, lang: str | None = None,
                 page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    filters = source_filters(outlet, since, until, lang=lang)
    data = stories_view(corpus, filters, limit=PAGE, offset=(page - 1) * PAGE)
    return deps.page(request, "stories.html", {**data, "page": page, "page_size": PAGE})


@pages.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, corpus: CorpusDep, story_id: StoryId) -> HTMLResponse:
    data = story_view(corpus, story_id)
    return deps.page(request, "story.html", {**data, "timeline_svg": timeline(data["timeline"]),
                                              "graph_svg": origin_graph(data["graph"])})


@api.get("/stories", response_model=None, responses={200: {"model": StoriesPage}, **ERRORS})
def stories(corpus: CorpusDep, outlet: str | None = None, since: Date = None, until: Date = None, lang: Lang = None,
            limit: Limit = 50, offset: Offset = 0) -> JSONResponse:
    """Stories (articles about one event) ranked by articles, schema `selon-story/1`; a filter keeps the
    stories with at least one matching article."""
    return JSONResponse(stories_view(corpus, source_filters(outlet, since, until, lang=lang), limit=limit,
                                     offset=offset))


@api.get("/stories/{story_id}", response_model=None,
         responses={200: {"model": StoryPage}, **ERRORS, **NOT_FOUND})
def story(corpus: CorpusDep, story_id: StoryId) -> JSONResponse:
    """One story: its articles, its claims with their appearances, independent origins and denials
    (`selon-story/1`), and the data of its timeline and origin graph."""
    return JSONResponse(story_view(corpus, story_id))

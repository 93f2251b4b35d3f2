"""The corpus pages: overview and search, ranked sources, one source, one outlet. Each renders the dict its
JSON twin in `corpus_api` sends, plus the charts drawn from it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from selon.corpus import Corpus
from selon.web import corpus_views as views
from selon.web import deps
from selon.web.charts import Point, time_bars

router = APIRouter(prefix="/corpus", include_in_schema=False)
CorpusDep = Annotated[Corpus, Depends(deps.corpus)]
PAGE = 50


def _points(series: dict[str, Any], value: str) -> list[Point]:
    return [Point(p["period"], float(p[value])) for p in series["periods"]]


@router.get("", response_class=HTMLResponse)
def home(request: Request, corpus: CorpusDep) -> HTMLResponse:
    return deps.page(request, "corpus_home.html", views.home_view(corpus))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, corpus: CorpusDep, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    return deps.page(request, "search.html", views.search_view(corpus, q, limit=PAGE))


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, corpus: CorpusDep, outlet: str | None = None, since: str | None = None,
            until: str | None = None, kind: str | None = None, lang: str | None = None,
            stance: str | None = None, page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    filters = views.source_filters(outlet, since, until, kind, lang, stance)
    data = views.sources_view(corpus, filters, limit=PAGE, offset=(page - 1) * PAGE)
    return deps.page(request, "sources.html", {**data, "page": page, "page_size": PAGE})


@router.get("/sources/{speaker_id}", response_class=HTMLResponse)
def source(request: Request, corpus: CorpusDep, speaker_id: deps.SpeakerId,
           page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    data = views.source_view(corpus, speaker_id, limit=PAGE, offset=(page - 1) * PAGE)
    chart = time_bars(_points(data["over_time"], "rows"), title=f"Statements by {data['name']} per period")
    return deps.page(request, "source.html", {**data, "chart": chart, "page": page, "page_size": PAGE})


@router.get("/outlets/{outlet:path}", response_class=HTMLResponse)
def outlet(request: Request, corpus: CorpusDep, outlet: str) -> HTMLResponse:
    data = views.outlet_view(corpus, outlet)
    charts = {
        "anonymous": time_bars(_points(data["anonymous_over_time"], "share"), percent=True, css="k-anonymous",
                               title="Share of statements from anonymous sources, per period"),
        "declines": time_bars(_points(data["declines_over_time"], "hits"), css="s-decline",
                              title="Declines and non-responses per period"),
    }
    return deps.page(request, "outlet.html", {**data, "charts": charts})

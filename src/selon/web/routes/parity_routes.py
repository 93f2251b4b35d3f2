"""The parity page (`/corpus/parity`) and the statements behind its figures (`/corpus/statements`), with their
JSON twins under `/api/corpus`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from selon.corpus import Corpus
from selon.store.traits import GENDERS, ROLE_CATEGORIES
from selon.web import deps
from selon.web.corpus_views import source_filters
from selon.web.parity_charts import outlet_bars, role_stacks, share_lines
from selon.web.parity_models import ParityPage, StatementsPage
from selon.web.parity_views import parity_view, statement_filters, statements_view
from selon.web.routes.corpus_api import ERRORS, Date, Limit, Offset

pages = APIRouter(prefix="/corpus", include_in_schema=False)
api = APIRouter(prefix="/api/corpus", tags=["parity"])
CorpusDep = Annotated[Corpus, Depends(deps.corpus)]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")]
Gender = Annotated[str | None, Query(pattern=f"^({'|'.join(GENDERS)})$")]
Role = Annotated[str | None, Query(pattern=f"^({'|'.join(ROLE_CATEGORIES)})$")]
PAGE = 50


@pages.get("/parity", response_class=HTMLResponse)
def parity_page(request: Request, corpus: CorpusDep, outlet: str | None = None, since: str | None = None,
                until: str | None = None, lang: str | None = None) -> HTMLResponse:
    data = parity_view(corpus, source_filters(outlet, since, until, lang=lang))
    charts = {"outlets": outlet_bars(data["outlets"]), "lines": share_lines(data["over_time"], data["months"]),
              "roles": role_stacks(data["roles"])}
    return deps.page(request, "parity.html", {**data, "charts": charts})


@pages.get("/statements", response_class=HTMLResponse)
def statements_page(request: Request, corpus: CorpusDep, outlet: str | None = None, since: str | None = None,
                    until: str | None = None, lang: str | None = None, gender: str | None = None,
                    role: str | None = None, page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> HTMLResponse:
    filters, chosen_gender, chosen_role = statement_filters(outlet, since, until, lang, gender, role)
    data = statements_view(corpus, filters, chosen_gender, chosen_role, limit=PAGE, offset=(page - 1) * PAGE)
    return deps.page(request, "statements.html", {**data, "page": page, "page_size": PAGE})


@api.get("/parity", response_model=None, responses={200: {"model": ParityPage}, **ERRORS})
def parity(corpus: CorpusDep, outlet: str | None = None, since: Date = None, until: Date = None,
           lang: Lang = None) -> JSONResponse:
    """Women's share among distinct named people quoted and among their statements (schema `selon-parity/1`):
    in total, per outlet, per outlet and month, per role category; unknown genders are counted apart and left
    out of the share, female / (female + male). Gender is inferred from the text and from first names."""
    return JSONResponse(parity_view(corpus, source_filters(outlet, since, until, lang=lang)))


@api.get("/statements", response_model=None, responses={200: {"model": StatementsPage}, **ERRORS})
def statements(corpus: CorpusDep, outlet: str | None = None, since: Date = None, until: Date = None,
               lang: Lang = None, gender: Gender = None, role: Role = None, limit: Limit = 100,
               offset: Offset = 0) -> JSONResponse:
    """Named people's statements with a speaker gender and a role category, oldest first: what a parity
    figure counts."""
    filters, chosen_gender, chosen_role = statement_filters(outlet, since, until, lang, gender, role)
    return JSONResponse(statements_view(corpus, filters, chosen_gender, chosen_role, limit=limit, offset=offset))

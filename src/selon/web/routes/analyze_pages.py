"""The analyse pages: the form (paste, upload, or pick a stored article), the annotated article, and the view
of a stored article, which is the same page fed from the store."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from selon.corpus import Corpus
from selon.errors import EmptyInputError, SelonError
from selon.web import deps
from selon.web.article_view import article_page
from selon.web.corpus_views import open_corpus
from selon.web.forms import read_analyse_form
from selon.web.settings import Settings

router = APIRouter(include_in_schema=False)


def _stored_choices(settings: Settings) -> tuple[list[dict[str, Any]], str | None]:
    """Recent stored articles for the picker; without a usable store the form still works, saying why."""
    try:
        with open_corpus(settings.db) as corpus:
            return [a.to_dict() for a in corpus.articles(limit=settings.recent_articles)], None
    except SelonError as error:
        return [], error.message


@router.get("/", response_class=HTMLResponse)
@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request, settings: Annotated[Settings, Depends(deps.settings)]) -> HTMLResponse:
    stored, store_problem = _stored_choices(settings)
    return deps.page(request, "analyze_form.html",
                     {"stored": stored, "store_problem": store_problem, "text": "", "lang": None})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request, settings: Annotated[Settings, Depends(deps.settings)]) -> Response:
    form = await read_analyse_form(request, settings.max_body)
    if form.upload is None and not form.text.strip():
        if form.article:
            return RedirectResponse(f"/articles/{_segment(form.article)}", status_code=303)
        raise EmptyInputError("nothing to analyse: paste a text, upload a file or pick a stored article.")
    data: str | bytes = form.upload if form.upload is not None else form.text
    html = form.upload_is_html if form.upload is not None else False
    analysis = await deps.service(request).analyze_async(data, lang=form.lang, html=html)
    return deps.page(request, "analysis.html", article_page(analysis))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def stored_article(request: Request, article_id: str,
                   corpus: Annotated[Corpus, Depends(deps.corpus)]) -> HTMLResponse:
    return deps.page(request, "analysis.html", article_page(corpus.article(article_id), stored=True))


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")

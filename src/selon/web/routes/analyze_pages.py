"""The analyse pages: the form (paste, upload, or pick a stored article), the annotated article, and the view
of a stored article, which is the same page fed from the store."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from selon.corpus import Corpus
from selon.errors import EmptyInputError, FetchDisabledError, NotFoundInStoreError, SelonError
from selon.schema.records import Analysis
from selon.web import deps
from selon.web.article_view import article_page
from selon.web.corpus_views import open_corpus
from selon.web.forms import AnalyseForm, read_analyse_form
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
                     {"stored": stored, "store_problem": store_problem, "text": "", "lang": None,
                      "allow_fetch": settings.allow_fetch})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request, settings: Annotated[Settings, Depends(deps.settings)]) -> Response:
    form = await read_analyse_form(request, settings.max_body)
    if form.url and form.upload is None and not form.text.strip():
        return deps.page(request, "analysis.html", article_page(await _analyse_url(request, settings, form)))
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
    from selon.fetch.crawl import original_html_of

    page = article_page(corpus.article(article_id), stored=True)
    page["original"] = original_html_of(corpus.store, article_id) is not None
    return deps.page(request, "analysis.html", page)


async def _analyse_url(request: Request, settings: Settings, form: AnalyseForm) -> Analysis:
    """The page at the form's URL, fetched under the server's limits (selon.fetch), then analysed."""
    from starlette.concurrency import run_in_threadpool

    from selon.fetch import fetch_page

    if not settings.allow_fetch:
        raise FetchDisabledError("this server does not fetch URLs.")
    page = await run_in_threadpool(fetch_page, form.url or "", settings.fetch_options())
    analysis = await deps.service(request).analyze_async(page.html, lang=form.lang, html=True, url=page.final_url)
    return replace(analysis, warnings=page.warnings + analysis.warnings) if page.warnings else analysis


@router.get("/original/{article_id:path}", response_class=HTMLResponse)
def original_page(article_id: str, corpus: Annotated[Corpus, Depends(deps.corpus)]) -> Response:
    """The HTML a stored article was extracted from (`--keep-html`), sandboxed: it runs no script and loads
    nothing, so a page from elsewhere can neither act on this origin nor reach the network."""
    from selon.fetch.crawl import original_html_of

    html = original_html_of(corpus.store, article_id)
    if html is None:
        raise NotFoundInStoreError(f"no original HTML kept for the article {article_id!r}.",
                                   hint="Only articles fetched with `selon ingest --keep-html` keep theirs.")
    return HTMLResponse(html, headers={"Content-Security-Policy": "sandbox; default-src 'none'; style-src "
                                       "'unsafe-inline'", "X-Content-Type-Options": "nosniff"})


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")

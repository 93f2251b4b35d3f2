"""What routes take from the app: its settings, the analysis service, a corpus opened for one request, and
the template renderer. Kept in one place so that no route reaches into `app.state` by itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import HTMLResponse

from selon.corpus import Corpus
from selon.errors import InvalidRequestError
from selon.web.corpus_views import open_corpus
from selon.web.service import AnalysisService
from selon.web.settings import Settings

#: Speaker ids are SQL integers (64-bit signed): a larger one names nothing and would overflow the driver.
SpeakerId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A source's id, as listed by /api/corpus/sources.")]


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def service(request: Request) -> AnalysisService:
    found: AnalysisService = request.app.state.service
    return found


def corpus(request: Request) -> Iterator[Corpus]:
    """A `Corpus` per request (the store's connections are not shared across threads), closed afterwards."""
    opened = open_corpus(settings(request).db)
    try:
        yield opened
    finally:
        opened.close()


def printable_parameters(request: Request) -> None:
    """Every route's guard: a NUL character in a query or path parameter is refused with E051.

    NUL means nothing in a name, an id or a search, and the stores cannot take it (SQLite's full-text query
    syntax fails on it, PostgreSQL refuses it in any string), so it is stopped here once for every route.
    """
    for name, value in (*request.query_params.multi_items(), *request.path_params.items()):
        if "\x00" in name or "\x00" in str(value):
            raise InvalidRequestError(f"the parameter {name!r} holds a NUL character (%00): remove it.")


def page(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, data, status_code=status
    )
    return response

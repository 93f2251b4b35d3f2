"""What routes take from the app: its settings, the analysis service, a corpus opened for one request, and
the template renderer. Kept in one place so that no route reaches into `app.state` by itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from selon.corpus import Corpus
from selon.web.corpus_views import open_corpus
from selon.web.service import AnalysisService
from selon.web.settings import Settings


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


def page(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, data, status_code=status
    )
    return response

"""The app's routes, one module per concern: analysing (pages, API), the corpus (pages, API), stories (pages, API),
parity (pages, API), API docs."""

from __future__ import annotations

from fastapi import APIRouter

from selon.web.routes import (
    analyze_api,
    analyze_pages,
    api_docs,
    corpus_api,
    corpus_pages,
    parity_routes,
    story_routes,
)

ROUTERS: tuple[APIRouter, ...] = (
    analyze_pages.router,
    analyze_api.router,
    corpus_pages.router,
    corpus_api.router,
    story_routes.pages,
    story_routes.api,
    parity_routes.pages,
    parity_routes.api,
    api_docs.router,
)

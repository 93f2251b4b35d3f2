"""`create_app(settings)`: the FastAPI application behind `selon serve`, assembled from small parts.

    settings → state (settings, analysis service, templates) → error table → routes → static files
             → middleware (Host check, security headers, body size limit; outermost first)

Nothing here opens a store or loads a model: the corpus is opened per request and the analyser on first use,
so creating an app is cheap and tests can build one per case.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from selon import __version__
from selon.web import deps, errors
from selon.web.assets import STATIC
from selon.web.hosts import HostCheck, allowed_hosts
from selon.web.limits import BodyLimit
from selon.web.routes import ROUTERS
from selon.web.service import AnalysisService
from selon.web.settings import Settings
from selon.web.templating import templates

#: Pages load only what this server sends: no inline script, no third-party origin, no framing.
SECURITY_HEADERS = [
    (b"content-security-policy",
     (b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]

DESCRIPTION = """Who says what in the news: find every attribution (quote or reported statement, its cue, its
source, stance and kind of source) in an article, and query a corpus of analysed articles.

Errors are JSON objects `{"error": {"code", "type", "message", "hint"}}` carrying selon's error codes."""


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    service = AnalysisService(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()  # the worker processes end with the server

    app = FastAPI(title="selon", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  dependencies=[Depends(deps.printable_parameters)], lifespan=lifespan)
    app.state.settings = settings
    app.state.service = service
    app.state.templates = templates()
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, allowed=allowed_hosts(settings.host, settings.allowed_hosts))
    return app

"""Every `SelonError` mapped to an HTTP status in one table, and the handlers that answer with it.

The JSON body is the same for every error, so a client branches on `error.code` (selon's own codes, the ones
the CLI prints) rather than on English text:

    {"error": {"code": "E001", "type": "EmptyInputError", "message": "...", "hint": "..."}}

Pages get the same facts as an HTML error page. Code below the web layer raises and never knows about HTTP.
Anything else that escapes a route is a bug: the client gets a JSON 500 in the same shape, with an `id` that
is also in the server's log next to the traceback, never a plain-text page.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from selon import errors as e

log = logging.getLogger("selon.web")

#: Looked up along the error's class hierarchy, most specific class first; anything unlisted is a 500.
STATUS: dict[type[e.SelonError], int] = {
    e.RequestTooLargeError: 413,
    e.InvalidRequestError: 422,
    e.EmptyInputError: 422,
    e.BinaryInputError: 415,
    e.DecodingError: 415,
    e.NoArticleTextError: 422,
    e.UnsupportedLanguageError: 422,
    e.UndetectedLanguageError: 422,
    e.InvalidDateError: 422,
    e.InputNotFoundError: 404,
    e.CorpusInputError: 422,
    e.InputError: 400,
    e.GoldFormatError: 422,
    e.NotFoundInStoreError: 404,
    e.DatabaseUnavailableError: 503,
    e.NotASelonDatabaseError: 503,
    e.DatabaseURLError: 503,
    e.StoreError: 503,
    e.ModelNotFoundError: 503,
    e.ResourceError: 500,
    e.SelonError: 500,
}


def status_for(error: e.SelonError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def error_body(error: e.SelonError) -> dict[str, Any]:
    return {"error": {"code": error.code, "type": type(error).__name__, "message": error.message,
                      "hint": error.hint}}


class InternalError(e.SelonError):
    """An error selon did not foresee, as the client sees it: the incident id instead of a traceback."""

    hint = "This is a bug in selon: report it with this id; the server's log holds the details."

    def __init__(self, incident: str) -> None:
        super().__init__(f"internal error {incident}: the server failed while answering this request.")
        self.incident = incident


def wants_json(request: Request) -> bool:
    """API paths always get JSON; pages get HTML unless the client asked for JSON only."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def respond(request: Request, error: e.SelonError, headers: dict[str, str] | None = None) -> Response:
    status = status_for(error)
    if wants_json(request):
        body = error_body(error)
        if isinstance(error, InternalError):
            body["error"]["id"] = error.incident
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request, "error.html", {"error": error, "status": status}, status_code=status, headers=headers
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for item in exc.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
        parts.append(f"{where or 'body'}: {item.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts) + "."


def install(app: FastAPI) -> None:
    """Registers the handlers: selon's errors, FastAPI's validation errors and plain HTTP errors, one format."""

    async def on_selon_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, e.SelonError)
        return respond(request, exc)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, e.InvalidRequestError(_validation_message(exc)))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 400:  # FastAPI's "error parsing the body" (bytes that are not UTF-8 JSON)
            return respond(request, e.InvalidRequestError(f"unreadable request body: {exc.detail}."))
        if exc.status_code == 404 and not wants_json(request):
            error = e.SelonError(f"no page at {request.url.path}.")
            page = request.app.state.templates.TemplateResponse(
                request, "error.html", {"error": error, "status": 404}, status_code=404
            )
            return page  # type: ignore[no-any-return]
        body = {"error": {"code": f"HTTP{exc.status_code}", "type": "HTTPException",
                          "message": str(exc.detail), "hint": ""}}
        if wants_json(request):
            return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
        return HTMLResponse(f"{exc.status_code}", status_code=exc.status_code, headers=exc.headers)

    async def on_unforeseen(request: Request, exc: Exception) -> Response:
        incident = uuid.uuid4().hex[:12]
        log.error("internal error %s on %s %s", incident, request.method, request.url.path, exc_info=exc)
        error = InternalError(incident)
        try:
            return respond(request, error)
        except Exception:  # noqa: BLE001 - the error page itself failed: the JSON body cannot
            body = error_body(error)
            body["error"]["id"] = incident
            return JSONResponse(body, status_code=500)

    app.add_exception_handler(e.SelonError, on_selon_error)
    app.add_exception_handler(Exception, on_unforeseen)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)

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
from fastapi.responses import JSONResponse, Response
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
    e.ServerBusyError: 503,
    e.AnalysisTimeoutError: 503,
    e.BlockedAddressError: 403,
    e.FetchDisabledError: 403,
    e.RobotsDisallowedError: 403,
    e.FetchTimeoutError: 504,
    e.FetchError: 502,
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


#: What a JSON value is called in a message, by its Python type after parsing.
JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
              bool: "true or false", type(None): "null"}
EXAMPLE = '{"text": "the article\'s text"}'
PLACES = {"body": "field", "query": "query parameter", "path": "path parameter", "header": "header"}


def _problem(item: dict[str, Any], content_type: str) -> str:
    """One validation error as a sentence that says what was wrong and what to send instead.

    pydantic's own messages name the model's internals ("Input should be a valid dictionary or object to
    extract fields from") or put a character offset where a field name goes ("9: JSON decode error").
    """
    loc = tuple(item.get("loc", ()))
    kind, given = item.get("type", ""), item.get("input")
    if kind == "json_invalid":
        where = f" at character {loc[1]}" if len(loc) > 1 else ""
        reason = (item.get("ctx") or {}).get("error", "not JSON")
        return f"the body is not valid JSON ({reason}{where}): send one JSON object, e.g. {EXAMPLE}"
    if loc == ("body",):
        if kind == "missing":
            return f"the request has no body: send one JSON object, e.g. {EXAMPLE}"
        if isinstance(given, (bytes, bytearray)):
            sent = f"as {content_type}" if content_type else "without a content type"
            return f"the body was sent {sent}: send a JSON object as application/json, e.g. {EXAMPLE}"
        return f"the body is {JSON_TYPES.get(type(given), 'not an object')}: send one JSON object, e.g. {EXAMPLE}"
    place = PLACES.get(str(loc[0]), "field") if loc else "field"
    name = ".".join(str(part) for part in loc[1:]) or str(loc[0] if loc else "body")
    if kind == "extra_forbidden":
        return f"unknown {place} {name!r}: remove it (the accepted ones are listed at /api)"
    if kind == "missing":
        return f"the {place} {name!r} is required"
    if kind == "string_pattern_mismatch":
        return f"{place} {name}: {given!r} does not have the form {(item.get('ctx') or {}).get('pattern')}"
    message = str(item.get("msg", "invalid")).removeprefix("Value error, ")
    if kind.endswith("_type"):
        message += f" (got {JSON_TYPES.get(type(given), type(given).__name__)})"
    return f"{place} {name}: {message[:1].lower()}{message[1:]}"


def _validation_message(exc: RequestValidationError, request: Request) -> str:
    problems = [_problem(item, request.headers.get("content-type", "")) for item in exc.errors()[:5]]
    return "invalid request: " + "; ".join(dict.fromkeys(problems)) + "."


def install(app: FastAPI) -> None:
    """Registers the handlers: selon's errors, FastAPI's validation errors and plain HTTP errors, one format."""

    async def on_selon_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, e.SelonError)
        if isinstance(exc, e.ServerBusyError):  # when to come back: about one analysis from now
            return respond(request, exc, headers={"Retry-After": str(request.app.state.service.retry_after)})
        return respond(request, exc)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, e.InvalidRequestError(_validation_message(exc, request)))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 400:  # FastAPI's "error parsing the body" (bytes that are not UTF-8 JSON)
            return respond(request, e.InvalidRequestError(f"unreadable request body: {exc.detail}."))
        if not wants_json(request):  # a page: the error page, never a bare status line
            message = f"no page at {request.url.path}." if exc.status_code == 404 else f"{exc.detail}."
            page = request.app.state.templates.TemplateResponse(
                request, "error.html", {"error": e.SelonError(message), "status": exc.status_code},
                status_code=exc.status_code, headers=exc.headers)
            return page  # type: ignore[no-any-return]
        body = {"error": {"code": f"HTTP{exc.status_code}", "type": "HTTPException",
                          "message": str(exc.detail), "hint": ""}}
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)

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

"""`GET /api`: the HTTP API described from its own OpenAPI schema, as a plain page.

FastAPI's interactive docs load Swagger UI from a CDN, which this server must never need, so they are off;
this page lists the same operations from `app.openapi()` and links the raw schema at `/openapi.json`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from selon.web import deps

router = APIRouter(include_in_schema=False)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            found.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [p["name"] for p in op.get("parameters", [])],
                "statuses": sorted(op.get("responses", {})),
            })
    return found


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    return deps.page(request, "api.html", {"operations": operations(request.app.openapi())})

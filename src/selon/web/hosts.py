"""The Host check: the server answers only requests addressed to a name it was started for.

A page on any web site can make the visitor's browser talk to `127.0.0.1:8000` through DNS rebinding: its own
domain is re-pointed at 127.0.0.1, the browser treats the server as same-origin with the attacker's page, and
the corpus JSON can be read back. The one thing such a request cannot fake is its Host header, which names the
attacker's domain; so a request whose Host is not the bound address, a loopback name when the bind is local or
to every interface, or a name given with `selon serve --allowed-host`, is refused before any route runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from selon.errors import InvalidRequestError
from selon.web.errors import error_body

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
EVERY_INTERFACE = frozenset({"0.0.0.0", "::", ""})
ANY = "*"


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The host names requests may be addressed to; None when `extra` holds `*` (no check at all)."""
    names = {name.strip().lower().strip("[]") for name in extra if name.strip()}
    if ANY in names:
        return None
    bound = bound.strip().lower().strip("[]")
    if bound not in EVERY_INTERFACE:
        names.add(bound)
    return frozenset(names | LOOPBACK)


def host_of(header: str) -> str | None:
    """The host name in a Host header (`name`, `name:port`, `[v6]:port`), lower-cased; None when malformed."""
    try:
        parts = urlsplit(f"//{header.strip()}")
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return None
    return parts.hostname


class HostCheck:
    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.allowed is None or scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        host = host_of(header)
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        answers = ", ".join(sorted(self.allowed))
        error = InvalidRequestError(
            f"this server does not answer to the host {header!r} (it answers to {answers}).",
            hint="Open it at one of those addresses, or start `selon serve --allowed-host NAME` for a name "
                 "you trust.")
        payload = json.dumps(error_body(error)).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})

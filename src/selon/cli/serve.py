"""`selon serve`: the web workbench and HTTP API on localhost (`selon.web`), run by uvicorn.

It binds to 127.0.0.1 unless --host says otherwise: article text and the corpus stay on this machine, and a
wider bind is a deliberate choice that is announced on stderr. Requests must be addressed (Host header) to the
bound address, a loopback name or an `--allowed-host` name, so a web page cannot reach the server through DNS
rebinding (`selon.web.hosts`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from selon.cli.console import console, labelled
from selon.cli.exits import reported
from selon.web.settings import (
    DEFAULT_HOST,
    DEFAULT_MAX_BODY,
    DEFAULT_PORT,
    DEFAULT_QUEUE,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WORKERS,
)

LOOPBACK = ("127.0.0.1", "localhost", "::1")
err = console(stderr=True)


def serve(
    host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to the network.")]
    = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = DEFAULT_PORT,
    db: Annotated[str | None, typer.Option("--db", help="Corpus store: selon.db (default), a path, "
                                                        "sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB.")]
    = None,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, help="Largest request body, in bytes.")]
    = DEFAULT_MAX_BODY,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="Another host name clients use to reach the server (repeatable); requests "
                               "addressed to any other name are refused. '*' allows every name.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Analyses run at once, each in its own process.")]
    = DEFAULT_WORKERS,
    queue: Annotated[int, typer.Option(min=0, help="Analyse requests that may wait for a worker; more get 503 "
                                                   "with Retry-After.")] = DEFAULT_QUEUE,
    time_limit: Annotated[float, typer.Option("--time-limit", min=1, help="Seconds one analysis may run before "
                                                                          "it is stopped (503).")]
    = DEFAULT_TIME_LIMIT,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help="Let the analyse page fetch a URL it is "
                                                                   "given (public addresses only).")] = False,
    allow_private_fetch: Annotated[bool, typer.Option(
        "--allow-private-fetch", help="With --allow-fetch, also fetch loopback, private and link-local "
                                      "addresses (only on a trusted network: see SSRF).")] = False,
) -> None:
    """Serve the analyse and corpus pages and the JSON API (OpenAPI at /openapi.json)."""
    import uvicorn

    from selon.web import Settings, create_app

    if host not in LOOPBACK:
        err.print(labelled("selon:", "yellow", f"listening on {host}: anyone who can reach this machine can "
                                                 "use the server; give the names they use with --allowed-host."))
    app = create_app(Settings(db=db, max_body=max_body, host=host, allowed_hosts=tuple(allowed_host or ()),
                              workers=workers, queue=queue, time_limit=time_limit, allow_fetch=allow_fetch,
                              allow_private_fetch=allow_private_fetch))
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(reported(serve))

"""The Jinja2 environment: autoescaping on for every template, undefined names are errors, a few globals.

Autoescaping is what keeps article text (untrusted) inert in the pages; the only `Markup` that bypasses it
is produced by `selon.web.highlight` and `selon.web.charts`, which escape every piece they embed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from selon import __version__
from selon.web.assets import asset_url
from selon.web.sourcemap import KIND_LABELS

TEMPLATES = Path(__file__).parent / "templates"


def _path_part(value: object) -> str:
    """A value made safe as one path segment (an outlet name may hold '/', '?' or spaces)."""
    return quote(str(value), safe="")


def _query(params: dict[str, object]) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _web_url(value: str | None) -> str | None:
    """An article's URL if it is an http(s) link, else None: a stored `javascript:` URL is shown as text,
    never made a link."""
    if value is None:
        return None
    scheme = urlsplit(value.strip()).scheme.lower()
    return value.strip() if scheme in ("http", "https") else None


def _percent(value: float) -> str:
    return f"{value:.0%}"


def templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(asset_url=asset_url, version=__version__, kind_labels=KIND_LABELS)
    env.filters.update(path_part=_path_part, query=_query, percent=_percent, web_url=_web_url)
    return Jinja2Templates(env=env)

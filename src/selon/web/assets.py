"""The front end's files, served by the package itself: versioned names, no CDN, no fonts to fetch.

The version is in each file name, so a page never runs against a stale cached script after an upgrade and
the files can be cached for good; `asset_url` is the only place that spells those names.
"""

from __future__ import annotations

from pathlib import Path

ASSET_VERSION = "0.1.0"
STATIC = Path(__file__).parent / "static"
ASSETS = {"css": f"selon-{ASSET_VERSION}.css", "js": f"selon-{ASSET_VERSION}.js"}


def asset_url(kind: str) -> str:
    return f"/static/{ASSETS[kind]}"


def missing_assets() -> list[str]:
    return [name for name in ASSETS.values() if not (STATIC / name).is_file()]

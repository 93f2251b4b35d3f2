"""Turning raw input (bytes, text or HTML) into an `ArticleInput` ready for the pipeline. (Provisional.)"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleInput:
    text: str
    lang: str
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = ()


def prepare(
    data: str | bytes,
    *,
    name: str = "-",
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    doc_id: str | None = None,
    html: bool | None = None,
) -> ArticleInput:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    text = text.replace("\r\n", "\n")
    return ArticleInput(
        text=text,
        lang=lang or "fr",
        id=doc_id or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12],
        title=title,
        url=url,
        outlet=outlet,
        published=published,
    )

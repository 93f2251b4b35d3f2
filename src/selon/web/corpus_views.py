"""The corpus pages' data: one function per page, each returning the plain dict that is also its JSON twin.

Routes only parse parameters, call one of these and either render the dict with a template or send it as
JSON, so a page can never show a figure that its API does not give (datasette's rule). Everything here goes
through `selon.corpus.Corpus`; the series over time are counted from its rows (`selon.web.timeline`).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from selon.corpus import Corpus, Quote
from selon.errors import InvalidDateError, InvalidRequestError, NotFoundInStoreError, StoreError
from selon.store.rows import Filters
from selon.store.url import parse
from selon.web.timeline import counted, series

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANG = re.compile(r"^[a-z]{2,3}$")
#: The source page charts at most this many statements (the list itself is paged).
TIMELINE_ROWS = 100_000


def open_corpus(db: str | None) -> Corpus:
    """The store named by `db`; a SQLite file that does not exist yet is an error here, not a new file,
    so that browsing never creates databases in the server's working directory."""
    location = parse(db)
    if location.backend == "sqlite" and not Path(location.target).is_file():
        raise StoreError(f"no corpus store at {location.target}.",
                         hint="Fill one with `selon ingest --db PATH FILES...`, then start "
                              "`selon serve --db PATH`.")
    return Corpus(db, mode="read")  # browsing never creates nor migrates a store


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def source_filters(outlet: str | None = None, since: str | None = None, until: str | None = None,
                   kind: str | None = None, lang: str | None = None, stance: str | None = None) -> Filters:
    """Filters from query parameters (blank form fields mean "any"), checked so that a typo is a 4xx."""
    found = Filters(*(_blank(v) for v in (outlet, since, until, kind, lang, stance)))
    for name, problem in found.problems():  # the CLI's options are checked by the same rule
        raise (InvalidDateError if name in ("since", "until") else InvalidRequestError)(f"{name}={problem}")
    return found


#: The label the corpus statistics give articles stored without an outlet: a row, but no outlet page.
NO_OUTLET = "(unknown)"


def home_view(corpus: Corpus) -> dict[str, Any]:
    return {"stats": corpus.stats().to_dict(), "top_sources": [s.to_dict() for s in corpus.sources(limit=10)],
            "recent_articles": [a.to_dict() for a in corpus.articles(limit=10)], "no_outlet": NO_OUTLET}


def sources_view(corpus: Corpus, filters: Filters, *, limit: int, offset: int) -> dict[str, Any]:
    rows = corpus.sources(**asdict(filters), limit=limit, offset=offset)
    return {"filters": asdict(filters), "limit": limit, "offset": offset, "sources": [r.to_dict() for r in rows]}


def source_view(corpus: Corpus, speaker_id: int, *, limit: int, offset: int) -> dict[str, Any]:
    everything = corpus.quotes(str(speaker_id), limit=TIMELINE_ROWS)
    if not everything:
        raise NotFoundInStoreError(f"no stored source with id {speaker_id}.")
    first = everything[0]
    return {"speaker_id": speaker_id, "name": first.source, "kind": first.source_kind,
            "quotes": [q.to_dict() for q in everything[offset:offset + limit]],
            "over_time": series(everything, _published).to_dict(), "limit": limit, "offset": offset}


def _published(quote: Quote) -> str | None:
    return quote.published


def outlet_view(corpus: Corpus, outlet: str) -> dict[str, Any]:
    found = corpus.outlet(outlet)
    if found is None:
        raise NotFoundInStoreError(f"no stored article from the outlet {outlet!r}.")
    months = corpus.monthly(outlet=outlet)  # counted by the store: an outlet may carry tens of thousands
    return {
        "outlet": outlet,
        "stats": found.to_dict(),
        "anonymous_over_time": counted((m.month, m.attributions, m.anonymous) for m in months).to_dict(),
        "declines_over_time": counted((m.month, m.attributions, m.declines) for m in months).to_dict(),
        "articles": [a.to_dict() for a in corpus.articles(outlet=outlet, limit=50)],
    }


def search_view(corpus: Corpus, query: str, *, limit: int) -> dict[str, Any]:
    hits = corpus.search(query, limit=limit) if query.strip() else []
    return {"query": query, "hits": [h.to_dict() for h in hits]}


def articles_view(corpus: Corpus, *, limit: int, offset: int) -> dict[str, Any]:
    return {"articles": [a.to_dict() for a in corpus.articles(limit=limit, offset=offset)],
            "limit": limit, "offset": offset}

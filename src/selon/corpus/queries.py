"""The questions a corpus answers, as portable SQL over the store: who is quoted, what they said, where.

Every function takes an open `Store` and returns rows from `selon.store.rows`; `selon.corpus.api.Corpus` is
the documented entry point that wraps them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from selon.corpus.keys import name_key
from selon.errors import NotFoundInStoreError
from selon.schema.records import Analysis
from selon.store.base import Store
from selon.store.rows import (
    ArticleSummary,
    Filters,
    MonthCounts,
    OutletStats,
    Quote,
    SearchHit,
    SpeakerCount,
    Stats,
)

ANY = Filters()

FROM_ATTRIBUTIONS = (
    " FROM attributions a JOIN speakers sp ON sp.id = a.speaker_id JOIN articles ar ON ar.id = a.article_id"
)
QUOTE_COLUMNS = (
    "SELECT a.id, ar.doc_id, a.speaker_id, sp.name, sp.kind, a.mention, a.type, a.stance, a.content, a.cue, "
    "ar.title, ar.outlet, ar.published, ar.url, ar.lang, ar.syndication_group"
)


def where(filters: Filters, *extra: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """A WHERE clause over aliases `a`, `sp` and `ar` for the filters set, plus (clause, values) pairs."""
    clauses: list[tuple[str, Any]] = []
    values: list[Any] = []
    for clause, given in extra:
        clauses.append((clause, None))
        values += given
    if filters.outlet is not None:
        clauses.append(("ar.outlet = ?", filters.outlet))
    if filters.since is not None:
        clauses.append(("substr(ar.published, 1, 10) >= ?", filters.since[:10]))
    if filters.until is not None:
        clauses.append(("substr(ar.published, 1, 10) <= ?", filters.until[:10]))
    if filters.kind is not None:
        clauses.append(("sp.kind = ?", filters.kind))
    if filters.lang is not None:
        clauses.append(("ar.lang = ?", filters.lang))
    if filters.stance is not None:
        clauses.append(("a.stance = ?", filters.stance))
    if not clauses:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in clauses), values + [v for c, v in clauses[len(extra):]]


def sources(store: Store, filters: Filters = ANY, *, limit: int = 50, offset: int = 0) -> list[SpeakerCount]:
    """Speakers ranked by statements, then attributions, name and id. Without a filter that needs the articles or
    the attributions themselves (a kind is the speaker's own), the ranking is read from the per-speaker figures
    that every write keeps (`selon.corpus.counts`) in index order; otherwise it is aggregated from the detail."""
    if _counted(filters):
        kind = " WHERE kind = ?" if filters.kind is not None else ""
        rows = store.query(
            f"SELECT speaker_id, name, kind, statements, attributions, articles FROM speaker_counts{kind} "
            "ORDER BY statements DESC, attributions DESC, name, speaker_id LIMIT ? OFFSET ?",
            [*([filters.kind] if filters.kind is not None else []), limit, offset],
        )
    else:
        clause, params = where(filters)
        rows = store.query(
            "SELECT sp.id, sp.name, sp.kind, COUNT(DISTINCT a.statement_key), COUNT(*), COUNT(DISTINCT a.article_id)"
            f"{FROM_ATTRIBUTIONS}{clause} GROUP BY sp.id, sp.name, sp.kind ORDER BY 4 DESC, 5 DESC, sp.name, sp.id "
            "LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    outlets = _outlets(store, [int(r[0]) for r in rows], filters)
    return [SpeakerCount(int(i), n, k, int(s), int(c), int(ar), tuple(outlets[int(i)])) for i, n, k, s, c, ar in rows]


def _counted(filters: Filters) -> bool:
    """Whether the per-speaker figures answer for these filters (none, or only the speaker's kind)."""
    return replace(filters, kind=None) == ANY


def _outlets(store: Store, speakers: list[int], filters: Filters) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    if not speakers:
        return found
    marks = ", ".join("?" * len(speakers))
    if _counted(filters):
        rows = store.query(f"SELECT speaker_id, outlet, attributions FROM speaker_outlets WHERE speaker_id IN ({marks}) "
                           "ORDER BY 3 DESC, 2", speakers)
    else:
        clause, params = where(filters, (f"a.speaker_id IN ({marks})", speakers))
        rows = store.query(
            f"SELECT a.speaker_id, ar.outlet, COUNT(*){FROM_ATTRIBUTIONS}{clause} AND ar.outlet IS NOT NULL "
            "GROUP BY a.speaker_id, ar.outlet ORDER BY 3 DESC, 2",
            params,
        )
    for speaker, outlet, _ in rows:
        found[int(speaker)].append(str(outlet))
    return found


def speaker_ids(store: Store, source: str) -> list[int]:
    """Speakers a user's spelling names: a speaker id, a folded full name, or a surname."""
    if source.isdigit():
        return [int(source)]
    key = name_key(source)
    rows = store.query("SELECT id FROM speakers WHERE key = ? OR surname = ? ORDER BY id", (key, key))
    return [int(r[0]) for r in rows]


def _quote(row: tuple[Any, ...]) -> Quote:
    values: list[Any] = [int(row[0]), str(row[1]), int(row[2]), *row[3:15], int(row[15])]
    return Quote(*values)


def quotes(store: Store, source: str, filters: Filters = ANY, *, limit: int = 100,
           offset: int = 0) -> list[Quote]:
    speakers = speaker_ids(store, source)
    if not speakers:
        return []
    marks = ", ".join("?" * len(speakers))
    clause, params = where(filters, (f"a.speaker_id IN ({marks})", speakers))
    rows = store.query(
        f"{QUOTE_COLUMNS}{FROM_ATTRIBUTIONS}{clause} ORDER BY ar.published, ar.id, a.content_start LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [_quote(r) for r in rows]


def search(store: Store, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Statements whose content matches, then articles whose title or body does; accents ignored in SQLite."""
    query = store.fts_query(text)  # type: ignore[attr-defined]
    if not query.strip():
        return []
    ids = [int(r[0]) for r in store.query(store.search_attributions_sql(), (query, limit))]
    hits: list[SearchHit] = []
    if ids:
        marks = ", ".join("?" * len(ids))
        rows = {int(r[0]): r for r in store.query(f"{QUOTE_COLUMNS}{FROM_ATTRIBUTIONS} WHERE a.id IN ({marks})", ids)}
        hits += [SearchHit("attribution", q.article_id, q.title, q.outlet, q.published, q.content, q.source)
                 for q in (_quote(rows[i]) for i in ids if i in rows)]
    articles = store.query(store.search_articles_sql(), (query, limit))
    if articles:
        snippets = {int(i): str(s) for i, s in articles}
        marks = ", ".join("?" * len(snippets))
        meta = {int(r[0]): r for r in store.query(
            f"SELECT id, doc_id, title, outlet, published FROM articles WHERE id IN ({marks})", list(snippets))}
        hits += [SearchHit("article", str(meta[i][1]), meta[i][2], meta[i][3], meta[i][4], s, None)
                 for i, s in snippets.items()]
    return hits


def article(store: Store, article_id: str) -> Analysis:
    row = store.one("SELECT analysis, text FROM articles WHERE doc_id = ?", (article_id,))
    if row is None:
        raise NotFoundInStoreError(f"no stored article with id {article_id!r}.")
    data = json.loads(row[0])
    data["article"]["text"] = row[1]
    return Analysis.from_dict(data)


def articles(store: Store, filters: Filters = ANY, *, source: str | None = None, limit: int = 100,
             offset: int = 0) -> list[ArticleSummary]:
    """Articles, newest first; with `source`, only those that cite it."""
    extra: list[tuple[str, list[Any]]] = []
    if source is not None:
        speakers = speaker_ids(store, source) or [-1]
        marks = ", ".join("?" * len(speakers))
        extra.append((f"ar.id IN (SELECT article_id FROM attributions WHERE speaker_id IN ({marks}))", speakers))
    article_filters = Filters(outlet=filters.outlet, since=filters.since, until=filters.until, lang=filters.lang)
    clause, params = where(article_filters, *extra)
    rows = store.query(
        "SELECT ar.doc_id, ar.title, ar.outlet, ar.published, ar.url, ar.lang, "
        "(SELECT COUNT(*) FROM attributions x WHERE x.article_id = ar.id), ar.syndication_group "
        f"FROM articles ar{clause} "
        "ORDER BY ar.published DESC, ar.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [ArticleSummary(str(r[0]), r[1], r[2], r[3], r[4], str(r[5]), int(r[6]), int(r[7])) for r in rows]


def stats(store: Store) -> Stats:
    articles_n, syndicated = store.one(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN syndication_group IN (SELECT syndication_group FROM articles "
        "GROUP BY syndication_group HAVING COUNT(*) > 1) THEN 1 ELSE 0 END), 0) FROM articles"
    ) or (0, 0)
    attributions_n, statements_n, speakers_n = store.one(
        "SELECT COUNT(*), COUNT(DISTINCT statement_key), COUNT(DISTINCT speaker_id) FROM attributions"
    ) or (0, 0, 0)
    failed = store.scalar("SELECT COUNT(*) FROM failures") or 0
    rows = store.query(
        "SELECT COALESCE(ar.outlet, ''), COUNT(DISTINCT ar.id), COUNT(a.id), "
        "SUM(CASE WHEN sp.kind = 'anonymous' THEN 1 ELSE 0 END), SUM(CASE WHEN a.stance = 'decline' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN a.stance = 'deny' THEN 1 ELSE 0 END) FROM articles ar "
        "LEFT JOIN attributions a ON a.article_id = ar.id LEFT JOIN speakers sp ON sp.id = a.speaker_id "
        "GROUP BY COALESCE(ar.outlet, '') ORDER BY 2 DESC, 1"
    )
    outlets = tuple(
        OutletStats(str(o) or "(unknown)", int(n), int(c), round(int(anon or 0) / int(c), 3) if c else 0.0,
                    int(dec or 0), int(den or 0))
        for o, n, c, anon, dec, den in rows
    )
    return Stats(int(articles_n), int(attributions_n), int(statements_n), int(speakers_n), int(failed),
                 int(syndicated), outlets)


_OUTLET_FIGURES = (
    "SELECT COUNT(DISTINCT ar.id), COUNT(a.id), SUM(CASE WHEN sp.kind = 'anonymous' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN a.stance = 'decline' THEN 1 ELSE 0 END), SUM(CASE WHEN a.stance = 'deny' THEN 1 ELSE 0 END) "
    "FROM articles ar LEFT JOIN attributions a ON a.article_id = ar.id LEFT JOIN speakers sp ON sp.id = a.speaker_id"
)


def outlet_stats(store: Store, outlet: str) -> OutletStats | None:
    """One outlet's row of `stats`, without aggregating every other outlet's."""
    row = store.one(f"{_OUTLET_FIGURES} WHERE ar.outlet = ?", (outlet,))
    if row is None or not row[0]:
        return None
    n, c, anon, dec, den = (int(v or 0) for v in row)
    return OutletStats(outlet, n, c, round(anon / c, 3) if c else 0.0, dec, den)


def monthly(store: Store, filters: Filters = ANY) -> list[MonthCounts]:
    """Attributions per month of publication (the first seven characters of `published`), with how many are
    anonymous and how many decline or did not respond: the charts' series, counted by the database."""
    clause, params = where(filters)
    rows = store.query(
        "SELECT substr(ar.published, 1, 7), COUNT(*), SUM(CASE WHEN sp.kind = 'anonymous' THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN a.stance IN ('decline', 'no_response') THEN 1 ELSE 0 END){FROM_ATTRIBUTIONS}{clause} "
        "GROUP BY substr(ar.published, 1, 7)",
        params,
    )
    return [MonthCounts(str(m) if m is not None else None, int(n), int(anon or 0), int(dec or 0))
            for m, n, anon, dec in rows]


def iter_quotes(store: Store, filters: Filters = ANY, *, page: int = 1000) -> Iterator[Quote]:
    """Every attribution with its article's metadata, in id order, a page at a time (for export)."""
    last = 0
    while True:
        clause, params = where(filters, ("a.id > ?", [last]))
        rows = store.query(f"{QUOTE_COLUMNS}{FROM_ATTRIBUTIONS}{clause} ORDER BY a.id LIMIT ?", [*params, page])
        if not rows:
            return
        for row in rows:
            yield _quote(row)
        last = int(rows[-1][0])


def iter_analyses(store: Store, *, page: int = 200) -> Iterator[Analysis]:
    """Every stored article's analysis, in storage order."""
    last = 0
    while True:
        rows = store.query("SELECT id, doc_id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, page))
        if not rows:
            return
        for _, doc_id in rows:
            yield article(store, str(doc_id))
        last = int(rows[-1][0])

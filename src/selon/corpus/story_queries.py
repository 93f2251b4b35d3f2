"""The questions about stories: which stories, what one story's claims are, and on how many origins they rest.

Stories are kept by every write (`selon.corpus.stories`); claims and origins are worked out when asked, from the
story's own attributions only (`selon.corpus.claims`, `selon.corpus.origins`), so asking costs what the story
holds, not what the store holds: near-linear in its attributions (`selon.corpus.claim_index`), and once per
state of the story in a process (`selon.corpus.claim_cache`). Output follows the schema `selon-story/1` (see the README).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from selon.corpus.claim_cache import ClaimCache, key_of
from selon.corpus.claims import SUPPORT, Appearance, Claim, cluster
from selon.corpus.origins import Origin, origins
from selon.corpus.queries import ANY, speaker_ids
from selon.errors import NotFoundInStoreError
from selon.store.base import Store
from selon.store.rows import Filters, Row

SCHEMA = "selon-story/1"
#: The claims of the stories asked for lately, by their appearances (`selon.corpus.claim_cache`).
CACHE: ClaimCache[tuple[ClaimView, ...]] = ClaimCache()


@dataclass(frozen=True)
class StorySummary(Row):
    id: int
    title: str | None
    articles: int
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    first_published: str | None
    claims: int
    #: articles whose day is the day they were ingested, having no publication date
    undated: int = 0


@dataclass(frozen=True)
class ClaimRow(Row):
    """One claim as a table row (`selon story ID`, `selon claims`)."""

    story: int
    claim: str
    text: str
    appearances: int
    independent_origins: int
    anonymous_only: bool
    first_appearance: str
    denials: str


@dataclass(frozen=True)
class ClaimView:
    claim: Claim
    origins: tuple[Origin, ...]

    @property
    def anonymous_only(self) -> bool:
        return bool(self.origins) and all(o.anonymous for o in self.origins)

    def to_dict(self) -> dict[str, Any]:
        first = self.claim.first
        return {
            "id": self.claim.id,
            "text": self.claim.support[0].content if self.claim.support else first.content,
            "appearances": [a.to_dict() for a in self.claim.appearances],
            "independent_origins": len(self.origins),
            "origins": [o.to_dict() for o in self.origins],
            "anonymous_only": self.anonymous_only,
            "first_appearance": {"article": first.article, "outlet": first.outlet, "published": first.published,
                                 "day": first.day},
            "denials": [_who(a) for a in self.claim.denials],
            "declined": [_who(a) for a in self.claim.declines],
        }

    def row(self, story: int) -> ClaimRow:
        first = self.claim.first
        who = [f"{a.source} ({a.stance})" for a in self.claim.denials + self.claim.declines]
        return ClaimRow(story, self.claim.id, self.to_dict()["text"], len(self.claim.appearances),
                        len(self.origins), self.anonymous_only,
                        f"{first.day} {first.outlet or ''}".strip(), "; ".join(dict.fromkeys(who)))


def _who(appearance: Appearance) -> dict[str, Any]:
    return {"source": appearance.source, "source_kind": appearance.source_kind, "stance": appearance.stance,
            "article": appearance.article, "outlet": appearance.outlet, "content": appearance.content}


def stories(store: Store, filters: Filters = ANY, *, limit: int = 50, offset: int = 0) -> list[StorySummary]:
    """Stories ranked by articles (then the oldest first); a filter keeps the stories with at least one article
    that matches it (an outlet, a language, published within since/until), whose figures stay the whole story's."""
    clauses, params = [], []
    for clause, value in (("ar.outlet = ?", filters.outlet), ("ar.lang = ?", filters.lang),
                          ("sa.day >= ?", filters.since), ("sa.day <= ?", filters.until)):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    within = ""
    if clauses:
        within = (" WHERE sa.story_id IN (SELECT sa.story_id FROM story_articles sa JOIN articles ar "
                  f"ON ar.id = sa.article_id WHERE {' AND '.join(clauses)})")
    rows = store.query(f"SELECT sa.story_id, COUNT(*) FROM story_articles sa{within} GROUP BY sa.story_id "
                       "ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_summary(store, int(story)) for story, _ in rows]


def _summary(store: Store, story: int, claims: int | None = None) -> StorySummary:
    rows = store.query(
        "SELECT ar.title, ar.outlet, ar.lang, ar.published, sa.day, sa.dated FROM story_articles sa "
        "JOIN articles ar ON ar.id = sa.article_id WHERE sa.story_id = ? ORDER BY sa.day, ar.id", (story,))
    if not rows:
        raise NotFoundInStoreError(f"no story with id {story}.", hint="`selon stories` lists them.")
    title = next((str(t) for t, *_ in rows if t), None)
    dated = [str(p) for _, _, _, p, _, d in rows if d and p]
    if claims is None:
        claims = len(claims_of(store, story))
    return StorySummary(story, title, len(rows), tuple(sorted({str(o) for _, o, *_ in rows if o})),
                        tuple(sorted({str(lang) for _, _, lang, *_ in rows})), min(dated) if dated else None,
                        claims, sum(1 for *_, d in rows if not d))


def appearances(store: Store, story: int) -> list[Appearance]:
    rows = store.query(
        "SELECT a.id, ar.doc_id, ar.id, ar.outlet, ar.published, sa.day, sp.name, sp.kind, a.speaker_id, a.stance, "
        "a.content, ar.syndication_group, a.local_id FROM story_articles sa JOIN articles ar ON ar.id = sa.article_id "
        "JOIN attributions a ON a.article_id = ar.id JOIN speakers sp ON sp.id = a.speaker_id "
        "WHERE sa.story_id = ?", (story,))
    relays = _relays(store, sorted({int(r[2]) for r in rows}))
    return [Appearance(int(i), str(doc), int(row), outlet, published, str(day), str(name), str(kind), int(speaker),
                       str(stance), str(content), int(group), relays.get((int(row), str(local))))
            for i, doc, row, outlet, published, day, name, kind, speaker, stance, content, group, local in rows]


def _relays(store: Store, articles: Sequence[int]) -> dict[tuple[int, str], str]:
    """The `via` relay of each attribution, read from the stored `selon/1` objects: a field the extractor may
    add, so its absence (or a shape other than a name, a span or a source id) means no relay."""
    found: dict[tuple[int, str], str] = {}
    for start in range(0, len(articles), 200):
        chunk = list(articles[start:start + 200])
        for row, stored in store.query(
                f"SELECT id, analysis FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
            if '"via"' not in stored:
                continue
            data = json.loads(stored)
            names = {s.get("id"): s.get("name") for s in data.get("sources") or [] if isinstance(s, dict)}
            for attribution in data.get("attributions") or []:
                via = relay_name(attribution.get("via") if isinstance(attribution, dict) else None, names)
                if via:
                    found[(int(row), str(attribution.get("id")))] = via
    return found


def relay_name(via: object, names: dict[Any, Any]) -> str | None:
    """A name from whatever `via` holds: a string, a span `{"text"}`, a source `{"source": id}` or `{"name"}`."""
    if isinstance(via, str):
        return via.strip() or None
    if not isinstance(via, dict):
        return None
    for key in ("name", "outlet", "text"):
        if isinstance(via.get(key), str) and via[key].strip():
            return str(via[key]).strip()
    for key in ("source", "source_id", "id"):
        value = via.get(key)
        if isinstance(value, dict):
            value = value.get("id")
        if isinstance(names.get(value), str):
            return str(names[value])
    mention = via.get("mention")
    return relay_name(mention, names) if isinstance(mention, dict) else None


def claims_of(store: Store, story: int) -> list[ClaimView]:
    """A story's claims, most independent origins first, then most appearances, then earliest; kept in
    `CACHE` under the story's appearances, so asking again for an unchanged story reads its rows only."""
    key = key_of(appearances(store, story))
    return list(CACHE.get(key, lambda: _views(key)))


def _views(ordered: Sequence[Appearance]) -> tuple[ClaimView, ...]:
    views = [ClaimView(c, tuple(origins([a for a in c.support if a.stance in SUPPORT] or c.support)))
             for c in cluster(ordered)]
    return tuple(sorted(views, key=lambda v: (-len(v.origins), -len(v.claim.appearances), v.claim.first.order)))


def story(store: Store, story_id: int) -> dict[str, Any]:
    """One story as its `selon-story/1` document."""
    views = claims_of(store, story_id)
    summary = _summary(store, story_id, len(views))
    articles = store.query(
        "SELECT ar.doc_id, ar.outlet, ar.published, ar.url, ar.title, ar.syndication_group, ar.lang, sa.day, sa.dated "
        "FROM story_articles sa JOIN articles ar ON ar.id = sa.article_id WHERE sa.story_id = ? ORDER BY sa.day, ar.id",
        (story_id,))
    return {
        "schema": SCHEMA,
        "story": summary.to_dict(),
        "articles": [{"id": doc, "outlet": outlet, "published": published, "url": url, "title": title,
                      "syndication_group": int(group), "lang": lang, "day": day,
                      "day_from": "published" if dated else "ingested"}
                     for doc, outlet, published, url, title, group, lang, day, dated in articles],
        "claims": [v.to_dict() for v in views],
    }


def claims_by_source(store: Store, source: str, *, limit: int = 100) -> list[ClaimRow]:
    """The claims, in every story, that `source` made, denied or declined to comment on."""
    speakers = speaker_ids(store, source)
    if not speakers:
        return []
    marks = ", ".join("?" * len(speakers))
    found = store.query(
        f"SELECT DISTINCT sa.story_id FROM attributions a JOIN story_articles sa ON sa.article_id = a.article_id "
        f"WHERE a.speaker_id IN ({marks}) ORDER BY sa.story_id", speakers)
    rows: list[ClaimRow] = []
    for (story_id,) in found:
        for view in claims_of(store, int(story_id)):
            members = view.claim.appearances + view.claim.declines
            if any(a.speaker_id in speakers for a in members):
                rows.append(view.row(int(story_id)))
    return rows[:limit]

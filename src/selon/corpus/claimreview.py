"""`selon export --format claimreview`: each claim of each story as schema.org `ClaimReview`-shaped JSON-LD.

One object per line: `claimReviewed` is the claim's representative text, `itemReviewed` a `Claim` whose `author`
is each independent origin (the claimants), whose `appearance` lists every article that carried it and whose
`firstAppearance` is the earliest. There is no `reviewRating`: selon maps sourcing, it does not rate truth; the
count of independent origins, and who denied the claim, are said in words in `reviewBody`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from selon.corpus import story_queries
from selon.store.base import Store

CONTEXT = "https://schema.org"
PERSON_KINDS = ("person", "anonymous")


def _work(appearance: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    article = articles.get(str(appearance["article"]), {})
    work: dict[str, Any] = {"@type": "NewsArticle", "identifier": appearance["article"]}
    for key, value in (("url", article.get("url")), ("headline", article.get("title")),
                       ("datePublished", appearance.get("published")), ("inLanguage", article.get("lang"))):
        if value:
            work[key] = value
    if appearance.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": appearance["outlet"]}
    return work


def _author(origin: dict[str, Any], appearances: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """A claimant: people (named or not) are a `Person`, institutions, outlets and documents' issuers an
    `Organization`."""
    kinds = {appearances[i]["source_kind"] for i in origin["appearances"] if i in appearances}
    return {"@type": "Person" if kinds & set(PERSON_KINDS) else "Organization", "name": origin["label"]}


def reviews(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The ClaimReview objects of one `selon-story/1` document."""
    story = document["story"]
    articles = {str(a["id"]): a for a in document["articles"]}
    for claim in document["claims"]:
        support = [a for a in claim["appearances"] if a["stance"] in ("assert", "acknowledge")] \
            or claim["appearances"]
        by_id = {int(a["id"]): a for a in claim["appearances"]}
        first = min(support, key=lambda a: (a.get("published") or "", a["id"]))
        denied = sorted({d["source"] for d in claim["denials"]})
        body = (f"Carried by {len(support)} appearance(s) resting on {claim['independent_origins']} independent "
                f"origin(s): {'; '.join(o['label'] for o in claim['origins'])}."
                + (" Only anonymous sources." if claim["anonymous_only"] else "")
                + (f" Denied by {', '.join(denied)}." if denied else ""))
        yield {
            "@context": CONTEXT,
            "@type": "ClaimReview",
            "identifier": f"selon:story/{story['id']}/claim/{claim['id']}",
            "claimReviewed": claim["text"],
            "reviewBody": body,
            "about": {"@type": "Event", "name": story.get("title") or f"story {story['id']}"},
            "itemReviewed": {
                "@type": "Claim",
                "author": [_author(o, by_id) for o in claim["origins"]],
                "appearance": [_work(a, articles) for a in support],
                "firstAppearance": _work(first, articles),
            },
        }


def write(store: Store, out: IO[bytes], *, page: int = 200) -> int:
    count, offset = 0, 0
    while True:
        summaries = story_queries.stories(store, limit=page, offset=offset)
        if not summaries:
            return count
        for summary in summaries:
            for review in reviews(story_queries.story(store, summary.id)):
                out.write(json.dumps(review, ensure_ascii=False).encode("utf-8") + b"\n")
                count += 1
        offset += page

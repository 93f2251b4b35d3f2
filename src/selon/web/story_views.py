"""The story pages' data: the stories ranked, and one story's `selon-story/1` document with the data of its two
pictures; each dict is also its page's JSON twin (`/api/corpus/stories`, `/api/corpus/stories/{id}`)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from selon.corpus import Corpus
from selon.corpus.story_queries import SCHEMA
from selon.store.rows import Filters
from selon.web.story_charts import graph_data, timeline_data


def stories_view(corpus: Corpus, filters: Filters, *, limit: int, offset: int) -> dict[str, Any]:
    rows = corpus.stories(outlet=filters.outlet, since=filters.since, until=filters.until, lang=filters.lang,
                          limit=limit, offset=offset)
    chosen = {k: v for k, v in asdict(filters).items() if k in ("outlet", "since", "until", "lang")}
    return {"schema": SCHEMA, "filters": chosen, "limit": limit, "offset": offset,
            "stories": [r.to_dict() for r in rows]}


def story_view(corpus: Corpus, story_id: int) -> dict[str, Any]:
    document = corpus.story(story_id)
    return {**document, "timeline": timeline_data(document), "graph": graph_data(document)}

"""Scoring stories, claims and independent origins against a team gold of fictional coverage (`data/gold/stories`).

The gold gives each article its story and each attribution its claim (see `data/gold/stories/README.md`). The
articles are stored in file order through the same writes as an ingest, with the gold's attributions as their
analysis (so what is measured is the clustering and the origin rules, not the extractor); then:

- **stories**: B-cubed precision, recall and F1 of the articles' stories;
- **claims**: B-cubed of the supporting attributions' claims (an attribution the gold gives no claim is a claim
  of its own);
- **origins**: for each gold claim, the predicted claim holding most of its appearances; the count of
  independent origins is right when it equals the gold's, and `anonymous_only` likewise;
- **denials**: a gold denial is right when the predicted claim it is linked to is (mostly) the claim it denies.

    python -m selon.eval.stories data/gold/stories            # prints the figures as JSON
    python -m selon.eval.stories data/gold/stories --extract  # the same with the extractor's attributions

With `--extract`, a gold attribution the extractor missed is a claim of its own (B-cubed recall pays for it),
and one it found that the gold does not have is left out.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from selon.schema.records import Analysis, Article, Attribution, Source, Span

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def bcubed(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> PRF:
    """B-cubed over the items of `gold` (an item missing from `predicted` is a cluster of its own)."""
    items = list(gold)
    if not items:
        return PRF(0.0, 0.0, 0.0)
    mine: dict[K, Hashable] = {item: predicted.get(item, ("alone", item)) for item in items}
    gold_members: dict[Hashable, set[K]] = {}
    mine_members: dict[Hashable, set[K]] = {}
    for item in items:
        gold_members.setdefault(gold[item], set()).add(item)
        mine_members.setdefault(mine[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_gold, same_mine = gold_members[gold[item]], mine_members[mine[item]]
        both = len(same_gold & same_mine)
        precision += both / len(same_mine)
        recall += both / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    return PRF(round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0)


def load(folder: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    articles = [json.loads(line) for line in (folder / "coverage.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    claims = json.loads((folder / "claims.json").read_text(encoding="utf-8"))
    return articles, claims


def analysis_of(article: dict[str, Any]) -> Analysis:
    """The gold's attributions as an analysis: one source per (name, kind), contents as spans of the text."""
    text = str(article["text"])
    sources: dict[tuple[str, str], Source] = {}
    attributions = []
    for index, gold in enumerate(article["attributions"]):
        key = (gold["source"], gold["kind"])
        at = text.find(gold["source"])
        mention = Span(at, at + len(gold["source"]), gold["source"]) if at >= 0 else None
        if key not in sources:
            sources[key] = Source(f"s{len(sources) + 1}", gold["kind"], gold["source"],
                                  mentions=(mention,) if mention else ())
        start = text.index(gold["content"])
        attributions.append(Attribution(f"a{index + 1}", "indirect", Span(start, start + len(gold["content"]),
                                        gold["content"]), None, sources[key].id, mention, gold["stance"], 1.0))
    meta = Article(article["id"], article["lang"], text, article.get("title"), None, article.get("outlet"),
                   article.get("published"))
    return Analysis(meta, tuple(attributions), tuple(sources.values()))


def extracted(articles: list[dict[str, Any]]) -> tuple[list[Analysis], dict[tuple[str, str], tuple[str, str]]]:
    """The articles analysed by the extractor (spaCy), and which gold attribution each predicted one is: the
    contents paired one to one at a token F1 of 0.5 (as `selon eval` pairs them)."""
    import selon
    from selon.eval.match import match

    analyses, found = [], {}
    for article in articles:
        analysis = selon.analyze(article["text"], lang=article["lang"], title=article.get("title"),
                                 outlet=article.get("outlet"), published=article.get("published"),
                                 doc_id=article["id"])
        predicted = [a.content.text for a in analysis.attributions]
        for g, p, _ in match([a["content"] for a in article["attributions"]], predicted):
            found[(article["id"], predicted[p])] = (article["id"], f"a{g + 1}")
        analyses.append(analysis)
    return analyses, found


def evaluate(folder: Path, db: str | None = None, *, extract: bool = False) -> dict[str, Any]:
    """The figures for the gold in `folder`, stored in `db` (a new SQLite file in a temporary folder if None);
    with `extract`, the articles' attributions are the extractor's, not the gold's (end to end)."""
    if db is None:
        with tempfile.TemporaryDirectory() as scratch:
            return evaluate(folder, str(Path(scratch) / "stories.db"), extract=extract)
    from selon.corpus import save, story_queries
    from selon.corpus.syndication import Syndication
    from selon.store import open_store

    articles, gold_claims = load(folder)
    if extract:
        analyses, local = extracted(articles)
    else:
        analyses, local = [analysis_of(a) for a in articles], _local_ids(articles)
    with open_store(db) as store:
        index = Syndication.load(store)
        for analysis in analyses:
            save.save_analysis(store, analysis, f"gold:{analysis.article.id}", index)
        rows = store.query("SELECT ar.doc_id, sa.story_id FROM story_articles sa JOIN articles ar "
                           "ON ar.id = sa.article_id")
        predicted_story = {str(doc): int(story) for doc, story in rows}
        views = [view for story in sorted(set(predicted_story.values()))
                 for view in story_queries.claims_of(store, story)]
    return score(articles, gold_claims, predicted_story, views, local)


def score(articles: list[dict[str, Any]], gold_claims: dict[str, dict[str, Any]], predicted_story: dict[str, int],
          views: list[Any], local: dict[tuple[str, str], tuple[str, str]]) -> dict[str, Any]:
    """The figures; `local` says which gold attribution (article id, aN) each stored (article, content) is."""
    stories = bcubed({a["id"]: a["story"] for a in articles}, predicted_story)
    gold_claim: dict[tuple[str, str], str] = {}
    denies: dict[tuple[str, str], str] = {}
    for article in articles:
        for index, attribution in enumerate(article["attributions"]):
            item = (article["id"], f"a{index + 1}")
            if attribution["stance"] in ("assert", "acknowledge"):
                gold_claim[item] = attribution.get("claim") or f"{article['id']}#{index}"
            elif attribution["stance"] == "deny" and attribution.get("denies"):
                denies[item] = attribution["denies"]
    predicted_claim: dict[tuple[str, str], str] = {}
    denied_by: dict[tuple[str, str], str] = {}
    for view in views:  # a predicted attribution that is no gold one (a false alarm) is left out
        for appearance in view.claim.support:
            if (appearance.article, appearance.content) in local:
                predicted_claim[local[(appearance.article, appearance.content)]] = view.claim.id
        for appearance in view.claim.denials:
            if (appearance.article, appearance.content) in local:
                denied_by[local[(appearance.article, appearance.content)]] = view.claim.id
    claims = bcubed(gold_claim, predicted_claim)
    majority: dict[str, str | None] = {}  # predicted claim → the gold claim most of its appearances have
    for claim_id in set(predicted_claim.values()):
        votes = Counter(gold_claim[i] for i, c in predicted_claim.items() if c == claim_id and i in gold_claim)
        majority[claim_id] = votes.most_common(1)[0][0] if votes else None
    by_id = {view.claim.id: view for view in views}
    origins_right = anonymous_right = 0
    details = {}
    for label, expected in sorted(gold_claims.items()):
        votes = Counter(predicted_claim[i] for i, g in gold_claim.items() if g == label and i in predicted_claim)
        found = by_id.get(votes.most_common(1)[0][0]) if votes else None
        count = len(found.origins) if found else 0
        anonymous = found.anonymous_only if found else None
        origins_right += count == expected["independent_origins"]
        anonymous_right += anonymous == expected["anonymous_only"]
        details[label] = {"expected": expected["independent_origins"], "found": count,
                          "anonymous_only": anonymous, "expected_anonymous_only": expected["anonymous_only"]}
    linked = sum(1 for item, label in denies.items() if majority.get(denied_by.get(item, "")) == label)
    return {
        "articles": len(articles), "stories": len({a["story"] for a in articles}), "claims": len(gold_claims),
        "story_bcubed": asdict(stories), "claim_bcubed": asdict(claims),
        "origin_accuracy": round(origins_right / len(gold_claims), 3) if gold_claims else 0.0,
        "anonymous_only_accuracy": round(anonymous_right / len(gold_claims), 3) if gold_claims else 0.0,
        "denial_accuracy": round(linked / len(denies), 3) if denies else 1.0,
        "per_claim": details,
    }


def _local_ids(articles: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(article id, content) → the gold item (article id, local attribution id)."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for article in articles:
        for index, attribution in enumerate(article["attributions"]):
            found.setdefault((article["id"], attribution["content"]), (article["id"], f"a{index + 1}"))
    return found


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--extract"]
    figures = evaluate(Path(arguments[0] if arguments else "data/gold/stories"), extract="--extract" in sys.argv)
    print(json.dumps(figures, indent=2))

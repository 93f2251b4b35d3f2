"""The corpus questions, asked of a small store built by hand, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from selon.corpus import Corpus, save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store import Filters

ARTICLES = [
    ("k1", "Le Monde", "2022-10-01", ("Adrienne Watson|person|assert|Les drones iraniens arrivent.\n"
                                    "un responsable|anonymous|decline|Pas de commentaire.\n")),
    ("k2", "Le Figaro", "2022-10-05", "Adrienne Watson|person|deny|Aucun accord signé.\n"),
    ("k3", "Le Figaro", "2022-11-20", "Mahdi Nourian|person|acknowledge|Une coopération existe.\n"),
]


@pytest.fixture
def corpus(db_url: str):
    with Corpus(db_url) as corpus:
        index = Syndication.load(corpus.store)
        for key, outlet, published, text in ARTICLES:
            analysis = scripted_analysis(text, doc_id=key, outlet=outlet, published=published, title=f"T {key}",
                                         url=f"https://example.org/{key}")
            save.save_analysis(corpus.store, analysis, key, index)
        yield corpus


def test_sources_are_ranked_by_statements(corpus: Corpus) -> None:
    assert [(s.name, s.statements) for s in corpus.sources()][:1] == [("Adrienne Watson", 2)]


def test_sources_filter_by_outlet(corpus: Corpus) -> None:
    assert {s.name for s in corpus.sources(outlet="Le Monde")} == {"Adrienne Watson", "un responsable"}


def test_sources_filter_by_kind(corpus: Corpus) -> None:
    assert [s.name for s in corpus.sources(kind="anonymous")] == ["un responsable"]


def test_sources_filter_by_date_range_inclusive(corpus: Corpus) -> None:
    names = {s.name for s in corpus.sources(since="2022-10-05", until="2022-11-20")}
    assert names == {"Adrienne Watson", "Mahdi Nourian"}


def test_quotes_of_a_source_are_found_by_a_folded_spelling(corpus: Corpus) -> None:
    said = corpus.quotes("ADRIENNE watson")
    assert [(q.content, q.outlet, q.published) for q in said] == [
        ("Les drones iraniens arrivent.", "Le Monde", "2022-10-01"),
        ("Aucun accord signé.", "Le Figaro", "2022-10-05"),
    ]


def test_quotes_filter_by_stance(corpus: Corpus) -> None:
    assert [q.content for q in corpus.quotes("Watson", stance="deny")] == ["Aucun accord signé."]


def test_quotes_of_an_unknown_source_are_empty(corpus: Corpus) -> None:
    assert corpus.quotes("Personne Inconnue") == []


def test_search_finds_statements_by_a_word_of_their_content(corpus: Corpus) -> None:
    hits = [h for h in corpus.search("drones") if h.kind == "attribution"]
    assert [(h.article_id, h.source) for h in hits] == [("k1", "Adrienne Watson")]


def test_search_finds_articles_by_a_word_of_their_text(corpus: Corpus) -> None:
    assert [h.article_id for h in corpus.search("coopération") if h.kind == "article"] == ["k3"]


def test_search_with_query_syntax_characters_does_not_fail(corpus: Corpus) -> None:
    assert isinstance(corpus.search('drones" AND (NEAR'), list)


def test_articles_citing_a_source_are_listed(corpus: Corpus) -> None:
    assert sorted(a.article_id for a in corpus.articles(source="Adrienne Watson")) == ["k1", "k2"]


def test_stats_count_articles_attributions_sources_and_failures(corpus: Corpus) -> None:
    figures = corpus.stats().to_dict()
    assert {k: figures[k] for k in ("articles", "attributions", "sources", "failed")} == {
        "articles": 3, "attributions": 4, "sources": 3, "failed": 0}


def test_stats_per_outlet_give_anonymous_share_and_declines(corpus: Corpus) -> None:
    monde = next(o for o in corpus.stats().outlets if o.outlet == "Le Monde")
    assert (monde.articles, monde.attributions, monde.anonymous_share, monde.declines) == (1, 2, 0.5, 1)


def test_one_outlets_figures_are_its_row_of_the_stats(corpus: Corpus) -> None:
    figaro = next(o for o in corpus.stats().outlets if o.outlet == "Le Figaro")
    assert corpus.outlet("Le Figaro") == figaro
    assert corpus.outlet("Le Temps") is None


def test_monthly_counts_give_attributions_anonymous_and_declines_per_month(corpus: Corpus) -> None:
    overall = {m.month: (m.attributions, m.anonymous, m.declines) for m in corpus.monthly()}
    assert overall == {"2022-10": (3, 1, 1), "2022-11": (1, 0, 0)}
    figaro = sorted((m.month or "", m.attributions) for m in corpus.monthly(outlet="Le Figaro"))
    assert figaro == [("2022-10", 1), ("2022-11", 1)]


def _export(corpus: Corpus, format: str) -> bytes:
    out = io.BytesIO()
    corpus.export(format, out)
    return out.getvalue()


def test_export_jsonl_has_one_line_per_attribution_with_article_metadata(corpus: Corpus) -> None:
    rows = [json.loads(line) for line in _export(corpus, "jsonl").splitlines()]
    assert len(rows) == 4 and rows[0]["outlet"] == "Le Monde" and rows[0]["published"] == "2022-10-01"


def test_export_csv_has_a_header_and_one_row_per_attribution(corpus: Corpus) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(corpus, "csv").decode("utf-8"))))
    assert [r["source"] for r in rows].count("Adrienne Watson") == 2


def test_export_parquet_reads_back_as_a_table(corpus: Corpus) -> None:
    table = pq.read_table(io.BytesIO(_export(corpus, "parquet")))
    assert table.num_rows == 4 and "content" in table.column_names


def test_export_webannotation_selectors_find_the_span_again(corpus: Corpus) -> None:
    annotation = json.loads(_export(corpus, "webannotation").splitlines()[0])
    position, quote = annotation["target"]["selector"]
    text = corpus.article("k1").article.text
    assert text[position["start"]:position["end"]] == quote["exact"] == "Les drones iraniens arrivent."
    assert text.index(quote["prefix"] + quote["exact"] + quote["suffix"]) >= 0


def test_export_labelstudio_gives_one_task_per_article_with_labelled_regions(corpus: Corpus) -> None:
    tasks = json.loads(_export(corpus, "labelstudio"))
    first = tasks[0]
    labels = [r["value"]["labels"][0] for r in first["predictions"][0]["result"] if r["type"] == "labels"]
    assert len(tasks) == 3 and labels.count("Content") == 2
    region = first["predictions"][0]["result"][0]["value"]
    assert first["data"]["text"][region["start"]:region["end"]] == region["text"]


@pytest.mark.parametrize(("filters", "field"), [
    (Filters(since="2024-13-01"), "since"), (Filters(until="2023-02-29"), "until"),
    (Filters(since="2024-1-01"), "since"),
    (Filters(kind="x' OR 1=1"), "kind"), (Filters(stance="bogus"), "stance"), (Filters(lang="FR"), "lang"),
])
def test_filters_no_row_could_match_name_their_problem(filters: Filters, field: str) -> None:
    assert [name for name, _ in filters.problems()] == [field]


def test_filters_of_real_values_have_no_problem() -> None:
    assert Filters("Le Monde", "2024-02-29", "2024-12-31", "anonymous", "fr", "decline").problems() == []

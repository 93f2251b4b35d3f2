"""Parity figures counted by the store, on both backends, against a corpus whose figures are worked out by hand
(`parity_data`): speakers and statements by gender, the share, each breakdown and each filter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.store.parity_data import fill

from selon.corpus import Corpus, parity, save
from selon.corpus.parity import ParityRow
from selon.corpus.syndication import Syndication
from selon.corpus.testing import Voice, voiced_analysis
from selon.errors import InvalidRequestError
from selon.store.rows import Filters


@pytest.fixture
def corpus(db_url: str) -> Iterator[Corpus]:
    with Corpus(db_url) as opened:
        fill(opened.store)
        yield opened


def figures(row: ParityRow) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return ((row.speakers_female, row.speakers_male, row.speakers_unknown),
            (row.statements_female, row.statements_male, row.statements_unknown))


def test_women_are_counted_among_distinct_named_speakers_and_among_their_statements(corpus: Corpus) -> None:
    [total] = corpus.parity()
    # Speakers: Claire Dubois, Mary Smith | Jean Martin, Paul Durand | Alex Roy. The anonymous spokeswoman
    # and the Kremlin are no named people. Statements: Claire 4 and Mary 1 | Jean 2, Paul 2 (one said twice
    # in A2 counts once) | Alex 1.
    assert figures(total) == ((2, 2, 1), (5, 4, 1))
    assert (total.speakers, total.statements) == (5, 10)
    assert total.speakers_share == 0.5
    assert total.statements_share == pytest.approx(5 / 9, abs=1e-4)
    assert (total.outlet, total.month, total.role) == (None, None, None)


def test_a_speaker_takes_the_gender_its_articles_decide_even_where_one_article_does_not(corpus: Corpus) -> None:
    # Claire Dubois is "unknown" in A2 only: her statement there still counts as a woman's.
    [monde] = corpus.parity(outlet="Le Monde", since="2024-02-01")
    assert figures(monde) == ((1, 1, 0), (1, 2, 0))


def test_per_outlet_figures_are_ordered_by_statements(corpus: Corpus) -> None:
    rows = corpus.parity(by="outlet")
    assert [r.outlet for r in rows] == ["Le Monde", "The Times"]
    assert figures(rows[0]) == ((1, 2, 1), (3, 3, 1))
    assert rows[0].speakers_share == pytest.approx(1 / 3, abs=1e-4) and rows[0].statements_share == 0.5
    assert figures(rows[1]) == ((2, 1, 0), (2, 1, 0))
    assert all(r.month is None and r.role is None for r in rows)


def test_per_month_figures_keep_undated_articles_last(corpus: Corpus) -> None:
    rows = corpus.parity(by="month")
    assert [r.month for r in rows] == ["2024-01", "2024-02", None]
    assert [figures(r) for r in rows] == [((1, 1, 1), (2, 1, 1)), ((2, 1, 0), (3, 2, 0)), ((0, 1, 0), (0, 1, 0))]


def test_per_role_figures_count_a_speaker_in_each_role_it_was_quoted_in(corpus: Corpus) -> None:
    rows = {r.role: figures(r) for r in corpus.parity(by="role")}
    assert rows == {"politician": ((1, 0, 0), (3, 0, 0)), "government": ((0, 1, 0), (0, 2, 0)),
                    "expert": ((1, 1, 0), (1, 2, 0)), "business": ((1, 0, 0), (1, 0, 0)),
                    "citizen": ((0, 0, 1), (0, 0, 1))}
    assert [r.role for r in corpus.parity(by="role")] == ["politician", "government", "expert", "business",
                                                          "citizen"]


def test_breakdowns_combine_outlet_and_month(corpus: Corpus) -> None:
    rows = corpus.parity(by=("outlet", "month"))
    assert [(r.outlet, r.month) for r in rows] == [("Le Monde", "2024-01"), ("Le Monde", "2024-02"),
                                                   ("The Times", "2024-02"), ("The Times", None)]
    assert figures(rows[2]) == ((2, 0, 0), (2, 0, 0))


@pytest.mark.parametrize(("filters", "expected"), [
    ({"outlet": "The Times"}, ((2, 1, 0), (2, 1, 0))),
    ({"since": "2024-02-01"}, ((2, 1, 0), (3, 2, 0))),  # A2 and A3 (a time of day does not matter); A4 is undated
    ({"until": "2024-01-31"}, ((1, 1, 1), (2, 1, 1))),
    ({"since": "2024-02-20", "until": "2024-02-20"}, ((2, 0, 0), (2, 0, 0))),
    ({"lang": "en"}, ((2, 1, 0), (2, 1, 0))),
    ({"outlet": "Nobody"}, ((0, 0, 0), (0, 0, 0))),
])
def test_filters_restrict_the_articles_counted(corpus: Corpus, filters: dict[str, str],
                                               expected: tuple[tuple[int, int, int], tuple[int, int, int]]) -> None:
    [row] = corpus.parity(**filters)  # type: ignore[arg-type]
    assert figures(row) == expected


def test_a_group_without_a_decided_gender_has_no_share(corpus: Corpus) -> None:
    citizen = next(r for r in corpus.parity(by="role") if r.role == "citizen")
    assert citizen.speakers_share is None and citizen.statements_share is None
    [empty] = corpus.parity(outlet="Nobody")
    assert empty.speakers_share is None and empty.statements == 0


def test_the_statements_behind_a_figure_are_listed_by_gender_role_and_filters(corpus: Corpus) -> None:
    women = corpus.statements(gender="female")
    assert sorted(q.content for q in women) == sorted(["La réforme passera.", "Nous avons les voix.",
                                                       "Le texte est prêt.", "The figures are clear.",
                                                       "Orders are up."])
    experts = corpus.statements(gender="male", role="expert")
    assert [(q.source, q.content) for q in experts] == [("Jean Martin", "Le coût est élevé."),
                                                        ("Jean Martin", "Costs will rise.")]
    assert [q.content for q in corpus.statements(gender="female", outlet="The Times", since="2024-02-01",
                                                 until="2024-02-29")] == ["The figures are clear.", "Orders are up."]
    assert [q.source for q in corpus.statements(gender="unknown")] == ["Alex Roy"]


def test_a_statement_said_again_is_listed_once_as_the_figure_counts_it(corpus: Corpus) -> None:
    # Paul Durand says "Le budget suivra." twice in A2: one statement in the figures, one in the list.
    [monde] = corpus.parity(outlet="Le Monde")
    listed = corpus.statements(outlet="Le Monde", gender="male")
    assert [q.content for q in listed if q.source == "Paul Durand"] == ["Le budget suivra.", "Les régions paieront."]
    assert len(listed) == monde.statements_male == 3
    for gender in ("female", "male", "unknown"):
        figure = getattr(corpus.parity()[0], f"statements_{gender}")
        assert len(corpus.statements(gender=gender)) == figure


def test_an_unknown_breakdown_gender_or_role_is_refused(corpus: Corpus) -> None:
    with pytest.raises(InvalidRequestError):
        corpus.parity(by="weekday")
    with pytest.raises(InvalidRequestError):
        corpus.statements(gender="woman")
    with pytest.raises(InvalidRequestError):
        corpus.statements(role="astronaut")


def test_sources_rows_keep_gender_role_and_their_article_s_outlet_day_and_language(corpus: Corpus) -> None:
    rows = corpus.store.query(
        "SELECT s.name, s.kind, s.gender, s.role_category, s.outlet, s.published_day, s.lang FROM sources s "
        "JOIN articles ar ON ar.id = s.article_id WHERE ar.doc_id IN ('A1', 'A3') ORDER BY ar.id, s.local_id")
    assert [tuple(r) for r in rows] == [
        ("Claire Dubois", "person", "female", "politician", "Le Monde", "2024-01-10", "fr"),
        ("Jean Martin", "person", "male", "expert", "Le Monde", "2024-01-10", "fr"),
        ("Alex Roy", "person", "unknown", "citizen", "Le Monde", "2024-01-10", "fr"),
        ("une porte-parole", "anonymous", "female", None, "Le Monde", "2024-01-10", "fr"),
        ("Le Kremlin", "organization", "unknown", None, "Le Monde", "2024-01-10", "fr"),
        ("Claire Dubois", "person", "female", "expert", "The Times", "2024-02-20", "en"),
        ("Mary Smith", "person", "female", "business", "The Times", "2024-02-20", "en"),
    ]


BREAKDOWNS = [(), ("outlet",), ("month",), ("role",), ("outlet", "month"), ("role", "outlet"),
              ("outlet", "month", "role")]


@pytest.mark.parametrize("by", BREAKDOWNS)
@pytest.mark.parametrize(("outlet", "lang"), [(None, None), ("Le Monde", None), ("Nobody", None), (None, "en"),
                                              ("The Times", "en"), ("Le Monde", "en")])
def test_the_kept_counts_give_what_the_detail_gives(corpus: Corpus, by: tuple[str, ...], outlet: str | None,
                                                    lang: str | None) -> None:
    kept = parity.parity(corpus.store, Filters(outlet=outlet, lang=lang), by)
    assert kept == parity.parity(corpus.store, Filters(outlet=outlet, lang=lang), by, live=True)
    assert sum(r.speakers for r in kept) >= 1 or outlet in ("Nobody", "Le Monde")


def _coverage(speakers: list[str], extra: str) -> list[Voice]:
    voices = [Voice(name, "female" if n % 2 else "male", "expert", f"Le chantier numéro {n} avance selon le plan prévu.")
              for n, name in enumerate(speakers)]
    return [*voices, Voice("Zoé Extra", "female", "citizen", extra)]


def test_syndicated_copies_count_once_in_a_group_and_in_each_outlet_that_carries_them(db_url: str) -> None:
    speakers = ["Anne Un", "Bruno Deux", "Carla Trois", "David Quatre", "Emma Cinq", "Fabien Six"]
    with Corpus(db_url) as corpus:
        index = Syndication.load(corpus.store)
        for doc_id, outlet, day, extra in (("w1", "Wire", "2024-05-02", "Rien de plus."),
                                           ("w2", "Le Relais", "2024-05-02", "Encore un mot."),
                                           ("w3", "Le Relais", "2024-05-03", "Un dernier mot.")):
            analysis = voiced_analysis(_coverage(speakers, extra), doc_id=doc_id, outlet=outlet, published=day)
            save.save_analysis(corpus.store, analysis, doc_id, index)
        groups = {g for (g,) in corpus.store.query("SELECT syndication_group FROM articles")}
        assert len(groups) == 1, "the three articles are copies of one story"
        [total] = corpus.parity()
        assert (total.statements_female, total.statements_male) == (3 + 3, 3)  # Zoé's three words are 3 statements
        outlets = {r.outlet: (r.statements_female, r.statements_male) for r in corpus.parity(by="outlet")}
        assert outlets == {"Wire": (4, 3), "Le Relais": (5, 3)}
        for by in BREAKDOWNS:
            assert parity.parity(corpus.store, Filters(), by) == parity.parity(corpus.store, Filters(), by, live=True)


def test_sources_without_a_gender_or_role_count_as_unknown_and_other(db_url: str) -> None:
    from selon.corpus.testing import scripted_analysis

    with Corpus(db_url) as corpus:
        analysis = scripted_analysis("Odile Lemoine|person|assert|Nous surveillons.\n"
                                     "un responsable|anonymous|assert|Rien.\n", doc_id="old", outlet="Le Monde")
        save.save_analysis(corpus.store, analysis, "old", Syndication.load(corpus.store))
        [row] = corpus.parity(by="role")
        assert (row.role, row.speakers_unknown, row.speakers_female + row.speakers_male, row.speakers_share) == \
            ("other", 1, 0, None)

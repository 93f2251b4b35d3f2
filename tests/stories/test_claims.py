"""Claims within a story and their independent origins, rule by rule, on scripted articles."""

from __future__ import annotations

from selon.corpus import story_queries
from selon.corpus.claims import Appearance, cluster, features, similarity
from selon.corpus.origins import origins
from selon.store import open_store
from selon.store.base import Store
from tests.stories.coverage import CLAIM, WIRE, _save
from tests.stories.coverage import coverage as _coverage


def _only_story(store: Store) -> int:
    [(story,)] = store.query("SELECT DISTINCT story_id FROM story_articles")
    return int(story)


def test_one_claim_carried_eight_times_rests_on_three_origins(db_url: str) -> None:
    with open_store(db_url) as store:
        _coverage(store)
        story = story_queries.story(store, _only_story(store))
        [claim] = [c for c in story["claims"] if len(c["appearances"]) > 1]
        assert len(claim["appearances"]) == 8
        assert claim["independent_origins"] == 3
        rules = {o["label"]: o["rule"] for o in claim["origins"]}
        assert rules == {"des responsables (AFP)": "syndication+echo", "une source syndicale (Le Matin)":
                         "same_outlet_anonymous", "Paul Garnier": "same_speaker"}
        assert [d["source"] for d in claim["denials"]] == ["le syndicat Sud"]
        assert [d["stance"] for d in claim["declined"]] == ["decline"]
        assert claim["first_appearance"]["article"] == "afp"
        assert claim["anonymous_only"] is False


def test_the_story_document_has_the_documented_fields(db_url: str) -> None:
    with open_store(db_url) as store:
        _coverage(store)
        story = story_queries.story(store, _only_story(store))
    assert story["schema"] == "selon-story/1"
    assert {"id", "title", "articles", "outlets", "languages", "first_published", "claims"} <= story["story"].keys()
    assert story["story"]["articles"] == 8 and story["story"]["languages"] == ["en", "fr"]
    assert {"id", "outlet", "published", "url", "title", "syndication_group"} <= story["articles"][0].keys()
    claim = story["claims"][0]
    assert {"id", "text", "appearances", "independent_origins", "origins", "anonymous_only", "first_appearance",
            "denials"} <= claim.keys()
    assert {"article", "outlet", "published", "source", "source_kind", "stance", "content"} \
        <= claim["appearances"][0].keys()
    assert {"label", "rule", "appearances"} <= claim["origins"][0].keys()


def _appearance(i: int, outlet: str, kind: str, content: str, *, speaker: int | None = None,
                via: str | None = None, source: str = "des responsables", stance: str = "assert") -> Appearance:
    return Appearance(i, f"d{i}", i, outlet, None, f"2024-03-0{i}", source, kind, speaker or 100 + i, stance,
                      content, i, via)


def test_anonymous_sources_of_two_outlets_are_two_origins_unless_one_cites_the_other() -> None:
    a = _appearance(1, "Le Monde", "anonymous", CLAIM)
    b = _appearance(2, "Libération", "anonymous", CLAIM)
    assert len(origins([a, b])) == 2
    relayed = _appearance(3, "Libération", "anonymous", CLAIM, via="le Monde")
    [origin] = origins([a, relayed])
    assert origin.rules == ("echo",) and origin.anonymous


def test_two_articles_citing_an_outlet_outside_the_corpus_share_its_origin() -> None:
    a = _appearance(1, "Le Monde", "media", CLAIM, source="Washington Post")
    b = _appearance(2, "Libération", "media", CLAIM, source="le Washington Post")
    [origin] = origins([a, b])
    assert origin.label == "Washington Post" and not origin.anonymous


def test_a_denial_is_linked_as_a_denial_and_a_denial_of_nothing_stands_alone() -> None:
    claim = _appearance(1, "A", "person", CLAIM, speaker=7)
    denial = _appearance(2, "B", "person", "Paul Garnier ne fermera pas 1 200 lits à Valmont", speaker=8,
                         stance="deny")
    other = _appearance(3, "B", "person", "aucune grève n'est prévue au port de Sète", speaker=8, stance="deny")
    first, second = cluster([claim, denial, other])
    assert (first.support, first.denials) == ([claim], [denial])
    assert second.support == [other]


def test_contents_with_other_figures_or_other_words_are_other_claims() -> None:
    base = features(CLAIM)
    assert similarity(base, features("Paul Garnier va fermer 1 200 lits à Valmont")) >= 0.3
    assert similarity(base, features("Paul Garnier fermera 800 lits à Valmont")) < 0.3
    assert similarity(base, features("la grève des cheminots continue")) == 0.0
    # Across languages, names and numbers carry the match.
    assert similarity(features("Paul Garnier will close 1,200 beds in Valmont"), base) >= 0.3


def test_a_relay_is_read_from_whatever_shape_via_has_and_its_absence_is_no_relay() -> None:
    names = {"s2": "Le Monde"}
    assert [story_queries.relay_name(v, names) for v in (
        None, "", "la BBC", {"text": "la BBC", "start": 3, "end": 9}, {"source": "s2"}, {"source": {"id": "s2"}},
        {"mention": {"text": "Reuters"}}, {"source": "s9"}, 42, ["x"])] \
        == [None, None, "la BBC", "la BBC", "Le Monde", "Le Monde", "Reuters", None, None, None]


def test_a_relay_stored_in_the_analysis_joins_an_echo(db_url: str) -> None:
    import json

    with open_store(db_url) as store:
        _save(store, WIRE + f"des responsables|anonymous|assert|{CLAIM}\n", "monde", "Le Monde", "4")
        _save(store, "Valmont, Paul Garnier, 1 200 lits.\n"
              f"deux responsables|anonymous|assert|{CLAIM}\n", "libe", "Libération", "5")
        assert story_queries.story(store, _only_story(store))["claims"][0]["independent_origins"] == 2
        stored = json.loads(store.scalar("SELECT analysis FROM articles WHERE doc_id = 'libe'"))
        stored["attributions"][0]["via"] = {"start": 0, "end": 8, "text": "le Monde"}
        with store.transaction():
            store.execute("UPDATE articles SET analysis = ? WHERE doc_id = 'libe'", (json.dumps(stored),))
        [claim] = story_queries.story(store, _only_story(store))["claims"]
        assert claim["independent_origins"] == 1 and claim["anonymous_only"] is True
        assert claim["appearances"][1]["via"] == "le Monde"

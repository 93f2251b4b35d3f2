"""The gender of each source and the signal that decided it, and its role category: one phenomenon per row,
French and English, on sentences written for these tests. Each row names words of the source's name, the gender
it must get and the kind of signal that must have decided it; negative rows must stay unknown."""

from __future__ import annotations

import pytest

import selon
from selon.schema.records import Source


def _source(text: str, lang: str, words: str, **options: object) -> Source:
    analysis = selon.analyze(text, lang=lang, **options)  # type: ignore[arg-type]
    found = [s for s in analysis.sources if words.lower() in s.name.lower()]
    assert found, f"no source named like {words!r} in {[s.name for s in analysis.sources]}"
    return found[0]


GENDER_ROWS = [
    # French agreement and determiners
    pytest.param("fr", "La ministre a déclaré que la réforme serait votée.", "ministre", "female", "determiner",
                 id="fr-feminine-determiner"),
    pytest.param("fr", "Une porte-parole a indiqué que le dossier était clos.", "porte-parole", "female",
                 "determiner", id="fr-une-porte-parole-is-female-though-anonymous"),
    pytest.param("fr", "Paule Girard, députée de la Somme, a affirmé que le texte serait amendé.", "Girard", "female",
                 "noun", id="fr-feminine-form-of-a-role"),
    pytest.param("fr", "Interrogée, Dominique Lefort a répondu que le projet était abandonné.", "Lefort", "female",
                 "agreement", id="fr-fronted-participle-agrees"),
    pytest.param("fr", "Dominique Lefort, jointe par téléphone, a répondu que le projet était abandonné.",
                 "Lefort", "female", "agreement", id="fr-apposed-participle-agrees"),
    pytest.param("fr", "Trois infirmières ont raconté que le service était débordé.", "infirmières", "female",
                 "noun", id="fr-a-group-of-women"),
    pytest.param("fr", "Mme Caron a estimé que la loi était injuste.", "Caron", "female", "title",
                 id="fr-title-mme"),
    pytest.param("fr", "M. Caron a estimé que la loi était injuste.", "Caron", "male", "title", id="fr-title-m"),
    # pronoun only
    pytest.param("fr", "Dominique Lefort a visité le chantier. « Tout sera prêt », a-t-elle assuré.", "Lefort",
                 "female", "pronoun", id="fr-inverted-clitic-a-t-elle"),
    pytest.param("fr", "Claude Bernard a affirmé que les chiffres étaient faux. Elle a ajouté qu'elle porterait "
                 "plainte.", "Bernard", "female", "pronoun", id="fr-pronoun-elle"),
    pytest.param("en", "Alex Morgan toured the plant on Monday. She said the plant would stay open.", "Morgan",
                 "female", "pronoun", id="en-pronoun-she"),
    # English titles and gendered nouns
    pytest.param("en", "Mrs Hale said the council would vote on Monday.", "Hale", "female", "title",
                 id="en-title-mrs"),
    pytest.param("en", "Ms Hale said the council would vote on Monday.", "Hale", "female", "title",
                 id="en-title-ms"),
    pytest.param("en", "Mr Hale said the council would vote on Monday.", "Hale", "male", "title", id="en-title-mr"),
    pytest.param("en", "Congresswoman Dana Hale said the bill was dead.", "Hale", "female", "noun",
                 id="en-congresswoman"),
    pytest.param("en", "The chairwoman of the board said profits had fallen.", "chairwoman", "female", "noun",
                 id="en-chairwoman"),
    # first name only
    pytest.param("fr", "Julien Mercier a déclaré que le club ne serait pas vendu.", "Mercier", "male",
                 "first_name", id="fr-first-name-only"),
    pytest.param("fr", "Hélène Marchal a déclaré que le club ne serait pas vendu.", "Marchal", "female",
                 "first_name", id="fr-first-name-with-accent"),
    pytest.param("en", "Sarah Lind said the data were clear.", "Lind", "female", "first_name",
                 id="en-first-name-only"),
    # conflicting signals: the article wins over the first name
    pytest.param("fr", "Pierre Garnier est arrivé en retard. « Nous n'avons rien à cacher », a-t-elle assuré.",
                 "Garnier", "female", "pronoun", id="fr-pronoun-beats-a-male-first-name"),
    pytest.param("fr", "La maire, Jean Durand, a déclaré que les travaux commenceraient lundi.", "Durand", "female",
                 "determiner", id="fr-determiner-beats-a-male-first-name"),
    pytest.param("en", "Robert Vance toured the plant. She said the plant would close.", "Vance", "female",
                 "pronoun", id="en-pronoun-beats-a-male-first-name"),
    # a first name beats a masculine form, which French and English also write of women
    pytest.param("fr", "Le ministre Hélène Roux a déclaré que la réforme serait votée.", "Roux", "female",
                 "first_name", id="fr-first-name-beats-a-masculine-determiner"),
    pytest.param("en", "A spokesman for the company said the plant would close.", "spokesman", "male", "noun",
                 id="en-spokesman-weakly-male"),
    # unknown: epicene first names, initials, anonymous sources the text says nothing about
    pytest.param("fr", "Claude Vernier a déclaré que le club ne serait pas vendu.", "Vernier", "unknown", "none",
                 id="fr-claude-is-epicene"),
    pytest.param("fr", "Dominique Vernier a déclaré que le club ne serait pas vendu.", "Vernier", "unknown",
                 "none", id="fr-dominique-is-epicene"),
    pytest.param("fr", "Camille Vernier a déclaré que le club ne serait pas vendu.", "Vernier", "unknown", "none",
                 id="fr-camille-is-epicene"),
    pytest.param("en", "Alex Morgan said the deal was off.", "Morgan", "unknown", "none", id="en-alex-is-epicene"),
    pytest.param("en", "J. Smith said the deal was off.", "Smith", "unknown", "none", id="en-initials-only"),
    pytest.param("fr", "Une source policière a indiqué que le suspect était connu.", "source", "unknown", "none",
                 id="fr-une-source-policiere-says-nothing"),
    pytest.param("fr", "Des responsables du parti ont assuré que le vote aurait lieu.", "responsables", "unknown",
                 "none", id="fr-a-masculine-plural-says-nothing"),
    pytest.param("en", "Officials at the ministry said the plan was ready.", "Officials", "unknown", "none",
                 id="en-officials-say-nothing"),
]


@pytest.mark.parametrize(("lang", "text", "words", "gender", "signal"), GENDER_ROWS)
def test_source_gets_its_gender_from_the_strongest_signal(lang: str, text: str, words: str, gender: str,
                                                          signal: str) -> None:
    source = _source(text, lang, words)
    assert source.gender == gender
    assert source.gender_evidence is not None and source.gender_evidence.signal == signal, source.gender_evidence


def test_evidence_points_at_the_words_that_decided() -> None:
    text = "Interrogée, Dominique Lefort a répondu que le projet était abandonné."
    evidence = _source(text, "fr", "Lefort").gender_evidence
    assert evidence is not None and evidence.start is not None and evidence.end is not None
    assert text[evidence.start : evidence.end] == evidence.text == "Interrogée"
    assert evidence.rule == "agreement 'Interrogée'"


def test_first_name_evidence_names_the_dictionary() -> None:
    evidence = _source("Julien Mercier a déclaré que le club ne serait pas vendu.", "fr", "Mercier").gender_evidence
    assert evidence is not None and evidence.text == "Julien" and "gender-guesser: male" in evidence.rule


def test_an_override_wins_over_the_article() -> None:
    text = "Pierre Garnier est arrivé en retard. « Nous n'avons rien à cacher », a-t-il assuré."
    source = _source(text, "fr", "Garnier", gender_overrides={"pierre garnier": "female"})
    assert source.gender == "female"
    assert source.gender_evidence is not None and source.gender_evidence.signal == "override"


def test_overrides_file_from_the_environment(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "overrides.tsv"
    path.write_text("# who we know\nClaude Vernier\tmale\n", encoding="utf-8")
    monkeypatch.setenv("SELON_GENDER_OVERRIDES", str(path))
    source = _source("Claude Vernier a déclaré que le club ne serait pas vendu.", "fr", "Vernier")
    assert source.gender == "male"


def test_things_have_no_gender_nor_role() -> None:
    analysis = selon.analyze("Le ministère de l'Intérieur a indiqué que l'enquête continuait.", lang="fr")
    organisation = next(s for s in analysis.sources if s.kind == "organization")
    assert (organisation.gender, organisation.gender_evidence, organisation.role_category) == (None, None, None)


ROLE_ROWS = [
    pytest.param("fr", "La ministre de la Culture, Rima Dupont, a déclaré que le musée rouvrirait.", "Dupont",
                 "politician", id="fr-ministers-are-politicians"),
    pytest.param("fr", "Le préfet de la Somme, Marc Aubry, a déclaré que la route rouvrirait.", "Aubry",
                 "government", id="fr-prefect-is-the-administration"),
    pytest.param("fr", "Le député Marc Lefèvre a affirmé que le texte serait amendé.", "Lefèvre", "politician",
                 id="fr-mp"),
    pytest.param("fr", "Son avocate, Me Claire Roussel, a dénoncé des « irrégularités ».", "Roussel",
                 "police_justice", id="fr-lawyer"),
    pytest.param("fr", "Le coureur cycliste Julien Marchand a affirmé qu'il était innocent.", "Marchand", "sport",
                 id="fr-cyclist"),
    pytest.param("fr", "Paul Séguier, chercheur au laboratoire, a expliqué que la bactérie proliférait.", "Séguier",
                 "expert", id="fr-researcher"),
    pytest.param("fr", "Le syndicaliste Karim Benali a dénoncé « une provocation ».", "Benali", "union_civil",
                 id="fr-unionist"),
    pytest.param("fr", "Une porte-parole du ministère a affirmé que rien n'était décidé.", "porte-parole",
                 "government", id="fr-spokesperson-takes-the-institution"),
    pytest.param("fr", "Le porte-parole de la gendarmerie a précisé que l'enquête continuait.", "porte-parole",
                 "police_justice", id="fr-spokesperson-of-the-gendarmerie"),
    pytest.param("fr", "Une source policière a indiqué que le suspect était connu.", "source", "police_justice",
                 id="fr-anonymous-police-source"),
    pytest.param("fr", "Des habitants ont raconté que l'eau était coupée.", "habitants", "citizen",
                 id="fr-residents"),
    pytest.param("fr", "Claude Vernier a déclaré que le club ne serait pas vendu.", "Vernier", "other",
                 id="fr-no-role-is-other"),
    pytest.param("en", "Mayor Tom Briggs said the road would reopen.", "Briggs", "politician", id="en-mayor"),
    pytest.param("en", "Sarah Lind, a researcher at the university, said the data were clear.", "Lind", "expert",
                 id="en-researcher"),
    pytest.param("en", "A spokeswoman for the police said the suspect was known.", "spokeswoman", "police_justice",
                 id="en-spokeswoman-for-the-police"),
    pytest.param("en", "A spokesman for the company declined to comment.", "spokesman", "business",
                 id="en-spokesman-for-the-company"),
    pytest.param("en", '"We will win," said coach Maria Torres.', "Torres", "sport", id="en-coach"),
    pytest.param("en", "The novelist Ann Price said the book was finished.", "Price", "culture", id="en-novelist"),
    pytest.param("en", "Reporter Jane Cole said the footage was authentic.", "Cole", "media", id="en-reporter"),
]


@pytest.mark.parametrize(("lang", "text", "words", "category"), ROLE_ROWS)
def test_source_gets_the_category_of_its_role(lang: str, text: str, words: str, category: str) -> None:
    assert _source(text, lang, words).role_category == category

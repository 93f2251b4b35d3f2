"""The French and English language resources: they load, their entries are valid, and their patterns match what
they are meant to match and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import get_args

import pytest

import selon.lang
from selon.errors import ResourceError
from selon.lang import FRAMES, fold, load
from selon.schema.records import Stance

LANGS = ("fr", "en")
PACKAGE = Path(selon.lang.__file__).parent


@pytest.fixture(autouse=True)
def _fresh_cache():
    load.cache_clear()
    yield
    load.cache_clear()


def _has(code: str, lemma: str, stance: str, frame: str | None = None) -> bool:
    entries = load(code).cues.get(lemma, ())
    return any(e.stance == stance and (frame is None or e.frame == frame) for e in entries)


def _boilerplate(code: str, paragraph: str) -> bool:
    return any(p.search(paragraph) for p in load(code).boilerplate)


def _anonymity(code: str, sentence: str) -> bool:
    return any(p.search(sentence) for p in load(code).anonymity)


# ---------------------------------------------------------------- loading and validity


@pytest.mark.parametrize("code", LANGS)
def test_each_language_loads_with_every_resource_filled(code: str) -> None:
    res = load(code)
    assert res.code == code
    for field in ("cues", "according", "anonymous_nouns", "document_nouns", "media_nouns", "organization_nouns",
                  "roles", "outlets", "speech_nouns", "numbers", "pronouns", "anaphoric_determiners",
                  "boilerplate", "anonymity"):
        assert getattr(res, field), field


@pytest.mark.parametrize("code", LANGS)
def test_every_cue_has_a_valid_stance_and_frame(code: str) -> None:
    stances = get_args(Stance)
    for lemma, entries in load(code).cues.items():
        assert lemma == fold(lemma)
        for entry in entries:
            assert entry.stance in stances, entry
            assert entry.frame in FRAMES, entry


@pytest.mark.parametrize("code", LANGS)
def test_cue_lists_are_generous(code: str) -> None:
    assert sum(len(entries) for entries in load(code).cues.values()) >= 80


@pytest.mark.parametrize("code", LANGS)
def test_data_files_are_sorted_and_tab_separated(code: str) -> None:
    for path in sorted((PACKAGE / code).iterdir()):
        if path.suffix not in (".txt", ".tsv"):
            continue
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name} has no comment header"
        rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        assert len(rows) == len(set(rows)), f"{path.name} has duplicate rows"
        if path.suffix == ".tsv":
            assert all("  " not in row and row.count("\t") >= 1 for row in rows), path.name


# ---------------------------------------------------------------- entries users rely on


@pytest.mark.parametrize(
    ("lemma", "stance", "frame"),
    [
        ("déclarer", "assert", "say"),
        ("dire", "assert", "say"),
        ("affirmer", "assert", "say"),
        ("ajouter", "assert", "say"),
        ("nier", "deny", "say_obj"),
        ("démentir", "deny", "say_obj"),
        ("reconnaître", "acknowledge", None),
        ("admettre", "acknowledge", None),
        ("refuser", "decline", "decline_ctrl"),
        ("souhaiter", "decline", "neg_ctrl"),
        ("vouloir", "decline", "neg_ctrl"),
        ("répondre", "no_response", "neg"),
        ("répondre", "assert", "say"),
        ("renvoyer", "decline", "refer"),
        ("critiquer", "assert", "act"),
        ("révéler", "assert", "say_obj"),
    ],
)
def test_french_key_cues_are_there(lemma: str, stance: str, frame: str | None) -> None:
    assert _has("fr", lemma, stance, frame)


@pytest.mark.parametrize(
    ("lemma", "stance", "frame"),
    [
        ("say", "assert", "say"),
        ("tell", "assert", "say"),
        ("add", "assert", "say"),
        ("deny", "deny", None),
        ("acknowledge", "acknowledge", None),
        ("admit", "acknowledge", None),
        ("decline", "decline", "decline_ctrl"),
        ("refuse", "decline", "decline_ctrl"),
        ("respond", "no_response", "neg"),
        ("respond", "assert", "say"),
        ("return", "no_response", "neg_obj"),
        ("refer", "decline", "refer"),
        ("urge", "assert", "act"),
        ("reveal", "assert", "say_obj"),
    ],
)
def test_english_key_cues_are_there(lemma: str, stance: str, frame: str | None) -> None:
    assert _has("en", lemma, stance, frame)


def test_verbs_that_are_mostly_not_reporting_are_not_cues() -> None:
    assert not {"voir", "faire", "être", "avoir"} & set(load("fr").cues)
    assert not {"see", "make", "be", "have"} & set(load("en").cues)


def test_according_phrases_introduce_a_source() -> None:
    assert {"selon", "d'après"} <= set(load("fr").according)
    assert "according to" in load("en").according


def test_nouns_land_in_the_right_kind() -> None:
    fr, en = load("fr"), load("en")
    assert {"responsable", "source", "diplomate", "proche"} <= fr.anonymous_nouns
    assert {"official", "officials", "source", "people", "diplomat"} <= en.anonymous_nouns
    assert {"rapport", "étude", "renseignement"} <= fr.document_nouns
    assert {"report", "study", "intelligence"} <= en.document_nouns
    assert {"ministère", "ambassade", "mairie", "syndicat"} <= fr.organization_nouns
    assert {"ministry", "embassy", "company", "union"} <= en.organization_nouns
    assert {"quotidien", "médias"} <= fr.media_nouns
    assert {"newspaper", "media"} <= en.media_nouns
    assert "agency" not in en.media_nouns and "agence" not in fr.media_nouns
    assert {"porte-parole", "ministre", "président"} <= fr.roles
    assert {"spokeswoman", "minister", "president"} <= en.roles
    assert {"commentaire", "question", "sollicitation"} <= fr.speech_nouns
    assert {"comment", "request", "question"} <= en.speech_nouns


def test_outlets_keep_their_case() -> None:
    assert {"AFP", "Reuters", "Le Monde"} <= set(load("fr").outlets)
    assert {"AFP", "Reuters", "The New York Times"} <= set(load("en").outlets)


def test_numbers_pronouns_and_determiners() -> None:
    fr, en = load("fr"), load("en")
    assert (fr.numbers["trois"], fr.numbers["une"], fr.numbers["vingt"]) == (3, 1, 20)
    assert (en.numbers["three"], en.numbers["twenty"]) == (3, 20)
    assert fr.pronouns == {"il": "sg", "elle": "sg", "ils": "pl", "elles": "pl", "lui": "sg", "eux": "pl"}
    assert en.pronouns == {"he": "sg", "she": "sg", "they": "pl", "him": "sg", "her": "sg", "them": "pl", "it": "sg"}
    assert (fr.pronoun_genders["elle"], en.pronoun_genders["she"], en.pronoun_genders["it"]) == ("f", "f", "n")
    assert "ils" not in fr.pronoun_genders  # "ils" may be a mixed group: it says no gender
    assert fr.honorifics["mme"] == "f" and en.honorifics["mr"] == "m"
    assert {"porte-parole", "porte-voix"} <= fr.synonyms("porte-voix")
    assert "maire" not in fr.synonyms("député")  # synonyms are not transitive through "élu"
    assert {"les", "l'", "ces"} <= fr.anaphoric_determiners
    assert {"the", "these"} <= en.anaphoric_determiners


# ---------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    "paragraph",
    [
        "Commentez cette histoire",
        "Commentez cette histoire 12 commentaires",
        "Partager",
        "Partager cet article",
        "Lire aussi : Le budget de la ville adopté en conseil municipal",
        "À lire aussi",
        "Lire la suite",
        "Abonnez-vous à notre newsletter",
        "Inscrivez-vous à notre newsletter quotidienne",
        "Publicité",
        "Article réservé aux abonnés",
        "Photo : Jean Martin / AFP",
        "(Photo AFP)",
        "© 2023 Tous droits réservés",
        "Publié le 12 mars 2023 à 10h30",
        "Temps de lecture : 4 min",
        "Par Claire Moreau",
        "(Avec AFP)",
    ],
)
def test_french_boilerplate_is_recognised(paragraph: str) -> None:
    assert _boilerplate("fr", paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Read more",
        "Read more: The city council votes on the budget",
        "Share this article",
        "Sign up for our daily newsletter",
        "Subscribe",
        "Advertisement",
        "Related: How the vote unfolded",
        "Comment on this story",
        "Comment on this story Comment",
        "Gift this article",
        "Listen to this article",
        "© 2024 The Daily Example",
        "(Photo by Jane Roe/Getty Images)",
        "Photo: Jane Roe",
        "John Smith / AFP",
        "Reporting by Jane Roe; Editing by John Smith",
        "Updated March 3, 2023 at 10:30 a.m. EST",
        "By Jane Roe and John Smith",
    ],
)
def test_english_boilerplate_is_recognised(paragraph: str) -> None:
    assert _boilerplate("en", paragraph)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministre a déclaré que la réforme serait présentée au printemps.",
        "Partager le pouvoir n'a jamais été simple pour ce gouvernement, a estimé l'analyste.",
        "Lire entre les lignes du rapport révèle une autre histoire.",
        "Publié le mois dernier, le rapport a suscité de vives critiques.",
        "Par ailleurs, la police a ouvert une enquête.",
        "Par Toutatis, s'est exclamé le maire en riant.",
        "La photo a été prise à la sortie du tribunal.",
        "Publicité mensongère : l'entreprise condamnée à une amende.",
        "« Abonnez-vous ou partez », a lancé le patron du journal aux lecteurs qui se plaignaient.",
        "2023 a été une année difficile pour le secteur.",
    ],
)
def test_french_boilerplate_leaves_ordinary_sentences_alone(sentence: str) -> None:
    assert not _boilerplate("fr", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the reform would be presented in the spring.",
        "Related research has shown that the drug is safe, the study's authors said.",
        "Share prices fell sharply on Monday after the announcement.",
        "Subscribers to the service will pay more, the company said.",
        "Published in 2019, the report found widespread abuse.",
        "By Tuesday, the rebels had taken the city.",
        "Read the full statement, the spokeswoman told reporters.",
        "Advertisements for the product were banned last year.",
        "The photo was taken outside the court on Friday.",
        "Comments by the minister drew sharp criticism from the opposition.",
    ],
)
def test_english_boilerplate_leaves_ordinary_sentences_alone(sentence: str) -> None:
    assert not _boilerplate("en", sentence)


# ---------------------------------------------------------------- anonymity


@pytest.mark.parametrize(
    "sentence",
    [
        "ont déclaré deux responsables, à condition que leur identité ne soit pas révélée.",
        "a affirmé un diplomate à condition que son nom ne soit pas cité.",
        "a expliqué un policier sous couvert d'anonymat.",
        "a expliqué un policier sous couvert de l’anonymat.",
        "selon un cadre de l'entreprise, qui a requis l'anonymat.",
        "a confié une enseignante qui a souhaité garder l’anonymat.",
        "a indiqué un témoin, sans être nommé.",
        "a affirmé un fonctionnaire qui n'est pas autorisé à s'exprimer publiquement.",
        "a raconté une habitante qui préfère rester anonyme.",
    ],
)
def test_french_anonymity_conditions_are_recognised(sentence: str) -> None:
    assert _anonymity("fr", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "two officials said, speaking on condition of anonymity.",
        "said a diplomat, who spoke on the condition of anonymity to discuss the talks.",
        "a person who requested anonymity said.",
        "said one aide, who asked not to be named.",
        "said an executive who asked not to be identified.",
        "said a banker who declined to be named.",
        "because he was not authorized to speak publicly.",
        "because they were not authorised to speak to the media.",
        "said a source who wasn't authorized to comment.",
        "said an official, speaking anonymously.",
    ],
)
def test_english_anonymity_conditions_are_recognised(sentence: str) -> None:
    assert _anonymity("en", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le ministre a déclaré que la réforme serait présentée au printemps.",
        "Le donateur a tenu à faire connaître son nom lors de la cérémonie.",
        "L'auteur anonyme du tract a été identifié par la police.",
        "Les deux pays ont signé l'accord à condition que les sanctions soient levées.",
    ],
)
def test_french_anonymity_patterns_leave_ordinary_sentences_alone(sentence: str) -> None:
    assert not _anonymity("fr", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the reform would be presented in the spring.",
        "The anonymous letter was sent to the newspaper last week.",
        "The company was authorized to resume exports on Monday.",
        "He agreed on condition that the sanctions be lifted.",
        "The spokeswoman, who was named last month, said the plan was on track.",
    ],
)
def test_english_anonymity_patterns_leave_ordinary_sentences_alone(sentence: str) -> None:
    assert not _anonymity("en", sentence)


# ---------------------------------------------------------------- malformed files


def _copy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str = "fr") -> Path:
    folder = tmp_path / code
    shutil.copytree(PACKAGE / code, folder)
    monkeypatch.setenv("SELON_LANG_PATH", str(tmp_path))
    load.cache_clear()
    return folder


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_a_copied_language_folder_loads_from_selon_lang_path(tmp_path, monkeypatch) -> None:
    folder = _copy_language(tmp_path, monkeypatch)
    _append(folder / "according.txt", "au témoignage de")
    assert "au témoignage de" in load("fr").according


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("cues.tsv", "déclarer\tassert"),
        ("cues.tsv", "déclarer\tclaim\tsay"),
        ("cues.tsv", "déclarer\tassert\tspeak"),
        ("cues.tsv", "déclarer assert say"),
        ("numbers.tsv", "trois\tthree"),
        ("pronouns.tsv", "il\tsingular"),
        ("boilerplate.txt", "^(unclosed"),
        ("anonymity.txt", "anonymat["),
    ],
)
def test_a_malformed_file_raises_resource_error(tmp_path, monkeypatch, name: str, line: str) -> None:
    folder = _copy_language(tmp_path, monkeypatch)
    _append(folder / name, line)
    with pytest.raises(ResourceError):
        load("fr")


def test_a_missing_file_raises_resource_error(tmp_path, monkeypatch) -> None:
    folder = _copy_language(tmp_path, monkeypatch, "en")
    (folder / "roles.txt").unlink()
    with pytest.raises(ResourceError):
        load("en")

"""Who a statement is resolved to, and with which kind: one phenomenon of the source layer per row, French and
English, on sentences written for these tests. Each row names a fragment of one statement's content and the
source (words of its name) and kind it must get; negative rows say which source it must not get."""

from __future__ import annotations

import pytest

import selon
from selon.schema.records import Analysis, Source

ROWS = [
    # a role or title the person was introduced with refers back to them
    pytest.param("fr", "La ministre de la Santé, Claire Dubreuil, a visité l'hôpital mardi. La ministre a affirmé "
                 "que les urgences seraient renforcées.", "urgences", "Claire Dubreuil", "person", None,
                 id="fr-role-refers-back"),
    pytest.param("fr", "La porte-parole du syndicat, Inès Marchal, a dénoncé la réforme. Plus tard, la porte-voix "
                 "du syndicat a estimé que la grève continuerait.", "grève continuerait", "Inès Marchal", "person",
                 None, id="fr-role-synonym-refers-back"),
    pytest.param("en", "Police commissioner Dana Holt visited the site on Friday. The commissioner said the "
                 "investigation would take months.", "investigation", "Dana Holt", "person", None,
                 id="en-role-refers-back"),
    # a title and a surname
    pytest.param("fr", "Claire Dubreuil a visité l'usine. Mme Dubreuil a déclaré que le site resterait ouvert.",
                 "site resterait", "Claire Dubreuil", "person", None, id="fr-honorific-surname"),
    pytest.param("en", "Senator Paul Reeve toured the plant. Sen. Reeve said the plant would stay open.",
                 "plant would stay", "Paul Reeve", "person", None, id="en-honorific-surname"),
    # pronouns agree in gender, skip names in quotes and subheadings
    pytest.param("fr", "Le maire Julien Ferrat a reçu la présidente de région Anne Vidal. « Nous allons "
                 "travailler ensemble », a-t-elle déclaré.", "travailler ensemble", "Anne Vidal", "person",
                 "Julien Ferrat", id="fr-pronoun-gender"),
    pytest.param("fr", "« Nous ne céderons pas », a déclaré Sophie Roux.\n\nMarc Olivier « furieux »\n\n"
                 "« Ce texte est injuste », a-t-elle ajouté.", "texte est injuste", "Sophie Roux", "person",
                 "Marc Olivier", id="fr-pronoun-skips-subheading"),
    pytest.param("en", 'Tom Reed, who coaches the team, said on Twitter that he was stepping down. He said: "I '
                 'need a rest after ten years."', "need a rest", "Tom Reed", "person", "Twitter",
                 id="en-pronoun-skips-prepositional-object"),
    pytest.param("en", "Tom Reed has coached the team for ten years. The 52-year-old said he would step down "
                 "in June.", "step down", "Tom Reed", "person", None, id="en-age-description-refers-back"),
    pytest.param("en", "Mayor Robert Hale met the police chief, Chris Dunne, on Monday. Dunne said the inquiry "
                 "would go on. On Wednesday, Hale removed six council members. He said they had broken the law.",
                 "broken the law", "Robert Hale", "person", "Dunne", id="en-pronoun-after-a-bare-surname-subject"),
    pytest.param("en", 'The only comment came from Dean Marsh, the company\'s media manager for Europe, who wrote: '
                 '"I can confirm that the plant will close."', "plant will close", "Dean Marsh", "person", None,
                 id="en-relative-speaker-through-apposition"),
    pytest.param("en", "But a spokesperson for the laboratory was quick to downplay rumours of a breakthrough.",
                 "rumours of a breakthrough", "spokesperson", "anonymous", None,
                 id="en-quick-to-deny-takes-the-subject"),
    pytest.param("fr", "Pour Paul Séguier, microbiologiste à l’université, l’hypothèse est « la plus probable ». "
                 "« Cette bactérie prolifère vite », explique le chercheur. Il met en garde contre des « conclusions "
                 "hâtives ».", "conclusions", "Paul Séguier", "person", None,
                 id="fr-epicene-role-says-no-gender-and-a-synonym-refers-back"),
    pytest.param("fr", "« Cette bactérie prolifère vite », explique le chercheur.", "bactérie prolifère",
                 "chercheur", "person", "bactérie", id="fr-the-quote-is-never-its-own-source"),
    # a name that qualifies a role is not its speaker
    pytest.param("en", "The anonymous Reed campaign official argued that a comeback was still possible.",
                 "comeback", "official", "anonymous", None, id="en-name-as-modifier-is-not-the-speaker"),
    pytest.param("fr", "Une porte-parole de Jean Morel a indiqué que le candidat ne se retirerait pas.",
                 "candidat ne se retirerait", "porte-parole", "anonymous", None,
                 id="fr-name-after-de-is-not-the-speaker"),
    pytest.param("en", "Her campaign manager, Nadia Brandt, acknowledged that the candidate had met him.",
                 "candidate had met", "Nadia Brandt", "person", None, id="en-apposed-name-after-role"),
    # unnamed groups are anonymous; named and definite institutions are organizations
    pytest.param("fr", "Plusieurs associations de défense de l'environnement estiment que le projet est illégal.",
                 "projet est illégal", "associations", "anonymous", None, id="fr-unnamed-group-anonymous"),
    pytest.param("fr", "La préfecture a indiqué que la route serait fermée.", "route serait fermée",
                 "préfecture", "organization", None, id="fr-definite-institution-organization"),
    pytest.param("en", "Several unions said they would strike on Monday.", "would strike", "unions",
                 "anonymous", None, id="en-unnamed-group-anonymous"),
    pytest.param("en", "His department said it would review the rules.", "review the rules", "department",
                 "organization", None, id="en-possessive-institution-organization"),
    # an outlet named after its type word is media; names after "for" are not the speaker
    pytest.param("en", "The tabloid Daily Crier reported that the mayor had skipped three meetings.",
                 "skipped three meetings", "Daily Crier", "media", None, id="en-tabloid-name-media"),
    pytest.param("fr", "L'hebdomadaire Le Matin Dimanche affirme que le club a été vendu.", "club a été vendu",
                 "Matin", "media", None, id="fr-hebdomadaire-name-media"),
    pytest.param("en", "Lawyers for Wanda Roe and Ed Doe did not respond to requests for comment.",
                 "did not respond", "Lawyers", "anonymous", None, id="en-names-after-for-are-not-the-speaker"),
    # a document is a document whatever its verb
    pytest.param("fr", "Son autopsie révèle qu'il s'agissait d'un jeune animal.", "jeune animal", "autopsie",
                 "document", None, id="fr-autopsy-document"),
    # mentions end where the source's name ends
    pytest.param("fr", "« Nous maintenons nos chiffres », a déclaré un porte-parole de la société dans une "
                 "déclaration transmise par courriel.", "maintenons", "porte-parole de la société", "anonymous",
                 "déclaration", id="fr-mention-ends-before-adjunct"),
    # nouns of time and impersonal subjects never speak
    pytest.param("fr", "La grève a été reconduite, a indiqué ce lundi le délégué syndical Marc Pion.",
                 "grève a été reconduite", "Marc Pion", "person", "lundi", id="fr-time-noun-is-not-a-subject"),
    pytest.param("fr", "Le suspect a été placé en garde à vue, a-t-on appris mardi auprès de la préfecture.",
                 "garde à vue", "préfecture", "organization", None, id="fr-impersonal-on-hearsay-source"),
    # an incise verb the tagger missed, and a participle continuing an incise
    pytest.param("fr", "« Rien ne justifie une telle violence », a twitté Léa Garnier, députée de la Loire.",
                 "telle violence", "Léa Garnier", "person", None, id="fr-incise-verb-after-auxiliary"),
    pytest.param("fr", "La victime a été blessée « en tentant d'arrêter le camion », précise la gendarmerie, "
                 "ajoutant que « le conducteur a été interpellé ».", "conducteur a été interpellé",
                 "gendarmerie", "organization", "victime", id="fr-participle-takes-the-leading-speaker"),
    # a group referred back to by a pronoun or "l'un d'eux"
    pytest.param("fr", "Deux employés de la cuisine ont témoigné sous couvert d'anonymat. Selon eux, la panne a "
                 "duré toute la nuit.", "panne a duré", "employés", "anonymous", None, id="fr-selon-eux-the-group"),
    pytest.param("fr", "Trois enseignants du lycée ont écrit au rectorat. « Nous ne sommes pas écoutés », affirme "
                 "l'un d'eux.", "pas écoutés", "enseignants", "anonymous", None, id="fr-l-un-d-eux-the-group"),
    # "it" is a thing, never a person
    pytest.param("en", "An internal audit was leaked on Monday. It warns that the budget will not hold. Mayor Ann "
                 "Cole has seen it.", "budget will not hold", "audit", "document", "Cole", id="en-it-a-document"),
    # two-word cues
    pytest.param("fr", "Le ministère a fait savoir que ses services inspecteraient la cuisine.",
                 "inspecteraient", "ministère", "organization", None, id="fr-faire-savoir"),
    pytest.param("fr", "Un porte-parole a pour sa part fait savoir que le groupe maintenait ses informations.",
                 "maintenait ses informations", "porte-parole", "anonymous", None,
                 id="fr-pour-sa-part-is-not-faire-part"),
    # a name right before a colon speaks
    pytest.param("fr", "D'autres élus partagent cet avis, comme la sénatrice Anne Vidal : « Nous sommes tous "
                 "en colère. »", "tous en colère", "Anne Vidal", "person", None, id="fr-name-before-colon"),
]


def _statement(analysis: Analysis, fragment: str) -> Source:
    for attribution in analysis.attributions:
        if fragment in attribution.content.text:
            return analysis.source(attribution.source_id)
    raise AssertionError(f"no statement containing {fragment!r}: {[a.content.text for a in analysis.attributions]}")


@pytest.mark.parametrize(("lang", "text", "fragment", "source", "kind", "not_source"), ROWS)
def test_statement_gets_its_source_and_kind(lang: str, text: str, fragment: str, source: str, kind: str,
                                            not_source: str | None) -> None:
    analysis = selon.analyze(text, lang=lang)
    found = _statement(analysis, fragment)
    assert source.lower() in found.name.lower(), found
    assert found.kind == kind, found
    if not_source is not None:
        assert not_source.lower() not in found.name.lower(), found


NO_STATEMENT = [
    pytest.param("fr", "On commence à réclamer des têtes dans le parti.", id="fr-impersonal-on-is-no-speaker"),
]


@pytest.mark.parametrize(("lang", "text"), NO_STATEMENT)
def test_nobody_speaks(lang: str, text: str) -> None:
    assert selon.analyze(text, lang=lang).attributions == ()


def test_every_mention_says_which_rule_joined_it() -> None:
    analysis = selon.analyze("Claire Dubreuil a visité l'usine. « Le site restera ouvert », a-t-elle déclaré. "
                             "Mme Dubreuil a ajouté que des embauches étaient prévues.", lang="fr")
    (source,) = [s for s in analysis.sources if "Dubreuil" in s.name]
    rules = {e.text: e.rule for e in source.evidence}
    assert rules["elle"].startswith("pronoun")
    assert "surname" in rules["Mme Dubreuil"] or rules["Mme Dubreuil"] == "name"
    assert source.kind_reason and "person" in source.kind_reason
    assert source.to_dict()["evidence"][0]["rule"]

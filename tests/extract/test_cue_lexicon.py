"""The cue lexicons at dictionary scale: one reporting phenomenon per row, French and English, on sentences written
for these tests; and verbs used in another sense, which must yield nothing.

Each positive row names the stance, words the content must contain and words of the source's name, so that a
change in where a content starts ("s'est engagé" or "est engagé") does not hide whether the cue was found.
"""

from __future__ import annotations

import pytest

from selon.lang import load
from tests.conftest import Found

# (text, stance, words of the content, words of the source's name)
FRENCH = [
    pytest.param("Le maire craint que la fermeture de l’usine ne coûte des emplois.", "assert",
                 "la fermeture de l’usine ne coûte des emplois", "maire", id="judgment-craindre"),
    pytest.param("La police soupçonne que l’incendie était criminel.", "assert",
                 "l’incendie était criminel", "police", id="judgment-soupconner"),
    pytest.param("Les habitants implorent la mairie de rouvrir l’école.", "assert",
                 "la mairie de rouvrir l’école", "habitants", id="appeal-implorer"),
    pytest.param("Le préfet a exhorté les automobilistes à la prudence.", "assert",
                 "les automobilistes à la prudence", "préfet", id="appeal-exhorter"),
    pytest.param("Le ministre a félicité les enquêteurs pour leur rapidité.", "assert",
                 "les enquêteurs pour leur rapidité", "ministre", id="praise-feliciter"),
    pytest.param("La sénatrice a vanté les mérites de la réforme.", "assert",
                 "les mérites de la réforme", "sénatrice", id="praise-vanter"),
    pytest.param("Le juge a vilipendé l’attitude des prévenus.", "assert",
                 "l’attitude des prévenus", "juge", id="blame-vilipender"),
    pytest.param("Le syndicat a reproché au gouvernement son manque de concertation.", "assert",
                 "au gouvernement son manque de concertation", "syndicat", id="blame-reprocher"),
    pytest.param("La maire a promis que la piscine rouvrirait en juin.", "assert",
                 "la piscine rouvrirait en juin", "maire", id="promise-promettre"),
    pytest.param("Les autorités sanitaires ont averti que l’épidémie pourrait s’étendre.", "assert",
                 "l’épidémie pourrait s’étendre", "autorités sanitaires", id="warning-avertir"),
    pytest.param("L’étude établit que la pollution a doublé en dix ans.", "assert",
                 "la pollution a doublé en dix ans", "étude", id="document-etablir"),
    pytest.param("La Cour des comptes épingle la gestion du musée.", "assert",
                 "la gestion du musée", "Cour des comptes", id="document-epingler"),
    pytest.param("« Ce n’est pas vrai », dément-il.", "deny", "Ce n’est pas vrai", "il", id="denial-dement-il"),
    pytest.param("L’entreprise réfute les accusations de fraude.", "deny",
                 "les accusations de fraude", "entreprise", id="denial-refuter"),
    pytest.param("« C’est exact », convient-il.", "acknowledge", "C’est exact", "il",
                 id="acknowledgement-convient-il"),
    pytest.param("Le député s’est excusé auprès des victimes.", "acknowledge",
                 "excusé auprès des victimes", "député", id="acknowledgement-s-excuser"),
    pytest.param("La ministre a éludé la question des salaires.", "decline",
                 "éludé la question des salaires", "ministre", id="decline-eluder"),
    pytest.param("Le président s’est abstenu de tout commentaire.", "decline",
                 "abstenu de tout commentaire", "président", id="decline-s-abstenir"),
    pytest.param("Le président du club n’a pas tenu à s’exprimer.", "decline",
                 "n’a pas tenu à s’exprimer", "président du club", id="decline-ne-pas-tenir-a"),
    pytest.param("Le directeur n’a pas retourné nos appels.", "no_response",
                 "n’a pas retourné nos appels", "directeur", id="no-response-retourner"),
    pytest.param("« Nous avons gagné », s’est réjoui l’entraîneur.", "assert",
                 "Nous avons gagné", "entraîneur", id="incise-se-rejouir"),
    pytest.param("« Le dossier avance », complète-t-elle.", "assert", "Le dossier avance", "elle",
                 id="incise-complete-t-elle"),
    pytest.param("« La situation est grave », s’inquiète-t-il.", "assert", "La situation est grave", "il",
                 id="incise-s-inquiete-t-il"),
]

FRENCH_NEGATIVE = [
    pytest.param("Il a trouvé un appartement près de la gare.", id="trouver-an-object"),
    pytest.param("Il se trouve que le ministre était absent ce jour-là.", id="il-se-trouve-que"),
    pytest.param("Le vent a emporté le toit de la grange.", id="emporter-literal"),
    pytest.param("Elle a évité l’accident de justesse.", id="eviter-without-speech"),
    pytest.param("Le soldat a tenu sa position toute la nuit.", id="tenir-literal"),
    pytest.param("Il n’a pas retourné la carte.", id="retourner-without-calls"),
    pytest.param("Les promeneurs ont découvert le corps dans la forêt.", id="decouvrir-an-object"),
    pytest.param("Le match a repris après la pause.", id="reprendre-literal"),
    pytest.param("Le club a engagé un nouvel entraîneur.", id="engager-is-not-a-cue"),
    pytest.param("Le public a applaudi pendant dix minutes.", id="applaudir-is-not-a-cue"),
    pytest.param("Les deux témoins ont requis l’anonymat.", id="requerir-is-not-a-cue"),
    pytest.param("Il loue un appartement à Lyon.", id="louer-to-rent"),
    pytest.param("Le PSG a étrillé Lyon cinq buts à zéro.", id="etriller-a-score"),
    pytest.param("Le cabinet d’avocats a conseillé l’entreprise lors du rachat.", id="conseiller-a-client"),
]

ENGLISH = [
    pytest.param("Analysts reckon that the rate cut will come in June.", "assert",
                 "the rate cut will come in June", "Analysts", id="judgment-reckon"),
    pytest.param("The mayor deemed the proposal unworkable.", "assert", "the proposal unworkable", "mayor",
                 id="judgment-deem"),
    pytest.param("The union exhorted members to vote against the deal.", "assert",
                 "members to vote against the deal", "union", id="appeal-exhort"),
    pytest.param("The charity implored donors to give more.", "assert", "donors to give more", "charity",
                 id="appeal-implore"),
    pytest.param("The minister commended the rescue teams.", "assert", "the rescue teams", "minister",
                 id="praise-commend"),
    pytest.param("The coach lauded the players for their effort.", "assert", "the players for their effort",
                 "coach", id="praise-laud"),
    pytest.param("The opposition blamed the government for the delays.", "assert",
                 "the government for the delays", "opposition", id="blame-blame"),
    pytest.param("The senator lambasted the bill as a giveaway.", "assert", "the bill as a giveaway", "senator",
                 id="blame-lambaste"),
    pytest.param("The company pledged to cut emissions by half.", "assert", "cut emissions by half", "company",
                 id="promise-pledge-to"),
    pytest.param("The agency cautioned that prices would rise.", "assert", "prices would rise", "agency",
                 id="warning-caution"),
    pytest.param("The audit showed that the controls were inadequate.", "assert", "the controls were inadequate",
                 "audit", id="document-show"),
    pytest.param("The report faulted the agency for poor oversight.", "assert", "the agency for poor oversight",
                 "report", id="document-fault"),
    pytest.param("The firm rebutted the claims.", "deny", "the claims", "firm", id="denial-rebut"),
    pytest.param("The senator doubted that the bill would pass.", "deny", "the bill would pass", "senator",
                 id="denial-doubt"),
    pytest.param("The prime minister apologized for the delay.", "acknowledge", "apologized for the delay",
                 "prime minister", id="acknowledgement-apologize"),
    pytest.param("The mayor conceded that the schedule was too tight.", "acknowledge",
                 "the schedule was too tight", "mayor", id="acknowledgement-concede"),
    pytest.param("The senator sidestepped questions about the budget.", "decline",
                 "sidestepped questions about the budget", "senator", id="decline-sidestep"),
    pytest.param("The White House withheld comment on the report.", "decline", "withheld comment on the report",
                 "White House", id="decline-withhold-comment"),
    pytest.param("Police did not give details of the arrest.", "decline", "did not give details of the arrest",
                 "Police", id="decline-did-not-give-details"),
    pytest.param("The club did not care to comment.", "decline", "did not care to comment", "club",
                 id="decline-did-not-care-to"),
    pytest.param("The company ignored repeated requests for comment.", "no_response",
                 "ignored repeated requests for comment", "company", id="no-response-ignore-requests"),
    pytest.param("The firm did not acknowledge requests for comment.", "no_response",
                 "did not acknowledge requests for comment", "firm", id="no-response-not-acknowledge"),
    pytest.param("\u201cIt is unacceptable,\u201d he fumed.", "assert", "It is unacceptable", "he",
                 id="incise-fume"),
    pytest.param("The mayor hopes that the bridge will reopen soon.", "assert", "the bridge will reopen soon",
                 "mayor", id="hope-lemmatised-hop"),
    pytest.param("\u201cThe appeal has no merit,\u201d Judge Helen Marsh wrote.", "assert",
                 "The appeal has no merit", "Helen Marsh", id="judge-as-a-title-is-no-cue"),
]

ENGLISH_NEGATIVE = [
    pytest.param("He avoided the traffic by taking the back road.", id="avoid-without-speech"),
    pytest.param("She ignored the red light and crashed.", id="ignore-without-requests"),
    pytest.param("The owner withheld the deposit.", id="withhold-money"),
    pytest.param("He did not give his name to the police.", id="give-without-comment"),
    pytest.param("The hikers discovered the body in the forest.", id="discover-an-object"),
    pytest.param("He snapped a photo of the bridge.", id="snap-a-photo"),
    pytest.param("The kids laughed at the clown.", id="laugh-without-quote"),
    pytest.param("The crowd applauded for ten minutes.", id="applaud-is-not-a-cue"),
    pytest.param("The festival invited three bands from abroad.", id="invite-is-not-a-cue"),
    pytest.param("The party has not endorsed anyone in the race.", id="endorse-is-not-a-cue"),
    pytest.param("The team did not expect the storm to hit so early.", id="expect-is-not-a-cue"),
    pytest.param("This begs the question of who will pay.", id="beg-the-question"),
    pytest.param("The storm lashed the coast overnight.", id="lash-literal"),
    pytest.param("He pleaded guilty to fraud in March.", id="plead-guilty"),
]


def _one(found: list[Found], stance: str, content: str, source: str) -> None:
    assert len(found) == 1, found
    (got,) = found
    assert got.stance == stance, got
    assert content.lower() in got.content.lower(), got
    assert source.lower() in got.source.lower(), got


@pytest.mark.parametrize(("text", "stance", "content", "source"), FRENCH)
def test_french_cue(analyse_fr, text: str, stance: str, content: str, source: str) -> None:
    _one(analyse_fr(text), stance, content, source)


@pytest.mark.parametrize("text", FRENCH_NEGATIVE)
def test_french_verb_in_another_sense_yields_nothing(analyse_fr, text: str) -> None:
    assert analyse_fr(text) == []


@pytest.mark.parametrize(("text", "stance", "content", "source"), ENGLISH)
def test_english_cue(analyse_en, text: str, stance: str, content: str, source: str) -> None:
    _one(analyse_en(text), stance, content, source)


@pytest.mark.parametrize("text", ENGLISH_NEGATIVE)
def test_english_verb_in_another_sense_yields_nothing(analyse_en, text: str) -> None:
    assert analyse_en(text) == []


@pytest.mark.parametrize("code", ["fr", "en"])
def test_lexicons_are_dictionary_scale(code: str) -> None:
    assert sum(len(entries) for entries in load(code).cues.values()) >= 300


FRENCH_LEFT_OUT = {"louer", "interpeller", "engager", "requérir", "applaudir", "inviter", "étriller", "tacler",
                   "conjurer", "trouver", "voir", "mettre"}
ENGLISH_LEFT_OUT = {"own", "applaud", "invite", "endorse", "determine", "expect", "judge", "beg", "lash", "hold",
                    "keep", "get"}


def test_verbs_whose_other_senses_dominate_are_left_out() -> None:
    assert not FRENCH_LEFT_OUT & set(load("fr").cues)
    assert not ENGLISH_LEFT_OUT & set(load("en").cues)


@pytest.mark.parametrize(("code", "lemma", "stance", "frame"), [
    ("fr", "éluder", "decline", "decline_ctrl"),
    ("fr", "abstenir", "decline", "decline_ctrl"),
    ("fr", "tenir", "decline", "neg_ctrl"),
    ("fr", "retourner", "no_response", "neg_obj"),
    ("fr", "fustiger", "assert", "act"),
    ("fr", "féliciter", "assert", "act"),
    ("fr", "dénier", "deny", "say_obj"),
    ("en", "sidestep", "decline", "decline_ctrl"),
    ("en", "ignore", "no_response", "decline_ctrl"),
    ("en", "care", "decline", "neg_ctrl"),
    ("en", "acknowledge", "no_response", "neg_obj"),
    ("en", "commend", "assert", "act"),
    ("en", "pledge", "assert", "say_obj"),
])
def test_conditional_and_speech_act_rows(code: str, lemma: str, stance: str, frame: str) -> None:
    assert any(e.stance == stance and e.frame == frame for e in load(code).cues.get(lemma, ())), lemma

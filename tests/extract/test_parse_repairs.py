"""Statements found through parses the French model gets wrong in a regular way, each written out by hand
(see `tests.extract.parsed`) in the shape the model gave a sentence of a real article."""

from __future__ import annotations

from tests.extract.parsed import extract_parsed

FIN = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
IMP = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
PART = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"


def _speakers(found) -> list[tuple[str, str, str]]:
    sources = {s.id: s for s in found.sources}
    return [(a.content.text, sources[a.source_id].name or sources[a.source_id].description or "",
             sources[a.source_id].kind) for a in found.attributions]


def test_a_name_parsed_as_a_second_subject_belongs_to_the_role_before_it() -> None:
    found = extract_parsed("fr", f"""
        « « PUNCT punct 3
        Rien rien PRON nsubj 3
        ne ne ADV advmod 3
        change changer VERB ROOT 3 - {FIN}
        » » PUNCT punct 3
        , , PUNCT punct 7
        a avoir AUX aux:tense 7 - {FIN}
        indiqué indiquer VERB parataxis 3 - {PART}
        son son DET det 9 - Number=Sing|Poss=Yes
        collègue collègue NOUN nsubj 7 - Number=Sing
        Marc Marc PROPN nsubj 7 B-PER
        Tessier Tessier PROPN flat:name 10 I-PER
        en en ADP case 13
        matinée matinée NOUN obl:mod 7
        . . PUNCT punct 3
    """)
    assert _speakers(found) == [("Rien ne change", "Marc Tessier", "person")]


def test_a_name_apposed_after_a_prepositional_phrase_belongs_to_the_role() -> None:
    found = extract_parsed("fr", f"""
        Son son DET det 1 - Number=Sing|Poss=Yes
        homologue homologue NOUN nsubj 13 - Number=Sing
        au au ADP case 3
        Sénat Sénat PROPN nmod 1 B-ORG
        , , PUNCT punct 5
        Jacques Jacques PROPN nmod 1 B-PER
        Lenoir Lenoir PROPN flat:name 5 I-PER
        ( ( PUNCT punct 8
        LR LR PROPN appos 5 B-ORG
        ) ) PUNCT punct 8
        , , PUNCT punct 13
        s' se PRON expl:comp 13 - Person=3|Reflex=Yes
        est être AUX aux:tense 13 - {FIN}
        dit dire VERB ROOT 13 - {PART}
        « « PUNCT punct 15
        révolté révolté ADJ xcomp 13
        » » PUNCT punct 15
        . . PUNCT punct 13
    """)
    assert _speakers(found) == [("révolté", "Jacques Lenoir", "person")]


def test_a_statement_after_selon_ends_at_its_full_stop_when_the_next_quote_s_mark_was_parsed_with_it() -> None:
    found = extract_parsed("fr", f"""
        Selon selon ADP case 1
        Morel Morel PROPN obl:mod 6 B-PER
        , , PUNCT punct 6
        rien rien PRON nsubj 6
        ne ne ADV advmod 6
        le le PRON obj 6
        change changer VERB ROOT 6 - {FIN}
        . . PUNCT punct 6
        « « PUNCT punct 6
        Nous nous PRON nsubj 10
        verrons voir VERB ROOT 10 - Mood=Ind|Number=Plur|Person=1|Tense=Fut|VerbForm=Fin
        » » PUNCT punct 10
        , , PUNCT punct 16
        a avoir AUX aux:tense 16 - {FIN}
        -t -t PRON nsubj 16
        -il il PRON nsubj 16 - Gender=Masc|Number=Sing|Person=3
        ajouté ajouter VERB parataxis 10 - {PART}
        . . PUNCT punct 10
    """)
    assert _speakers(found) == [("rien ne le change", "Morel", "person"), ("Nous verrons", "Morel", "person")]


def test_an_auxiliary_parsed_as_the_copula_of_an_adjunct_keeps_its_subject() -> None:
    found = extract_parsed("fr", f"""
        M. m. NOUN nsubj 5 B-PER Gender=Masc|Number=Sing
        Tessier Tessier PROPN flat:name 0 I-PER
        a avoir VERB cop 5 - {FIN}
        par par ADP case 5
        la le DET det 5
        suite suite NOUN ROOT 5
        décliné décliner VERB acl 5 - {PART}
        nos son DET det 8
        demandes demande NOUN obj 6 - Gender=Fem|Number=Plur
        . . PUNCT punct 5
    """)
    assert [(a.stance, a.content.text) for a in found.attributions] == [("decline", "décliné nos demandes")]
    assert _speakers(found)[0][1:] == ("Tessier", "person")


def test_que_hung_on_the_verb_still_opens_what_was_said() -> None:
    found = extract_parsed("fr", f"""
        Le le DET det 1
        Courrier Courrier PROPN nsubj 2 B-ORG
        révélait révéler VERB ROOT 2 - {IMP}
        que que SCONJ advmod 2
        des un DET det 5
        policiers policier NOUN dep 3 - Gender=Masc|Number=Plur
        avaient avoir AUX aux:tense 7 - Mood=Ind|Number=Plur|Person=3|Tense=Imp|VerbForm=Fin
        transmis transmettre VERB acl 5 - {PART}
        un un DET det 9
        rapport rapport NOUN obj 7
        . . PUNCT punct 2
    """)
    assert _speakers(found) == [("des policiers avaient transmis un rapport", "Le Courrier", "media")]


def test_a_name_opening_the_sentence_before_its_appositions_names_the_speaker() -> None:
    found = extract_parsed("fr", f"""
        Paul Paul PROPN dislocated 10 B-PER
        Roux Roux PROPN flat:name 0 I-PER
        , , PUNCT punct 0
        63 63 NUM nummod 4
        ans an NOUN nmod 0
        , , PUNCT punct 7
        ancien ancien ADJ amod 7
        notaire notaire NOUN nsubj 10
        , , PUNCT punct 7
        a avoir AUX aux:tense 10 - {FIN}
        reconnu reconnaître VERB ROOT 10 - {PART}
        les le DET det 12
        faits fait NOUN obj 10
        . . PUNCT punct 10
    """)
    assert _speakers(found) == [("les faits", "Paul Roux", "person")]

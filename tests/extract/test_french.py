"""French attributions, one phenomenon per row, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import assert_found

# (text, expected attributions as (type, words of the content, words of the source's name, stance))
ROWS = [
    pytest.param(
        "Le ministre s’est dit « très inquiet ».",
        [("direct", "très inquiet", "ministre", "assert")],
        id="se-dire-with-a-quoted-attribute",
    ),
    pytest.param(
        "Le maire a démissionné. « Je ne savais rien », a-t-il déclaré à la presse.",
        [("direct", "Je ne savais rien", "maire", "assert")],
        id="clitic-before-the-participle-with-an-indirect-object",
    ),
    pytest.param(
        "Le suspect a été placé en garde à vue, a-t-on appris de source policière.",
        [("indirect", "Le suspect a été placé en garde à vue", "source policière", "assert")],
        id="a-t-on-appris-de-source",
    ),
    pytest.param(
        "« Le mieux, selon Paul Roux, député du Nord, serait qu'il se retire. Je ne veux pas m'acharner. »",
        [("direct", "Le mieux", "Paul Roux", "assert"),
         ("direct", "serait qu'il se retire. Je ne veux pas m'acharner.", "Paul Roux", "assert")],
        id="selon-phrase-inside-a-quote-splits-it",
    ),
    pytest.param(
        "Comme le révèlent plusieurs médias, les patients n’ont pas tous été admis pour le virus.",
        [("indirect", "les patients n’ont pas tous été admis pour le virus", "médias", "assert")],
        id="comme-parenthetical-before",
    ),
    pytest.param(
        "Le col sera fermé aux spectateurs, comme l'a annoncé la préfecture.",
        [("indirect", "Le col sera fermé aux spectateurs", "préfecture", "assert")],
        id="comme-parenthetical-after",
    ),
    pytest.param(
        "Son attaché de presse a répondu que « le décalage ne facilite rien » et que « l'entrevue est impossible ».",
        [("direct", "le décalage ne facilite rien", "attaché de presse", "assert"),
         ("direct", "l'entrevue est impossible", "attaché de presse", "assert")],
        id="two-quoted-que-clauses-are-two-statements",
    ),
    pytest.param(
        "Le maire a dit que la route serait fermée et qu'elle rouvrirait lundi.",
        [("indirect", "la route serait fermée et qu'elle rouvrirait lundi", "maire", "assert")],
        id="two-unquoted-que-clauses-stay-one-statement",
    ),
    pytest.param(
        "Le patron affirme ne rien regretter.",
        [("indirect", "ne rien regretter", "patron", "assert")],
        id="bare-infinitive-is-what-was-said",
    ),
    pytest.param(
        "La suspension du contrat a été critiquée par l’opposition municipale.",
        [("indirect", "La suspension du contrat", "opposition municipale", "assert")],
        id="passive-with-agent",
    ),
    pytest.param(
        "M. Roux a reconnu qu’une panne avait eu lieu, tout en assurant qu’elle avait été réparée.",
        [("indirect", "une panne avait eu lieu", "Roux", "acknowledge"),
         ("indirect", "elle avait été réparée", "Roux", "assert")],
        id="participle-of-saying-after-a-clause-is-its-own-statement",
    ),
    pytest.param(
        "D’après une source proche de l’enquête, les analyses « confirment la piste » de la viande.",
        [("mixed", "les analyses « confirment la piste » de la viande", "source proche", "assert")],
        id="selon-phrase-keeps-a-clause-whose-verb-has-no-speaker",
    ),
    pytest.param(
        "« Nous allons reconstruire l’école », a déclaré la maire, Sophie Laurent.",
        [("direct", "Nous allons reconstruire l’école", "Sophie Laurent", "assert")],
        id="direct-quote-then-cue-with-apposition",
    ),
    pytest.param(
        "Les travaux commenceront au mois de mars, a indiqué le préfet.",
        [("indirect", "Les travaux commenceront au mois de mars", "le préfet", "assert")],
        id="incise-with-inverted-subject",
    ),
    pytest.param(
        "La ministre Claire Dubois a visité l’usine mardi. « Le dossier est clos », a-t-elle affirmé.",
        [("direct", "Le dossier est clos", "Claire Dubois", "assert")],
        id="a-t-elle-resolved-to-the-named-person",
    ),
    pytest.param(
        "Le syndicat a affirmé que la grève continuerait jusqu’à la fin du mois.",
        [("indirect", "la grève continuerait jusqu’à la fin du mois", "syndicat", "assert")],
        id="que-clause",
    ),
    pytest.param(
        "Le ministre a déclaré dans un communiqué que la réforme serait retirée.",
        [("indirect", "la réforme serait retirée", "ministre", "assert")],
        id="que-clause-after-a-statement",
    ),
    pytest.param(
        "« Il faut agir vite », estime-t-elle.",
        [("direct", "Il faut agir vite", "elle", "assert")],
        id="present-tense-incise-with-clitic",
    ),
    pytest.param(
        "La centrale fermera ses portes en 2030, selon un rapport du ministère.",
        [("indirect", "La centrale fermera ses portes en 2030", "rapport", "assert")],
        id="selon-after-the-content",
    ),
    pytest.param(
        "Selon deux sources policières, le suspect a été arrêté dans la nuit.",
        [("indirect", "le suspect a été arrêté dans la nuit", "deux sources policières", "assert")],
        id="selon-before-the-content",
    ),
    pytest.param(
        "Le ministre a déclaré : « Rien n’est encore décidé. »",
        [("direct", "Rien n’est encore décidé.", "ministre", "assert")],
        id="cue-then-colon-then-quote",
    ),
    pytest.param(
        "Le maire : « Nous allons reconstruire la ville. »",
        [("direct", "Nous allons reconstruire la ville.", "maire", "assert")],
        id="speaker-before-a-colon-without-verb",
    ),
    pytest.param(
        "« Nous sommes prêts », a ajouté le général, « mais pas à n’importe quel prix ».",
        [
            ("direct", "Nous sommes prêts", "général", "assert"),
            ("direct", "mais pas à n’importe quel prix", "général", "assert"),
        ],
        id="quote-split-by-an-incise",
    ),
    pytest.param(
        "« La situation est grave », a déclaré le procureur. « Nous ouvrons une enquête. »",
        [
            ("direct", "La situation est grave", "procureur", "assert"),
            ("direct", "Nous ouvrons une enquête.", "procureur", "assert"),
        ],
        id="continuation-quote",
    ),
    pytest.param(
        "Le juge a déclaré : « La loi est claire pour tout le monde.\n\n« Personne n’est au-dessus d’elle », a-t-il conclu.",
        [
            ("direct", "La loi est claire pour tout le monde.", "juge", "assert"),
            ("direct", "Personne n’est au-dessus d’elle", "juge", "assert"),
        ],
        id="unclosed-multi-paragraph-quote",
    ),
    pytest.param(
        "Le porte-parole du gouvernement a démenti toute implication de l’armée.",
        [("indirect", "toute implication de l’armée", "porte-parole", "deny")],
        id="deny",
    ),
    pytest.param(
        "La société a reconnu que des données avaient été volées.",
        [("indirect", "des données avaient été volées", "société", "acknowledge")],
        id="acknowledge",
    ),
    pytest.param(
        "Le ministère de l’Intérieur a refusé de commenter l’enquête.",
        [("indirect", "a refusé de commenter l’enquête", "ministère de l’Intérieur", "decline")],
        id="decline",
    ),
    pytest.param(
        "La préfète n’a pas précisé quand les travaux reprendraient.",
        [("indirect", "n’a pas précisé quand les travaux reprendraient", "préfète", "decline")],
        id="did-not-say-is-a-decline",
    ),
    pytest.param(
        "Selon lui, la décision sera prise avant l’été.",
        [("indirect", "la décision sera prise avant l’été", "lui", "assert")],
        id="selon-a-pronoun",
    ),
    pytest.param(
        "Sollicité, le ministère n’a pas donné suite.",
        [("indirect", "n’a pas donné suite", "ministère", "no_response")],
        id="no-response-as-a-phrase",
    ),
    pytest.param(
        "Le chantier reprendra lundi, a annoncé mardi la ministre Sophie Rabanel, au lendemain d’un avis favorable.",
        [("indirect", "Le chantier reprendra lundi", "Sophie Rabanel", "assert")],
        id="incise-with-inverted-subject-and-adjunct",
    ),
    pytest.param(
        "« Je n’ai jamais triché, jamais », a affirmé le coureur.",
        [("direct", "Je n’ai jamais triché, jamais", "coureur", "assert")],
        id="negation-inside-the-quote-is-not-the-cue's",
    ),
    pytest.param(
        "La mairie n’a pas répondu à nos questions.",
        [("indirect", "n’a pas répondu à nos questions", "mairie", "no_response")],
        id="no-response",
    ),
    pytest.param(
        "Marie Curie, directrice du laboratoire, a déclaré que l’essai était réussi. "
        "« Nous publierons les résultats », a ajouté Curie.",
        [
            ("indirect", "l’essai était réussi", "Marie Curie", "assert"),
            ("direct", "Nous publierons les résultats", "Marie Curie", "assert"),
        ],
        id="surname-resolved-to-the-full-name",
    ),
    pytest.param(
        "Le ministre a assuré que le gouvernement allait « tout mettre en œuvre pour aider les familles ».",
        [("mixed", "le gouvernement allait « tout mettre en œuvre pour aider les familles »", "ministre", "assert")],
        id="mixed-quote-inside-reported-speech",
    ),
    pytest.param(
        "L’entraîneur Paul Martin est arrivé en retard à la conférence.\n\n« Nous avons mal joué ce soir. »",
        [("direct", "Nous avons mal joué ce soir.", "Paul Martin", "assert")],
        id="speaker-named-in-the-previous-sentence",
    ),
    pytest.param(
        "« On manque de tout, raconte Julie Martin, infirmière de nuit. Hier encore, il n’y avait plus de draps. »",
        [("direct", "On manque de tout", "Julie Martin", "assert"),
         ("direct", "Hier encore, il n’y avait plus de draps.", "Julie Martin", "assert")],
        id="incise-inside-one-pair-of-guillemets",
    ),
    pytest.param(
        "Marie Dupont, 67 ans, patientait depuis cinq heures : « Les infirmières courent partout. »",
        [("direct", "Les infirmières courent partout.", "Marie Dupont", "assert")],
        id="speaker-is-the-subject-of-the-clause-before-the-colon",
    ),
    pytest.param(
        "La direction a reconnu un incident technique, mais a démenti tout lien avec la pollution.",
        [("indirect", "un incident technique", "direction", "acknowledge"),
         ("indirect", "tout lien avec la pollution", "direction", "deny")],
        id="coordinated-verbs-are-two-statements",
    ),
    pytest.param(
        "Sollicitée, l’agence régionale de santé a renvoyé vers la direction de l’hôpital.",
        [("indirect", "a renvoyé vers la direction de l’hôpital", "agence régionale de santé", "decline")],
        id="referring-to-another-institution-is-a-decline",
    ),
    pytest.param(
        "Le ministre a démenti jeudi un tel projet.",
        [("indirect", "un tel projet", "ministre", "deny")],
        id="object-after-a-time-word",
    ),
    pytest.param(
        "Dans un courrier, le maire demande la création d’un poste de médecin.",
        [("indirect", "la création d’un poste de médecin", "maire", "assert")],
        id="demand-with-a-noun-object",
    ),
    pytest.param(
        "Le préfet a annoncé que l’exploitant avait « tardé à signaler » la fuite.",
        [("mixed", "l’exploitant avait « tardé à signaler » la fuite", "préfet", "assert")],
        id="quoted-verb-phrase-makes-it-mixed",
    ),
    pytest.param(
        "Pour la sociologue Hélène Martin, spécialiste du travail, la réforme ne réglera rien.",
        [("indirect", "la réforme ne réglera rien", "Hélène Martin", "assert")],
        id="pour-a-named-person-opening-the-sentence",
    ),
    pytest.param(
        "Le directeur, Paul Morel, a démissionné. Joint par téléphone, il n’a pas souhaité s’exprimer.",
        [("indirect", "n’a pas souhaité s’exprimer", "Paul Morel", "decline")],
        id="il-after-a-participle-adjunct-is-a-person",
    ),
    pytest.param(
        "L’entraîneur Marc Tissot est arrivé tard. « Je demande aux joueurs de rester calmes, a-t-il glissé. "
        "Ce n’est pas à eux de payer. »",
        [("direct", "Je demande aux joueurs de rester calmes", "Marc Tissot", "assert"),
         ("direct", "Ce n’est pas à eux de payer.", "Marc Tissot", "assert")],
        id="clitic-incise-inside-one-pair-of-guillemets",
    ),
    pytest.param(
        "Le parquet a ouvert une enquête, a annoncé la procureure, évoquant « des faits graves » dans la gestion du club.",
        [("indirect", "Le parquet a ouvert une enquête", "procureure", "assert"),
         ("mixed", "« des faits graves » dans la gestion du club", "procureure", "assert")],
        id="participle-after-an-incise-keeps-its-speaker",
    ),
    pytest.param(
        "D’après le site Foot Éco, qui a révélé l’affaire, le directeur aurait alerté le conseil.",
        [("indirect", "le directeur aurait alerté le conseil", "Foot Éco", "assert")],
        id="selon-with-a-relative-clause",
    ),
    pytest.param(
        "Le ministre affirme « ne rien attendre » du prestataire.",
        [("mixed", "« ne rien attendre » du prestataire", "ministre", "assert")],
        id="quoted-infinitive-keeps-its-opening-mark",
    ),
    pytest.param(
        "Le maire a promis jeudi « une rentrée sereine » aux familles et annoncé la fin des travaux.",
        [("mixed", "« une rentrée sereine » aux familles", "maire", "assert"),
         ("indirect", "la fin des travaux", "maire", "assert")],
        id="day-before-a-quoted-object-is-not-content",
    ),
    pytest.param(
        "Mardi, un enquêteur avançait une « querelle de voisinage sur fond de jalousie ».",
        [("mixed", "une « querelle de voisinage sur fond de jalousie »", "enquêteur", "assert")],
        id="quoted-object-of-a-verb-that-needs-a-clause",
    ),
    pytest.param(
        "La directrice a de son côté admis « des erreurs de communication ».",
        [("direct", "des erreurs de communication", "directrice", "acknowledge")],
        id="adjunct-between-auxiliary-and-participle",
    ),
    pytest.param(
        "« Le blessé est hors de danger », nous indique la préfecture.",
        [("direct", "Le blessé est hors de danger", "préfecture", "assert")],
        id="object-clitic-nous-is-not-the-speaker",
    ),
    pytest.param(
        "Le témoin a affirmé que le juge avançait une « piste très sérieuse ».",
        [("mixed", "le juge avançait une « piste très sérieuse »", "témoin", "assert")],
        id="quoted-object-inside-a-reported-clause-is-not-a-second-statement",
    ),
    pytest.param(
        "La fermeture du site, « qui interviendra fin mai », a précisé une porte-parole.",
        [("mixed", "La fermeture du site, « qui interviendra fin mai »", "porte-parole", "assert")],
        id="quoted-relative-clause-before-an-incise-takes-its-noun",
    ),
    pytest.param(
        "« Il ne faut pas tout mélanger » entre les deux dossiers, a mis en garde l’avocat.",
        [("mixed", "« Il ne faut pas tout mélanger » entre les deux dossiers", "avocat", "assert")],
        id="words-between-the-quote-and-the-incise-are-content",
    ),
    pytest.param(
        "Avant la réunion, « nous attendrons les chiffres », a précisé le maire.",
        [("direct", "nous attendrons les chiffres", "maire", "assert")],
        id="quote-after-an-adjunct-and-a-comma-stays-direct",
    ),
    pytest.param(
        "Le délégué estime qu'\"on n'est pas condamné au conflit\".",
        [("direct", "on n'est pas condamné au conflit", "délégué", "assert")],
        id="straight-quote-glued-to-an-elided-complementiser",
    ),
    pytest.param(
        "\"La direction ne semble pas prête à revenir\", a dit lundi à la radio M. Sellier.",
        [("direct", "La direction ne semble pas prête à revenir", "Sellier", "assert")],
        id="inverted-subject-hung-on-an-oblique",
    ),
    pytest.param(
        "La porte-parole a estimé ne pas avoir menti.",
        [("indirect", "ne pas avoir menti", "porte-parole", "assert")],
        id="past-infinitive-is-what-was-said",
    ),
    pytest.param(
        "« Nous restons mobilisés » avec les riverains, même s'il reconnaît que le chantier avance.",
        [("indirect", "le chantier avance", "il", "acknowledge")],
        id="a-subordinate-cue-after-a-quote-is-not-its-incise",
    ),
    pytest.param(
        "Le maire a décrit le projet comme « une impasse totale ».",
        [("direct", "une impasse totale", "maire", "assert")],
        id="what-the-object-was-called-is-the-content",
    ),
    pytest.param(
        "Rejoignez-nous\n\nGenève\n\nLe prévenu n'est pas un homme dangereux, selon la défense\n\nPublié\n\n"
        "Au second jour du procès en appel, les juges ont entendu les derniers témoins de la partie civile.",
        [("indirect", "Le prévenu n'est pas un homme dangereux", "défense", "assert")],
        id="a-title-before-the-body-among-page-furniture-is-read",
    ),
    pytest.param(
        "Deux policiers ont été placés en garde à vue dans la soirée, a-t-on appris lundi.",
        [("indirect", "Deux policiers ont été placés en garde à vue dans la soirée", "source non précisée", "assert")],
        id="a-t-on-appris-with-no-source-named",
    ),
    pytest.param(
        "Cette réforme est « redistributive » martèle le ministre devant les députés.",
        [("indirect", "Cette réforme est « redistributive »", "ministre", "assert")],
        id="inverted-cue-right-after-a-quoted-word",
    ),
    pytest.param(
        "Le dossier est vide, a fustigé le député.",
        [("indirect", "Le dossier est vide", "député", "assert")],
        id="a-speech-act-set-off-after-its-content-says-it",
    ),
    pytest.param(
        "Selon le ministre de l’Intérieur, Paul Martin, la réunion est reportée.",
        [("indirect", "la réunion est reportée", "Paul Martin", "assert")],
        id="selon-a-role-with-its-apposed-name",
    ),
    pytest.param(
        "Le maire a longuement défendu son projet. Et de rappeler qu'il avait été élu sur ce programme.",
        [("indirect", "il avait été élu sur ce programme", "maire", "assert")],
        id="narrative-infinitive-speaks-for-the-sentence-before",
    ),
    pytest.param(
        "L’audience a repris. Selon l’avocate, le prévenu « a beaucoup changé » en prison. "
        "Et d'ajouter qu'il regrette ses actes.",
        [("mixed", "le prévenu « a beaucoup changé » en prison", "avocate", "assert"),
         ("indirect", "il regrette ses actes", "avocate", "assert")],
        id="narrative-infinitive-after-a-selon-sentence",
    ),
    pytest.param(
        "« Les salariés ont été prévenus ce matin », a réagi auprès de l'AFP Jean Durand, délégué syndical.",
        [("direct", "Les salariés ont été prévenus ce matin", "Jean Durand", "assert")],
        id="inverted-subject-after-aupres-de",
    ),
    pytest.param(
        "Un loup a été abattu dans la nuit, nous apprend la préfecture.",
        [("indirect", "Un loup a été abattu dans la nuit", "préfecture", "assert")],
        id="incise-with-an-object-clitic-nous",
    ),
    pytest.param(
        "« La situation est grave », m'a confié un élu local.",
        [("direct", "La situation est grave", "élu local", "assert")],
        id="incise-with-an-object-clitic-me",
    ),
    pytest.param(
        "La direction du groupe a annoncé ce lundi 20 février la fermeture de son usine.",
        [("indirect", "la fermeture de son usine", "direction du groupe", "assert")],
        id="object-after-a-full-date",
    ),
    pytest.param(
        "Le ministre a annoncé le 3 mars une hausse des impôts.",
        [("indirect", "une hausse des impôts", "ministre", "assert")],
        id="date-parsed-as-the-object-is-an-adjunct",
    ),
    pytest.param(
        "Son homologue au Sénat, Paul Martin (LR), s'est dit pour sa part « révolté » par sa mort.",
        [("indirect", "« révolté » par sa mort", "Paul Martin", "assert")],
        id="se-dire-after-an-adjunct-and-a-name-apposed-after-a-preposition",
    ),
    pytest.param(
        "Insistant sur le jeune âge du prévenu, la défense a dénoncé la mesure d'internement.",
        [("indirect", "le jeune âge du prévenu", "défense", "assert"),
         ("indirect", "la mesure d'internement", "défense", "assert")],
        id="prepositional-object-is-the-content-and-la-defense-speaks",
    ),
    pytest.param(
        "Au procès, la défense a plaidé l'acquittement.\n\nLe palais de justice de la ville (© AGENCE/JEAN DUPONT)\n\n"
        "Insistant sur son âge, elle a dénoncé la peine.",
        [("indirect", "l'acquittement", "défense", "assert"),
         ("indirect", "son âge", "défense", "assert"),
         ("indirect", "la peine", "défense", "assert")],
        id="a-photo-credit-name-is-no-antecedent",
    ),
    pytest.param(
        "Paul Martin, candidat de la gauche, a perdu. Jean Roux, candidat de la droite, aussi. "
        "Les deux candidats ont dénoncé des fraudes.",
        [("indirect", "des fraudes", "Paul Martin, Jean Roux", "assert")],
        id="a-counted-group-of-people-named-before-is-those-people",
    ),
    pytest.param(
        "La défense a plaidé mercredi le meurtre, au second jour du procès en appel.",
        [("indirect", "le meurtre", "défense", "assert")],
        id="a-comma-and-an-adjunct-of-the-verb-end-the-object",
    ),
    pytest.param(
        "MARSEILLE (Reuters) - Le suspect a été remis en liberté, a-t-on appris mardi de source judiciaire.",
        [("indirect", "Le suspect a été remis en liberté", "source judiciaire", "assert")],
        id="a-wire-dateline-is-not-content",
    ),
    pytest.param(
        "(Québec) Le projet est abandonné, a déclaré le ministre.",
        [("indirect", "Le projet est abandonné", "ministre", "assert")],
        id="a-bracketed-dateline-is-not-content",
    ),
    pytest.param(
        "Paul Martin, un ancien élu du Conseil, a pour sa part dénoncé la réforme.",
        [("indirect", "la réforme", "Paul Martin", "assert")],
        id="auxiliary-stranded-by-an-adjunct-hung-on-the-subject",
    ),
    pytest.param(
        "La porte-parole a estimé ne pas avoir «sous-entendu que tous les bureaux avaient ce problème» "
        "et s'est souvenue avoir trouvé un «mot charmant» dans le sien.",
        [("mixed", "ne pas avoir «sous-entendu que tous les bureaux avaient ce problème»", "porte-parole", "assert"),
         ("indirect", "avoir trouvé un «mot charmant» dans le sien", "porte-parole", "assert")],
        id="a-coordinated-verb-after-a-quote-is-no-incise",
    ),
    pytest.param(
        "La direction met en avant « une baisse massive des ventes » pour justifier la fermeture.",
        [("direct", "une baisse massive des ventes", "direction", "assert")],
        id="mettre-en-avant-with-a-quoted-object-and-a-purpose",
    ),
    pytest.param(
        "Le ministre a mis en avant la baisse du chômage.",
        [("indirect", "la baisse du chômage", "ministre", "assert")],
        id="mettre-en-avant-whose-preposition-hangs-on-the-object",
    ),
    pytest.param(
        "M. Durand a par la suite décliné les autres demandes d'entretiens.",
        [("indirect", "décliné les autres demandes d'entretiens", "Durand", "decline")],
        id="declining-interview-requests-after-an-adjunct",
    ),
    pytest.param(
        "Paul Martin donne une interview. Il estime qu'\"on n'est pas condamné à l'échec\" et est \"convaincu "
        "que le projet peut changer\" avec les syndicats.",
        [("direct", "on n'est pas condamné à l'échec", "Paul Martin", "assert")],
        id="a-quoted-clause-ends-before-a-coordinated-predicate",
    ),
    pytest.param(
        "Le ministre a fait valoir que la réforme était juste.",
        [("indirect", "la réforme était juste", "ministre", "assert")],
        id="faire-valoir",
    ),
    pytest.param(
        "Le maire a fait remarquer que la route était fermée.",
        [("indirect", "la route était fermée", "maire", "assert")],
        id="two-word-cue-whose-second-word-is-the-verb",
    ),
    pytest.param(
        "Un porte-parole de l'AFP a fait savoir que le groupe maintenait ses informations.",
        [("indirect", "le groupe maintenait ses informations", "porte-parole", "assert")],
        id="subject-hung-on-the-first-word-of-a-two-word-cue",
    ),
    pytest.param(
        "Le club a fait part de son inquiétude.",
        [("indirect", "de son inquiétude", "club", "assert")],
        id="the-cue-noun-is-not-content",
    ),
    pytest.param(
        "Selon une étude du cabinet Orbis Industrie publiée en septembre, près de 15 000 emplois sont menacés.",
        [("indirect", "près de 15 000 emplois sont menacés", "étude", "assert")],
        id="a-long-selon-phrase-the-parser-ends-as-a-sentence",
    ),
    pytest.param(
        "Pierre Duboux a rejeté ces critiques.",
        [("indirect", "ces critiques", "Pierre Duboux", "deny")],
        id="rejecting-a-claim-is-a-denial",
    ),
    pytest.param(
        "Le ministre a balayé les accusations de favoritisme.",
        [("indirect", "les accusations de favoritisme", "ministre", "deny")],
        id="sweeping-aside-accusations-is-a-denial",
    ),
    pytest.param(
        "Le Conseil d'État a promis mercredi une aide financière aux propriétaires.",
        [("indirect", "une aide financière aux propriétaires", "Conseil d'État", "assert")],
        id="a-day-then-an-object-the-parser-made-oblique",
    ),
    pytest.param(
        "Le ministre a annoncé la semaine dernière que le projet était abandonné.",
        [("indirect", "le projet était abandonné", "ministre", "assert")],
        id="a-time-phrase-before-que-is-the-cue-s",
    ),
    pytest.param(
        "Le syndicat a publié un communiqué dénonçant la fermeture du site.",
        [("indirect", "la fermeture du site", "syndicat", "assert")],
        id="participle-on-a-document-its-speaker-issued",
    ),
    pytest.param(
        "Le plan social a ouvert la voie à la fermeture du site, « qui interviendra fin mai », a précisé une "
        "porte-parole de la direction.",
        [("mixed", "Le plan social a ouvert la voie à la fermeture du site, « qui interviendra fin mai »",
          "porte-parole", "assert")],
        id="a-quote-opening-on-a-relative-pronoun-ends-the-sentence-it-closes",
    ),
    pytest.param(
        "Les syndicats ont demandé au gouvernement de suspendre la réforme.",
        [("indirect", "suspendre la réforme", "syndicats", "assert")],
        id="asking-someone-to-do-something",
    ),
    pytest.param(
        "Les représentants du personnel demandent à Valtex de retirer son offre.",
        [("indirect", "retirer son offre", "représentants du personnel", "assert")],
        id="asking-someone-named-to-do-something",
    ),
    pytest.param(
        "Les quatre candidats ont rejeté jeudi les résultats officiels provisoires.",
        [("indirect", "les résultats officiels provisoires", "candidats", "deny")],
        id="rejecting-announced-results-is-a-denial",
    ),
    pytest.param(
        "La situation a été figée, selon nos informations transmises par une source policière.",
        [("indirect", "La situation a été figée", "une source policière", "assert")],
        id="selon-information-handed-over-by-someone",
    ),
    pytest.param(
        "Selon des documents consultés par l'AFP, le site fermera en mai.",
        [("indirect", "le site fermera en mai", "documents", "assert")],
        id="selon-information-someone-received-is-not-theirs",
    ),
    pytest.param(
        "Le Premier ministre, estimant que la situation se dégrade, a fermé les parcs.",
        [("indirect", "la situation se dégrade", "Premier ministre", "assert")],
        id="a-participle-set-beside-its-speaker",
    ),
    pytest.param(
        "« Quelques salariés travaillent encore sur place », a-t-elle indiqué, confirmant une information du "
        "Courrier Picard.",
        [("direct", "Quelques salariés travaillent encore sur place", "elle", "assert")],
        id="confirming-another-outlet-s-report-says-nothing-of-its-own",
    ),
    pytest.param(
        "La vidéo a suscité l'inquiétude des éleveurs locaux, pour qui les attaques de troupeaux sont traumatisantes.",
        [("indirect", "les attaques de troupeaux sont traumatisantes", "éleveurs", "assert")],
        id="pour-qui-gives-the-view-of-the-noun-before-it",
    ),
    pytest.param(
        "Deux cadres de la société, sous couvert d'anonymat, affirment pour leur part que des turbines sont à "
        "l'arrêt depuis un an.",
        [("indirect", "des turbines sont à l'arrêt depuis un an", "Deux cadres de la société", "assert")],
        id="a-subject-set-off-by-a-condition-of-anonymity",
    ),
    pytest.param(
        "Le bourgmestre, Jean-Luc Hennaux, s'est dit « très inquiet » pour les commerçants du centre-ville.",
        [("mixed", "« très inquiet » pour les commerçants du centre-ville", "Jean-Luc Hennaux", "assert")],
        id="said-of-oneself-with-an-attribute-tagged-as-a-participle",
    ),
    pytest.param(
        "Selon elle, près d'un enseignant sur quatre songe à quitter la profession.",
        [("indirect", "près d'un enseignant sur quatre songe à quitter la profession", "elle", "assert")],
        id="after-selon-x-the-sentence-is-said-even-when-the-tagger-lost-its-verb",
    ),
    pytest.param(
        "Un chauffeur, qui préfère garder l'anonymat, résume : « On ne fait pas grève pour le plaisir. »",
        [("direct", "On ne fait pas grève pour le plaisir.", "chauffeur", "assert")],
        id="a-verb-after-a-relative-clause-of-its-subject-is-no-incise",
    ),
    pytest.param(
        "Le ministère n'a pas donné suite à nos sollicitations.",
        [("indirect", "n'a pas donné suite à nos sollicitations", "ministère", "no_response")],
        id="no-reply-to-requests-parsed-as-a-preposition",
    ),
    pytest.param(
        "« On gratte les fonds de tiroir », a-t-elle soutenu.\n\nEt la gestionnaire d'ajouter : « Les parents ont "
        "raison d'être fâchés. »",
        [("direct", "On gratte les fonds de tiroir", "elle", "assert"),
         ("direct", "Les parents ont raison d'être fâchés.", "gestionnaire", "assert")],
        id="a-narrative-infinitive-with-its-subject-named",
    ),
    pytest.param(
        "M. Durand a reconnu que des travaux « étaient programmés pour 2026 », mais a refusé de dire pourquoi ils "
        "avaient été repoussés.",
        [("mixed", "des travaux « étaient programmés pour 2026 »", "Durand", "acknowledge"),
         ("indirect", "a refusé de dire pourquoi ils avaient été repoussés", "Durand", "decline")],
        id="a-refusal-the-parser-coordinated-inside-the-admitted-clause",
    ),
    pytest.param(
        "L'édile a assuré qu'« aucun signe d'alerte » n'avait été relevé lors du dernier contrôle.",
        [("mixed", "« aucun signe d'alerte » n'avait été relevé lors du dernier contrôle", "édile", "assert")],
        id="a-quote-after-an-elided-que-and-a-space-goes-on-with-the-clause",
    ),
    pytest.param(
        "Trois députés interrogés par Le Courrier, qui ont requis l'anonymat, jugent au contraire que sa position "
        "est devenue intenable.",
        [("indirect", "sa position est devenue intenable", "Trois députés", "assert")],
        id="a-subject-set-off-by-a-relative-clause-of-anonymity",
    ),
    pytest.param(
        "Plusieurs directeurs d'école, qui ont demandé à ne pas être nommés, affirment avoir reçu la consigne de "
        "se taire.",
        [("indirect", "avoir reçu la consigne de se taire", "directeurs d'école", "assert")],
        id="a-subject-set-off-by-a-request-not-to-be-named",
    ),
    pytest.param(
        "Considérant donc que l'animal n'est plus en bon état de conservation sur le territoire, ces collectifs "
        "déplorent un recours excessif aux tirs de défense.",
        [("indirect", "l'animal n'est plus en bon état de conservation sur le territoire", "collectifs", "assert"),
         ("indirect", "un recours excessif aux tirs de défense", "collectifs", "assert")],
        id="a-fronted-participle-ends-where-the-main-clause-begins",
    ),
]

NEGATIVE = [
    pytest.param("Le maire a lu une lettre décrivant la tempête.", id="participle-on-a-document-only-read"),
    pytest.param("Le Sénat a rejeté le projet de loi.", id="rejecting-a-bill-is-a-vote"),
    pytest.param("La mer a rejeté un corps sur la plage.", id="rejeter-in-its-physical-sense"),
    pytest.param("Le club a mis en vente son stade.", id="mettre-en-vente-is-no-cue"),
    pytest.param("Le maire a parlé aux journalistes devant la gare.", id="prepositional-object-that-is-the-hearer"),
    pytest.param("Deux conseillers se sont exprimés sans être autorisés.", id="reflexive-verb-with-an-adjunct"),
    pytest.param("Un urgentiste a souhaité garder l’anonymat.", id="infinitive-after-a-verb-of-will"),
    pytest.param("Le pont a été construit par une entreprise locale.", id="passive-with-agent-but-no-speech-verb"),
    "Pour l’État, la priorité reste la sécurité des patients.",
    pytest.param("Le projet de « ville verte » avance lentement.", id="scare-quotes"),
    pytest.param("Il a relu « Les Misérables » pendant les vacances.", id="title-in-quotes"),
    pytest.param("La ville compte vingt mille habitants et deux écoles.", id="plain-narrative"),
    pytest.param("Moscou a déclaré la guerre à ses voisins.", id="declare-without-statement"),
    pytest.param(
        "Les témoins ont accepté de parler de la question à condition que leurs noms ne soient pas publiés.",
        id="condition-is-not-content",
    ),
    pytest.param("L’accord signalé par la presse reste secret.", id="participle-modifier"),
    pytest.param("On dit que le maire va partir.", id="impersonal-on-with-a-verb-of-saying-names-nobody"),
    pytest.param("Le maire a défendu son projet. Et de partir aussitôt vers la mairie.",
                 id="narrative-infinitive-of-a-verb-that-reports-nothing"),
    pytest.param("Un homme s'était montré menaçant envers des policiers.", id="reflexive-montrer-reports-nothing"),
    pytest.param("Un incendie s'est déclaré dans la nuit à l'entrepôt.", id="reflexive-declarer-reports-nothing"),
    pytest.param("Le versement avait « pris du retard », mais a démenti tout lien le directeur financier.",
                 id="a-cue-after-a-quoted-phrase-and-a-conjunction-is-not-its-incise"),
    pytest.param("Le maire a fêté une « victoire historique » avec ses colistiers.",
                 id="quoted-object-of-a-verb-that-reports-nothing"),
    pytest.param("Le maire s'est dit lundi soir.", id="se-dire-with-a-day-says-nothing"),
    pytest.param("Le maire s'est dit la même chose.", id="se-dire-with-an-object-is-not-an-attribute"),
    pytest.param("Le maire accepte de signer à condition que la région paie.", id="a-condition-is-not-what-was-said"),
    pytest.param("Selon l'Institut Delta, une organisation basée à Genève qui a mené l'analyse.",
                 id="selon-x-then-a-description-of-x"),
    pytest.param("Les élèves pour qui le repas est gratuit mangent à la cantine.",
                 id="pour-qui-without-a-comma-defines-the-noun"),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_french_attribution(analyse_fr, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert_found(analyse_fr(text), expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_french_non_attribution_yields_nothing(analyse_fr, text: str) -> None:
    assert analyse_fr(text) == []


def test_anonymous_sources_keep_their_count(analyse_fr) -> None:
    (found,) = analyse_fr("Selon trois responsables de la police, le suspect a avoué.")
    assert (found.kind, found.count) == ("anonymous", 3)


def test_outlets_cited_are_media_sources(analyse_fr) -> None:
    (found,) = analyse_fr("D’après l’AFP, le sommet est reporté à l’automne.")
    assert found.kind == "media"


def test_a_refusal_to_speak_is_a_decline(analyse_fr) -> None:
    (found,) = analyse_fr("Le club n’a pas souhaité s’exprimer sur ce transfert.")
    assert found.stance == "decline"


def test_a_group_noun_with_one_named_member_stays_anonymous(analyse_fr) -> None:
    found = analyse_fr("Le ministre Paul Martin a parlé. Les deux ministres ont dénoncé des fraudes.")
    assert [f.kind for f in found] == ["anonymous"]


def test_a_photo_caption_line_is_furniture(analyse_fr) -> None:
    text = ("Le maire a annoncé lundi que la piscine municipale rouvrirait ses portes au début du mois de juin.\n\n"
            "Le maire a annoncé la réouverture de la piscine (archives). (© AGENCE/JEAN DUPONT)\n\n"
            "Les travaux ont coûté deux millions d'euros à la commune, selon la mairie.")
    assert [f.content for f in analyse_fr(text)] == [
        "la piscine municipale rouvrirait ses portes au début du mois de juin",
        "Les travaux ont coûté deux millions d'euros à la commune"]


def test_a_spokesperson_of_an_outlet_speaks_as_a_person_not_as_the_outlet(analyse_fr) -> None:
    (found,) = analyse_fr("Un porte-parole de l'AFP a fait savoir que le groupe maintenait ses informations.")
    assert found.kind == "anonymous"


def test_a_holding_is_an_institution(analyse_fr) -> None:
    (found,) = analyse_fr("La holding de Paul Martin annonce avoir déposé une offre.")
    assert found.kind == "organization"


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Selon La Voix du Haut-Pays, la même pénurie frappe trois autres centres.", "media",
                 id="a-name-opening-with-a-newspaper-word"),
    pytest.param("D'après le Courrier du Lac, le maire va démissionner.", "media", id="a-lowercase-article"),
    pytest.param("Selon la préfecture du Nord, la route est fermée.", "organization", id="an-institution"),
    pytest.param("Selon une journaliste de l'AFP sur place, un périmètre de sécurité a été mis en place.", "media",
                 id="a-journalist-of-an-outlet-reports-for-it"),
    pytest.param("« La moitié des patients sont là pour une autre raison », a confirmé le centre médical.",
                 "organization", id="a-centre-is-an-institution"),
    pytest.param("L'Agence nationale de la sûreté fluviale (Ansf) n'a pas souhaité commenter ces accusations.",
                 "organization", id="a-short-name-in-brackets-is-no-person"),
    pytest.param("Selon l'union commerciale locale, le festival représente un tiers du chiffre d'affaires.",
                 "organization", id="a-union-is-an-institution"),
    pytest.param("D'après Radio-Canada, la société aurait suspendu l'appel d'offres.", "media",
                 id="an-outlet-the-recogniser-took-for-a-person"),
    pytest.param("« J'ai été aveuglé par l'argent », reconnaît le prévenu.", "person", id="the-defendant-is-one-person"),
    pytest.param("Le groupe Vélor Industries ferme son usine. Vélor n'a pas répondu à nos questions.",
                 "organization", id="the-short-form-of-an-institution-named-before"),
])
def test_kinds_of_names_outside_the_lists(analyse_fr, text: str, kind: str) -> None:
    (found,) = analyse_fr(text)
    assert found.kind == kind


def test_the_defence_is_the_lawyers_the_article_names(analyse_fr) -> None:
    found = analyse_fr("Le prévenu n'est pas dangereux, selon la défense.\n\n"
                       "« Il n'est pas dangereux », a insisté Robert Dupuis, son avocat.")
    assert [(f.mention, f.kind) for f in found] == [("la défense", "person"), ("Robert Dupuis", "person")]
    assert "Robert Dupuis" in found[0].source


def test_the_defence_with_no_lawyer_named_stays_an_anonymous_group(analyse_fr) -> None:
    (found,) = analyse_fr("La défense a plaidé l'acquittement.")
    assert found.kind == "anonymous"


@pytest.mark.parametrize("text", [
    pytest.param("« La situation est sous contrôle », affirme le bourgmestre.", id="belgian-mayor"),
    pytest.param("« La situation est sous contrôle », affirme le syndic.", id="swiss-mayor"),
    pytest.param("« La situation est sous contrôle », affirme l'échevine.", id="belgian-alderwoman"),
])
def test_francophone_mayors_are_roles_of_one_person(analyse_fr, text: str) -> None:
    (found,) = analyse_fr(text)
    assert found.kind == "person"


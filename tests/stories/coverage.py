"""A scripted story shared by the story tests."""

from __future__ import annotations

from selon.corpus import save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store.base import Store

WIRE = ("Le ministre de la Santé Paul Garnier prépare la fermeture de 1 200 lits à l'hôpital de Valmont, "
        "une décision qui inquiète les soignants de toute la région et les élus locaux réunis lundi soir "
        "devant la préfecture pour demander un moratoire immédiat sur le plan de réorganisation.\n")
CLAIM = "Paul Garnier fermera 1 200 lits à Valmont"


def _save(store: Store, text: str, key: str, outlet: str, day: str, lang: str = "fr") -> None:
    analysis = scripted_analysis(text, doc_id=key, outlet=outlet, published=f"2024-03-0{day}", lang=lang,
                                 title="Valmont : 1 200 lits menacés, Paul Garnier")
    save.save_analysis(store, analysis, key, Syndication.load(store))


def coverage(store: Store) -> None:
    """One claim in eight articles: a wire story and its copy, an echo of the wire, one outlet's two
    anonymous sources, the minister in two outlets (one in English), a denial and a decline."""
    _save(store, WIRE + f"des responsables|anonymous|assert|{CLAIM}\n", "afp", "AFP", "4")
    _save(store, WIRE + f"des responsables|anonymous|assert|{CLAIM}\nRepris par Le Courrier.\n", "courrier",
          "Le Courrier", "4")
    _save(store, "Valmont, Paul Garnier, 1 200 lits.\n"
          "l'AFP|media|assert|Paul Garnier va fermer 1 200 lits à Valmont\n", "gazette", "La Gazette", "5")
    _save(store, "Valmont, Paul Garnier, 1 200 lits.\n"
          "une source syndicale|anonymous|assert|1 200 lits seront fermés à Valmont par Paul Garnier\n",
          "matin1", "Le Matin", "5")
    _save(store, "Valmont encore : Paul Garnier, 1 200 lits.\n"
          "un cadre de l'hôpital|anonymous|assert|Paul Garnier veut fermer 1 200 lits à Valmont\n",
          "matin2", "Le Matin", "6")
    _save(store, "Valmont, health minister Paul Garnier, 1,200 beds.\n"
          "Paul Garnier|person|assert|Valmont will lose 1,200 beds, Paul Garnier confirmed\n",
          "daily", "The Daily", "5", lang="en")
    _save(store, "Valmont, Paul Garnier, 1 200 lits, au Soir.\n"
          "Paul Garnier|person|acknowledge|il faudra fermer 1 200 lits à Valmont\n", "soir", "Le Soir", "6")
    _save(store, "Valmont, Paul Garnier, 1 200 lits, selon le syndicat.\n"
          "le syndicat Sud|organization|deny|Paul Garnier fermera 1 200 lits à Valmont\n"
          "l'agence régionale|organization|decline|commenter\n", "sud", "Le Sud", "6")


def only_story(store: Store) -> int:
    [(story,)] = store.query("SELECT DISTINCT story_id FROM story_articles")
    return int(story)

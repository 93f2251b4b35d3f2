"""A small corpus of named people with known genders and roles, and the parity figures worked out by hand."""

from __future__ import annotations

from selon.corpus import save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import Voice, voiced_analysis
from selon.store.base import Store

#: (doc id, outlet, published, lang, voices). Claire Dubois is female where the article says so and unknown in
#: A2, so across the store she is female; the anonymous source and the organisation never count.
ARTICLES = [
    ("A1", "Le Monde", "2024-01-10", "fr", [
        Voice("Claire Dubois", "female", "politician", "La réforme passera."),
        Voice("Claire Dubois", "female", "politician", "Nous avons les voix."),
        Voice("Jean Martin", "male", "expert", "Le coût est élevé."),
        Voice("Alex Roy", None, "citizen", "Je suis inquiet."),
        Voice("une porte-parole", "female", None, "Pas de commentaire.", kind="anonymous"),
        Voice("Le Kremlin", None, None, "Rien à signaler.", kind="organization"),
    ]),
    ("A2", "Le Monde", "2024-02-03", "fr", [
        Voice("Claire Dubois", "unknown", "politician", "Le texte est prêt."),
        Voice("Paul Durand", "male", "government", "Le budget suivra."),
        Voice("Paul Durand", "male", "government", "Le budget suivra."),  # the same statement again
        Voice("Paul Durand", "male", "government", "Les régions paieront."),
    ]),
    ("A3", "The Times", "2024-02-20T09:30:00", "en", [
        Voice("Claire Dubois", "female", "expert", "The figures are clear."),
        Voice("Mary Smith", "female", "business", "Orders are up."),
    ]),
    ("A4", "The Times", None, "en", [
        Voice("Jean Martin", "male", "expert", "Costs will rise."),
    ]),
]


def fill(store: Store) -> None:
    index = Syndication.load(store)
    for doc_id, outlet, published, lang, voices in ARTICLES:
        analysis = voiced_analysis(voices, doc_id=doc_id, lang=lang, outlet=outlet, published=published,
                                   title=f"Article {doc_id}")
        save.save_analysis(store, analysis, doc_id, index)

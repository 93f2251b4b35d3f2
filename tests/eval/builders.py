"""Hand-built gold documents and analyses, so the evaluation is tested without any spaCy model."""

from __future__ import annotations

from selon.eval.gold import GoldAttribution, GoldDoc
from selon.schema.records import (
    Analysis,
    Article,
    Attribution,
    AttributionType,
    Cue,
    Source,
    SourceKind,
    Span,
    Stance,
)

TEXT_FR = (
    "« Sa complicité doit être punie », a déclaré Volodymyr Zelensky. "
    "Moscou a conclu un accord avec Téhéran, ont déclaré trois responsables proches du dossier. "
    "L’accord renforce l’alliance, selon les responsables. "
    "Mahdi Nourian a nié que l’Iran fournisse des armes."
)
TEXT_EN = "The deal was signed in November, said Adrienne Watson, a spokeswoman. Iran declined to comment."


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def gold(content: str, source: str, canonical: str | None = None, *, kind: str = "anonymous",
         type: str = "indirect", stance: str = "assert", cue: str | None = "a déclaré") -> GoldAttribution:
    return GoldAttribution(content, type, cue, source, canonical or source, kind, stance)


def doc(text: str, *attributions: GoldAttribution, lang: str = "fr", doc_id: str = "d1") -> GoldDoc:
    return GoldDoc(doc_id, lang, None, text, tuple(attributions))


def pred(text: str, content: str, mention: str | None, name: str, *, kind: SourceKind = "anonymous",
         type: AttributionType = "indirect", stance: Stance = "assert") -> tuple[Attribution, Source]:
    """One predicted attribution and its source entity (ids are fixed up by `analysis`)."""
    attribution = Attribution(
        id="", type=type, content=span(text, content), cue=Cue(0, 0, "", ""), source_id="",
        mention=span(text, mention) if mention else None, stance=stance, confidence=0.9,
    )
    return attribution, Source(id="", kind=kind, name=name)


def analysis(text: str, *predictions: tuple[Attribution, Source], lang: str = "fr") -> Analysis:
    attributions, sources = [], []
    for index, (attribution, source) in enumerate(predictions, 1):
        sid = f"s{index}"
        sources.append(Source(sid, source.kind, source.name))
        attributions.append(Attribution(f"a{index}", attribution.type, attribution.content, attribution.cue, sid,
                                        attribution.mention, attribution.stance, attribution.confidence))
    return Analysis(Article("d", lang, text), tuple(attributions), tuple(sources))


ZELENSKY = gold("Sa complicité doit être punie", "Volodymyr Zelensky", kind="person", type="direct")
ACCORD = gold("Moscou a conclu un accord avec Téhéran", "trois responsables proches du dossier",
              cue="ont déclaré")
ALLIANCE = gold("L’accord renforce l’alliance", "les responsables", "trois responsables proches du dossier",
                cue="selon")
NIE = gold("que l’Iran fournisse des armes", "Mahdi Nourian", kind="person", stance="deny", cue="a nié")
GOLD_FR = doc(TEXT_FR, ZELENSKY, ACCORD, ALLIANCE, NIE)


def perfect_fr() -> Analysis:
    return analysis(
        TEXT_FR,
        pred(TEXT_FR, ZELENSKY.content, "Volodymyr Zelensky", "Volodymyr Zelensky", kind="person", type="direct"),
        pred(TEXT_FR, ACCORD.content, ACCORD.source, ACCORD.source),
        pred(TEXT_FR, ALLIANCE.content, "les responsables", ACCORD.source),
        pred(TEXT_FR, NIE.content, "Mahdi Nourian", "Mahdi Nourian", kind="person", stance="deny"),
    )

"""Analyses built by hand from an article's words, so page tests say exactly which attributions exist
whatever the extractor currently finds (as spaCy's tests build a `Doc` from words and heads)."""

from __future__ import annotations

from dataclasses import dataclass

from selon.schema.records import Analysis, Article, Attribution, Cue, Note, Source, Span


@dataclass(frozen=True)
class Said:
    """One attribution written as substrings of the text: the content's first occurrence, then its cue and
    mention from the start of the content's paragraph."""

    name: str
    kind: str
    content: str
    cue: str | None = None
    mention: str | None = None
    stance: str = "assert"
    type: str = "direct"


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def build(text: str, said: list[Said], *, notes: list[tuple[str, str]] = (),  # type: ignore[assignment]
          doc_id: str = "doc-1", lang: str = "fr", title: str | None = "Un article", url: str | None = None,
          outlet: str | None = "Le Quotidien", published: str | None = "2024-03-15") -> Analysis:
    sources: dict[str, Source] = {}
    attributions: list[Attribution] = []
    for item in said:
        content = _span(text, item.content)
        paragraph = text.rfind("\n", 0, content.start) + 1
        cue = _span(text, item.cue, paragraph) if item.cue else None
        mention = _span(text, item.mention, paragraph) if item.mention else None
        if item.name not in sources:
            sources[item.name] = Source(f"s{len(sources) + 1}", item.kind, item.name,  # type: ignore[arg-type]
                                        mentions=(mention,) if mention else ())
        attributions.append(Attribution(
            f"a{len(attributions) + 1}", item.type, content,  # type: ignore[arg-type]
            Cue(cue.start, cue.end, cue.text, "dire") if cue else None, sources[item.name].id, mention,
            item.stance, 0.9))  # type: ignore[arg-type]
    found_notes = tuple(Note(kind, *_triple(text, words)) for kind, words in notes)  # type: ignore[arg-type]
    article = Article(doc_id, lang, text, title, url, outlet, published)
    return Analysis(article, tuple(attributions), tuple(sources.values()), found_notes)


def _triple(text: str, words: str) -> tuple[int, int, str]:
    span = _span(text, words)
    return span.start, span.end, span.text


DRONES = (
    "L'Iran et la Russie vont produire des drones, selon trois responsables proches du dossier.\n\n"
    "« Nous surveillons cela de près », a déclaré Adrienne Watson, porte-parole du Conseil.\n\n"
    "Les responsables ont parlé à condition que leurs identités ne soient pas révélées.\n\n"
    "Le Kremlin a refusé de commenter. Le ministère iranien n'a pas répondu.\n\n"
    "Mahdi Nourian a nié toute livraison, mais il a reconnu des discussions techniques.\n\n"
    "ARTICLE ASSOCIÉ : Les drones en Ukraine"
)


def drones() -> Analysis:
    """A short article with every kind of finding the source map shows."""
    return build(DRONES, [
        Said("trois responsables proches du dossier", "anonymous",
             "L'Iran et la Russie vont produire des drones", "selon", "trois responsables proches du dossier",
             type="indirect"),
        Said("Adrienne Watson", "person", "Nous surveillons cela de près", "a déclaré", "Adrienne Watson"),
        Said("Kremlin", "organization", "refusé de commenter", "a refusé de commenter", "Le Kremlin",
             stance="decline", type="indirect"),
        Said("ministère iranien", "organization", "n'a pas répondu", "n'a pas répondu", "Le ministère iranien",
             stance="no_response", type="indirect"),
        Said("Mahdi Nourian", "person", "toute livraison", "a nié", "Mahdi Nourian", stance="deny",
             type="indirect"),
        Said("Mahdi Nourian", "person", "des discussions techniques", "a reconnu", "il", stance="acknowledge",
             type="indirect"),
    ], notes=[("anonymity_condition", "à condition que leurs identités ne soient pas révélées"),
              ("boilerplate", "ARTICLE ASSOCIÉ : Les drones en Ukraine")])

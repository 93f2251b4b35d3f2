"""The readable report of one analysis: the source map first, then every attribution.

Every piece of the article (names, contents, cues, notes, the title) goes into a `rich.text.Text`, never into a
string that rich would parse as markup, so the report reads the same whatever console prints it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from selon.schema.records import KINDS, Analysis

KIND_STYLES = {
    "person": "bold cyan",
    "anonymous": "bold magenta",
    "organization": "bold green",
    "document": "bold yellow",
    "media": "bold blue",
}
STANCE_STYLES = {"assert": "", "deny": "red", "acknowledge": "yellow", "decline": "magenta", "no_response": "dim"}


def _clip(text: str, width: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def source_map(analysis: Analysis) -> RenderableType:
    summary = analysis.to_dict()["summary"]
    statements = Counter(a.source_id for a in analysis.attributions)
    table = Table(title="Source map", title_justify="left", expand=True)
    table.add_column("kind")
    table.add_column("source")
    table.add_column("statements", justify="right")
    table.add_column("gender")
    table.add_column("role")
    table.add_column("who they are")
    for kind in KINDS:
        for source in (s for s in analysis.sources if s.kind == kind):
            details = ""
            for part in (source.description, source.role, source.affiliation):
                if part and part != source.name and part.lower() not in details.lower():
                    details = f"{details}, {part}" if details else part
            if source.count:
                details = f"{source.count} × " + details if details else f"{source.count} people"
            table.add_row(Text(kind, KIND_STYLES[kind]), Text(source.name), str(statements[source.id]),
                          Text(source.gender or "—", "dim" if source.gender in (None, "unknown") else ""),
                          Text(source.role_category or "—"), Text(_clip(details, 80)))
    lines = [
        f"{summary['attributions']} attributions · "
        + " · ".join(f"{n} {t}" for t, n in summary["by_type"].items()),
        f"anonymous share: {summary['anonymous_share']:.0%}",
        women_line(summary["gender"]),
    ]
    for label, key in (("declined", "declined"), ("did not respond", "no_response"), ("denied", "denied"),
                       ("acknowledged", "acknowledged")):
        if summary[key]:
            lines.append(f"{label}: " + "; ".join(summary[key]))
    return Group(table, Text("\n".join(lines)))


def women_line(shares: dict[str, Any]) -> str:
    """"women: 40% of named people (2 of 5 with a known gender, 1 unknown), 35% of their statements"."""
    people, said = shares["named_people"], shares["statements"]

    def share(part: dict[str, Any]) -> str:
        return "—" if part["women_share"] is None else f"{part['women_share']:.0%}"

    return (f"women: {share(people)} of named people ({people['female']} of {people['female'] + people['male']} "
            f"with a known gender, {people['unknown']} unknown), {share(said)} of their statements")


def attributions(analysis: Analysis) -> RenderableType:
    table = Table(title="Attributions", title_justify="left", expand=True, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("content", ratio=3)
    table.add_column("cue")
    table.add_column("source")
    table.add_column("stance / type")
    for attribution in analysis.attributions:
        source = analysis.source(attribution.source_id)
        said_as = attribution.mention.text if attribution.mention else "(continues)"
        who = Text(source.name, KIND_STYLES[source.kind])
        if said_as != source.name:
            who.append(f"\nas “{_clip(said_as, 60)}”", "dim")
        table.add_row(
            attribution.id,
            Text(_clip(attribution.content.text)),
            Text(attribution.cue.text if attribution.cue else "—"),
            who,
            Text(f"{attribution.stance}\n{attribution.type}", STANCE_STYLES[attribution.stance]),
        )
    return table


def notes(analysis: Analysis) -> RenderableType | None:
    if not analysis.notes:
        return None
    lines = Text("\n").join(Text.assemble((f"[{note.kind}]", "dim"), " ", _clip(note.text, 160))
                            for note in analysis.notes)
    return Panel(lines, title="Notes", title_align="left")


def explanations(analysis: Analysis) -> RenderableType:
    """Why each source has its kind and why each mention joined it: the evidence the resolver kept, so a
    reader can check a merge (or a missing one) instead of trusting it."""
    table = Table(title="Why these sources", title_justify="left", expand=True, show_lines=True)
    table.add_column("source")
    table.add_column("kind, because")
    table.add_column("gender, because")
    table.add_column("mentions, joined by")
    statements: dict[str, list[str]] = {}
    for attribution in analysis.attributions:
        statements.setdefault(attribution.source_id, []).append(attribution.id)
    for source in analysis.sources:
        who = Text(f"{source.id} ", "dim")
        who.append(source.name, KIND_STYLES[source.kind])
        who.append("\n" + ", ".join(statements.get(source.id, [])), "dim")
        joined = Text("\n").join(
            Text.assemble(Text(f"“{_clip(e.text, 60)}”"), Text(f" — {e.rule}", "dim")) for e in source.evidence)
        gender = Text("—")
        if source.gender is not None:
            evidence = source.gender_evidence
            gender = Text(f"{source.gender}: {evidence.rule if evidence else 'no evidence kept'}")
            if source.role_category:
                gender.append(f"\nrole: {source.role_category}", "dim")
        table.add_row(who, Text(f"{source.kind}: {source.kind_reason or 'continues a source'}"), gender, joined)
    return table


def report(analysis: Analysis, name: str, explain: bool = False) -> RenderableType:
    article = analysis.article
    heading = Text(f"{name}", "bold")
    heading.append(f"  ({article.lang}{', ' + article.title if article.title else ''})", "dim")
    parts: list[RenderableType] = [heading, source_map(analysis), attributions(analysis)]
    if explain:
        parts.append(explanations(analysis))
    extra = notes(analysis)
    if extra is not None:
        parts.append(extra)
    for warning in analysis.warnings:
        parts.append(Text(f"warning: {warning}", "yellow"))
    return Group(*parts)

"""Rich tables for an EvalReport: the only place in `selon.eval` that decides how figures look.

Kept apart from the scoring so that JSON output, tests and notebooks never depend on presentation; the CLI
prints what `render_report` returns with its own Console.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from selon.eval.report import ERROR_CATEGORIES, Accuracy, EvalError, EvalReport, Scores

_MAX_TEXT = 90


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _short(text: str | None) -> str:
    if not text:
        return "—"
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _figures(scores: Scores) -> list[str]:
    c, e = scores.content, scores.end_to_end
    return [
        str(scores.documents),
        f"{c.tp}/{c.fp}/{c.fn}",
        _pct(c.precision), _pct(c.recall), _pct(c.f1),
        _pct(scores.source.value),
        _pct(e.precision), _pct(e.recall), _pct(e.f1),
        _pct(scores.type.value), _pct(scores.kind.value), _pct(scores.stance.value),
        _counted(scores.gender), _counted(scores.gender_coverage), _counted(scores.role),
    ]


def _counted(accuracy: Accuracy) -> str:
    """"0.975 (39/40)": few gold annotations make a ratio that moves a lot, so the counts are shown too."""
    return "—" if accuracy.value is None else f"{accuracy.value:.3f} ({accuracy.correct}/{accuracy.total})"


_ROWS = ["documents", "content tp/fp/fn", "content precision", "content recall", "content F1",
         "source accuracy", "end-to-end precision", "end-to-end recall", "end-to-end F1",
         "type accuracy", "kind accuracy", "stance accuracy",
         "gender accuracy (decided)", "gender coverage (named people)", "role category accuracy"]


def scores_table(report: EvalReport) -> Table:
    """One row per figure, one column for all documents and one per language."""
    table = Table(title="Evaluation", title_justify="left")
    table.add_column("figure")
    columns = [("all", report.overall)] + sorted(report.by_lang.items())
    for name, _ in columns:
        table.add_column(name, justify="right")
    values = [_figures(scores) for _, scores in columns]
    for row, label in enumerate(_ROWS):
        style = "bold" if label == "end-to-end F1" else None
        table.add_row(label, *(v[row] for v in values), style=style)
    return table


def documents_table(report: EvalReport) -> Table:
    """Per-document content and end-to-end figures, so a reader sees which articles drag the totals down."""
    table = Table(title="Documents", title_justify="left")
    for name in ("doc_id", "lang", "tp/fp/fn", "content F1", "source acc.", "end-to-end F1"):
        table.add_column(name, justify="left" if name in ("doc_id", "lang") else "right")
    for doc in report.documents:
        s = doc.scores
        table.add_row(doc.doc_id, doc.lang, f"{s.content.tp}/{s.content.fp}/{s.content.fn}",
                      _pct(s.content.f1), _pct(s.source.value), _pct(s.end_to_end.f1))
    return table


def errors_table(title: str, errors: list[EvalError]) -> Table:
    """One error per row, with the gold and predicted texts and what was expected against what was found."""
    table = Table(title=f"{title} ({len(errors)})", title_justify="left", show_lines=True)
    for name in ("doc_id", "what", "gold content", "predicted content", "expected", "predicted"):
        table.add_column(name, overflow="fold")
    for e in errors:
        table.add_row(e.doc_id, e.category.replace("_", " "), _short(e.gold_content),
                      _short(e.predicted_content), _short(e.expected), _short(e.predicted))
    return table


def error_counts_table(report: EvalReport) -> Table:
    """Errors grouped by class, overall and per language, so progress shows class by class."""
    counts = report.error_counts()
    table = Table(title="Errors by class", title_justify="left")
    table.add_column("class")
    columns = ["all", *sorted(k for k in counts if k != "all")]
    for name in columns:
        table.add_column(name, justify="right")
    for category in ERROR_CATEGORIES:
        table.add_row(category.replace("_", " "), *(str(counts[c][category]) for c in columns))
    return table


def render_report(report: EvalReport, show_errors: bool = False) -> Group:
    """Everything to print for `selon eval`: figures, per-document table and, on request, the error lists."""
    parts: list[RenderableType] = [scores_table(report)]
    if len(report.documents) > 1:
        parts.append(documents_table(report))
    if show_errors:
        parts.append(error_counts_table(report))
        groups = [("Misses", report.misses), ("False alarms", report.false_alarms),
                  ("Wrong source, type, kind, stance, gender or role", report.mismatches)]
        for title, errors in groups:
            parts.append(errors_table(title, errors) if errors else Text(f"{title}: none"))
    return Group(*parts)

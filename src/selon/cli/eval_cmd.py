"""`selon eval GOLD.jsonl...`: score the extractor against gold files in the format of DESIGN.md."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from selon.cli import exits
from selon.cli.analyze_cmd import parse_models
from selon.cli.console import console
from selon.eval import GoldDoc, load_gold, score
from selon.eval.render import render_report
from selon.ingest.prepare import prepare
from selon.pipeline import analyze_many
from selon.schema.records import Analysis


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


def analyse_gold(docs: list[GoldDoc], models: dict[str, str], workers: int) -> list[Analysis]:
    """The gold texts analysed as plain text, in gold order, under their gold language and id."""
    inputs = [prepare(d.text, lang=d.lang, doc_id=d.doc_id, html=False, url=d.url) for d in docs]
    languages = {d.lang for d in docs}
    chosen = {code: models.get(code) or models.get("*", "") for code in languages}
    results = analyze_many(inputs, n_process=workers, models={k: v for k, v in chosen.items() if v})
    return [r for r in results if isinstance(r, Analysis)]


def register(app: typer.Typer) -> None:
    @app.command(name="eval")
    @exits.reported
    def evaluate(
        gold: Annotated[list[str], typer.Argument(help="Gold JSONL files (DESIGN.md, 'Gold format').")],
        errors: Annotated[bool, typer.Option("--errors", help="List misses, false alarms and wrong sources.")] = False,
        format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.text,
        model: Annotated[list[str] | None, typer.Option(help="spaCy model: NAME, or LANG=NAME.")] = None,
        workers: Annotated[int, typer.Option(min=1, help="Processes running the spaCy pipeline.")] = 1,
    ) -> None:
        """Score extraction against gold: content P/R/F1, source accuracy, end-to-end F1, type/kind/stance."""
        docs = [doc for path in gold for doc in load_gold(path)]
        report = score(docs, analyse_gold(docs, parse_models(model), workers))
        if format == EvalFormat.json:
            sys.stdout.write(json.dumps(report.to_dict(errors=errors), ensure_ascii=False, indent=2) + "\n")
        else:
            console().print(render_report(report, show_errors=errors))

"""Evaluation against gold files (DESIGN.md, "Gold format for evaluation"): load, match, score, render."""

from selon.eval.gold import GoldAttribution, GoldDoc, load_gold
from selon.eval.match import match, overlaps, source_right, token_f1, tokens
from selon.eval.metrics import evaluate, score, score_document
from selon.eval.report import Accuracy, Counts, DocResult, EvalError, EvalReport, Scores

__all__ = [
    "Accuracy", "Counts", "DocResult", "EvalError", "EvalReport", "GoldAttribution", "GoldDoc", "Scores",
    "evaluate", "load_gold", "match", "overlaps", "score", "score_document", "source_right", "token_f1", "tokens",
]

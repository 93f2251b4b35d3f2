"""The records of an evaluation: counts, accuracies, scores per set of documents, errors, the whole report.

Counts are kept (not only ratios) so that documents and languages add up exactly, and a ratio with an empty
denominator is None rather than 0 or 1: "no prediction was made" must not read as perfect or as useless
precision. Every record has `to_dict` so `selon eval --format json` can print the report as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ErrorCategory = Literal["miss", "false_alarm", "wrong_source", "wrong_type", "wrong_kind", "wrong_stance",
                        "wrong_gender", "wrong_role"]
ERROR_CATEGORIES: tuple[ErrorCategory, ...] = ("miss", "false_alarm", "wrong_source", "wrong_kind", "wrong_type",
                                               "wrong_stance", "wrong_gender", "wrong_role")


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with the ratios derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn): the harmonic mean of P and R, and 0.0 when there was gold but no prediction."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": _rounded(self.precision),
                "recall": _rounded(self.recall), "f1": _rounded(self.f1)}


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of matched pairs; `value` is None when nothing was matched."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": _rounded(self.value)}


@dataclass(frozen=True)
class Scores:
    """Every figure for a set of documents (one, one language, or all); adding two Scores pools their counts."""

    documents: int = 0
    content: Counts = Counts()
    end_to_end: Counts = Counts()
    source: Accuracy = Accuracy()
    type: Accuracy = Accuracy()
    kind: Accuracy = Accuracy()
    stance: Accuracy = Accuracy()
    #: issue 9, where the gold says (see `selon.eval.metrics`): gender right among decided predictions, gold
    #: named people given a decided gender, role category right
    gender: Accuracy = Accuracy()
    gender_coverage: Accuracy = Accuracy()
    role: Accuracy = Accuracy()

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.documents + other.documents, self.content + other.content,
                      self.end_to_end + other.end_to_end, self.source + other.source, self.type + other.type,
                      self.kind + other.kind, self.stance + other.stance, self.gender + other.gender,
                      self.gender_coverage + other.gender_coverage, self.role + other.role)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "content": self.content.to_dict(),
                "end_to_end": self.end_to_end.to_dict(), "source": self.source.to_dict(),
                "type": self.type.to_dict(), "kind": self.kind.to_dict(), "stance": self.stance.to_dict(),
                "gender": self.gender.to_dict(), "gender_coverage": self.gender_coverage.to_dict(),
                "role_category": self.role.to_dict()}


@dataclass(frozen=True)
class EvalError:
    """One miss, false alarm or wrong attribute; texts are kept so a reader can see what went wrong."""

    category: ErrorCategory
    doc_id: str
    lang: str
    gold_content: str | None = None
    predicted_content: str | None = None
    expected: str | None = None
    predicted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category, "doc_id": self.doc_id, "lang": self.lang,
                "gold_content": self.gold_content, "predicted_content": self.predicted_content,
                "expected": self.expected, "predicted": self.predicted}


@dataclass(frozen=True)
class DocResult:
    doc_id: str
    lang: str
    scores: Scores

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "lang": self.lang, **self.scores.to_dict()}


@dataclass(frozen=True)
class EvalReport:
    """The result of one evaluation run: pooled, per-language and per-document scores, and every error."""

    overall: Scores
    by_lang: dict[str, Scores] = field(default_factory=dict)
    documents: tuple[DocResult, ...] = ()
    errors: tuple[EvalError, ...] = ()

    def errors_of(self, *categories: ErrorCategory) -> list[EvalError]:
        return [e for e in self.errors if e.category in categories]

    @property
    def misses(self) -> list[EvalError]:
        return self.errors_of("miss")

    @property
    def false_alarms(self) -> list[EvalError]:
        return self.errors_of("false_alarm")

    @property
    def mismatches(self) -> list[EvalError]:
        return self.errors_of("wrong_source", "wrong_type", "wrong_kind", "wrong_stance", "wrong_gender", "wrong_role")

    def error_counts(self) -> dict[str, dict[str, int]]:
        """Errors per class, overall and per language: the figure to watch change by change."""
        counts: dict[str, dict[str, int]] = {"all": dict.fromkeys(ERROR_CATEGORIES, 0)}
        for error in self.errors:
            counts["all"][error.category] += 1
            counts.setdefault(error.lang, dict.fromkeys(ERROR_CATEGORIES, 0))[error.category] += 1
        return counts

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; `errors=False` leaves the error lists out (they can be long)."""
        data: dict[str, Any] = {"overall": self.overall.to_dict(),
                                "by_lang": {lang: s.to_dict() for lang, s in sorted(self.by_lang.items())},
                                "documents": [d.to_dict() for d in self.documents]}
        if errors:
            data["error_counts"] = self.error_counts()
            data["errors"] = {"misses": [e.to_dict() for e in self.misses],
                              "false_alarms": [e.to_dict() for e in self.false_alarms],
                              "mismatches": [e.to_dict() for e in self.mismatches]}
        return data

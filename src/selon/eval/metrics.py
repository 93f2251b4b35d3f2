"""Score an extractor against gold documents: the figures DESIGN.md asks for, overall, per language, per document.

End-to-end F1 is the headline figure because a quote credited to the wrong speaker is worse than no quote for a
fact-checker; content P/R/F1 and the accuracies on matched pairs say where the losses come from. Type, kind and
stance are judged on every content match, whether or not its source is right, so each figure measures one thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from selon.eval.gold import GoldAttribution, GoldDoc
from selon.eval.match import match, source_right
from selon.eval.report import Accuracy, Counts, DocResult, ErrorCategory, EvalError, EvalReport, Scores
from selon.schema.records import Analysis, Attribution, Source


def evaluate(gold_docs: Iterable[GoldDoc], predict: Callable[[GoldDoc], Analysis]) -> EvalReport:
    """Run `predict` on every gold document and score the results; errors raised by `predict` propagate."""
    docs = list(gold_docs)
    return score(docs, (predict(doc) for doc in docs))


def score(gold_docs: Iterable[GoldDoc], analyses: Iterable[Analysis]) -> EvalReport:
    """Score analyses already computed (e.g. by `analyze_many`), paired with gold documents in order."""
    results: list[DocResult] = []
    errors: list[EvalError] = []
    by_lang: dict[str, Scores] = {}
    for doc, analysis in zip(gold_docs, analyses, strict=True):
        scores, doc_errors = score_document(doc, analysis)
        results.append(DocResult(doc.doc_id, doc.lang, scores))
        errors.extend(doc_errors)
        by_lang[doc.lang] = by_lang.get(doc.lang, Scores()) + scores
    overall = sum((r.scores for r in results), Scores())
    return EvalReport(overall, by_lang, tuple(results), tuple(errors))


def score_document(doc: GoldDoc, analysis: Analysis) -> tuple[Scores, list[EvalError]]:
    """Scores and errors of one predicted Analysis against one gold document."""
    gold, predicted = doc.attributions, analysis.attributions
    pairs = match([g.content for g in gold], [p.content.text for p in predicted])
    errors: list[EvalError] = []
    source_ok = type_ok = kind_ok = stance_ok = 0
    gender = Accuracy()
    role = Accuracy()
    covered: dict[str, bool] = {}  # gold named person (canonical) -> a decided gender was predicted for them
    for g_index, p_index, _ in pairs:
        g, p = gold[g_index], predicted[p_index]
        src = _source_of(analysis, p)
        if src is not None and _source_right(doc, g, p, src):
            found, wrong = _people(g, src, covered)
            gender, role = gender + found[0], role + found[1]
            errors += [EvalError(category, doc.doc_id, doc.lang, g.content, p.content.text, expected, got)
                       for category, expected, got in wrong]
        checks: list[tuple[ErrorCategory, bool, str, str | None]] = [
            ("wrong_source", _source_right(doc, g, p, src), _gold_source(g), _predicted_source(p, src)),
            ("wrong_type", g.type == p.type, g.type, p.type),
            ("wrong_kind", src is not None and g.source_kind == src.kind, g.source_kind, src.kind if src else None),
            ("wrong_stance", g.stance == p.stance, g.stance, p.stance),
        ]
        for category, ok, expected, got in checks:
            if not ok:
                errors.append(EvalError(category, doc.doc_id, doc.lang, g.content, p.content.text, expected, got))
        source_ok += checks[0][1]
        type_ok += checks[1][1]
        kind_ok += checks[2][1]
        stance_ok += checks[3][1]
    matched_gold = {g for g, _, _ in pairs}
    matched_pred = {p for _, p, _ in pairs}
    for index, g in enumerate(gold):
        if index not in matched_gold:
            errors.append(EvalError("miss", doc.doc_id, doc.lang, gold_content=g.content, expected=_gold_source(g)))
    for index, p in enumerate(predicted):
        if index not in matched_pred:
            errors.append(EvalError("false_alarm", doc.doc_id, doc.lang, predicted_content=p.content.text,
                                    predicted=_predicted_source(p, _source_of(analysis, p))))
    n = len(pairs)
    scores = Scores(
        documents=1,
        content=Counts(n, len(predicted) - n, len(gold) - n),
        end_to_end=Counts(source_ok, len(predicted) - source_ok, len(gold) - source_ok),
        source=Accuracy(source_ok, n), type=Accuracy(type_ok, n),
        kind=Accuracy(kind_ok, n), stance=Accuracy(stance_ok, n),
        gender=gender, gender_coverage=Accuracy(sum(covered.values()), len(covered)), role=role,
    )
    return scores, errors


def _people(g: GoldAttribution, src: Source,
            covered: dict[str, bool]) -> tuple[tuple[Accuracy, Accuracy], list[tuple[ErrorCategory, str, str | None]]]:
    """Gender and role figures of one matched attribution whose source is right (so that each figure measures
    the gender or the role, not the resolution): gender is scored where the gold says female or male and the
    prediction decided; coverage counts gold named people with a gender annotated, covered when any of their
    statements got a decided gender; the role where the gold has one."""
    wrong: list[tuple[ErrorCategory, str, str | None]] = []
    decided = src.gender in ("female", "male")
    gender = Accuracy()
    if g.source_gender in ("female", "male") and decided:
        gender = Accuracy(int(g.source_gender == src.gender), 1)
        if src.gender != g.source_gender:
            wrong.append(("wrong_gender", g.source_gender, src.gender))
    if g.source_kind == "person" and g.source_gender is not None:
        covered[g.source_canonical] = covered.get(g.source_canonical, False) or decided
    role = Accuracy()
    if g.source_role_category is not None:
        role = Accuracy(int(g.source_role_category == src.role_category), 1)
        if src.role_category != g.source_role_category:
            wrong.append(("wrong_role", g.source_role_category, src.role_category))
    return (gender, role), wrong


def _source_of(analysis: Analysis, attribution: Attribution) -> Source | None:
    try:
        return analysis.source(attribution.source_id)
    except KeyError:
        return None


def _source_right(doc: GoldDoc, g: GoldAttribution, p: Attribution, src: Source | None) -> bool:
    predicted = [p.mention.text if p.mention else None, src.name if src else None]
    return source_right(predicted, [g.source, g.source_canonical], doc.lang)


def _gold_source(g: GoldAttribution) -> str:
    return g.source if g.source == g.source_canonical else f"{g.source} → {g.source_canonical}"


def _predicted_source(p: Attribution, src: Source | None) -> str | None:
    mention = p.mention.text if p.mention else None
    name = src.name if src else None
    if mention and name and mention != name:
        return f"{mention} → {name}"
    return mention or name

"""`selon export`: every stored attribution with its article's metadata, in formats other tools read.

- `jsonl`, `csv`, `parquet`: one row per attribution (the fields of `selon.store.rows.Quote`); CSV cells that
  a spreadsheet would run as formulas get a leading `'` unless `raw` is asked for.
- `webannotation`: W3C Web Annotations (JSON-LD, one per line) whose target carries a TextPositionSelector and a
  TextQuoteSelector (exact text with prefix and suffix), so the span can be found again on the page even after
  the page's text moves.
- `labelstudio`: a JSON list of Label Studio tasks, one per article, with selon's spans as predictions (labels
  Content, Cue, Source, and a relation labelled with the stance), so a user can correct them and export gold.
- `claimreview`: one schema.org ClaimReview per claim of each story, without a rating (`selon.corpus.claimreview`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import fields
from typing import IO, TYPE_CHECKING, Any

from selon.schema.records import SCHEMA, Analysis, Attribution, Span
from selon.store.rows import Quote

if TYPE_CHECKING:
    from selon.corpus.api import Corpus

FORMATS = ("jsonl", "csv", "parquet", "webannotation", "labelstudio", "claimreview")
CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a statement quoted from the web
#: may well start with one, e.g. `=HYPERLINK("http://evil", "click")` or `@SUM(...)`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a string starting with a formula character gets a leading
    `'` (OWASP's advice; spreadsheets hide it); anything else is returned as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export(corpus: Corpus, format: str, out: IO[bytes], *, raw: bool = False) -> int:
    """Writes every attribution in `format`; `raw` leaves CSV cells as stored, formula characters and all."""
    writers: dict[str, Callable[[Corpus, IO[bytes]], int]] = {
        "jsonl": _jsonl, "csv": _csv_raw if raw else _csv, "parquet": _parquet, "webannotation": _webannotation,
        "labelstudio": _labelstudio, "claimreview": _claimreview,
    }
    if format not in writers:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    return writers[format](corpus, out)


def _claimreview(corpus: Corpus, out: IO[bytes]) -> int:
    from selon.corpus.claimreview import write

    return write(corpus.store, out)


def _jsonl(corpus: Corpus, out: IO[bytes]) -> int:
    count = 0
    for count, quote in enumerate(corpus.iter_quotes(), start=1):
        out.write(json.dumps(quote.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
    return count


def _csv(corpus: Corpus, out: IO[bytes], *, safe: bool = True) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(Quote.columns())
    count = 0
    for count, quote in enumerate(corpus.iter_quotes(), start=1):
        values = quote.to_dict().values()
        writer.writerow([spreadsheet_safe(v) for v in values] if safe else values)
    text.detach()
    return count


def _csv_raw(corpus: Corpus, out: IO[bytes]) -> int:
    return _csv(corpus, out, safe=False)


def _parquet(corpus: Corpus, out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "str": pa.string(), "str | None": pa.string()}
    schema = pa.schema([(f.name, types[str(f.type)]) for f in fields(Quote)])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for quote in corpus.iter_quotes():
            batch.append(quote.to_dict())
            if len(batch) == 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _quote_selector(text: str, span: Span) -> dict[str, Any]:
    return {"type": "TextQuoteSelector", "exact": span.text,
            "prefix": text[max(0, span.start - CONTEXT):span.start], "suffix": text[span.end:span.end + CONTEXT]}


def annotation(analysis: Analysis, attribution: Attribution) -> dict[str, Any]:
    """One attribution as a W3C Web Annotation on its article."""
    article = analysis.article
    source = analysis.source(attribution.source_id)
    content = attribution.content
    bodies = [
        {"type": "TextualBody", "purpose": "identifying", "value": source.name},
        {"type": "TextualBody", "purpose": "classifying", "value": f"{attribution.type} {attribution.stance}"},
        {"type": "TextualBody", "purpose": "tagging", "value": source.kind},
    ]
    if attribution.cue is not None:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": attribution.cue.text})
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:selon:{article.id}:{attribution.id}",
        "type": "Annotation",
        "motivation": "describing",
        "generator": {"type": "Software", "name": "selon", "schema": SCHEMA},
        "body": bodies,
        "target": {
            "source": article.url or f"urn:selon:{article.id}",
            "selector": [
                {"type": "TextPositionSelector", "start": content.start, "end": content.end},
                _quote_selector(article.text, content),
            ],
        },
    }


def _webannotation(corpus: Corpus, out: IO[bytes]) -> int:
    count = 0
    for analysis in corpus.iter_analyses():
        for attribution in analysis.attributions:
            out.write(json.dumps(annotation(analysis, attribution), ensure_ascii=False).encode("utf-8") + b"\n")
            count += 1
    return count


def _region(region_id: str, span: Span, label: str) -> dict[str, Any]:
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [label]}}


def task(analysis: Analysis) -> dict[str, Any]:
    """One article as a Label Studio task with selon's spans as a prediction."""
    article = analysis.article
    result: list[dict[str, Any]] = []
    for a in analysis.attributions:
        content_id = f"{a.id}-content"
        result.append(_region(content_id, a.content, "Content"))
        if a.cue is not None:
            result.append(_region(f"{a.id}-cue", a.cue, "Cue"))
        if a.mention is not None:
            result.append(_region(f"{a.id}-source", a.mention, "Source"))
            result.append({"type": "relation", "from_id": content_id, "to_id": f"{a.id}-source",
                           "direction": "right", "labels": [a.stance]})
    data = {**article.to_dict(), "doc_id": article.id}
    return {"data": data, "predictions": [{"model_version": SCHEMA, "result": result}]}


def _tasks(corpus: Corpus) -> Iterator[dict[str, Any]]:
    for analysis in corpus.iter_analyses():
        yield task(analysis)


def _labelstudio(corpus: Corpus, out: IO[bytes]) -> int:
    count = 0
    out.write(b"[")
    for count, item in enumerate(_tasks(corpus), start=1):
        out.write((b",\n" if count > 1 else b"\n") + json.dumps(item, ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]\n")
    return count

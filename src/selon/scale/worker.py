"""What one Dask task does on a worker: read its files, analyse them, write one Parquet partition.

The spaCy pipeline is cached per worker process (`selon.nlp.models`), so only a worker's first task pays for
loading the model.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from selon.corpus.ingest import InternalAnalysisError, is_fatal
from selon.corpus.readers import Ignored, RawItem, read_paths
from selon.errors import SelonError
from selon.ingest.prepare import ArticleInput, prepare
from selon.pipeline import Failure, analyze_many
from selon.scale.partitions import PartitionRow, write
from selon.schema.records import Analysis


def analyse_task(files: list[str], target: str, lang: str | None = None,
                 models: dict[str, str] | None = None) -> tuple[int, int]:
    """Returns (rows written, failures among them). As in a local ingest, a bad input fails alone: an error
    while preparing it is its row's failure, and a crash inside the analyzer's batch analyses that batch again
    one article at a time; only a missing model or a broken language file fails the task."""
    rows: list[PartitionRow] = []
    pending: deque[tuple[RawItem, ArticleInput]] = deque()
    broken: list[BaseException] = []

    def failed(item: RawItem, error: SelonError) -> PartitionRow:
        return PartitionRow(item.key, item.name, "failed", code=error.code, reason=error.message,
                            payload=item.to_payload())

    def prepared() -> Iterator[ArticleInput]:
        try:
            for item in read_paths(files):
                if isinstance(item, Ignored):
                    continue
                if not isinstance(item, RawItem):
                    rows.append(PartitionRow(item.key, item.name, "failed", code=item.error.code,
                                             reason=item.error.message, retryable=item.retryable,
                                             payload=item.payload))
                    continue
                try:
                    article = prepare(item.data, name=item.name, html=item.html, **{"lang": lang, **item.meta})
                except SelonError as error:
                    rows.append(failed(item, error))
                    continue
                except Exception as error:
                    if is_fatal(error):
                        raise
                    rows.append(failed(item, InternalAnalysisError(f"preparing failed: {type(error).__name__}: "
                                                                   f"{error}")))
                    continue
                pending.append((item, article))
                yield article
        except BaseException as error:  # the analyzer would take it for the end of the input
            broken.append(error)
            raise

    def done(item: RawItem, result: Analysis | Failure) -> None:
        if isinstance(result, Failure):
            rows.append(failed(item, result.error))
        else:
            rows.append(PartitionRow(item.key, item.name, "ok", analysis=json.dumps(result.to_dict(),
                                                                                    ensure_ascii=False)))

    articles = prepared()
    while True:
        try:
            for result in analyze_many(articles, models=models):
                done(pending.popleft()[0], result)
            break
        except Exception as error:
            if is_fatal(error) or broken:
                raise
            batch = list(pending)
            pending.clear()
            for item, article in batch:
                try:
                    [result] = list(analyze_many([article], models=models))
                except Exception as alone:
                    if is_fatal(alone):
                        raise
                    rows.append(failed(item, InternalAnalysisError(f"analysis failed: {type(alone).__name__}: "
                                                                   f"{alone}")))
                    continue
                done(item, result)
    write(rows, Path(target))
    return len(rows), sum(1 for r in rows if r.status == "failed")

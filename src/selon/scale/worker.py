"""What one Dask task does on a worker: read its files, analyse them, write one Parquet partition.

The spaCy pipeline is cached per worker process (`selon.nlp.models`), so only a worker's first task pays for
loading the model.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from selon.corpus.readers import Ignored, RawItem, read_paths
from selon.errors import SelonError
from selon.ingest.prepare import ArticleInput, prepare
from selon.pipeline import Failure, analyze_many
from selon.scale.partitions import PartitionRow, write


def analyse_task(files: list[str], target: str, lang: str | None = None,
                 models: dict[str, str] | None = None) -> tuple[int, int]:
    """Returns (rows written, failures among them)."""
    rows: list[PartitionRow] = []
    pending: deque[RawItem] = deque()

    def failed(item: RawItem, error: SelonError) -> PartitionRow:
        return PartitionRow(item.key, item.name, "failed", code=error.code, reason=error.message,
                            payload=item.to_payload())

    def prepared() -> Iterator[ArticleInput]:
        for item in read_paths(files):
            if isinstance(item, Ignored):
                continue
            if not isinstance(item, RawItem):
                rows.append(PartitionRow(item.key, item.name, "failed", code=item.error.code,
                                         reason=item.error.message, retryable=item.retryable, payload=item.payload))
                continue
            try:
                article = prepare(item.data, name=item.name, html=item.html,
                                  **{"lang": lang, **item.meta})
            except SelonError as error:
                rows.append(failed(item, error))
                continue
            pending.append(item)
            yield article

    for result in analyze_many(prepared(), models=models):
        item = pending.popleft()
        if isinstance(result, Failure):
            rows.append(failed(item, result.error))
        else:
            rows.append(PartitionRow(item.key, item.name, "ok", analysis=json.dumps(result.to_dict(),
                                                                                    ensure_ascii=False)))
    write(rows, Path(target))
    return len(rows), sum(1 for r in rows if r.status == "failed")

"""`selon load`: Parquet partitions written by a distributed ingest, brought into a store.

Loading goes through the same writes as a local ingest (deduplication, syndication, speaker linking, input
marks), so loading a folder twice, or after a kill, stores nothing twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from selon.corpus import save, stories
from selon.corpus.ingest import IngestReport, InternalAnalysisError, is_fatal
from selon.corpus.linking import relink_surnames
from selon.corpus.syndication import Syndication, note_if_new, repair_once
from selon.errors import CorpusInputError, InputNotFoundError
from selon.scale import partitions
from selon.schema.records import Analysis
from selon.store.base import Store


def load(store: Store, directory: str, progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    folder = Path(directory)
    if not folder.is_dir():
        raise InputNotFoundError(f"{directory}: no such folder of partitions.")
    report = IngestReport()
    started = time.perf_counter()
    note_if_new(store)
    stories.note_if_new(store)
    stories.ensure_built(store)
    index = Syndication.load(store)
    for path in partitions.partition_files(folder):
        try:
            rows = partitions.read(path)
        except Exception as error:  # noqa: BLE001 - pyarrow raises several types for a damaged file
            save.record_failure(store, str(path), str(path),
                                CorpusInputError(f"{path}: unreadable partition ({error})."), retryable=False)
            report.failed += 1
            continue
        for row in rows:
            _load_row(store, row, index, report)
            if progress is not None:
                progress(report)
    repair_once(store)
    relink_surnames(store)
    report.seconds = time.perf_counter() - started
    return report


def _load_row(store: Store, row: partitions.PartitionRow, index: Syndication, report: IngestReport) -> None:
    if save.input_status(store, row.key) in save.DONE:
        report.skipped += 1
        return
    if row.status != "ok" or row.analysis is None:
        error = partitions.RecordedError(row.code or "E000", row.reason or "failed")
        save.record_failure(store, row.key, row.name, error, retryable=row.retryable, payload=row.payload)
        report.failed += 1
        report.failures.append(f"{row.name}: {error}")
        return
    try:
        saved = save.save_analysis(store, Analysis.from_dict(json.loads(row.analysis)), row.key, index)
    except Exception as error:  # one bad row fails alone; a store that fails stops the load
        if is_fatal(error):
            raise
        failure = InternalAnalysisError(f"storing failed: {type(error).__name__}: {error}")
        save.record_failure(store, row.key, row.name, failure, payload=row.payload)
        report.failed += 1
        report.failures.append(f"{row.name}: {failure}")
        return
    if saved.status == "stored":
        report.stored += 1
    elif saved.status == "duplicate":
        report.duplicates += 1
    else:
        report.skipped += 1

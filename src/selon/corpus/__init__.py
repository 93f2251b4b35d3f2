"""The corpus side of selon: ingest many articles into a store, then ask who said what, where and how often.

The entry point is `Corpus` (see `selon.corpus.api`); the CLI commands are thin wrappers around it.
"""

from __future__ import annotations

from selon.corpus.api import Corpus
from selon.corpus.ingest import IngestReport
from selon.corpus.parity import ParityRow
from selon.store.rows import ArticleSummary, FailureRecord, OutletStats, Quote, SearchHit, SpeakerCount, Stats

__all__ = [
    "ArticleSummary",
    "Corpus",
    "FailureRecord",
    "IngestReport",
    "OutletStats",
    "ParityRow",
    "Quote",
    "SearchHit",
    "SpeakerCount",
    "Stats",
]

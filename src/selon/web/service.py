"""Running the analyser from request handlers: one analysis at a time, off the event loop.

spaCy pipelines are not documented as safe to call from several threads at once, and each analysis is CPU
work, so concurrent requests queue on one lock rather than share a model; async handlers hand the call to a
worker thread so the server keeps answering corpus pages meanwhile.
"""

from __future__ import annotations

import threading
from typing import Any

from starlette.concurrency import run_in_threadpool

from selon.schema.records import Analysis
from selon.web.settings import Settings


class AnalysisService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()

    def analyze(self, text: str | bytes, **options: Any) -> Analysis:
        with self._lock:
            return self.settings.analyze(text, **options)

    async def analyze_async(self, text: str | bytes, **options: Any) -> Analysis:
        return await run_in_threadpool(self.analyze, text, **options)

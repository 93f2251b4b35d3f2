"""Running the analyser from request handlers: a bounded pool of workers, a bounded queue, a time limit.

One analysis is CPU work for up to minutes (a 1.8 MB article takes 88 s), so analyses must neither run on the
event loop nor queue without bound behind one lock. Each request is admitted only while fewer than
`workers + queue` are in the service, else it gets E052 (503 with Retry-After) at once; an admitted request
waits for a free worker (E052 if none comes free within `time_limit` seconds) and then runs there; past
`time_limit` seconds of analysis it gets E053 (503).

Workers are processes (a `multiprocessing` pool of one, started on first use, spawn context) when the analyser
is selon's own: spaCy pipelines are not documented as safe across threads, and a process that runs past the
limit can be stopped, so a huge article frees its worker at the deadline instead of holding it. A caller's own
analyser (`Settings.analyzer`: tests, an embedding application) runs in threads, one per worker, since it may
not survive pickling; a thread cannot be stopped, so its worker comes back only when the call returns.
"""

from __future__ import annotations

import math
import multiprocessing
import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from multiprocessing.pool import Pool
from typing import Any, Protocol

from starlette.concurrency import run_in_threadpool

from selon.errors import AnalysisTimeoutError, ServerBusyError
from selon.schema.records import Analysis
from selon.web.settings import Settings


class Worker(Protocol):
    def run(self, text: str | bytes, options: dict[str, Any], timeout: float, done: Any) -> Analysis: ...

    def close(self) -> None: ...


def _call(settings: Settings, text: str | bytes, options: dict[str, Any]) -> Analysis:
    """What a worker process runs (a module function, so that it pickles by name)."""
    return settings.analyze(text, **options)


class ProcessWorker:
    """One worker process; terminated and replaced when an analysis runs past its time limit."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: Pool | None = None

    def run(self, text: str | bytes, options: dict[str, Any], timeout: float, done: Any) -> Analysis:
        try:
            if self._pool is None:
                self._pool = multiprocessing.get_context("spawn").Pool(1)
            pending = self._pool.apply_async(_call, (self.settings, text, options))
            try:
                result: Analysis = pending.get(timeout)
            except multiprocessing.TimeoutError:
                self.close()  # the runaway analysis stops here; the next request starts a fresh process
                raise _timed_out(self.settings) from None
            return result
        finally:
            done()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


class ThreadWorker:
    """One worker thread for a caller's analyser; past the limit the request is answered, and the worker is
    given back only when the call it runs has returned."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="selon-analysis")

    def run(self, text: str | bytes, options: dict[str, Any], timeout: float, done: Any) -> Analysis:
        future: Future[Analysis] = self._thread.submit(self.settings.analyze, text, **options)
        future.add_done_callback(lambda _: done())
        try:
            return future.result(timeout)
        except FutureTimeout:
            raise _timed_out(self.settings) from None

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)


def _timed_out(settings: Settings) -> AnalysisTimeoutError:
    return AnalysisTimeoutError(f"the analysis ran past the server's limit of {settings.time_limit:g} seconds.")


class AnalysisService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        isolate = settings.isolate if settings.isolate is not None else settings.analyzer is None
        self._workers: list[Worker] = [ProcessWorker(settings) if isolate else ThreadWorker(settings)
                                       for _ in range(settings.workers)]
        self._free: queue.Queue[Worker] = queue.Queue()
        for worker in self._workers:
            self._free.put(worker)
        self._admitted = 0
        self._lock = threading.Lock()

    @property
    def retry_after(self) -> int:
        """Seconds a refused client should wait: about the time one queued analysis may take to be served."""
        return max(1, math.ceil(self.settings.time_limit / max(self.settings.workers, 1) / 4))

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.settings.workers + self.settings.queue:
                raise ServerBusyError(f"all {self.settings.workers} analysis worker(s) are busy and "
                                      f"{self.settings.queue} request(s) already wait.")
            self._admitted += 1

    def _leave(self) -> None:
        with self._lock:
            self._admitted -= 1

    def analyze(self, text: str | bytes, **options: Any) -> Analysis:
        """Runs one analysis on the first free worker, within the time limit; the wait for a worker is
        bounded by the same limit (then E052: the queue did not move)."""
        try:
            worker = self._free.get(timeout=self.settings.time_limit)
        except queue.Empty:
            raise ServerBusyError(f"no analysis worker came free within {self.settings.time_limit:g} "
                                  "seconds.") from None

        def done() -> None:
            self._free.put(worker)

        return worker.run(text, options, self.settings.time_limit, done)

    async def analyze_async(self, text: str | bytes, **options: Any) -> Analysis:
        self._admit()
        try:
            return await run_in_threadpool(self.analyze, text, **options)
        finally:
            self._leave()

    def close(self) -> None:
        for worker in self._workers:
            worker.close()

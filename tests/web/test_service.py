"""The analysis service: a bounded pool of workers, a bounded queue (503 with Retry-After beyond it) and a time
limit, so one huge article cannot hold every other analyse request behind it."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from selon.errors import AnalysisTimeoutError, ServerBusyError
from selon.schema.records import Analysis
from selon.web import Settings, create_app
from selon.web.service import AnalysisService
from selon.web.testing import running
from tests.web.builders import drones
from tests.web.slow_analyzers import slow_on_request


class Gate:
    """An analyser that holds every call on "hold" until released, and counts the calls it started."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def __call__(self, text: str | bytes, **_: Any) -> Analysis:
        if text == "hold":
            self.started.release()
            assert self.release.wait(30), "the test never released the gate"
        return drones()


def test_past_workers_plus_queue_a_request_is_refused_at_once() -> None:
    gate = Gate()
    service = AnalysisService(Settings(analyzer=gate, workers=1, queue=1, time_limit=30))

    async def scenario() -> list[Any]:
        first = asyncio.ensure_future(service.analyze_async("hold"))
        waiting = asyncio.ensure_future(service.analyze_async("quick"))
        await asyncio.sleep(0.2)
        started = time.monotonic()
        with pytest.raises(ServerBusyError, match="busy"):
            await service.analyze_async("one too many")
        assert time.monotonic() - started < 0.5, "a full service answers at once"
        gate.release.set()
        return list(await asyncio.gather(first, waiting))

    assert len(asyncio.run(scenario())) == 2
    service.close()


def test_a_long_analysis_does_not_block_another_worker() -> None:
    gate = Gate()
    service = AnalysisService(Settings(analyzer=gate, workers=2, queue=0, time_limit=30))

    async def scenario() -> float:
        held = asyncio.ensure_future(service.analyze_async("hold"))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await service.analyze_async("quick")
        took = time.monotonic() - started
        gate.release.set()
        await held
        return took

    assert asyncio.run(scenario()) < 2
    service.close()


def test_an_analysis_past_the_time_limit_is_answered_at_the_limit() -> None:
    gate = Gate()
    service = AnalysisService(Settings(analyzer=gate, workers=1, queue=0, time_limit=0.5))
    started = time.monotonic()
    with pytest.raises(AnalysisTimeoutError, match="0.5 seconds"):
        asyncio.run(service.analyze_async("hold"))
    assert time.monotonic() - started < 3
    gate.release.set()
    service.close()


@pytest.fixture
def gated_server(store_path: Path) -> Any:
    gate = Gate()
    app = create_app(Settings(db=str(store_path), analyzer=gate, workers=1, queue=0, time_limit=30))
    with running(app) as url:
        yield url, gate
        gate.release.set()


def test_the_http_answer_is_a_503_with_retry_after_and_selon_s_error_body(gated_server: Any) -> None:
    url, gate = gated_server
    results: list[httpx.Response] = []
    first = threading.Thread(target=lambda: results.append(
        httpx.post(f"{url}/api/analyze", json={"text": "hold"}, timeout=30)))
    first.start()
    assert gate.started.acquire(timeout=10)
    refused = httpx.post(f"{url}/api/analyze", json={"text": "quick"}, timeout=10)
    assert refused.status_code == 503 and int(refused.headers["retry-after"]) >= 1
    assert refused.json()["error"]["code"] == "E052"
    assert httpx.get(f"{url}/api/corpus/stats", timeout=10).status_code == 200, "the corpus still answers"
    gate.release.set()
    first.join(30)
    assert results[0].status_code == 200


@pytest.mark.slow
def test_a_worker_process_past_the_limit_is_stopped_and_replaced(store_path: Path) -> None:
    settings = Settings(db=str(store_path), analyzer=slow_on_request, isolate=True, workers=1, queue=1,
                        time_limit=8)
    service = AnalysisService(settings)
    try:
        assert isinstance(service.analyze("warm up"), Analysis)  # the process starts and imports selon
        started = time.monotonic()
        with pytest.raises(AnalysisTimeoutError):
            service.analyze("slow")
        assert time.monotonic() - started < 20
        started = time.monotonic()
        assert isinstance(service.analyze("quick"), Analysis), "a fresh process serves the next request"
        assert time.monotonic() - started < 20
    finally:
        service.close()

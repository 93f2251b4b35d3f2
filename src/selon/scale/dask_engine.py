"""`selon ingest --engine dask`: analysis spread over a Dask cluster, results written as Parquet partitions.

Why Dask rather than Spark: selon is Python end to end (spaCy, the extractor, the readers), Dask runs it in
plain Python worker processes with no JVM or serialisation bridge, and `distributed.LocalCluster` makes the
same code testable on one machine. The scheduler decides where and when tasks run; selon only cuts the inputs
into tasks (each WARC or JSONL file alone, plain files in groups) and names each task's output after its
inputs, so a re-run skips partitions already written. Without a scheduler address a local cluster of worker
processes is started for the run, so the engine can be tried on one machine first. Workers must see the input paths (a shared filesystem or
the same machine) and write to the output folder; `selon load` then brings the partitions into a store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selon.corpus.readers import Ignored, ReadFailure, list_inputs
from selon.corpus.readers import files as plain_files
from selon.errors import SchedulerUnavailableError

FILES_PER_TASK = 64
#: Seconds to wait for a scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10


@dataclass(frozen=True)
class DaskReport:
    tasks: int
    skipped: int
    rows: int
    failed: int
    seconds: float
    #: Files of the folders given that are no input ("PATH: reason"), as a local ingest lists them.
    ignored: list[str] = field(default_factory=list)


def plan(paths: list[str], files_per_task: int = FILES_PER_TASK,
         ignored: list[str] | None = None) -> list[list[str]]:
    """Input files grouped into tasks; archives (WARC, JSONL) are one task each, plain files share tasks.
    Files that are no input are added to `ignored` with their reason."""
    tasks: list[list[str]] = []
    group: list[str] = []
    for path in list_inputs(paths):
        if isinstance(path, Ignored):
            if ignored is not None:
                ignored.append(str(path))
            continue
        name = path.name if isinstance(path, ReadFailure) else str(path)
        if isinstance(path, Path) and not path.name.lower().endswith(plain_files.TEXT_SUFFIXES + plain_files.HTML_SUFFIXES):
            tasks.append([str(path)])
            continue
        group.append(name)
        if len(group) == files_per_task:
            tasks.append(group)
            group = []
    if group:
        tasks.append(group)
    return tasks


def partition_name(task: list[str]) -> str:
    return "part-" + hashlib.sha1("\n".join(task).encode("utf-8")).hexdigest()[:16] + ".parquet"


def local_cluster(workers: int) -> Any:
    """A cluster on this machine, `workers` processes of one thread each (spaCy is not thread-parallel), for a
    try of the engine before a real cluster; a test may stand in a cluster of threads."""
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                        dashboard_address=None)


@contextmanager
def client_for(scheduler: str | None, workers: int = 1) -> Iterator[Any]:
    """A client of the scheduler at `scheduler`, or of a local cluster started (and stopped) here when None;
    a scheduler that cannot be reached is `SchedulerUnavailableError`, not a driver's traceback."""
    from distributed import Client

    if scheduler is None:
        with local_cluster(workers) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise SchedulerUnavailableError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
    with client:
        yield client


def run(paths: list[str], scheduler: str | None, output: str, *, workers: int = 1, lang: str | None = None,
        models: dict[str, str] | None = None, files_per_task: int = FILES_PER_TASK,
        progress: Callable[[int, int], None] | None = None) -> DaskReport:
    """Submits one task per input group to the cluster at `scheduler` (None: a local cluster of `workers`
    processes) and waits for all of them."""
    import time

    from distributed import as_completed

    from selon.scale.worker import analyse_task

    started = time.perf_counter()
    directory = Path(output).absolute()
    ignored: list[str] = []
    rows = failed = done = 0
    with client_for(scheduler, workers) as client:  # first, so an unreachable scheduler leaves nothing behind
        directory.mkdir(parents=True, exist_ok=True)
        tasks = plan(paths, files_per_task, ignored)
        todo = [(t, directory / partition_name(t)) for t in tasks if not (directory / partition_name(t)).exists()]
        futures = [client.submit(analyse_task, files, str(target), lang, models, key=f"selon-{target.stem}",
                                 pure=False) for files, target in todo]
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            written, failures = future.result()
            rows, failed, done = rows + written, failed + failures, done + 1
            if progress is not None:
                progress(done, len(todo))
    return DaskReport(len(tasks), len(tasks) - len(todo), rows, failed, time.perf_counter() - started, ignored)

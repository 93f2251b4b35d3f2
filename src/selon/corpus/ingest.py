"""`selon ingest`: read inputs, skip what the store already holds, analyse the rest, store each as it comes.

Inputs stream through `selon.analyze_many` (which runs spaCy in `workers` processes and keeps input order),
so memory stays flat on a crawl of any size. Nothing here stops a batch: an input that cannot be read,
prepared, analysed or stored is recorded as failed with its reason, and the next one goes on; only a store
that fails (a full disk, a lost server) stops the ingest, and what was committed stays.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from selon.corpus import save, stories
from selon.corpus.linking import relink_surnames
from selon.corpus.readers import Ignored, RawItem, ReadFailure, read_paths
from selon.corpus.syndication import Syndication, note_if_new, repair_once
from selon.errors import ModelNotFoundError, ResourceError, SelonError, StoreError
from selon.ingest.prepare import ArticleInput, prepare
from selon.pipeline import Failure, analyze_many
from selon.schema.records import Analysis
from selon.store.base import Store


class InternalAnalysisError(SelonError):
    """A bug met while analysing a batch: its articles are recorded as failed so the rest goes on."""

    code = "E099"
    hint = "Please report it; `selon ingest --retry-failed` retries these articles once it is fixed."


@dataclass
class IngestReport:
    """What one ingest did; `seconds` covers reading, analysing and storing."""

    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    #: Files of the folders given that are no input ("PATH: reason"): unknown suffixes, FIFOs.
    ignored: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates + self.failed

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"stored": self.stored, "duplicates": self.duplicates, "failed": self.failed,
                "skipped": self.skipped, "ignored": len(self.ignored), "ignored_inputs": list(self.ignored),
                "seconds": round(self.seconds, 3), "articles_per_s": round(self.rate, 2)}


Analyzer = Callable[..., Iterator[Analysis | Failure]]


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    retry_failed: bool = False
    lang: str | None = None
    models: dict[str, str] | None = None
    batch_size: int = 16
    #: What turns prepared articles into analyses, in order; `selon.analyze_many` unless a test or an
    #: embedding application supplies its own with the same signature.
    analyzer: Analyzer | None = None
    #: Place each article in its story as it is stored (`selon.corpus.stories`); off, the stories are marked
    #: stale and the next ingest with them on rebuilds them.
    stories: bool = True


Progress = Callable[[IngestReport], None]


def ingest(store: Store, paths: Iterable[str], options: IngestOptions | None = None,
           progress: Progress | None = None, *,
           read: Iterable[RawItem | ReadFailure | Ignored] | None = None) -> IngestReport:
    """`read`, when given, is what to ingest instead of reading `paths` (`selon.fetch.crawl` fetches it)."""
    options = options or IngestOptions()
    report = IngestReport()
    started = time.perf_counter()
    note_if_new(store)
    stories.note_if_new(store)
    if options.stories:
        stories.ensure_built(store)
    else:
        stories.mark_stale(store)
    items: Iterable[RawItem | ReadFailure | Ignored] = read_paths(paths) if read is None else read
    if options.retry_failed:
        items = _chain(retry_items(store), items)
    _Run(store, options, report, progress).run(items)
    repair_once(store)
    relink_surnames(store)
    report.seconds = time.perf_counter() - started
    return report


def retry_items(store: Store) -> Iterator[RawItem | ReadFailure | Ignored]:
    """Failed inputs again: from their kept payload, or by reading their file again (a damaged archive)."""
    for record, payload in save.failures(store, retryable_only=True):
        if payload is not None:
            yield RawItem.from_payload(record.key, payload)
        elif record.name.lower().startswith(("http://", "https://")):
            continue  # a fetch that failed: retried by fetching (`selon.fetch.crawl`), not read as a path
        else:
            save.forget_failure(store, record.key)
            yield from read_paths([record.name])


def _chain(*parts: Iterable[RawItem | ReadFailure | Ignored]) -> Iterator[RawItem | ReadFailure | Ignored]:
    for part in parts:
        yield from part


def is_fatal(error: Exception) -> bool:
    """A store that fails, a missing model or a broken language file is no article's fault: it stops the ingest
    (what was committed stays) instead of recording every article as failed."""
    if isinstance(error, (StoreError, ModelNotFoundError, ResourceError)):
        return True
    return type(error).__module__.split(".")[0] in ("sqlite3", "psycopg")


class _Run:
    """One pass over the inputs; `pending` pairs each article sent to the pipeline with its input and identity.

    Every input ends in exactly one of: stored, duplicate, failed (with its reason), skipped (already done), and
    only a committed article marks its input done. An error met with one input fails that input alone: while
    preparing or storing it, right there; inside the analyzer, which may hold a batch of several, by analysing
    that batch's articles again one at a time. Only a fatal error (`is_fatal`) stops the run.
    """

    def __init__(self, store: Store, options: IngestOptions, report: IngestReport, progress: Progress | None):
        self.store, self.options, self.report, self.progress = store, options, report, progress
        self.index = Syndication.load(store)
        self.pending: deque[tuple[RawItem, save.Identity, ArticleInput]] = deque()
        self.seen: set[str] = set()
        self.broken: BaseException | None = None

    def run(self, items: Iterable[RawItem | ReadFailure | Ignored]) -> None:
        articles = self._prepared(iter(items))
        analyzer = self.options.analyzer or analyze_many
        while True:
            try:
                for result in analyzer(articles, n_process=self.options.workers,
                                       batch_size=self.options.batch_size, models=self.options.models):
                    self._store(*self.pending.popleft()[:2], result)
                return
            except Exception as error:
                if is_fatal(error) or self.broken is not None:
                    raise
                self._isolate(analyzer)

    def _isolate(self, analyzer: Analyzer) -> None:
        """After a crash inside the analyzer, its pending articles one at a time: only the culprit fails."""
        batch = list(self.pending)
        self.pending.clear()
        for item, identity, article in batch:
            try:
                results = list(analyzer(iter([article]), n_process=1, batch_size=1, models=self.options.models))
            except Exception as error:
                if is_fatal(error):
                    raise
                self._fail(item, InternalAnalysisError(f"analysis failed: {type(error).__name__}: {error}"))
                continue
            if len(results) != 1:
                self._fail(item, InternalAnalysisError(f"the analyzer gave {len(results)} results for one article"))
                continue
            self._store(item, identity, results[0])

    def _prepared(self, items: Iterator[RawItem | ReadFailure | Ignored]) -> Iterator[ArticleInput]:
        try:
            for item in items:
                article = self._prepare(item)
                if article is not None:
                    yield article
        except BaseException as error:  # the analyzer would see an end of input: say it is broken instead
            self.broken = error
            raise

    def _prepare(self, item: RawItem | ReadFailure | Ignored) -> ArticleInput | None:
        if isinstance(item, Ignored):
            self.report.ignored.append(str(item))
            return None
        if item.key in self.seen:  # the same input given twice (a file, and the folder that holds it)
            self.report.skipped += 1
            return None
        self.seen.add(item.key)
        if isinstance(item, ReadFailure):
            if save.input_status(self.store, item.key) == "failed" and not self.options.retry_failed:
                self.report.skipped += 1
                return None
            self._failed(item.key, item.name, item.error, item.retryable, item.payload)
            return None
        status = save.input_status(self.store, item.key)
        if status in save.DONE or (status == "failed" and not self.options.retry_failed):
            self.report.skipped += 1
            return None
        try:
            article = prepare(item.data, name=item.name, html=item.html, **{"lang": self.options.lang, **item.meta})
            identity = save.Identity.of(article.url, article.text)
            duplicate = save.find_duplicate(self.store, identity)
        except SelonError as error:
            if is_fatal(error):
                raise
            self._fail(item, error)
            return None
        except Exception as error:
            if is_fatal(error):
                raise
            self._fail(item, InternalAnalysisError(f"preparing failed: {type(error).__name__}: {error}"))
            return None
        if duplicate is not None:
            self._count("duplicates" if save.mark_duplicate(self.store, item.key, duplicate) else "skipped")
            return None
        self.pending.append((item, identity, article))
        return article

    def _store(self, item: RawItem, identity: save.Identity, result: Analysis | Failure) -> None:
        if isinstance(result, Failure):
            self._fail(item, result.error)
            return
        try:
            saved = save.save_analysis(self.store, result, item.key, self.index, identity,
                                       place_in_story=self.options.stories)
        except Exception as error:
            if is_fatal(error):
                raise
            self._fail(item, InternalAnalysisError(f"storing failed: {type(error).__name__}: {error}"))
            return
        self._count({"stored": "stored", "duplicate": "duplicates"}.get(saved.status, "skipped"))

    def _fail(self, item: RawItem, error: SelonError) -> None:
        self._failed(item.key, item.name, error, True, item.to_payload())

    def _failed(self, key: str, name: str, error: SelonError, retryable: bool, payload: str | None) -> None:
        save.record_failure(self.store, key, name, error, retryable=retryable, payload=payload)
        self.report.failures.append(f"{name}: {error}")
        self._count("failed")

    def _count(self, what: str) -> None:
        setattr(self.report, what, getattr(self.report, what) + 1)
        if self.progress is not None:
            self.progress(self.report)

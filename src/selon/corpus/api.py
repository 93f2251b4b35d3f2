"""The corpus as a Python API: the same questions as `selon sources|quotes|search|article|stats|export`.

    >>> from selon.corpus import Corpus
    >>> with Corpus("selon.db") as corpus:            # or "postgresql://user:pw@host/db"
    ...     corpus.ingest(["articles/"])
    ...     top = corpus.sources(kind="person", limit=10)
    ...     said = corpus.quotes("Claire Dubois")

Every method returns plain frozen dataclasses from `selon.store.rows` (each with `to_dict()`), or `Analysis`
records for whole articles; these signatures are kept stable for the web UI and other callers. Errors are
`selon.errors.StoreError` subclasses (store unusable, not found) or `InputError` subclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Self

from selon.corpus import queries
from selon.corpus.ingest import IngestOptions, IngestReport, Progress, ingest
from selon.corpus.save import failures
from selon.schema.records import Analysis
from selon.store import OpenMode, open_store
from selon.store.base import Store
from selon.store.rows import (
    ArticleSummary,
    FailureRecord,
    Filters,
    MonthCounts,
    OutletStats,
    Quote,
    SearchHit,
    SpeakerCount,
    Stats,
)

if TYPE_CHECKING:
    from selon.corpus.parity import ParityRow
    from selon.corpus.story_queries import ClaimRow, StorySummary


class Corpus:
    """A store of analysed articles, opened (and created on first use) from a `--db` style URL; `None` is
    `selon.db` in the working directory. `mode="read"` only asks: a missing store is `NoStoreError`, never
    created (see `selon.store.open_store`). Not thread-safe: open one per thread or request."""

    def __init__(self, url: str | None = None, *, mode: OpenMode = "write") -> None:
        self.store: Store = open_store(url, mode=mode)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Filling it.
    def ingest(self, paths: Iterable[str], *, workers: int = 1, retry_failed: bool = False,
               lang: str | None = None, models: dict[str, str] | None = None,
               progress: Progress | None = None) -> IngestReport:
        """Analyses and stores the articles in `paths` (folders of .txt/.html, JSONL, WARC); already-stored
        inputs are skipped, failures recorded. `progress` is called with the running report after each."""
        options = IngestOptions(workers=workers, retry_failed=retry_failed, lang=lang, models=models)
        return ingest(self.store, paths, options, progress)

    # Asking it.
    def sources(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                kind: str | None = None, lang: str | None = None, stance: str | None = None,
                limit: int = 50, offset: int = 0) -> list[SpeakerCount]:
        """Speakers ranked by statements (syndicated copies counted once), with the outlets that quote them."""
        filters = Filters(outlet, since, until, kind, lang, stance)
        return queries.sources(self.store, filters, limit=limit, offset=offset)

    def quotes(self, source: str, *, outlet: str | None = None, since: str | None = None,
               until: str | None = None, stance: str | None = None, limit: int = 100,
               offset: int = 0) -> list[Quote]:
        """Everything `source` said (a name in any case or accents, a surname, or a speaker id), oldest first."""
        filters = Filters(outlet=outlet, since=since, until=until, stance=stance)
        return queries.quotes(self.store, source, filters, limit=limit, offset=offset)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over statements' contents, then articles' titles and bodies."""
        return queries.search(self.store, query, limit=limit)

    def article(self, article_id: str) -> Analysis:
        """The stored analysis of one article; raises `NotFoundInStoreError` for an unknown id."""
        return queries.article(self.store, article_id)

    def articles(self, *, source: str | None = None, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, lang: str | None = None, limit: int = 100,
                 offset: int = 0) -> list[ArticleSummary]:
        """Stored articles, newest first; with `source`, every article that cites that source."""
        filters = Filters(outlet=outlet, since=since, until=until, lang=lang)
        return queries.articles(self.store, filters, source=source, limit=limit, offset=offset)

    def stats(self) -> Stats:
        """Totals and per-outlet figures: articles, attributions, anonymous share, declines, denials."""
        return queries.stats(self.store)

    def outlet(self, outlet: str) -> OutletStats | None:
        """One outlet's figures (None when no stored article comes from it)."""
        return queries.outlet_stats(self.store, outlet)

    def monthly(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                kind: str | None = None, lang: str | None = None, stance: str | None = None) -> list[MonthCounts]:
        """Attributions per month of publication, with anonymous ones and declines: series for charts."""
        return queries.monthly(self.store, Filters(outlet, since, until, kind, lang, stance))

    def parity(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
               lang: str | None = None, by: str | tuple[str, ...] = ()) -> list[ParityRow]:
        """Women's share among distinct named speakers and among their statements, unknown genders counted
        apart, for everything or per `by` ("outlet", "month", "role", or a tuple of them), counted by the store
        (`selon.corpus.parity`). Raises `InvalidRequestError` for an unknown breakdown."""
        from selon.corpus import parity

        breakdown = (by,) if isinstance(by, str) else tuple(by)
        return parity.parity(self.store, Filters(outlet=outlet, since=since, until=until, lang=lang), breakdown)

    def statements(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                   lang: str | None = None, gender: str | None = None, role: str | None = None,
                   limit: int = 100, offset: int = 0) -> list[Quote]:
        """Named people's statements with a speaker gender and a role category: what a parity figure rests on."""
        from selon.corpus import parity

        filters = Filters(outlet=outlet, since=since, until=until, lang=lang)
        return parity.statements(self.store, filters, gender=gender, role=role, limit=limit, offset=offset)

    def stories(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                lang: str | None = None, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories (articles about one event) ranked by articles; a filter keeps those with a matching article."""
        from selon.corpus import story_queries

        filters = Filters(outlet=outlet, since=since, until=until, lang=lang)
        return story_queries.stories(self.store, filters, limit=limit, offset=offset)

    def story(self, story_id: int) -> dict[str, Any]:
        """One story's `selon-story/1` document: its articles and its claims with their independent origins;
        raises `NotFoundInStoreError` for an unknown id."""
        from selon.corpus import story_queries

        return story_queries.story(self.store, story_id)

    def claims(self, *, source: str | None = None, story: int | None = None, limit: int = 100) -> list[ClaimRow]:
        """Claims as rows: those a source made, denied or declined to comment on (`source`), or one story's."""
        from selon.corpus import story_queries

        if story is not None:
            return [v.row(story) for v in story_queries.claims_of(self.store, story)][:limit]
        if source is None:
            raise TypeError("claims() needs a source or a story")
        return story_queries.claims_by_source(self.store, source, limit=limit)

    def rebuild_stories(self, *, window_days: float | None = None, threshold: float | None = None) -> int:
        """Every story again from scratch in storage order (the same as the ingests found, with the same
        settings); new settings become the store's. Returns the number of stories."""
        from selon.corpus import stories

        current = stories.StorySettings.of(self.store)
        settings = stories.StorySettings(current.window_days if window_days is None else window_days,
                                         current.threshold if threshold is None else threshold)
        return stories.rebuild(self.store, settings)

    def failures(self) -> list[FailureRecord]:
        """Inputs recorded as failed, with their reasons."""
        return [record for record, _ in failures(self.store)]

    def iter_quotes(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                    kind: str | None = None, lang: str | None = None, stance: str | None = None) -> Iterator[Quote]:
        """Every stored attribution with its article's metadata, streamed."""
        return queries.iter_quotes(self.store, Filters(outlet, since, until, kind, lang, stance))

    def iter_analyses(self) -> Iterator[Analysis]:
        """Every stored article's analysis, streamed."""
        return queries.iter_analyses(self.store)

    def export(self, format: str, out: IO[bytes], *, raw: bool = False) -> int:
        """Writes every attribution in `format` (jsonl, csv, parquet, webannotation, labelstudio) to a binary
        stream; returns the number of records written. CSV cells starting with a formula character (=, +, -,
        @) are prefixed with `'` so that a spreadsheet shows them as text, unless `raw`."""
        from selon.corpus.export import export

        return export(self, format, out, raw=raw)

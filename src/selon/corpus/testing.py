"""Test helpers for stores and ingests, shared by selon's test suites (and usable by plugins' tests).

- `db_url`: a pytest fixture parametrised over SQLite and PostgreSQL. The PostgreSQL store lives in a fresh
  schema of the server named by `SELON_TEST_POSTGRES_URL`, dropped afterwards; without that variable the
  PostgreSQL case fails under CI (`CI=true`) and is skipped, with the reason, elsewhere.
- `scripted_analysis` / `scripted_analyzer`: analyses built from lines `NAME|KIND|STANCE|CONTENT` in an
  article's text, so storage behaviour is tested without spaCy and whatever the extractor finds.
- `voiced_analysis`: an analysis of named people each given a gender and a role category (the added fields of
  `selon/1` sources), for the parity figures' tests, page, screenshot and benchmark.
- `python -m selon.corpus.testing DB PATH...`: a slow scripted ingest, for the test that kills one mid-batch.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from selon.ingest.prepare import ArticleInput
from selon.pipeline import Failure
from selon.schema.records import Analysis, Article, Attribution, Cue, Source, Span

POSTGRES_ENV = "SELON_TEST_POSTGRES_URL"


@contextmanager
def fresh_postgres_schema(base_url: str) -> Iterator[str]:
    """A URL whose connections use a new, empty schema of the server at `base_url`."""
    import psycopg

    schema = f"selon_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _db_url(request: Any, tmp_path: Any) -> Iterator[str]:
    import pytest

    if request.param == "sqlite":
        yield str(tmp_path / "selon.db")
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        message = (f"{POSTGRES_ENV} is unset: the PostgreSQL store is not tested. "
                   f"Run `export {POSTGRES_ENV}=$(bash .ci/postgres.sh)` first.")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    with fresh_postgres_schema(base) as url:
        yield url


def _make_fixture() -> Any:
    try:
        import pytest
    except ImportError:  # pragma: no cover - only tests import this module
        return None
    return pytest.fixture(params=["sqlite", "postgresql"])(_db_url)


db_url = _make_fixture()


def scripted_analysis(text: str, *, doc_id: str = "doc", lang: str = "fr", title: str | None = None,
                      url: str | None = None, outlet: str | None = None, published: str | None = None) -> Analysis:
    """An analysis with one attribution per line `NAME|KIND|STANCE|CONTENT` of `text` (other lines are body)."""
    sources: dict[tuple[str, str], Source] = {}
    attributions: list[Attribution] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        parts = line.rstrip("\n").split("|")
        if len(parts) == 4:
            name, kind, stance, content = parts
            if (kind, name) not in sources:
                sources[(kind, name)] = Source(f"s{len(sources) + 1}", kind, name,  # type: ignore[arg-type]
                                               mentions=(Span(offset, offset + len(name), name),))
            start = offset + len(line.rstrip("\n")) - len(content)
            cue_start = offset + len(name) + 1
            attributions.append(Attribution(
                f"a{len(attributions) + 1}", "indirect", Span(start, start + len(content), content),
                Cue(cue_start, cue_start + len(kind), kind, "dire"), sources[(kind, name)].id,
                Span(offset, offset + len(name), name), stance, 0.9))  # type: ignore[arg-type]
        offset += len(line)
    article = Article(doc_id, lang, text, title, url, outlet, published)
    return Analysis(article, tuple(attributions), tuple(sources.values()))


@dataclass(frozen=True)
class Voice:
    """One statement by a source with the gender and role category the extractor would give it."""

    name: str
    gender: str | None
    role_category: str | None
    content: str
    kind: str = "person"


@dataclass(frozen=True)
class VoicedSource(Source):
    """A `Source` carrying `gender` and `role_category`, whether or not `Source` itself has them yet: the
    store reads them the same way from either (`selon.store.traits`)."""

    gender: Any = None  # typed loosely: `Source`'s own fields, where it has them, are Literals
    role_category: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "gender": self.gender, "role_category": self.role_category}


def voiced_analysis(voices: Iterable[Voice], *, doc_id: str = "doc", lang: str = "fr", outlet: str | None = None,
                    published: str | None = None, title: str | None = None) -> Analysis:
    """One attribution per voice, in a text of lines `NAME a dit : CONTENT`; one source per name, whose
    gender and role category are those of its first voice."""
    sources: dict[str, Source] = {}
    attributions: list[Attribution] = []
    lines: list[str] = []
    offset = 0
    for voice in voices:
        line = f"{voice.name} a dit : {voice.content}"
        if voice.name not in sources:
            sources[voice.name] = VoicedSource(
                f"s{len(sources) + 1}", voice.kind, voice.name,  # type: ignore[arg-type]
                mentions=(Span(offset, offset + len(voice.name), voice.name),), gender=voice.gender,
                role_category=voice.role_category)
        start = offset + len(line) - len(voice.content)
        cue = offset + len(voice.name) + 1
        attributions.append(Attribution(
            f"a{len(attributions) + 1}", "indirect", Span(start, start + len(voice.content), voice.content),
            Cue(cue, cue + 5, "a dit", "dire"), sources[voice.name].id,
            Span(offset, offset + len(voice.name), voice.name), "assert", 0.9))
        lines.append(line)
        offset += len(line) + 1
    article = Article(doc_id, lang, "\n".join(lines), title, None, outlet, published)
    return Analysis(article, tuple(attributions), tuple(sources.values()))


def scripted_analyzer(inputs: Iterable[ArticleInput | Failure], *, delay: float = 0.0,
                      **_: Any) -> Iterator[Analysis | Failure]:
    """Stands in for `selon.analyze_many`; an article whose text contains `BOOM` raises, as a bug would."""
    for item in inputs:
        if isinstance(item, Failure):
            yield item
            continue
        if "BOOM" in item.text:
            raise RuntimeError("scripted crash")
        time.sleep(delay)
        yield scripted_analysis(item.text, doc_id=item.id, lang=item.lang, title=item.title, url=item.url,
                                outlet=item.outlet, published=item.published)


def _main(argv: list[str]) -> int:
    """Ingest slowly with the scripted analyzer: `python -m selon.corpus.testing DB DELAY PATH...`."""
    from functools import partial

    from selon.corpus.ingest import IngestOptions, ingest
    from selon.store import open_store

    db, delay, *paths = argv
    with open_store(db) as store:
        analyzer = partial(scripted_analyzer, delay=float(delay))
        report = ingest(store, paths, IngestOptions(lang="fr", analyzer=analyzer))
    print(report.to_dict())
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))

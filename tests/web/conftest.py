"""Web fixtures: apps over a fake analyser and a store seeded with hand-built analyses (no spaCy needed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from selon.corpus.linking import relink_surnames
from selon.corpus.save import save_analysis
from selon.corpus.syndication import Syndication
from selon.schema.records import Analysis
from selon.store import open_store
from selon.web import Settings, create_app
from tests.web.builders import DRONES, Said, build, drones

#: Starlette's test client addresses its requests to `testserver`, a name the Host check must be told of.
TEST_HOSTS = ("testserver",)


def seed(db: Path, analyses: list[Analysis]) -> Path:
    """Stores analyses the way an ingest does, so the corpus pages read real store rows."""
    with open_store(str(db)) as store:
        index = Syndication.load(store)
        for number, analysis in enumerate(analyses):
            save_analysis(store, analysis, f"seed:{number}", index)
        relink_surnames(store)
    return db


def corpus_analyses() -> list[Analysis]:
    second = build(
        "Selon un responsable américain, les livraisons ont commencé en mai.\n\n"
        "« Les drones iraniens frappent nos villes », a déclaré Volodymyr Zelensky.",
        [Said("un responsable américain", "anonymous", "les livraisons ont commencé en mai", "Selon",
              "un responsable américain", type="indirect"),
         Said("Volodymyr Zelensky", "person", "Les drones iraniens frappent nos villes", "a déclaré",
              "Volodymyr Zelensky")],
        doc_id="doc-2", title="Livraisons de drones", outlet="La Gazette", published="2024-05-02")
    third = build(
        "« Nous surveillons les transferts d'armes », a déclaré Adrienne Watson.",
        [Said("Adrienne Watson", "person", "Nous surveillons les transferts d'armes", "a déclaré",
              "Adrienne Watson")],
        doc_id="doc-3", title="Washington surveille", outlet="Le Quotidien", published="2024-06-20")
    return [drones(), second, third]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return seed(tmp_path / "corpus.db", corpus_analyses())


class FakeAnalyzer:
    """Stands in for `selon.analyze`: returns a fixed analysis of whatever text it is given, and records
    the calls so tests can check what the routes passed on."""

    def __init__(self, make: Callable[[str], Analysis] | None = None) -> None:
        self.calls: list[tuple[str | bytes, dict[str, Any]]] = []
        self.make = make

    def __call__(self, text: str | bytes, **options: Any) -> Analysis:
        self.calls.append((text, options))
        if self.make is not None:
            decoded = text.decode() if isinstance(text, bytes) else text
            return self.make(decoded)
        return drones()


@pytest.fixture
def fake() -> FakeAnalyzer:
    return FakeAnalyzer()


@pytest.fixture
def client(store_path: Path, fake: FakeAnalyzer) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(store_path), analyzer=fake, max_body=64 * 1024,
                                               allowed_hosts=TEST_HOSTS))) as test_client:
        yield test_client


__all__ = ["DRONES", "TEST_HOSTS", "FakeAnalyzer", "corpus_analyses", "seed"]

"""The HTTP API fuzzed against its own OpenAPI schema (schemathesis): whatever a client sends, the server
answers with a status it documents, in the shape it documents, and never with a 500.

/api/analyze runs the real analyser (spaCy) so that odd text reaches the real input checks; the corpus
endpoints read a seeded store. Examples are bounded to keep the suite fast.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from selon.web import Settings, create_app
from tests.web.conftest import TEST_HOSTS, corpus_analyses, seed

CHECKS = [checks.not_a_server_error, checks.status_code_conformance, checks.content_type_conformance,
          checks.response_schema_conformance]


#: The app is built at import (schemathesis parametrises from its schema); its store is filled before the
#: first case runs and removed afterwards. Opening the store per request makes that order safe.
FOLDER = Path(tempfile.mkdtemp(prefix="selon-fuzz-"))
APP = create_app(Settings(db=str(FOLDER / "corpus.db"), max_body=256 * 1024, allowed_hosts=TEST_HOSTS))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def seeded_store() -> Iterator[None]:
    seed(FOLDER / "corpus.db", corpus_analyses())
    yield
    shutil.rmtree(FOLDER, ignore_errors=True)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)

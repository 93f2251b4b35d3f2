from __future__ import annotations

from collections.abc import Iterator

import pytest

from selon.corpus.testing import db_url  # noqa: F401  (the store fixture, over SQLite and PostgreSQL)
from tests.fetch.server import Site, start


@pytest.fixture
def site() -> Iterator[Site]:
    served = start()
    try:
        yield served
    finally:
        served.stop()

"""Analysers defined at module level, so that the service's worker processes can unpickle them by name."""

from __future__ import annotations

import time
from typing import Any

from selon.schema.records import Analysis
from tests.web.builders import drones


def slow_on_request(text: str | bytes, **_: Any) -> Analysis:
    """Sleeps a minute on the text "slow" (an article too large for the time limit), else answers at once."""
    if text == "slow":
        time.sleep(60)
    return drones()

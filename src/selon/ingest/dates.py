"""Publication dates: one form, YYYY-MM-DD, whether the user gives the date or the page does.

A user's date is checked strictly, since a typo there would be stored and compared as if it were true; a page's
date is only normalised, and dropped when it cannot be, since a page with a bad date still has an article.
"""

from __future__ import annotations

import re
from datetime import date

from selon.errors import InvalidDateError

_ISO_DAY = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")
_ISO_PREFIX = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})(?:[T ]|\Z)")


def validate_published(value: str) -> str:
    """`value` if it is a real calendar day written YYYY-MM-DD; raises InvalidDateError otherwise."""
    stripped = value.strip()
    if not _ISO_DAY.match(stripped):
        raise InvalidDateError(f"publication date {value!r} is not written YYYY-MM-DD")
    try:
        date.fromisoformat(stripped)
    except ValueError:
        raise InvalidDateError(f"publication date {value!r} is not a calendar day") from None
    return stripped


def normalise_found_date(value: object) -> str | None:
    """A date found in a page as YYYY-MM-DD (a full ISO timestamp is cut to its day), or None."""
    if not isinstance(value, str):
        return None
    match = _ISO_PREFIX.match(value)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None

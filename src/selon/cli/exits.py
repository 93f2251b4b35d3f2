"""Exit statuses of the command line, in one table: what a script calling selon can branch on."""

from __future__ import annotations

from selon.errors import SelonError

OK = 0
#: Some inputs of a batch failed, the others were processed and printed.
PARTIAL = 3
#: Wrong usage (unknown option, missing argument): click's own status.
USAGE = 2
#: A failure that is not one of ours: a bug to report.
INTERNAL = 1


def status_of(error: BaseException) -> int:
    """The exit status for an error: each SelonError class carries its own (see selon.errors)."""
    if isinstance(error, SelonError):
        return error.exit_status
    return INTERNAL

"""Exit statuses of the command line, in one table: what a script calling selon can branch on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from selon.cli.console import console, labelled
from selon.errors import SelonError

P = ParamSpec("P")
R = TypeVar("R")

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


def reported(command: Callable[P, R]) -> Callable[P, R]:
    """Runs a command so that a SelonError becomes one line on stderr and its exit status, never a traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except SelonError as error:
            console(stderr=True, soft_wrap=True).print(labelled("selon:", "red", str(error)))
            raise typer.Exit(status_of(error)) from None

    return run

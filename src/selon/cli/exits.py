"""Exit statuses of the command line, in one table: what a script calling selon can branch on."""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from selon.cli.console import console, labelled
from selon.errors import DiskFullError, SelonError

P = ParamSpec("P")
R = TypeVar("R")

OK = 0
#: Some inputs of a batch failed, the others were processed and printed.
PARTIAL = 3
#: Wrong usage (unknown option, missing argument): click's own status.
USAGE = 2
#: A failure that is not one of ours: a bug to report.
INTERNAL = 1
#: Standard output's reader went away (`selon export | head -1`): the status of a process ended by SIGPIPE, as
#: `cat` or `yes` give; nothing is printed, since that is how a pipeline normally ends.
BROKEN_PIPE = 141


def as_ours(error: BaseException) -> SelonError | None:
    """An OS error that is the machine's state rather than a bug, as the SelonError that says what to do."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        what = f"{error.filename} could not be written" if error.filename else "the output could not be written"
        return DiskFullError(f"the disk is full: {what}.")
    return None


def output_closed() -> typer.Exit:
    """The exit for a BrokenPipeError on standard output. Standard output is pointed at /dev/null first, or
    Python's own flush at exit would meet the closed pipe again and print "Exception ignored"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test runner's captured output)
        pass
    return typer.Exit(BROKEN_PIPE)


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
        except BrokenPipeError:
            raise output_closed() from None
        except OSError as error:
            ours = as_ours(error)
            if ours is None:
                raise
            console(stderr=True, soft_wrap=True).print(labelled("selon:", "red", str(ours)))
            raise typer.Exit(status_of(ours)) from None

    return run

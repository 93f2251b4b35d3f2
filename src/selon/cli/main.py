"""The `selon` command: one typer app; each family of subcommands registers itself from its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="selon",
    help="Who says what in the news: quotations, reported statements, their sources and stance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Who says what in the news: quotations, reported statements, their sources and stance."""


def _register() -> None:
    from selon.cli import analyze_cmd

    analyze_cmd.register(app)
    for module in ("selon.cli.eval_cmd", "selon.cli.corpus", "selon.cli.serve"):
        try:
            registered = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
            continue
        registered.register(app)


_register()


def run() -> None:
    app()

"""`selon analyze` and `selon languages`. (Provisional.)"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def languages() -> None:
        """List the languages selon can analyse."""
        from selon.lang import available_languages, load

        for code in available_languages():
            typer.echo(f"{code}\t{load(code).name}")

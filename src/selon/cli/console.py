"""The command line's consoles: data is printed as it is, never read as rich markup.

Paths, URLs, titles, outlet and source names, snippets and error messages come from the data; rich would read
`[/x]` in them as a closing tag (a MarkupError that stops the rest of a batch), `[bold red]` as a style and
FTS's `[word]` match marks as an unknown style, so the word vanishes. Every console here has markup off, and
the few styles selon adds travel as `rich.text.Text` spans, which are never parsed.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text


def console(*, stderr: bool = False, **options: Any) -> Console:
    """A console that prints strings literally (no markup, no automatic highlighting)."""
    return Console(stderr=stderr, markup=False, highlight=False, **options)


def labelled(label: str, style: str, message: str) -> Text:
    """`label` in `style`, then the message as plain text: "selon: a.txt:" in red, then the error."""
    return Text.assemble((label, style), " ", message)

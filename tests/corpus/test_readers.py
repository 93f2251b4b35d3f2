"""Readers of folders, JSONL and WARC, including damaged and odd inputs."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from selon.corpus.readers import Ignored, RawItem, ReadFailure, read_paths

PAGE = b"<html><body><article><p>Le ministre a parle.</p></article></body></html>"


def write_warc(path: Path, responses: list[tuple[str, str, bytes]], gz: bool = True) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, content_type, body in responses:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_a_folder_is_read_in_sorted_order_with_html_marked(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_bytes(PAGE)
    (tmp_path / "a.txt").write_text("Texte.")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items = list(read_paths([str(tmp_path)]))
    assert [(Path(i.key).name, i.html) for i in items if isinstance(i, RawItem)] == [("a.txt", False), ("b.html", True)]


def test_a_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    [item] = read_paths([str(tmp_path / "absent")])
    assert isinstance(item, ReadFailure) and "no such file" in item.error.message


def test_jsonl_records_keep_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 7, "text": "Texte.", "url": "https://x.fr/a", "outlet": "X", "lang": "fr"}\n')
    [item] = read_paths([str(path)])
    assert isinstance(item, RawItem)
    assert item.meta == {"doc_id": "7", "url": "https://x.fr/a", "outlet": "X", "lang": "fr"}


def test_an_invalid_jsonl_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Un."}\n{not json\n{"text": "Deux."}\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawItem", "ReadFailure", "RawItem"]
    assert "line 2: not JSON" in items[1].error.message  # type: ignore[union-attr]


def test_a_jsonl_record_without_text_is_a_failure_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Sans texte"}\n')
    [item] = read_paths([str(path)])
    assert isinstance(item, ReadFailure) and "neither 'text' nor 'html'" in item.error.message


def test_a_truncated_jsonl_gz_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(b'{"text": "Article %d."}\n' % i for i in range(200)))
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([str(path)]))
    assert all(isinstance(i, RawItem) for i in items[:-1]) and len(items) > 1
    assert isinstance(items[-1], ReadFailure) and "unreadable after line" in items[-1].error.message


def test_warc_html_responses_are_articles_with_url_and_outlet(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://www.lemonde.fr/a.html", "text/html; charset=utf-8", PAGE)])
    [item] = read_paths([str(path)])
    assert isinstance(item, RawItem) and item.html
    assert item.meta == {"url": "https://www.lemonde.fr/a.html", "outlet": "lemonde.fr"}
    assert item.data == PAGE


def test_a_non_html_warc_response_is_a_non_retryable_failure(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://x.fr/a.pdf", "application/pdf", b"%PDF-1.4")], gz=False)
    [item] = read_paths([str(path)])
    assert isinstance(item, ReadFailure) and not item.retryable
    assert "not an HTML page" in item.error.message


def test_a_truncated_warc_gz_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://x.fr/{i}", "text/html", PAGE * 20) for i in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawItem", "RawItem", "ReadFailure"]
    assert "damaged WARC after 2" in items[-1].error.message  # type: ignore[union-attr]


def test_a_truncated_uncompressed_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [(f"https://x.fr/{i}", "text/html", PAGE * 20) for i in range(3)], gz=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawItem", "RawItem", "ReadFailure"]


def test_a_jsonl_record_with_a_lone_surrogate_fails_alone_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Un."}\n{"text": "bad \\ud800 here"}\n{"text": "Deux.", "title": "x\\udc00"}\n'
                    '{"text": "Trois."}\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawItem", "ReadFailure", "ReadFailure", "RawItem"]
    assert "line 2: not Unicode text" in items[1].error.message  # type: ignore[union-attr]
    assert "'title' holds a lone surrogate" in items[2].error.message  # type: ignore[union-attr]


def test_files_no_reader_knows_are_ignored_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Texte.")
    (tmp_path / "notes.md").write_text("# notes")
    os.mkfifo(tmp_path / "pipe.txt")
    ignored = {Path(i.key).name: i.reason for i in read_paths([str(tmp_path)]) if isinstance(i, Ignored)}
    assert "unknown suffix '.md'" in ignored["notes.md"] and "named pipe (FIFO)" in ignored["pipe.txt"]


def test_a_fifo_given_by_name_is_a_failure_that_says_what_it_is(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [item] = read_paths([str(tmp_path / "pipe.txt")])
    assert isinstance(item, ReadFailure) and "named pipe (FIFO)" in item.error.message
    assert "no such file" not in item.error.message


def test_a_subfolder_that_cannot_be_listed_is_a_failure(tmp_path: Path, monkeypatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Texte.")
    (tmp_path / "b.txt").write_text("Texte.")
    scandir = os.scandir

    def refusing(path=".", *args, **kwargs):  # as chmod 000 would, even for root
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)
    items = list(read_paths([str(tmp_path)]))
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [Path(i.key).name for i in items if isinstance(i, RawItem)] == ["b.txt"]
    assert len(failures) == 1 and "locked: cannot be read (Permission denied)" in failures[0].error.message


def test_one_file_spelt_two_ways_is_one_key(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Texte.")
    monkeypatch.chdir(tmp_path)
    first, second = read_paths(["./a/../a/x.txt", str(tmp_path / "a" / "x.txt")])
    assert isinstance(first, RawItem) and isinstance(second, RawItem) and first.key == second.key


def test_a_linked_subfolder_is_read_once_and_a_link_back_up_does_not_loop(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Texte.")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "up").symlink_to(tmp_path)
    keys = [i.key for i in read_paths([str(tmp_path)]) if isinstance(i, RawItem)]
    assert keys == [str((tmp_path / "real" / "a.txt").resolve())]

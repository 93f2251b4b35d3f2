import io
import sys

import pytest

from selon.errors import InputNotFoundError
from selon.ingest.reader import read_path


def test_a_file_is_read_as_bytes(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("Le maire a parlé.".encode())
    assert read_path(str(path)) == (str(path), "Le maire a parlé.".encode())


def test_a_missing_path_raises_input_not_found_naming_it(tmp_path):
    missing = str(tmp_path / "absent.txt")
    with pytest.raises(InputNotFoundError, match="absent.txt"):
        read_path(missing)


def test_a_directory_raises_input_not_found(tmp_path):
    with pytest.raises(InputNotFoundError, match="directory"):
        read_path(str(tmp_path))


def test_a_dash_reads_standard_input_as_bytes(monkeypatch):
    data = "Selon la préfecture, la route est coupée.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert read_path("-") == ("-", data)

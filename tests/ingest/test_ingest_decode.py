import pytest
from ingest_samples import FRENCH

from selon.errors import BinaryInputError, DecodingError, EmptyInputError
from selon.ingest.decode import decode


def test_empty_bytes_are_refused_as_empty_input():
    with pytest.raises(EmptyInputError):
        decode(b"")


def test_whitespace_only_bytes_are_refused_as_empty_input():
    with pytest.raises(EmptyInputError):
        decode(b"  \n\t\r\n  ")


def test_a_bom_followed_by_whitespace_is_empty_input():
    with pytest.raises(EmptyInputError):
        decode(b"\xef\xbb\xbf \n")


def test_bytes_holding_nul_bytes_are_refused_as_binary():
    with pytest.raises(BinaryInputError, match="NUL"):
        decode(b"Le maire a dit\x00\x00\x01 bonjour")


def test_a_pdf_header_is_named_in_the_binary_error():
    with pytest.raises(BinaryInputError, match="PDF"):
        decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def test_a_gzip_header_is_named_in_the_binary_error():
    with pytest.raises(BinaryInputError, match="gzip"):
        decode(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")


def test_a_zip_header_is_named_in_the_binary_error():
    with pytest.raises(BinaryInputError, match="ZIP"):
        decode(b"PK\x03\x04\x14\x00\x06\x00")


def test_many_control_characters_are_refused_as_binary():
    with pytest.raises(BinaryInputError, match="control"):
        decode(bytes(range(1, 9)) * 50 + b"some text")


def test_utf8_text_is_decoded_without_warning():
    decoded = decode(FRENCH.encode("utf-8"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ()


def test_cp1252_french_text_is_decoded_with_a_warning():
    text = FRENCH.replace("'", "\u2019")  # the typographic apostrophe only cp1252 has among 8-bit encodings
    decoded = decode(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ("decoded as cp1252, not UTF-8",)


def test_latin1_french_text_is_decoded_with_a_warning():
    decoded = decode(FRENCH.encode("latin-1"))
    assert decoded.text == FRENCH
    assert len(decoded.warnings) == 1
    assert "not UTF-8" in decoded.warnings[0]


def test_a_utf8_byte_order_mark_is_stripped():
    decoded = decode(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    assert decoded.text == FRENCH
    assert decoded.warnings == ()


def test_utf16_with_a_byte_order_mark_is_read_rather_than_called_binary():
    decoded = decode(FRENCH.encode("utf-16"))
    assert decoded.text == FRENCH
    assert "utf-16" in decoded.warnings[0]


def test_crlf_and_lone_cr_line_ends_become_newlines():
    decoded = decode(b"Premier paragraphe.\r\n\r\nDeuxi\xc3\xa8me.\rTroisi\xc3\xa8me.")
    assert decoded.text == "Premier paragraphe.\n\nDeuxième.\nTroisième."


def test_bytes_no_encoding_reads_are_a_decoding_error():
    # high bytes only, no control characters: not binary by its look, yet text in no encoding
    with pytest.raises(DecodingError, match="not UTF-8"):
        decode(bytes(range(128, 256)) * 4)


MIXED_UTF8 = ("Le conseil municipal a voté jeudi soir la fermeture de la piscine du quartier des Tilleuls, après "
              "un débat très animé. Les élus étaient réunis à huis clos.\n\n")
MIXED_LATIN1 = "« C'est une décision difficile », a déclaré l'adjointe.\n\n"


@pytest.mark.parametrize("data", [
    MIXED_UTF8.encode("utf-8") + MIXED_LATIN1.encode("latin-1"),
    MIXED_LATIN1.encode("cp1252") + MIXED_UTF8.encode("utf-8"),
    MIXED_UTF8.encode("utf-8")[:40] + "é".encode("latin-1") + MIXED_UTF8.encode("utf-8")[40:],
])
def test_utf8_mixed_with_latin1_is_repaired_part_by_part_with_a_warning(data):
    decoded = decode(data)
    assert "voté" in decoded.text and "après" in decoded.text and "votÃ" not in decoded.text
    assert "Ã" not in decoded.text and "Ĺ" not in decoded.text
    assert decoded.warnings and "mixes UTF-8" in decoded.warnings[0]


def test_a_latin1_file_is_not_taken_for_mixed_utf8():
    decoded = decode(FRENCH.encode("latin-1"))
    assert decoded.text == FRENCH and decoded.encoding in ("cp1252", "latin_1")
    assert "mixes" not in decoded.warnings[0]

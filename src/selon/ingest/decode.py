"""From raw bytes to text: refuse what is not text, read UTF-8 first, guess the rest and say so.

Offsets in selon's output refer to the decoded text, so decoding is done once, here, and only the two changes every
reader expects are made to the characters: a byte-order mark is dropped and line ends become `\\n`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from selon.errors import BinaryInputError, DecodingError, EmptyInputError

#: Leading bytes of formats people mistake for articles, with the name the error message gives them.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/ODT/EPUB document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (DOC/XLS)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"RIFF", "a RIFF media file (WAV/AVI/WEBP)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3\x03", "an MP3 audio file"),
    (b"ID3\x04", "an MP3 audio file"),
    (b"wOFF", "a web font"),
)

#: Byte-order marks of the wide Unicode encodings, longest first (UTF-32-LE begins like UTF-16-LE).
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control bytes that text files do hold: tab, line feed, vertical tab, form feed, carriage return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"

#: Only the head of the input is inspected for control characters: binary formats show it at once, and a 20 MB
#: text must not be scanned byte by byte in Python.
_SAMPLE_BYTES = 64 * 1024
#: Share of control bytes in the sample above which the input is taken for binary.
_CONTROL_SHARE = 0.05
#: Half of a UTF-16 pair on its own (JSON's `\ud800` escape, or `surrogateescape` on undecodable bytes).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


#: Encodings chosen over charset-normalizer's first guess when they read the bytes nearly as well (see
#: `_guess_encoding`), in order of preference.
_PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
_CHAOS_MARGIN = 0.05


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and what the caller should be told about the decoding."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def normalise_newlines(text: str) -> str:
    """`\\r\\n` and lone `\\r` become `\\n`, so that offsets and paragraph breaks mean the same on every platform."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_binary(data: bytes) -> str | None:
    """What binary format `data` looks like ("a PDF document", "binary data"), or None when it may be text."""
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            return what
    if b"\x00" in data:
        return "binary data (it holds NUL bytes)"
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > _CONTROL_SHARE:
        return "binary data (it holds many control characters)"
    return None


def check_text(text: str) -> str:
    """Text handed over as `str` (the HTTP API, the Python API) under the rules bytes go through in `decode`.

    One rule for every way in: what the CLI refuses as binary (NUL bytes, a PDF's signature, mostly control
    characters) is refused as a string too, and so is a lone surrogate, which no decoding of bytes can produce
    and no UTF-8 output can hold.
    """
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is not None:
        raise DecodingError(f"the text holds a lone surrogate (\\u{ord(surrogate.group()):04x} at character "
                            f"{surrogate.start()}), which is not a character: it was decoded wrongly upstream")
    what = sniff_binary(text[:_SAMPLE_BYTES].encode("utf-8")) or (
        "binary data (it holds NUL bytes)" if "\x00" in text else None)
    if what is not None:
        raise BinaryInputError(f"the input looks like {what}, not text")
    return text


def _wide_unicode(data: bytes) -> Decoded | None:
    """UTF-16 and UTF-32 with a byte-order mark: read them before the NUL check, which they would fail."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DecodingError(f"the input starts with a {encoding.upper()} byte-order mark but is not "
                                    f"valid {encoding.upper()}: {error.reason} at byte {error.start}") from None
            return Decoded(text, encoding, (f"decoded as {encoding}, not UTF-8",))
    return None


def decode(data: bytes) -> Decoded:
    """Text from bytes; raises EmptyInputError, BinaryInputError or DecodingError when there is no text to read.

    UTF-8 is tried first because it is what nearly all inputs are and because it cannot be decoded by accident;
    anything else is guessed by charset-normalizer (typically cp1252 or latin-1 for older French pages), and the
    guess is reported as a warning since a wrong guess garbles accented letters.
    """
    if not data or data.isspace():
        raise EmptyInputError("the input is empty" if not data else "the input holds only whitespace")
    wide = _wide_unicode(data)
    if wide is not None:
        return _checked(wide)
    what = sniff_binary(data)
    if what is not None:
        raise BinaryInputError(f"the input looks like {what}, not text")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as error:
        first_error = error
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return _checked(mixed)
    encoding = _guess_encoding(data)
    if encoding is None:
        raise DecodingError(
            f"the input is not UTF-8 ({first_error.reason} at byte {first_error.start}) "
            "and no other encoding reads it as text"
        )
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodingError(f"the input is not UTF-8 and could not be read as {encoding}: {error}") from None
    return _checked(Decoded(text, encoding, (f"decoded as {encoding}, not UTF-8",)))


def _legacy_bytes(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the bytes UTF-8 cannot read, read as cp1252 (latin-1 where cp1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="strict") if b not in _CP1252_HOLES else chr(b)
                   for b in bad), error.end


_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
codecs.register_error("selon-legacy", _legacy_bytes)


def _mixed_utf8(data: bytes) -> Decoded | None:
    """Bytes that are mostly UTF-8 with stretches of cp1252/latin-1 (files pasted together, a CMS that
    re-encoded half a page), decoded part by part; None when the bytes are not mostly UTF-8.

    A whole-file guess cannot be right for such input: every code page garbles the UTF-8 half ("votÃĐ"), which
    then reads as Portuguese or Vietnamese. Valid multi-byte UTF-8 sequences almost never occur by chance in a
    legacy-encoded French or English text, so when they make up most of the non-ASCII characters the file is
    UTF-8, and only the bytes UTF-8 cannot read are taken from cp1252.
    """
    utf8 = len(_UTF8_SEQUENCE.findall(data))
    legacy = len(_NON_ASCII_BYTE.findall(_UTF8_SEQUENCE.sub(b"", data)))
    if utf8 < _MIXED_MIN_SEQUENCES or utf8 < legacy * _MIXED_MIN_RATIO:
        return None
    text = data.decode("utf-8", errors="selon-legacy")
    note = (f"the input mixes UTF-8 with another encoding: {legacy} byte(s) that are not UTF-8 were read as "
            "cp1252/latin-1; check the accented letters")
    return Decoded(text, "utf-8+cp1252", (note,))


#: A well-formed multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_NON_ASCII_BYTE = re.compile(rb"[\x80-\xff]")
#: Mixed when at least this many UTF-8 sequences, and at least this many per byte UTF-8 cannot read.
_MIXED_MIN_SEQUENCES = 3
_MIXED_MIN_RATIO = 0.5


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, with the Western encodings preferred among guesses that read about as well.

    On short French or English texts, Baltic or Central European code pages often read as cleanly as cp1252 by
    charset-normalizer's measure (é and à sit at the same bytes) and may come first, turning "très" into "trčs".
    Articles selon can analyse are far likelier to be cp1252 or latin-1, so those win within a small margin.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for preferred in _PREFERRED_ENCODINGS:
        for match in matches:
            if match.chaos <= best.chaos + _CHAOS_MARGIN and preferred in match.could_be_from_charset:
                return preferred
    return best.encoding


def _checked(decoded: Decoded) -> Decoded:
    """The decoded text with the BOM dropped and line ends normalised; refused when only whitespace is left."""
    text = normalise_newlines(decoded.text.removeprefix("\ufeff"))
    if not text.strip():
        raise EmptyInputError("the input holds only whitespace")
    return Decoded(text, decoded.encoding, decoded.warnings)

import pytest
from ingest_samples import ENGLISH, FRENCH, GERMAN

from selon.errors import UndetectedLanguageError, UnsupportedLanguageError
from selon.ingest.language import detect


def test_french_text_is_detected_as_french():
    assert detect(FRENCH) == "fr"


def test_english_text_is_detected_as_english():
    assert detect(ENGLISH) == "en"


def test_german_text_is_detected_and_refused_as_unsupported():
    with pytest.raises(UnsupportedLanguageError) as caught:
        detect(GERMAN)
    assert "German" in str(caught.value)
    assert "(de)" in str(caught.value)


def test_a_too_short_text_is_undetected():
    with pytest.raises(UndetectedLanguageError):
        detect("Paris, 12 mai")


def test_only_the_opening_of_a_long_text_is_read():
    assert detect((FRENCH + " ") * 15 + ENGLISH * 200) == "fr"

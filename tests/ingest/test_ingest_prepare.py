import pytest
from ingest_samples import ENGLISH, FRENCH, GERMAN

from selon.errors import (
    BinaryInputError,
    EmptyInputError,
    InvalidDateError,
    NoArticleTextError,
    UnsupportedLanguageError,
)
from selon.ingest.prepare import prepare

PAGE = f"""<html><head><title>Piscine : la fermeture votée</title>
<meta property="og:site_name" content="Le Courrier du Val">
<meta name="date" content="2023-05-14">
<link rel="canonical" href="https://courrier-du-val.example/piscine"></head>
<body><article><p>{FRENCH}</p><p>La décision sera soumise au préfet dans les prochaines semaines.</p></article>
</body></html>"""


def test_utf8_bytes_become_an_article_in_the_detected_language():
    article = prepare(FRENCH.encode("utf-8"))
    assert article.text == FRENCH
    assert article.lang == "fr"
    assert article.warnings == ()


def test_a_given_language_bypasses_detection():
    assert prepare(FRENCH, lang="en").lang == "en"


def test_a_forced_unsupported_language_is_refused():
    with pytest.raises(UnsupportedLanguageError, match="xx"):
        prepare(ENGLISH, lang="xx")


def test_a_german_article_is_refused_as_unsupported():
    with pytest.raises(UnsupportedLanguageError, match="German"):
        prepare(GERMAN)


def test_a_string_is_stripped_at_its_ends_only_and_its_newlines_normalised():
    article = prepare("\ufeff\r\n  " + FRENCH + "\r\n\r\nDeuxième\u00a0paragraphe.  \r\n", lang="fr")
    assert article.text == FRENCH + "\n\nDeuxième\u00a0paragraphe."


def test_an_empty_string_is_refused():
    with pytest.raises(EmptyInputError):
        prepare("")


def test_a_whitespace_only_string_is_refused():
    with pytest.raises(EmptyInputError):
        prepare(" \r\n\t ")


def test_binary_bytes_are_refused():
    with pytest.raises(BinaryInputError):
        prepare(b"%PDF-1.4\n")


def test_the_id_is_a_stable_hash_of_the_text_unless_given():
    assert prepare(FRENCH).id == prepare(FRENCH.encode("utf-8")).id
    assert len(prepare(FRENCH).id) == 12
    assert prepare(FRENCH, doc_id="doc-7").id == "doc-7"


def test_decoding_warnings_are_carried_to_the_article():
    article = prepare(FRENCH.encode("latin-1"))
    assert article.text == FRENCH
    assert any("not UTF-8" in w for w in article.warnings)


def test_html_is_reduced_to_its_article_with_the_page_metadata():
    article = prepare(PAGE.encode("utf-8"))
    assert article.text.startswith("Le conseil municipal")
    assert article.text.endswith("prochaines semaines.")
    assert "\n\n" in article.text
    assert article.title == "Piscine : la fermeture votée"
    assert article.outlet == "Le Courrier du Val"
    assert article.published == "2023-05-14"
    assert article.url == "https://courrier-du-val.example/piscine"
    assert article.lang == "fr"


def test_metadata_given_by_the_caller_wins_over_the_page():
    article = prepare(PAGE, title="Mon titre", published="2023-06-01", outlet="Autre")
    assert (article.title, article.published, article.outlet) == ("Mon titre", "2023-06-01", "Autre")


def test_html_false_keeps_markup_as_text():
    assert prepare("<p>" + FRENCH + "</p>", html=False, lang="fr").text.startswith("<p>")


def test_html_true_forces_extraction_and_a_page_without_text_is_refused():
    with pytest.raises(NoArticleTextError):
        prepare("<div></div>", html=True)


def test_a_bad_published_date_is_refused():
    with pytest.raises(InvalidDateError, match="YYYY-MM-DD"):
        prepare(FRENCH, published="14 mai 2023")


def test_a_20_mb_text_is_prepared_whole():
    paragraph = FRENCH + "\n\n"
    data = (paragraph * (20_000_000 // len(paragraph) + 1)).encode("utf-8")
    article = prepare(data)
    assert article.lang == "fr"
    assert len(article.text) > 19_000_000


@pytest.mark.parametrize("data", [FRENCH.replace(" ", "\x00", 1), FRENCH.encode("utf-8").replace(b" ", b"\x00", 1)])
def test_a_nul_byte_is_binary_whether_the_input_is_text_or_bytes(data):
    with pytest.raises(BinaryInputError, match="NUL"):
        prepare(data, lang="fr")


def test_a_lone_surrogate_in_text_is_a_decoding_error():
    from selon.errors import DecodingError

    with pytest.raises(DecodingError, match="surrogate"):
        prepare(FRENCH + "\udcff", lang="fr")


def test_a_mixed_utf8_and_latin1_file_is_french_with_the_decoding_warning():
    data = (FRENCH + "\n\n").encode("utf-8") + "« C'est décidé », a déclaré l'adjointe.".encode("latin-1")
    article = prepare(data)
    assert article.lang == "fr" and "« C'est décidé »" in article.text
    assert any("mixes UTF-8" in w for w in article.warnings)


def test_an_error_after_a_guessed_decoding_carries_the_decoding_warning():
    with pytest.raises(UnsupportedLanguageError, match="decoded as .*, not UTF-8"):
        prepare(GERMAN.encode("cp1252"))

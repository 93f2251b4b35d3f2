import pytest

from selon.errors import NoArticleTextError
from selon.ingest import html as html_module
from selon.ingest.html import extract_article, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<title>La piscine des Tilleuls va fermer | Le Courrier du Val</title>
<meta property="og:title" content="La piscine des Tilleuls va fermer">
<meta property="og:site_name" content="Le Courrier du Val">
<meta property="article:published_time" content="2023-05-14T08:30:00+02:00">
</head><body>
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/sports">Rubrique sports</a></li></ul></nav>
<article>
<h1>La piscine des Tilleuls va fermer</h1>
<p>Le conseil municipal a voté jeudi soir la fermeture de la piscine du quartier des Tilleuls, au terme d'un
débat de plus de trois heures.</p>
<div class="share-buttons social-share"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur X</a></div>
<p>« C'est une décision difficile mais nécessaire », a déclaré l'adjointe chargée des sports, qui évoque des
travaux trop coûteux pour la commune.</p>
<p>Selon plusieurs habitants, la piscine était pourtant très fréquentée l'été dernier, et une pétition a déjà
réuni près de deux mille signatures.</p>
</article>
<section id="comments" class="comments">
<h3>Commentaires</h3>
<div class="comment"><p>Marcel77 : honteux, encore une fois les petits quartiers sont sacrifiés par la mairie.</p></div>
</section>
<footer><p>Mentions légales - Tous droits réservés</p></footer>
</body></html>
"""


def test_a_full_page_is_recognised_as_html():
    assert looks_like_html(PAGE)


def test_a_fragment_of_paragraphs_is_recognised_as_html():
    assert looks_like_html("<p>Un.</p>\n<p>Deux.</p>\n<p>Trois.</p>")


def test_plain_text_mentioning_a_tag_is_not_html():
    assert not looks_like_html("Le développeur a expliqué que la balise <p> sert aux paragraphes.")


def test_article_paragraphs_are_kept_and_separated_by_blank_lines():
    article = extract_article(PAGE)
    assert "a déclaré l'adjointe chargée des sports" in article.text
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("Selon plusieurs habitants") for p in paragraphs)
    assert "\n\n\n" not in article.text


def test_navigation_share_widgets_and_comments_are_dropped():
    article = extract_article(PAGE)
    assert "Rubrique sports" not in article.text
    assert "Partager sur" not in article.text
    assert "Marcel77" not in article.text
    assert "Mentions légales" not in article.text


def test_title_date_and_outlet_come_from_the_page_metadata():
    article = extract_article(PAGE, url="https://courrier-du-val.example/piscine")
    assert article.title == "La piscine des Tilleuls va fermer"
    assert article.published == "2023-05-14"
    assert article.outlet == "Le Courrier du Val"
    assert article.url == "https://courrier-du-val.example/piscine"


def test_malformed_html_with_unclosed_tags_still_yields_its_paragraph_text():
    broken = (
        "<html><body><div class='main'><p>Le ministre a déclaré mardi que la réforme serait maintenue "
        "malgré les protestations des syndicats.<p>Il a ajouté qu'aucune concession ne serait faite "
        "<b>avant l'été prochain<div><span>"
    )
    article = extract_article(broken)
    assert "Le ministre a déclaré mardi que la réforme serait maintenue" in article.text
    assert "aucune concession ne serait faite avant l'été prochain" in article.text


def test_paragraphs_are_taken_from_p_elements_when_trafilatura_finds_no_body(monkeypatch):
    monkeypatch.setattr(html_module, "_trafilatura", lambda html, url: None)
    page = (
        "<html><body><nav><p>Menu du site</p></nav><p>Le maire a  démenti\n les rumeurs.</p>"
        "<p><script>var x = 1;</script>Il a refusé de commenter.</p></body></html>"
    )
    article = extract_article(page)
    assert article.text == "Le maire a démenti les rumeurs.\n\nIl a refusé de commenter."
    assert article.warnings


def test_a_page_without_article_text_raises_no_article_text():
    page = (
        "<html><head><title>Accueil</title><script>window.app = {};</script></head>"
        "<body><div id='root'></div><nav><a href='/'>Accueil</a></nav></body></html>"
    )
    with pytest.raises(NoArticleTextError):
        extract_article(page)


DEEP_TEXT = ("« C'est une décision difficile mais nécessaire », a déclaré l'adjointe chargée des sports, qui "
             "évoque des travaux trop coûteux.")


def deep_page(depth: int, inner: str) -> str:
    return ("<html><head><title>Piscine</title><style>p { color: red }</style></head><body>"
            "<nav><a href='/'>Accueil et rubriques du journal</a></nav>"
            + "<div>" * depth + inner + "</div>" * depth + "<footer><p>Mentions légales et droits</p></footer>"
            "</body></html>")


@pytest.mark.parametrize("depth", [260, 2_500, 10_000])
@pytest.mark.parametrize("inner", [f"<p>{DEEP_TEXT}</p>", DEEP_TEXT, f"<p>Un.</p>{DEEP_TEXT}<script>x()</script>"])
def test_a_page_nested_deeper_than_the_parser_goes_still_gives_its_text(depth, inner):
    article = extract_article(deep_page(depth, inner))
    assert DEEP_TEXT in article.text
    assert "Accueil" not in article.text and "Mentions" not in article.text and "x()" not in article.text
    assert article.title == "Piscine"
    assert any("nested too deeply" in w for w in article.warnings)


def test_a_deep_page_without_text_is_still_refused():
    with pytest.raises(NoArticleTextError):
        extract_article(deep_page(10_000, "<script>var texte = 'aucun article dans cette page';</script>"))

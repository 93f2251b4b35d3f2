"""From a web page to the article it carries: body text without page furniture, plus what the page says of itself.

trafilatura does the work (it is built for news pages: it drops navigation, share widgets, comments and related
links). Pages it cannot read, or where it finds no body, fall back to the visible text of the `<p>` elements, so a
malformed page still yields its paragraphs instead of an error. Both build a tree, and libxml2 stops building it
256 elements deep (2,048 with its "huge" option), so a page nested deeper loses everything below; the last
resort reads the page flat, as a stream of tags with no tree, where depth costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from selon.errors import NoArticleTextError
from selon.ingest.dates import normalise_found_date

#: Only the head of a text decides whether it is HTML; a 20 MB text is not searched through.
_SNIFF_CHARS = 10_000
_DOCUMENT_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b",
    re.IGNORECASE | re.DOTALL,
)
_STRUCTURAL_TAG = re.compile(r"</(?:p|div|span|a|li|h[1-6]|td|article|section)\s*>|<br\s*/?>", re.IGNORECASE)
#: A plain text quoting a tag or two is still text; a fragment of markup has many.
_MIN_STRUCTURAL_TAGS = 3

#: Fewer letters than this and an extracted body is page debris, not an article.
MIN_ARTICLE_LETTERS = 20

#: Elements whose `<p>` children are page furniture, not article text, in the fallback extraction.
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template",
                        "button", "select", "figcaption"})
#: Elements whose text is never shown, skipped with their content by the flat reading.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
#: Elements that start a new paragraph in the flat reading.
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                     "article", "section", "main", "blockquote", "pre", "td", "th", "tr", "table", "body",
                     "hr", "figure", "address"})
_TITLE_ELEMENT = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True)
class HtmlArticle:
    """The article found in a page; `text` holds one paragraph per block, blocks separated by a blank line."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    warnings: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """Whether `text` is a web page or a fragment of markup rather than plain article text."""
    head = text[:_SNIFF_CHARS]
    if _DOCUMENT_START.match(head):
        return True
    return len(_STRUCTURAL_TAG.findall(head)) >= _MIN_STRUCTURAL_TAGS


def extract_article(html: str, url: str | None = None) -> HtmlArticle:
    """The article body and metadata of a page; raises NoArticleTextError when the page holds no article text."""
    document = _trafilatura(html, url)
    warnings: list[str] = []
    # A tree cut at libxml2's depth limit holds only the page's outer furniture: nothing read from it is the body.
    truncated = _too_deep(html)
    body = _paragraphs(document.get("text")) if document and not truncated else ""
    if not _is_article_text(body) and not truncated:
        body = _fallback_paragraphs(html)
        if _is_article_text(body):
            warnings.append("no article body found by trafilatura; kept the text of the page's <p> elements")
    if truncated:
        body = _flat_paragraphs(html)
        if _is_article_text(body):
            warnings.append("the page is nested too deeply for its structure to be read; kept its visible "
                            "text outside navigation and footers, block by block")
    if not _is_article_text(body):
        raise NoArticleTextError("the HTML page holds no article text")
    meta = document or {}
    return HtmlArticle(
        text=body,
        title=_title(html, _clean(meta.get("title")), _clean(meta.get("sitename"))),
        published=normalise_found_date(meta.get("date")),
        url=_clean(meta.get("url")) or url,
        outlet=_clean(meta.get("sitename")),
        warnings=tuple(warnings),
    )


def _is_article_text(text: str) -> bool:
    """Whether an extracted body is long enough to be an article rather than a stray link or a lone heading.

    trafilatura falls back to any text it finds, so a page without an article (an app shell, an index) yields a
    menu item such as "Accueil"; that must be refused here, not analysed.
    """
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= MIN_ARTICLE_LETTERS:
                return True
    return False


def _trafilatura(html: str, url: str | None) -> dict[str, Any] | None:
    """trafilatura's body and metadata as a dict, or None when it finds nothing or fails on the markup.

    Comments, tables and images are left out: comments are readers' words, not the article's, and tables rarely
    carry attributions. Dates come from the page's metadata only (no guessing from the text), so a date in the
    body is never mistaken for the publication date.
    """
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
            as_dict=True,
        )
    except Exception:  # noqa: BLE001 - trafilatura failing on broken markup must not stop the analysis
        return None
    return result if isinstance(result, dict) else None


def _paragraphs(text: Any) -> str:
    """trafilatura's text, one block per line, turned into paragraphs separated by blank lines."""
    if not isinstance(text, str):
        return ""
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def _too_deep(html: str) -> bool:
    """Whether libxml2, which trafilatura and lxml build their trees with, stops short of the page's depth."""
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return False
    return any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in parser.error_log)


def _fallback_paragraphs(html: str) -> str:
    """The visible text of the `<p>` elements outside page furniture, for pages trafilatura cannot read."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    paragraphs = []
    for element in root.iter("p"):
        if any(isinstance(a.tag, str) and a.tag.lower() in _FURNITURE for a in element.iterancestors()):
            continue
        for hidden in element.xpath(".//script|.//style|.//noscript|.//template"):
            hidden.drop_tree()
        text = _SPACES.sub(" ", element.text_content()).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


class _FlatReader(HTMLParser):
    """The visible text of a page, one paragraph per block element, read from the tag stream with no tree.

    Only counters are kept (how many furniture or hidden elements are open), so ten thousand nested `div`s
    cost no more than one; an end tag that was never opened is ignored, as browsers do.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: dict[str, int] = {}
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FURNITURE or tag in _HIDDEN:
            self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.open.get(tag):
            self.open[tag] -= 1
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not any(self.open.values()):
            self.current.append(data)


def _flat_paragraphs(html: str) -> str:
    """The page's visible text outside furniture, for pages no tree builder can hold (see `_FlatReader`)."""
    reader = _FlatReader()
    reader.feed(html)
    reader.close()
    reader._break()
    return "\n\n".join(reader.paragraphs)


def _title(html: str, found: str | None, outlet: str | None) -> str | None:
    """trafilatura's title, unless it is the page's `<title>` cut at a colon.

    trafilatura cuts "Headline | Outlet" at the separator, which also cuts French headlines built on a colon
    ("Piscine : la fermeture votée" becomes "Piscine"); then the whole `<title>` is kept, less a trailing outlet.
    """
    match = _TITLE_ELEMENT.search(html, 0, _SNIFF_CHARS * 10)
    if found is None or match is None:
        return found
    whole = _clean(unescape(match.group(1)))
    if whole is None or not whole.startswith(found) or not whole[len(found):].lstrip().startswith(":"):
        return found
    if outlet:
        for separator in (" | ", " - ", " – ", " — ", " : "):
            whole = whole.removesuffix(separator + outlet)
    return whole


def _clean(value: Any) -> str | None:
    """A metadata string with its spaces tidied, or None when the page gave none."""
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None

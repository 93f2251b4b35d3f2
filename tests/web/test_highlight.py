"""The server-side highlighting: flat spans, overlaps resolved, every character of the text kept, escaped."""

from __future__ import annotations

import html
import re

from selon.schema.records import Analysis, Article
from selon.web.highlight import Layer, highlighted, layers, render
from tests.web.builders import Said, build, drones

TAGS = re.compile(r"<[^>]+>")


def visible(markup: str) -> str:
    return html.unescape(TAGS.sub("", markup))


def test_the_rendered_text_reads_exactly_as_the_article() -> None:
    analysis = drones()
    assert visible(highlighted(analysis)) == analysis.article.text


def test_content_cue_and_mention_get_their_own_roles_and_the_source_kind() -> None:
    out = str(highlighted(drones()))
    assert '<span class="hl r-cue k-person" data-a="a2" data-s="s2">a déclaré</span>' in out
    assert '<span class="hl r-mention k-person" data-a="a2" data-s="s2">Adrienne Watson</span>' in out
    assert 'id="att-a1" class="hl r-content k-anonymous" data-a="a1" data-s="s1"' in out


def test_overlapping_spans_become_flat_pieces_listing_everything_that_covers_them() -> None:
    text = "abcdefghij"
    out = str(render(text, [Layer(0, 6, "content", "person", "a1", "s1"),
                            Layer(4, 10, "content", "anonymous", "a2", "s2")]))
    assert "<span" not in re.sub(r"<span[^>]*>[^<]*</span>", "", out)  # no nesting
    assert '<span id="att-a2" class="hl r-content k-person" data-a="a1 a2" data-s="s1 s2">ef</span>' in out
    assert visible(out) == text


def test_the_innermost_attribution_gives_the_colour() -> None:
    text = "selon un responsable, tout va bien"
    outer = Layer(0, len(text), "content", "person", "a1", "s1")
    inner = Layer(6, 20, "mention", "anonymous", "a2", "s2")
    assert 'class="hl r-content r-mention k-anonymous"' in str(render(text, [outer, inner]))


def test_notes_are_marked_without_making_the_text_clickable() -> None:
    out = str(highlighted(drones()))
    assert '<span class="r-note n-boilerplate">ARTICLE ASSOCIÉ : Les drones en Ukraine</span>' in out


def test_markup_in_the_article_is_escaped_inside_and_outside_highlights() -> None:
    text = ('<script>alert(1)</script> « <img src=x onerror="alert(2)"> », a dit <b>Bob</b>. '
            '<a href="javascript:alert(3)">lien</a>')
    analysis = build(text, [Said("<b>Bob</b>", "person", '<img src=x onerror="alert(2)">', "a dit", "<b>Bob</b>")])
    out = str(highlighted(analysis))
    assert "<script>" not in out and "<img" not in out and "<b>" not in out and "<a " not in out
    assert "&lt;script&gt;" in out and 'onerror=&#34;alert(2)&#34;' in out
    assert visible(out) == text


def test_spans_outside_the_text_are_clipped_rather_than_breaking_the_page() -> None:
    analysis = Analysis(Article("x", "fr", "court"), ())
    assert layers(analysis) == []
    assert str(render("court", [Layer(3, 99, "content", "person", "a1", "s1")])) == \
        'cou<span id="att-a1" class="hl r-content k-person" data-a="a1" data-s="s1">rt</span>'

"""End to end in Debian's headless Chromium (Playwright, sync API) against the real server on localhost:
analyse the example article, read the highlights and the source map, click a source, search the corpus.

Without /usr/bin/chromium these tests fail under CI (CI=true) and are skipped, saying why, elsewhere; install
it with `apt-get install -y chromium chromium-driver`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selon.web import Settings, create_app
from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running
from tests.conftest import EXAMPLE
from tests.web.conftest import corpus_analyses, seed

pytestmark = pytest.mark.slow


def _need_chromium() -> None:
    if Path(CHROMIUM).is_file():
        return
    message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium chromium-driver`."
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import selon

    example = selon.analyze(EXAMPLE.read_text(encoding="utf-8"), lang="fr", title="Drones iraniens en Russie",
                            outlet="Le Monde traduit", published="2022-11-19", doc_id="drones")
    db = seed(tmp_path_factory.mktemp("browser") / "corpus.db", [example, *corpus_analyses()])
    with running(create_app(Settings(db=str(db)))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()
    assert errors == [], f"the page reported errors: {errors}"


def analyse_example(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/analyze")
    page.fill("textarea[name=text]", EXAMPLE.read_text(encoding="utf-8"))
    page.select_option("select[name=lang]", "fr")
    page.click("form.analyse button[type=submit]")
    page.wait_for_selector("#article-text .hl")


def test_the_example_article_is_highlighted_with_its_sources_mapped(page: Any, base_url: str) -> None:
    analyse_example(page, base_url)
    assert page.locator("#article-text .hl.r-content").count() >= 10
    assert page.locator("#article-text .hl.r-cue").count() >= 5
    kinds = page.locator(".sourcemap section.group").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert {"person", "anonymous"} <= set(kinds)
    people = page.locator(".sourcemap section.group[data-kind=person] button.source").all_inner_texts()
    assert "Adrienne Watson" in people
    assert page.locator(".sourcemap svg.chart.share").is_visible()
    assert "Anonymous sources:" in page.locator(".sourcemap svg.chart.share .headline").text_content()


def test_clicking_a_source_highlights_all_its_statements_and_only_them(page: Any, base_url: str) -> None:
    analyse_example(page, base_url)
    button = page.locator("button.source", has_text="Adrienne Watson")
    source = button.get_attribute("data-source")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    own = page.locator(f'#article-text .hl[data-s~="{source}"]')
    assert own.count() >= 2
    assert page.locator(f'#article-text .hl[data-s~="{source}"]:not(.is-focus)').count() == 0
    assert page.locator(f'#article-text .hl.is-focus:not([data-s~="{source}"])').count() == 0
    assert "has-focus" in page.locator("#article-text").get_attribute("class")
    button.click()
    assert page.locator("#article-text .hl.is-focus").count() == 0


def test_hovering_and_clicking_a_statement_shows_its_source_stance_and_type(page: Any, base_url: str) -> None:
    analyse_example(page, base_url)
    mention = page.locator("#article-text .hl.r-mention.k-person", has_text="Watson").first
    mention.hover()
    popover = page.locator("#popover")
    assert popover.is_visible()
    assert "Adrienne Watson" in popover.inner_text()
    assert "person" in popover.inner_text()
    mention.click()
    page.mouse.move(0, 0)
    assert popover.is_visible(), "a clicked statement keeps its description shown"


def test_a_corpus_search_leads_to_the_article_view(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/corpus")
    page.fill("form.search input[name=q]", "surveillons")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.hits")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 2
    hits.first.locator("a[href^='/articles/']").first.click()
    page.wait_for_selector("#article-text .hl")
    assert page.locator(".sourcemap button.source").count() >= 1


def test_the_source_and_outlet_pages_draw_their_charts(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/corpus/sources?kind=person")
    page.locator("table.sources a", has_text="Adrienne Watson").click()
    page.wait_for_selector("svg.chart.series")
    assert page.locator("ol.quotes li").count() >= 2
    page.goto(f"{base_url}/corpus/outlets/Le%20Monde%20traduit")
    assert page.locator("svg.chart.series").count() == 2


WORDS = ("budget", "école", "hôpital", "route", "pont", "port", "gare", "usine", "ferme", "forêt", "rivière",
         "marché", "impôt", "contrat", "réseau", "tribunal", "frontière", "accord", "récolte", "salaire",
         "retraite", "logement", "musée", "stade")


def _said_once(name: str, number: int, published: str, outlet: str) -> Any:
    from tests.web.builders import Said, build

    words = " ".join(WORDS[(number * 7 + k * 3) % len(WORDS)] for k in range(10))
    content = f"Le dossier {number} porte sur {words}"
    return build(f"« {content} », a déclaré {name}.", [Said(name, "person", content, "a déclaré", name)],
                 doc_id=f"{name}-{number}", outlet=outlet, published=published, title=f"Article {number}")


#: Sources whose statements span 1, 2, 48 months and 50 years: 1, 2, 48 and 50 bars.
SPANS = {"Une Fois": ["2024-03-10"], "Deux Mois": ["2024-03-10", "2024-04-02"],
         "Longue Série": [f"{2020 + m // 12}-{m % 12 + 1:02d}-05" for m in range(48)],
         "Cinquante Ans": [f"{1975 + y}-06-01" for y in range(50)]}


@pytest.fixture(scope="module")
def chart_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    analyses = [_said_once(name, number, date, "Mensuel Unique" if name == "Une Fois" else "La Gazette")
                for name, dates in SPANS.items() for number, date in enumerate(dates)]
    db = seed(tmp_path_factory.mktemp("charts") / "corpus.db", analyses)
    with running(create_app(Settings(db=str(db)))) as url:
        yield url


def _chart_geometry(page: Any) -> list[dict[str, Any]]:
    return page.locator("svg.chart.series").evaluate_all("""svgs => svgs.map(svg => ({
        height: svg.getBoundingClientRect().height, width: svg.getBoundingClientRect().width,
        bars: [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect().width),
        texts: [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)}))""")


def test_charts_keep_their_size_and_readable_labels_whatever_the_number_of_points(
        page: Any, chart_url: str, tmp_path: Path) -> None:
    import httpx

    sources = httpx.get(f"{chart_url}/api/corpus/sources", params={"limit": 50}).json()["sources"]
    ids = {s["name"]: s["speaker_id"] for s in sources}
    pages = {name: f"/corpus/sources/{ids[name]}" for name in SPANS} | {"outlet": "/corpus/outlets/Mensuel%20Unique"}
    for name, path in pages.items():
        page.goto(chart_url + path)
        page.wait_for_selector("svg.chart.series")
        page.screenshot(path=str(tmp_path / f"chart-{name.replace(' ', '-')}.png"), full_page=True)
        for chart in _chart_geometry(page):
            assert chart["height"] <= 200 and chart["width"] <= 660, (name, chart)
            assert chart["width"] / chart["height"] == pytest.approx(640 / 160, rel=0.02), (name, chart)
            assert max(chart["bars"]) <= 40, (name, chart["bars"])
            assert all(8 <= h <= 20 for h in chart["texts"]), (name, chart["texts"])
        expected = {"Une Fois": 1, "Deux Mois": 2, "Longue Série": 48, "Cinquante Ans": 50}.get(name)
        if expected is not None:
            assert page.locator("svg.chart.series rect").count() == expected, name

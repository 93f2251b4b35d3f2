"""The story page in Debian's headless Chromium: the claims table, and both pictures at a readable size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from selon.store import open_store
from selon.web import Settings, create_app
from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running
from tests.stories.coverage import coverage, only_story
from tests.web.test_browser import _need_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def story_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("stories") / "corpus.db"
    with open_store(str(db)) as store:
        coverage(store)
        story = only_story(store)
    with running(create_app(Settings(db=str(db)))) as url:
        yield f"{url}/corpus/stories/{story}"


@pytest.fixture
def page() -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        yield opened
        browser.close()
        assert errors == []


def test_the_story_page_reads_from_the_stories_list_to_its_pictures(page: Any, story_url: str,
                                                                     tmp_path: Path) -> None:
    base = story_url.split("/corpus/")[0]
    page.goto(f"{base}/corpus/stories")
    page.locator("table.stories a", has_text="Valmont").click()
    page.wait_for_selector("table.claims")
    first = page.locator("table.claims tr.claim").first
    assert first.locator("td.independent").inner_text() == "3"
    assert "le syndicat Sud" in first.inner_text()
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    for selector in ("svg.chart.timeline", "svg.chart.graph"):
        box = page.locator(selector).bounding_box()
        width, height = (float(page.locator(selector).get_attribute(k)) for k in ("width", "height"))
        assert box["width"] == pytest.approx(width, rel=0.02) and box["height"] == pytest.approx(height, rel=0.02)
        sizes = page.locator(f"{selector} text").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height)")
        assert sizes and all(8 <= h <= 20 for h in sizes), (selector, sizes)
    assert page.locator("svg.chart.timeline circle").count() == 8
    assert page.locator("svg.chart.timeline circle.repeat").count() == 2  # the wire's copy and the echo
    assert page.locator("svg.chart.graph path.edge").count() >= 6

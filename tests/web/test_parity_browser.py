"""The parity page in Debian's headless Chromium against the real server: reached from the nav, its three
charts drawn at their natural size, and a bar, a point and a role segment each followed to the statements they
count, as many as the JSON twin says.

Without /usr/bin/chromium these tests fail under CI (CI=true) and are skipped, saying why, elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from selon.web import Settings, create_app
from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running
from tests.web.conftest import seed
from tests.web.parity_builders import year_of_coverage
from tests.web.test_browser import _need_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = seed(tmp_path_factory.mktemp("parity") / "corpus.db", year_of_coverage())
    with running(create_app(Settings(db=str(db)))) as url:
        yield url


@pytest.fixture(scope="module")
def twin(base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{base_url}/api/corpus/parity").json()
    return data


@pytest.fixture
def page(base_url: str) -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        opened = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        yield opened
        browser.close()
        assert errors == [], f"the page reported errors: {errors}"


def _listed(page: Any) -> int:
    page.wait_for_selector("ol.quotes")
    return int(page.locator("ol.quotes li.quote").count())


def test_the_nav_leads_to_three_charts_at_their_natural_size(page: Any, base_url: str, twin: dict[str, Any]) -> None:
    page.goto(f"{base_url}/corpus")
    page.locator("header nav a", has_text="Parity").click()
    page.wait_for_selector("svg.chart.parity.bars")
    for css in ("bars", "lines", "stacks"):
        chart = page.locator(f"svg.chart.parity.{css}")
        assert chart.is_visible(), css
        box = chart.bounding_box()
        assert box["width"] <= 660 and box["height"] <= 320, (css, box)
        assert chart.get_attribute("role") == "figure" and chart.get_attribute("aria-label")
    assert page.locator("svg.chart.parity.bars a").count() == len(twin["outlets"])
    assert page.locator("svg.chart.parity.lines circle").count() == sum(len(line["points"]) for line in twin["over_time"])
    headline = page.locator("#parity-total").inner_text()
    assert f"{twin['total']['speakers']} named people" in headline


def test_a_bar_leads_to_the_women_s_statements_of_its_outlet(page: Any, base_url: str, twin: dict[str, Any]) -> None:
    outlet = twin["outlets"][1]
    page.goto(f"{base_url}/corpus/parity")
    page.locator(f'svg.chart.parity.bars a[aria-label^="{outlet["outlet"]}:"]').click()
    assert _listed(page) == outlet["statements_female"]
    assert outlet["outlet"] in page.locator("main p.muted").first.inner_text()
    assert "women" in page.locator("h1").inner_text()


def test_a_point_leads_to_one_month_of_one_outlet(page: Any, base_url: str, twin: dict[str, Any]) -> None:
    line = twin["over_time"][0]
    point = line["points"][3]
    page.goto(f"{base_url}/corpus/parity")
    page.locator(f'svg.chart.parity.lines a[aria-label^="{line["outlet"]}, {point["month"]}:"]').click()
    assert _listed(page) == point["statements_female"]
    dates = page.locator("ol.quotes .meta").all_inner_texts()
    assert dates and all(point["month"] in d for d in dates)


def test_a_role_segment_and_the_table_under_it_lead_to_the_same_statements(page: Any, base_url: str,
                                                                          twin: dict[str, Any]) -> None:
    role = next(r for r in twin["roles"] if r["role"] == "expert")
    page.goto(f"{base_url}/corpus/parity")
    page.locator('svg.chart.parity.stacks a[aria-label^="expert:"]').nth(1).click()  # women, then men
    assert _listed(page) == min(role["statements_male"], 50)
    page.goto(f"{base_url}/corpus/parity")
    row = page.locator("#by-role table.parity tr", has_text="expert")
    row.locator("td a").nth(3).click()  # statements by women
    assert _listed(page) == min(role["statements_female"], 50)


def test_the_chart_links_are_reachable_by_keyboard(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/corpus/parity")
    focusable = page.locator("svg.chart.parity a").evaluate_all(
        "links => links.map(a => { a.focus(); return document.activeElement === a; })")
    assert focusable and all(focusable)

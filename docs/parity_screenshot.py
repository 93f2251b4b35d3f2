"""Regenerates docs/parity.png: the parity page over a year of scripted coverage by four outlets (women's share
per outlet, over time, by role), captured in Debian's headless Chromium.

    python docs/parity_screenshot.py          (needs /usr/bin/chromium; no spaCy model)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.web.conftest import seed
    from tests.web.parity_builders import year_of_coverage

    from selon.web import Settings, create_app
    from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running

    with tempfile.TemporaryDirectory() as folder:
        db = seed(Path(folder) / "corpus.db", year_of_coverage())
        with running(create_app(Settings(db=str(db)))) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/corpus/parity")
            page.evaluate("document.querySelectorAll('table.parity').forEach(t => t.remove())")
            page.screenshot(path=str(HERE / "parity.png"), full_page=True)
            browser.close()
    print(f"wrote {HERE / 'parity.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

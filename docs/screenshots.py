"""Regenerates docs/analyse.png and docs/corpus.png: the example article analysed in the web workbench, and
the ranked sources of a small corpus, captured in Debian's headless Chromium.

    python docs/screenshots.py          (needs /usr/bin/chromium and the French spaCy model)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "drones-iran-russie.fr.txt"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright
    from tests.web.conftest import corpus_analyses, seed

    import selon
    from selon.web import Settings, create_app
    from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running

    example = selon.analyze(EXAMPLE.read_text(encoding="utf-8"), lang="fr", title="Drones iraniens en Russie",
                            outlet="Le Monde traduit", published="2022-11-19", doc_id="drones")
    with tempfile.TemporaryDirectory() as folder:
        db = seed(Path(folder) / "corpus.db", [example, *corpus_analyses()])
        with running(create_app(Settings(db=str(db)))) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/articles/drones")
            page.locator("button.source", has_text="Adrienne Watson").click()
            page.evaluate("window.scrollTo(0, 0)")
            page.locator("#article-text .hl.r-mention", has_text="Watson").first.hover()
            page.wait_for_timeout(400)
            page.screenshot(path=str(HERE / "analyse.png"))
            page.goto(f"{url}/corpus/sources")
            page.screenshot(path=str(HERE / "corpus.png"))
            browser.close()
    print(f"wrote {HERE / 'analyse.png'} and {HERE / 'corpus.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

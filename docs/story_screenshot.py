"""Regenerates docs/story.png: the story page of a small scripted coverage (one claim in eight articles: a wire
story and its copy, an echo, one outlet's anonymous sources, a minister in two outlets, a denial), captured in
Debian's headless Chromium.

    python docs/story_screenshot.py          (needs /usr/bin/chromium; no spaCy model)
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
    from tests.stories.coverage import coverage, only_story

    from selon.store import open_store
    from selon.web import Settings, create_app
    from selon.web.testing import CHROMIUM, CHROMIUM_ARGS, running

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "corpus.db"
        with open_store(str(db)) as store:
            coverage(store)
            story = only_story(store)
        with running(create_app(Settings(db=str(db)))) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/corpus/stories/{story}")
            page.screenshot(path=str(HERE / "story.png"), full_page=True)
            browser.close()
    print(f"wrote {HERE / 'story.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

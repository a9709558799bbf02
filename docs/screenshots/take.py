"""Screenshots of the home, course and Trotsky pages at 1280 px and 320 px, light and dark.

Usage: .venv/bin/python docs/screenshots/take.py http://127.0.0.1:8500 docs/screenshots/after
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "course": "/russian-soviet-history/",
    "trotsky": "/russian-soviet-history/leon-trotsky/",
}
WIDTHS = {"desktop": 1280, "phone": 320}
PARTS = {
    "figure": "figure.figure",
    "source": "aside.primary-source",
    "debate": "section.debate",
    "sources-list": "aside.topic-sources",
}


def main(base, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for scheme in ("light", "dark"):
            for device, width in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                tab = context.new_page()
                for name, path in PAGES.items():
                    tab.goto(base + path)
                    # Lazy images below the first screen load only when scrolled to: load them all.
                    tab.evaluate(
                        "Promise.all([...document.images].map(i => {i.loading = 'eager';"
                        " return i.decode().catch(() => null)}))"
                    )
                    target = folder / f"{name}-{device}-{scheme}.png"
                    # The whole home and course page; the first two screens of a long article.
                    clip = {"x": 0, "y": 0, "width": width, "height": 1800}
                    tab.screenshot(
                        path=target, full_page=True, clip=clip if name == "trotsky" else None
                    )
                    print(target)
                    if name == "trotsky":  # the parts of an article that should stand out
                        for part, selector in PARTS.items():
                            element = tab.locator(selector).first
                            target = folder / f"trotsky-{part}-{device}-{scheme}.png"
                            element.screenshot(path=target)
                            print(target)
                context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])

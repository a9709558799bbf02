"""Every page type is valid HTML by the Nu Html Checker, and an article stays under 60 KB."""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "var" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [
    "/",
    "/russian-soviet-history/",
    "/russian-soviet-history/leon-trotsky/",
    "/russian-soviet-history/leon-trotsky/quiz/",
    "/russian-soviet-history/revision/",
    "/people/",
    "/people/leon-trotsky/",
    "/organisations/petrograd-soviet/",
    "/timeline/",
    "/timeline/?person=leon-trotsky",
    "/glossary/",
    "/search/?q=Trotsky",
    "/newsletter/",
    "/no-such-page/",
    "/sources/",
    "/sources/?topic=leon-trotsky&kind=diary",
]


def first_source_page(site_url):
    """The first primary source the /sources/ index lists (slugs are the writers' to change)."""
    html = fetch(site_url + "/sources/?topic=leon-trotsky").decode()
    return "/sources/" + html.split('href="/sources/', 2)[2].split('"')[0]


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def test_every_page_type_is_valid_html(site_url, tmp_path):
    assert VNU.exists(), "vnu.jar is missing: `make test` installs it with npm"
    assert shutil.which("java"), "the Nu Html Checker needs Java"
    files = []
    pages = [*PAGES, first_source_page(site_url)]
    for number, path in enumerate(pages):
        target = tmp_path / f"page{number}.html"
        target.write_bytes(fetch(site_url + path))
        files.append(str(target))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (pages[files.index(m["url"].removeprefix("file:"))], m.get("lastLine"), m["message"])
        for m in messages
    ]
    assert errors == []


def test_an_article_with_its_css_and_js_weighs_under_60_kb(site_url):
    html = fetch(site_url + "/russian-soviet-history/leon-trotsky/").decode()
    assets = [
        part.split('"')[0]
        for part in html.split('href="/static/')[1:]
        if ".css" in part.split('"')[0]
    ]
    assets += [part.split('"')[0] for part in html.split('src="/static/')[1:]]
    total = len(html.encode()) + sum(
        len(fetch(f"{site_url}/static/{asset}")) for asset in assets if "print" not in asset
    )
    assert total < 60 * 1024, total

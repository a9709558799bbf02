"""A reader opens the course, reads the Trotsky article, pages through topics and searches."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = pytest.mark.e2e


def test_reader_goes_from_the_course_to_trotsky_and_pages_through(page, site_url):
    page.goto(site_url + "/russian-soviet-history/")
    expect(page.locator("h1")).to_have_text("Russian and Soviet History")
    page.locator("main").get_by_role("link", name="Leon Trotsky", exact=True).click()
    expect(page.locator("h1")).to_have_text("Leon Trotsky")
    expect(page.locator("nav[aria-label=Breadcrumb]")).to_contain_text("Russian and Soviet History")
    expect(page.locator("figure.figure figcaption").first).not_to_be_empty()
    # Back a topic and forward again, by the links a reader follows.
    previous_title = page.locator("a[rel=prev]").inner_text().split("\n")[-1].strip()
    page.locator("a[rel=prev]").click()
    expect(page.locator("h1")).to_have_text(previous_title)
    page.locator("a[rel=next]").click()
    expect(page.locator("h1")).to_have_text("Leon Trotsky")


def test_reader_searches_for_trotsky(page, site_url):
    page.goto(site_url + "/")
    page.get_by_label("Search the site").fill("Trotsky")
    page.get_by_label("Search the site").press("Enter")
    expect(page.locator("ol.search-results").first).to_contain_text("Leon Trotsky")


def test_the_article_works_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/russian-soviet-history/leon-trotsky/")
    expect(page_without_js.locator("h1")).to_have_text("Leon Trotsky")
    page_without_js.locator("a[rel=prev]").click()
    expect(page_without_js.locator("a[rel=next]")).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/russian-soviet-history/",
        "/russian-soviet-history/leon-trotsky/",
        "/search/?q=Trotsky",
        "/no-such-page/",
        "/timeline/",
        "/timeline/?person=leon-trotsky",
        "/people/leon-trotsky/",
        "/glossary/",
        "/people/",
        "/organisations/petrograd-soviet/",
        "/russian-soviet-history/collectivisation-of-soviet-agriculture/",
        "/newsletter/",
        "/sources/",
        "/sources/?kind=diary",
    ],
)
def test_axe_finds_no_violations(page, site_url, path):
    page.goto(site_url + path)
    assert axe_violations(page) == []


def source_page_url(tab, site_url):
    """The first source of the Trotsky topic, reached from the /sources/ index as a reader would."""
    tab.goto(site_url + "/sources/?topic=leon-trotsky")
    return tab.locator("ul.source-list a").first.get_attribute("href")


def test_a_source_page_lists_its_articles_and_passes_axe(page, site_url):
    page.goto(site_url + source_page_url(page, site_url))
    expect(page.locator("main h2", has_text="Questions to ask of it")).to_be_visible()
    expect(page.locator("main a[href='/russian-soviet-history/leon-trotsky/']")).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path", ["/", "/russian-soviet-history/", "/russian-soviet-history/leon-trotsky/", "source"]
)
def test_axe_finds_no_violations_in_either_colour_scheme_on_a_phone(
    browser, site_url, scheme, path
):
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(site_url + (source_page_url(tab, site_url) if path == "source" else path))
    assert axe_violations(tab) == []
    # Nothing is wider than a 320 px phone screen.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()

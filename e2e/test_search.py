"""A reader searches: suggestions in the header box, filters without JavaScript, on a phone."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = pytest.mark.e2e


def test_the_header_box_suggests_a_person_by_another_name(page, site_url):
    page.goto(site_url + "/")
    box = page.get_by_label("Search the site")
    box.press_sequentially("Bronst", delay=30)
    option = page.locator(
        'datalist#site-search-q-suggestions option[value="Leon Trotsky (person)"]'
    )
    expect(option).to_have_count(1)


def test_filters_work_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/search/?q=Trotksy")
    expect(page_without_js.locator(".did-you-mean")).to_contain_text("Did you mean trotsky?")
    page_without_js.get_by_label("Show").select_option(label="Events")
    page_without_js.locator("main").get_by_role("button", name="Search").click()
    expect(page_without_js).to_have_url(f"{site_url}/search/?q=Trotksy&kind=events&topic=&period=")
    expect(page_without_js.locator("main h2").first).to_have_text("Events")
    expect(page_without_js.locator(".search-result mark").first).to_have_text("Trotsky")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/search/?q=Trotksy", "/search/?q=revolution&kind=events"])
def test_search_pages_pass_axe_and_fit_a_phone(browser, site_url, scheme, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(site_url + path)
    assert axe_violations(tab) == []
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()

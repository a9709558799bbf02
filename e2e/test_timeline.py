"""The timeline is an ordered list without JavaScript; with it, a time axis is drawn above."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_the_timeline_is_a_filterable_list_without_javascript(page_without_js, site_url):
    tab = page_without_js
    tab.goto(site_url + "/timeline/")
    assert tab.locator("#timeline-list li").count() == 100  # a page of the 596 events
    tab.get_by_role("link", name="Later events").click()
    expect(tab.locator(".result-count")).to_contain_text("Events 101–200 of")
    expect(tab.locator("#timeline-axis")).to_be_hidden()
    tab.get_by_label("Person").select_option("leon-trotsky")
    tab.get_by_role("button", name="Show events").click()
    assert "person=leon-trotsky" in tab.url
    expect(tab.locator("#timeline-list")).to_contain_text("26 October (7 November) 1879")
    first = tab.locator("#timeline-list li").first
    expect(first).to_contain_text("Trotsky")


def test_the_timeline_draws_an_axis_with_javascript(page, site_url):
    page.goto(site_url + "/timeline/?person=leon-trotsky")
    expect(page.locator("#timeline-axis")).to_be_visible()
    assert page.locator("#timeline-axis a").count() == page.locator("#timeline-list li").count()


def test_the_person_page_gives_the_birth_name_and_both_calendars(page, site_url):
    page.goto(site_url + "/people/leon-trotsky/")
    expect(page.locator(".infobox")).to_contain_text("Lev Davidovich Bronstein")
    expect(page.locator(".infobox")).to_contain_text("26 October (7 November) 1879")

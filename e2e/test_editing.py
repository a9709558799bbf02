"""An editor signs in to the Wagtail admin, changes the Trotsky article and publishes it."""

import pytest
from playwright.sync_api import expect

from .conftest import sign_in_to_admin

pytestmark = pytest.mark.e2e


def test_editor_changes_and_publishes_the_article(page, site_url):
    sign_in_to_admin(page, site_url)
    expect(page.locator("h1")).to_be_visible()
    edit_url = page.evaluate(
        "fetch('/api/v2/pages/?slug=leon-trotsky&type=courses.ArticlePage').then(r => r.json()).then(d => '/admin/pages/' + d.items[0].id + '/edit/')"
    )
    page.goto(site_url + edit_url)
    standfirst = page.locator("textarea[name=standfirst]")
    standfirst.fill("An edited standfirst, published from the admin.")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")
    page.goto(site_url + "/russian-soviet-history/leon-trotsky/")
    expect(page.locator(".standfirst")).to_have_text(
        "An edited standfirst, published from the admin."
    )

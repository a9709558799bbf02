"""Every page type runs under the strict Content-Security-Policy with nothing blocked, scripts
included, and the 404 page fits a phone."""

import pytest
from playwright.sync_api import expect

from .conftest import sign_in_to_admin
from .test_validity import PAGES

pytestmark = pytest.mark.e2e

# Kept in the page before any of its own scripts run: what the browser blocked.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(page):
    """A tab that keeps every policy violation, from the page's events and the console."""
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.console_violations = console
    return page


def violations(tab):
    return tab.evaluate("window.cspViolations") + tab.console_violations


@pytest.mark.parametrize("path", PAGES)
def test_no_page_breaks_the_content_security_policy(watched, site_url, path):
    response = watched.goto(site_url + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    watched.wait_for_load_state("networkidle")
    assert violations(watched) == []


def test_the_quiz_script_checks_answers_under_the_policy(watched, site_url):
    watched.goto(site_url + "/russian-soviet-history/leon-trotsky/")
    for question in watched.locator(".quiz .question").all():
        radios = question.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
    watched.get_by_role("button", name="Check my answers").click()
    expect(watched.locator(".quiz-score")).to_contain_text("out of")
    assert violations(watched) == []


def test_the_timeline_axis_is_drawn_under_the_policy(watched, site_url):
    watched.goto(site_url + "/timeline/")
    expect(watched.locator(".axis-year").first).to_be_attached()
    assert violations(watched) == []


def test_the_404_page_is_themed_and_fits_a_320_pixel_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    response = tab.goto(site_url + "/russian-soviet-history/no-such-topic/")
    assert response.status == 404
    expect(tab.locator("h1")).to_have_text("Page not found")
    expect(tab.locator("header.site-header")).to_be_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_the_admin_works_under_its_own_policy_and_asks_no_third_party(watched, site_url):
    sign_in_to_admin(watched, site_url)
    expect(watched.locator("h1")).to_be_visible()
    watched.wait_for_load_state("networkidle")
    page_id = watched.evaluate(
        "fetch('/api/v2/pages/?slug=leon-trotsky&type=courses.ArticlePage')"
        ".then(r => r.json()).then(d => d.items[0].id)"
    )
    response = watched.goto(f"{site_url}/admin/pages/{page_id}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    expect(watched.locator("textarea[name=standfirst]")).to_be_visible()
    watched.wait_for_load_state("networkidle")
    assert violations(watched) == []

"""A student takes the self-check quiz, with JavaScript off and on, and sees their progress."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = pytest.mark.e2e
ARTICLE = "/russian-soviet-history/leon-trotsky/"


def answer_first_option_everywhere(tab):
    for question in tab.locator(".quiz .question").all():
        radios = question.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)


def test_the_quiz_works_as_a_plain_form_without_javascript(page_without_js, site_url):
    tab = page_without_js
    tab.goto(site_url + ARTICLE)
    questions = tab.locator(".quiz .question").count()
    assert questions >= 5
    answer_first_option_everywhere(tab)
    tab.get_by_role("button", name="Check my answers").click()
    score = tab.locator(".quiz-score")
    expect(score).to_contain_text(re.compile(r"You scored \d+ out of \d+ points?\."))
    assert tab.locator(".question .feedback p").count() == questions  # every question explained


def test_the_quiz_is_checked_in_place_with_javascript(page, site_url):
    page.goto(site_url + ARTICLE)
    url = page.url
    answer_first_option_everywhere(page)
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".quiz-score")).to_contain_text("out of")
    assert page.url.split("#")[0] == url  # no page load: the answers were checked in place
    assert page.locator(".question.is-correct, .question.is-wrong").count() >= 5


def test_progress_shows_on_the_course_page_and_can_be_cleared(page, site_url):
    page.goto(site_url + ARTICLE)
    page.goto(site_url + "/russian-soviet-history/")
    expect(page.locator("label[for=course-progress]")).to_contain_text("Topics read: 1 of")
    expect(page.locator(".course-menu .read-tick")).to_have_count(1)
    page.get_by_role("button", name="Clear my progress").click()
    expect(page.locator("label[for=course-progress]")).to_contain_text("Topics read: 0 of")


@pytest.mark.parametrize("path", [ARTICLE + "quiz/", "/russian-soviet-history/revision/"])
def test_axe_finds_no_violations_on_quiz_pages(page, site_url, path):
    page.goto(site_url + path)
    answer_first_option_everywhere(page)
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".quiz-score")).to_be_visible()
    assert axe_violations(page) == []

"""The fact checker in the Wagtail admin: a panel in the article editor, a warning on publishing."""

import html
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from courses.models import ArticlePage
from factcheck.panels import FactCheckPanel

pytestmark = pytest.mark.django_db

WRONG_HTML = "<p>[[leon-trotsky|Trotsky]] died in Coyoacán on 21 August 1941.</p>"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "not-a-secret")
    client.force_login(user)
    return client


def article(slug="first-topic"):
    return ArticlePage.objects.get(slug=slug)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_the_article_editor_has_the_fact_check_panel():
    handler = ArticlePage.get_edit_handler()
    assert any(isinstance(panel, FactCheckPanel) for panel in handler.children[0].children)


def test_the_panel_lists_the_findings_of_the_latest_draft(loaded_mini, editor):
    page = article()
    page.body = json.dumps(
        [{"type": "heading", "value": "Death"}, {"type": "text", "value": WRONG_HTML}]
    )
    page.save_revision()  # a draft: the live page is unchanged
    html = editor.get(edit_url(page)).content.decode()
    assert "data-factcheck-panel" in html
    assert "The fact checker flagged 1 date in the latest draft." in html
    assert (
        "<strong>21 August 1941</strong>: the chronology says <strong>21 August 1940</strong>"
        in html
    )
    assert "Contradicts the chronology, confidence 81%, in “Death”" in html
    assert "Compared with: Trotsky dies in Coyoacán (Isaac Deutscher, The Prophet Armed" in html


def test_the_panel_says_when_nothing_is_flagged(loaded_mini, editor):
    html = editor.get(edit_url(article())).content.decode()
    assert "The fact checker found nothing to flag in the latest draft." in html


def publish(editor, page, html):
    """Publish `page` from its edit form, its body replaced by one text block of `html`."""
    form = querydict_from_html(
        editor.get(edit_url(page)).content.decode(), form_id="page-edit-form"
    )
    # the StreamField is drawn by JavaScript: its form data is written out here
    body = nested_form_data({"body": streamfield([("text", rich_text(html))])})
    for name, value in {**body, "action-publish": "action-publish"}.items():
        form[name] = value
    return editor.post(edit_url(page), form)


def messages_of(response):
    """The messages a response leaves for the next page, without Wagtail's buttons."""
    return [
        html.unescape(str(message).split("<", 1)[0]).strip()
        for message in get_messages(response.wsgi_request)
    ]


def test_publishing_a_flagged_article_warns_but_publishes(loaded_mini, editor):
    response = publish(editor, article("second-topic"), WRONG_HTML)
    assert response.status_code == 302
    shown = messages_of(response)
    assert (
        "The fact checker flagged 1 date: “21 August 1941” (the chronology says 21 August 1940). "
        "The page was published anyway; the Fact check panel of the editor lists them."
    ) in shown
    assert "Page 'The Second Topic' has been published." in shown
    page = article("second-topic")
    assert page.live and not page.has_unpublished_changes
    assert "21 August 1941" in page.body.raw_data[0]["value"]


def test_publishing_a_clean_article_gives_no_warning(loaded_mini, editor):
    response = publish(editor, article("second-topic"), "<p>Trotsky died in Coyoacán in 1940.</p>")
    assert response.status_code == 302
    assert messages_of(response) == ["Page 'The Second Topic' has been published."]


def failing_checker():
    raise RuntimeError("a bug in the checker")


def test_a_failing_checker_does_not_stop_the_editor(loaded_mini, editor, monkeypatch):
    monkeypatch.setattr("factcheck.panels.course_checker", failing_checker)
    response = editor.get(edit_url(article()))
    assert response.status_code == 200
    assert "The fact checker could not read this draft" in response.content.decode()


def test_a_failing_checker_does_not_stop_publishing(loaded_mini, editor, monkeypatch):
    monkeypatch.setattr("factcheck.chronology_db.course_checker", failing_checker)
    response = publish(editor, article("second-topic"), WRONG_HTML)
    assert response.status_code == 302
    assert messages_of(response) == ["Page 'The Second Topic' has been published."]
    assert "21 August 1941" in article("second-topic").body.raw_data[0]["value"]

"""The newsletter in the Wagtail admin: subscribers with status and CSV export, issues with counts."""

import json

import pytest
from django.contrib.auth.models import User

from newsletter.models import Delivery, Issue, Subscriber

pytestmark = pytest.mark.django_db
DRAFTAIL_PARAGRAPH = {
    "key": "a1b2c",
    "text": "This month in Russian history.",
    "type": "unstyled",
    "depth": 0,
    "inlineStyleRanges": [],
    "entityRanges": [],
}


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1917")
    client.force_login(user)
    return user


def test_the_subscriber_list_shows_status_and_exports_csv(client, editor):
    Subscriber.objects.create(email="yes@example.org", status=Subscriber.CONFIRMED)
    Subscriber.objects.create(email="maybe@example.org", status=Subscriber.PENDING)
    listing = client.get("/admin/snippets/newsletter/subscriber/").content.decode()
    assert "yes@example.org" in listing and "Pending" in listing
    export = client.get(
        "/admin/snippets/newsletter/subscriber/", {"export": "csv", "status": "confirmed"}
    )
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "yes@example.org" in body and "maybe@example.org" not in body


def test_the_issue_list_shows_sent_and_failed_counts(client, editor):
    issue = Issue.objects.create(subject="Counted issue", body="[]")
    readers = [
        Subscriber.objects.create(email=f"r{n}@example.org", status=Subscriber.CONFIRMED)
        for n in range(3)
    ]
    Delivery.objects.create(issue=issue, subscriber=readers[0], status=Delivery.SENT)
    Delivery.objects.create(issue=issue, subscriber=readers[1], status=Delivery.SENT)
    Delivery.objects.create(issue=issue, subscriber=readers[2], status=Delivery.FAILED)
    html = client.get("/admin/snippets/newsletter/issue/").content.decode()
    assert "Counted issue" in html
    assert issue.delivery_counts() == {"sent": 2, "failed": 1, "pending": 0}


def test_a_test_send_reaches_the_editor_through_the_mail_queue(client, editor, smtp_server):
    issue = Issue.objects.create(subject="A test issue", body="[]")
    response = client.post(
        f"/admin/snippets/newsletter/issue/edit/{issue.pk}/",
        {
            "subject": "A test issue",
            "body-count": "1",
            "body-0-type": "text",
            "body-0-order": "0",
            "body-0-deleted": "",
            "body-0-id": "",
            "body-0-value": json.dumps({"blocks": [DRAFTAIL_PARAGRAPH], "entityMap": {}}),
            "action-send-test": "1",
        },
        follow=True,
    )
    assert "A test is on its way to editor@example.org." in response.content.decode()
    (message,) = smtp_server.mailbox.to("editor@example.org")
    assert message["Subject"] == "A test issue"

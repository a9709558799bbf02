"""Sending an issue: every confirmed subscriber gets exactly one copy, whatever fails on the way."""

from collections import Counter

import pytest
from django.core.management import call_command

from newsletter.models import Delivery, Issue, Subscriber
from newsletter.tasks import queue_deliveries, send_issue, send_pending

pytestmark = pytest.mark.django_db

BODY = '[{"type": "text", "value": "<p>This month in 1917.</p>"}, {"type": "exclusive", "value": {"title": "From the archive", "text": "<p>Only for subscribers.</p>"}}]'


def make_subscribers(confirmed, other=0):
    Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"reader{n}@example.org", status=Subscriber.CONFIRMED)
            for n in range(confirmed)
        ]
        + [
            Subscriber(email=f"pending{n}@example.org", status=Subscriber.PENDING)
            for n in range(other)
        ]
    )


def copies(mailbox):
    return Counter(message["To"] for message in mailbox.messages)


def test_an_issue_reaches_every_confirmed_subscriber_once(smtp_server):
    make_subscribers(5, other=3)
    issue = Issue.objects.create(subject="November in history", body=BODY)
    send_issue.enqueue(issue.pk)
    assert copies(smtp_server.mailbox) == Counter({f"reader{n}@example.org": 1 for n in range(5)})
    issue.refresh_from_db()
    assert issue.status == Issue.SENT and issue.delivery_counts() == {
        "sent": 5,
        "failed": 0,
        "pending": 0,
    }
    message = smtp_server.mailbox.messages[0]
    assert (
        message["List-Unsubscribe"].strip().startswith("<http")
        and message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert "From the archive (for subscribers)" in text and "<h3>From the archive" in html


def test_refusals_a_stopped_server_and_a_resume_still_give_one_copy_each(smtp_server, settings):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 0  # retry temporary refusals at once in this test
    make_subscribers(1000)
    issue = Issue.objects.create(subject="A big send", body=BODY)
    queue_deliveries(issue)
    smtp_server.mailbox.refuse_every = 50  # 451: a temporary refusal

    def stop_halfway(done, counts):
        if done == 500:
            smtp_server.stop()

    first = send_pending(issue, rate=0, progress=stop_halfway)
    assert first["aborted"] and first["sent"] == 500
    assert Delivery.objects.filter(issue=issue, status=Delivery.SENT).count() == 500

    smtp_server.start()  # the server is back: resume
    second = send_pending(issue, rate=0)
    assert not second["aborted"]

    received = copies(smtp_server.mailbox)
    assert received == Counter({f"reader{n}@example.org": 1 for n in range(1000)})
    assert issue.delivery_counts() == {"sent": 1000, "failed": 0, "pending": 0}
    # The log adds up: every refusal was retried, and each retry is counted as an attempt.
    retried = first["retry"] + second["retry"]
    assert retried == smtp_server.mailbox.refused > 0
    attempts = sum(Delivery.objects.filter(issue=issue).values_list("attempts", flat=True))
    assert attempts == 1000 + retried


def test_a_permanent_refusal_marks_the_address_bounced(smtp_server):
    make_subscribers(3)
    smtp_server.mailbox.refuse_every = 2
    smtp_server.mailbox.refusal = "550 5.1.1 No such user"
    issue = Issue.objects.create(subject="Bounce", body=BODY)
    send_issue.enqueue(issue.pk)
    assert Subscriber.objects.filter(status=Subscriber.BOUNCED).count() == 1
    assert issue.delivery_counts() == {"sent": 2, "failed": 1, "pending": 0}


def test_erasing_a_subscriber_keeps_the_statistics(smtp_server, capsys):
    make_subscribers(2)
    issue = Issue.objects.create(subject="Stats", body=BODY)
    send_issue.enqueue(issue.pk)
    call_command("forget_subscriber", "reader0@example.org")
    assert not Subscriber.objects.filter(email="reader0@example.org").exists()
    assert issue.delivery_counts()["sent"] == 2
    assert Delivery.objects.filter(subscriber__isnull=True).count() == 1


def test_the_send_command_reports_progress_and_a_summary(smtp_server, capsys):
    make_subscribers(3)
    issue = Issue.objects.create(subject="Command", body=BODY)
    call_command("send_newsletter", str(issue.pk), "--rate", "0")
    out = capsys.readouterr().out
    assert "3 deliveries (3 new" in out and "in all 3 sent, 0 failed" in out


def test_the_archive_is_for_confirmed_subscribers_only(client, smtp_server):
    from newsletter import tokens

    make_subscribers(1, other=1)
    issue = Issue.objects.create(subject="Archived issue", body=BODY)
    send_issue.enqueue(issue.pk)
    reader = Subscriber.objects.get(email="reader0@example.org")
    pending = Subscriber.objects.get(email="pending0@example.org")
    page = client.get(f"/newsletter/archive/{tokens.make(reader, 'archive')}/")
    assert "Archived issue" in page.content.decode()
    assert client.get(f"/newsletter/archive/{tokens.make(pending, 'archive')}/").status_code == 404
    assert client.get("/newsletter/archive/not-a-token/").status_code == 404

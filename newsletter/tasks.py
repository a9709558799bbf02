"""Background tasks: confirmation emails and sending an issue, resumable and never twice.

Run by django-tasks (`manage.py db_worker`); in tests and with no worker they run inline.
"""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import mail
from .models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# smtplib's errors are OSErrors too: these two mean the connection failed, not the message.
CONNECTION_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)
BATCH = 200
# A reader waits for these emails: their own queue, served before anything else (`make run`'s
# worker takes both queues, highest priority first).
MAIL_QUEUE = "mail"
MAIL_PRIORITY = 50


@task(queue_name=MAIL_QUEUE, priority=MAIL_PRIORITY)
def send_confirmation(email, name):
    """Ask an address to confirm, unless it is confirmed already or has bounced (the reader is told
    the same in every case, so the subscribe form reveals nothing)."""
    from .views import request_confirmation

    request_confirmation(email, name)


@task(queue_name=MAIL_QUEUE, priority=MAIL_PRIORITY)
def send_welcome(subscriber_id):
    """Welcome a subscriber who has just confirmed."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.CONFIRMED).first()
    if subscriber is None:
        return
    try:
        mail.welcome(subscriber).send()
    except OSError:
        logger.exception("could not send a welcome email")


@task(queue_name=MAIL_QUEUE, priority=MAIL_PRIORITY)
def send_test(issue_id, email, name):
    """An issue as a subscriber would get it, to the editor who asked; its links are inert."""
    editor = Subscriber(email=email, name=name)
    editor.pk = 0  # a test send has no subscriber row
    mail.issue_email(Issue.objects.get(pk=issue_id), editor).send()


def backoff(attempts):
    """Seconds to wait before the next try of a temporary failure: 1, 2, 4, 8 … times the base."""
    return getattr(settings, "NEWSLETTER_RETRY_BASE_SECONDS", 60) * 2 ** (attempts - 1)


def queue_deliveries(issue):
    """One pending delivery row per confirmed subscriber; existing rows are left as they are."""
    subscribers = (
        Subscriber.objects.filter(status=Subscriber.CONFIRMED)
        .values_list("pk", flat=True)
        .iterator()
    )
    batch, created = [], 0
    for pk in subscribers:
        batch.append(Delivery(issue=issue, subscriber_id=pk))
        if len(batch) >= 1000:
            created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    return created


def permanent(error):
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [c for c, _ in error.recipients.values()]
        code = codes[0] if codes else None
    return code is not None and 500 <= code < 600


def send_pending(issue, rate=None, progress=None):
    """Send every due delivery of `issue`; returns counts. Safe to run again at any time: a row is
    claimed ('sending') before its email goes out and marked 'sent' right after."""
    rate = (
        getattr(settings, "NEWSLETTER_RATE", 0) if rate is None else rate
    )  # emails per second; 0: no limit
    counts = {"sent": 0, "retry": 0, "failed": 0, "aborted": False}
    connection = None
    done = 0
    dropped = 0  # connections lost in a row
    while True:
        now = timezone.now()
        due = list(
            Delivery.objects.filter(issue=issue, status=Delivery.PENDING)
            .filter(models_q_due(now))
            .select_related("subscriber")
            .order_by("pk")[:BATCH]
        )
        if not due:
            break
        for delivery in due:
            # Claim the row; if another worker got there first, skip it.
            if not Delivery.objects.filter(pk=delivery.pk, status=Delivery.PENDING).update(
                status=Delivery.SENDING
            ):
                continue
            subscriber = delivery.subscriber
            if subscriber is None or subscriber.status != Subscriber.CONFIRMED:
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.FAILED, last_error="no longer subscribed"
                )
                counts["failed"] += 1
                continue
            started = time.monotonic()
            try:
                if connection is None:
                    connection = get_connection()
                    connection.open()
                mail.issue_email(issue, subscriber, connection=connection).send()
            except CONNECTION_ERRORS as error:
                # The connection failed, not the message: put the row back untouched and reconnect;
                # if the server cannot be reached at all, stop and leave the rest for a resumed run.
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.PENDING, last_error=str(error)[:255]
                )
                dropped += 1
                unreachable = isinstance(error, smtplib.SMTPConnectError) or dropped >= 3
                connection = close_quietly(connection)
                if unreachable:
                    counts["aborted"] = True
                    return counts
                continue
            except smtplib.SMTPException as error:
                attempts = delivery.attempts + 1
                failed = permanent(error) or attempts >= MAX_ATTEMPTS
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.FAILED if failed else Delivery.PENDING,
                    attempts=attempts,
                    last_error=str(error)[:255],
                    next_attempt_at=None
                    if failed
                    else timezone.now() + timedelta(seconds=backoff(attempts)),
                )
                if permanent(error):
                    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.BOUNCED)
                counts["failed" if failed else "retry"] += 1
                continue
            except OSError as error:  # refused, reset or timed out: the server, not the message
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.PENDING, last_error=str(error)[:255]
                )
                close_quietly(connection)
                counts["aborted"] = True
                return counts
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.SENT, sent_at=timezone.now(), attempts=delivery.attempts + 1
            )
            counts["sent"] += 1
            done += 1
            dropped = 0
            if progress:
                progress(done, counts)
            if rate:
                time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - started)))
    close_quietly(connection)
    return counts


def close_quietly(connection):
    if connection is not None:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            pass
    return None


def models_q_due(now):
    from django.db.models import Q

    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def recover_interrupted(issue):
    """Rows left 'sending' by a crashed worker may or may not have gone out. To never mail anyone
    twice they are not resent; they are marked failed for the operator to see."""
    return Delivery.objects.filter(issue=issue, status=Delivery.SENDING).update(
        status=Delivery.FAILED,
        last_error="interrupted while sending; not resent to avoid a duplicate",
    )


def finish_if_done(issue):
    if not issue.deliveries.filter(status__in=[Delivery.PENDING, Delivery.SENDING]).exists():
        Issue.objects.filter(pk=issue.pk).update(
            status=Issue.SENT, sent_at=issue.sent_at or timezone.now()
        )
        return True
    return False


@task()
def send_issue(issue_id):
    """Send an issue to every confirmed subscriber; rerun it to resume (temporary failures wait
    for their backoff; run it again later, or the worker re-enqueues it while any are pending)."""
    issue = Issue.objects.get(pk=issue_id)
    with transaction.atomic():
        Issue.objects.filter(pk=issue.pk, status=Issue.DRAFT).update(status=Issue.SENDING)
        queue_deliveries(issue)
    recover_interrupted(issue)
    counts = send_pending(issue)
    finish_if_done(issue)
    logger.info("issue %s: %s", issue_id, counts)
    return counts

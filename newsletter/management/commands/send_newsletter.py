"""manage.py send_newsletter ISSUE_ID: send (or resume sending) an issue, with progress."""

import time

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import Issue
from newsletter.tasks import finish_if_done, queue_deliveries, recover_interrupted, send_pending


class Command(BaseCommand):
    help = "Send a newsletter issue to every confirmed subscriber; run again to resume."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int)
        parser.add_argument(
            "--rate", type=float, default=None, help="Emails per second (default: NEWSLETTER_RATE)."
        )

    def handle(self, issue_id, rate, **options):
        issue = Issue.objects.filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"No issue with id {issue_id}.")
        started = time.monotonic()
        queued = queue_deliveries(issue)
        interrupted = recover_interrupted(issue)
        total = issue.deliveries.count()
        self.stdout.write(
            f"“{issue.subject}”: {total} deliveries ({queued} new, {interrupted} interrupted earlier)."
        )

        def progress(done, counts):
            if done % 1000:
                return
            elapsed = time.monotonic() - started
            self.stdout.write(
                f"  {done}/{total} sent ({done / elapsed:.0f} per second), {counts['retry']} to retry"
            )

        counts = send_pending(issue, rate=rate, progress=progress)
        finished = finish_if_done(issue)
        summary = issue.delivery_counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {time.monotonic() - started:.1f} s: {counts['sent']} sent now; in all {summary['sent']} sent, "
                f"{summary['failed']} failed, {summary['pending']} waiting to retry."
                + (" The mail server could not be reached." if counts["aborted"] else "")
                + ("" if finished else " Run again to resume.")
            )
        )

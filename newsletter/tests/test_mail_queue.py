"""Emails a reader waits for go on their own queue, and the worker serves it first."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.tasks import update_reference_index_task

from newsletter.models import Issue

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def worker_arguments():
    """The arguments of every `db_worker` the Makefile starts."""
    return [shlex.split(args) for args in re.findall(r"db_worker([^\n&>;]*)", MAKEFILE.read_text())]


def test_every_worker_the_makefile_starts_serves_the_mail_queue():
    invocations = worker_arguments()
    assert invocations
    for args in invocations:
        queues = next((a.split("=", 1)[1] for a in args if a.startswith("--queue-name=")), "")
        assert "mail" in queues.split(",") or queues == "*", args


@pytest.mark.django_db(transaction=True)
def test_a_confirmation_email_is_sent_before_a_backlog_of_other_tasks(
    client, smtp_server, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}
    }
    issue = Issue.objects.create(subject="A backlog", body="[]")
    for _ in range(30):  # as a course load or a bulk publish leaves behind
        update_reference_index_task.enqueue("newsletter", "issue", issue.pk)
    client.post("/newsletter/", {"email": "reader@example.org", "name": "Ada", "consent": "on"})
    assert not smtp_server.mailbox.messages  # queued, not sent in the request

    run_args = [a for a in worker_arguments()[-1] if a != "--batch"]
    call_command("db_worker", *run_args, "--batch", "--max-tasks=1", "--no-startup-delay")

    (confirmation,) = smtp_server.mailbox.to("reader@example.org")
    assert confirmation["Subject"] == "Confirm your subscription to Clio"

"""Send one issue to 100,000 subscribers through a local SMTP server; print emails per second
and peak memory. Uses a throw-away SQLite database in a temporary folder.

    .venv/bin/python bench/newsletter_send.py [SUBSCRIBERS]
"""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
folder = tempfile.mkdtemp(prefix="clio-bench-")
os.environ.update(
    DJANGO_SETTINGS_MODULE="clio.settings.test",
    DATABASE_URL=f"sqlite:///{folder}/bench.sqlite3",
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from newsletter.models import Issue, Subscriber  # noqa: E402
from newsletter.smtp_testing import SMTPServer  # noqa: E402
from newsletter.tasks import queue_deliveries, send_pending  # noqa: E402


def main(count):
    call_command("migrate", verbosity=0)
    server = SMTPServer(keep=False)
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    print(f"Creating {count:,} confirmed subscribers …")
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"reader{n}@example.org", status=Subscriber.CONFIRMED)
            for n in range(count)
        ),
        batch_size=5000,
    )
    issue = Issue.objects.create(
        subject="Benchmark issue",
        body='[{"type": "text", "value": "<p>This month in 1917: the Bolsheviks take power.</p>"}]',
    )
    tracemalloc.start() if os.environ.get("TRACE_MEMORY") else None
    started = time.perf_counter()
    queue_deliveries(issue)

    def progress(done, counts):
        if done % 10_000 == 0:
            print(
                f"  {done:,} sent, {done / (time.perf_counter() - started):,.0f} per second",
                flush=True,
            )

    counts = send_pending(issue, rate=0, progress=progress)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    server.stop()
    print(
        f"Sent {counts['sent']:,} emails in {elapsed:.1f} s: {counts['sent'] / elapsed:,.0f} emails per second"
    )
    print(
        f"Peak Python memory while sending: {peak / 2**20:.1f} MiB; process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    print(f"SMTP server accepted {server.mailbox.count:,} messages")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)

"""make bench, part one: how fast Clio renders each page type without the page cache, and how
much an article weighs. bench/serving.py then measures requests per second.

For each page type: the median render time and SQL queries with the page cache off but the
site's other caches warm (a reader with progress, or a page the cache has not kept yet), then
the same with every cache empty (the first render after a change), and the HTML size. Speed is
measured here, never asserted in tests.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clio.settings.dev")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = {
    "home": "/",
    "course": "/russian-soviet-history/",
    "article": "/russian-soviet-history/leon-trotsky/",
    "person": "/people/leon-trotsky/",
    "org": "/organisations/bolshevik-party/",
    "timeline": "/timeline/",
    "glossary": "/glossary/",
    "search": "/search/?q=Trotsky",
    "quiz": "/russian-soviet-history/leon-trotsky/quiz/",
}


def render(client, url, clear):
    """(milliseconds, queries) of one render."""
    if clear:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries)


def measure(client, url, clear, runs):
    client.get(url)
    timings = [render(client, url, clear) for _ in range(runs)]
    return statistics.median(t for t, _ in timings), max(q for _, q in timings)


def main():
    from chronology.models import OrganisationPage

    PAGES["org"] = OrganisationPage.objects.live().order_by("path").first().url
    settings.PAGE_CACHE = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    print(
        f"{'page':<10} {'no page cache: ms':>18} {'queries':>8} {'nothing cached: ms':>19} {'queries':>8} {'HTML bytes':>11}"
    )
    for name, url in PAGES.items():
        warm_ms, warm_q = measure(client, url, clear=False, runs=60)
        cold_ms, cold_q = measure(client, url, clear=True, runs=15)
        size = len(client.get(url).content)
        print(
            f"{name:<10} {warm_ms:>18.1f} {warm_q:>8} {cold_ms:>19.1f} {cold_q:>8} {size:>11,}",
            flush=True,
        )
    article = client.get(PAGES["article"]).content
    assets = sum(
        Path(finders.find(p)).stat().st_size for p in ("clio/css/clio.css", "quizzes/quiz.js")
    )
    print(
        f"\narticle weight: HTML {len(article):,} B + CSS/JS {assets:,} B = {len(article) + assets:,} B (budget 61,440 B)"
    )
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

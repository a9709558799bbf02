"""make bench: the search page at scale, on PostgreSQL.

Creates a bench database (BENCH_DATABASE_URL, default clio_search_bench on the local server),
loads the real course, adds a generated corpus of 10,000 articles and 20,000 events, builds the
search index in bulk (timed), then times 200 searches of the whole page in process: exact names
and titles, misspelt ones and other names (aliases and transliterations). Prints p50 and p95 and
drops the database at the end. Speed is measured here, never asserted in tests.
"""

import json
import os
import random
import re
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/clio_search_bench"
)
os.environ["DATABASE_URL"] = BENCH_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clio.settings.dev")
os.environ.setdefault("SECRET_KEY", "bench-only")
ARTICLES, EVENTS, QUERIES = 10_000, 20_000, 200
random.seed(1917)


def admin_connection():
    """A connection to the server's maintenance database, to create and drop the bench one."""
    import psycopg

    url = urlparse(BENCH_URL)
    return psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        dbname="postgres",
        autocommit=True,
    ), url.path.lstrip("/")


def recreate_database():
    connection, name = admin_connection()
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database():
    from django.db import connections

    connections.close_all()
    connection, name = admin_connection()
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def step(message):
    print(f"  {message}…", flush=True)
    return time.perf_counter()


def done(started):
    print(f"    {time.perf_counter() - started:.1f} s", flush=True)


def generated_corpus(course, counts):
    """10,000 article pages (as rows, in bulk: the page tree one by one would take an hour)
    and 20,000 events, written in words of the course at the rates the course uses them
    (`counts`), so that a word is as rare in the corpus as in real prose: drawn evenly from the
    vocabulary, every article held nearly every word and every search matched everything."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page

    from chronology.models import Event
    from courses.models import ArticlePage

    content_type = ContentType.objects.get_for_model(ArticlePage)

    vocabulary, weights = list(counts), list(counts.values())
    words = [word for word, count in counts.items() if len(word) > 3 and count > 1]

    def sentence(n):
        return " ".join(random.choices(vocabulary, weights, k=n)).capitalize() + "."

    first = course.numchild + 1
    now = timezone.now()
    pages = []
    for n in range(ARTICLES):
        slug = f"generated-{n}"
        title = " ".join(random.choice(words) for _ in range(random.randint(2, 5))).title()
        pages.append(
            Page(
                path=Page._get_path(course.path, course.depth + 1, first + n),
                depth=course.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=course.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                url_path=f"{course.url_path}{slug}/",
            )
        )
    Page.objects.bulk_create(pages, batch_size=1000)
    Page.objects.filter(pk=course.pk).update(numchild=course.numchild + ARTICLES)
    rows = []
    for page in Page.objects.filter(slug__startswith="generated-").values_list("pk", flat=True):
        body = [
            {
                "type": "text",
                "value": "<p>" + " ".join(sentence(14) for _ in range(12)) + "</p>",
                "id": str(uuid.uuid4()),
            }
        ]
        start = random.randint(1855, 1990)
        rows.append(
            (page, sentence(25), sentence(8), f"{start}-{start + 10}", "", json.dumps(body))
        )
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO courses_articlepage (page_ptr_id, standfirst, enquiry, periods, themes, body)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            rows,
        )
    events = []
    for n in range(EVENTS):
        year = random.randint(1855, 1991)
        events.append(
            Event(
                slug=f"generated-event-{n}",
                title=" ".join(
                    random.choice(words) for _ in range(random.randint(3, 7))
                ).capitalize(),
                when=str(year),
                earliest=f"{year}-01-01",
                latest=f"{year}-12-31",
                summary=sentence(30),
                significance=sentence(15),
            )
        )
    Event.objects.bulk_create(events, batch_size=2000)


def misspelt(word):
    """One typing slip: two letters swapped, or one dropped or doubled."""
    i = random.randrange(1, len(word) - 2)
    slip = random.choice(("swap", "drop", "double"))
    if slip == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if slip == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def bench_queries():
    """200 queries a third each: exact names and titles, misspelt ones, other names."""
    from chronology.models import PersonAlias, PersonPage
    from courses.models import ArticlePage

    names = list(PersonPage.objects.values_list("title", flat=True))
    titles = list(ArticlePage.objects.values_list("title", flat=True)[:2000])
    aliases = list(PersonAlias.objects.values_list("name", flat=True))
    exact = [random.choice(names + titles) for _ in range(QUERIES // 3)]
    long_words = [w for name in names for w in name.split() if len(w) >= 6]
    typos = [misspelt(random.choice(long_words)) for _ in range(QUERIES // 3)]
    other = [random.choice(aliases) for _ in range(QUERIES - len(exact) - len(typos))]
    return (
        [("exact", q) for q in exact]
        + [("misspelt", q) for q in typos]
        + [("alias", q) for q in other]
    )


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def main():
    print(f"Search benchmark on PostgreSQL ({ARTICLES:,} generated articles, {EVENTS:,} events)")
    started = step("creating the bench database")
    recreate_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils.html import strip_tags

    from courses.loader import indexing_deferred, load_pack
    from courses.models import ArticlePage, CoursePage
    from courses.pack import read_pack
    from search.vocabulary import build_search_data

    try:
        call_command("migrate", verbosity=0)
        done(started)
        started = step("loading the course")
        with indexing_deferred():
            load_pack(read_pack(ROOT / "content" / "russian-soviet-history"))
        done(started)
        started = step("generating the corpus")
        course = CoursePage.objects.get()
        prose = " ".join(
            strip_tags(page.body.render_as_block()) for page in ArticlePage.objects.all()
        )
        generated_corpus(course, Counter(re.findall(r"[^\W\d_]+", prose.lower())))
        done(started)
        started = step("building the search index (update_index)")
        call_command("update_index", verbosity=0)
        with connection.cursor() as cursor:
            # What autovacuum does soon after a bulk load: without statistics of the new index,
            # PostgreSQL reads the posting lists of every kind to find the few glossary terms.
            cursor.execute("ANALYZE")
        index_seconds = time.perf_counter() - started
        done(started)
        started = time.perf_counter()
        build_search_data()
        vocabulary_ms = (time.perf_counter() - started) * 1000

        settings.PAGE_CACHE = False  # a query asked twice is searched twice, not served a copy
        client = Client(HTTP_HOST="127.0.0.1")
        queries = bench_queries()
        client.get("/search/", {"q": "warm up"})
        times, sql_shares = {}, []
        found_first = 0
        for kind, query in queries:
            with CaptureQueriesContext(connection) as sql:
                started = time.perf_counter()
                response = client.get("/search/", {"q": query})
                elapsed = (time.perf_counter() - started) * 1000
            times.setdefault(kind, []).append(elapsed)
            sql_ms = sum(float(q["time"]) for q in sql.captured_queries) * 1000
            sql_shares.append(sql_ms / elapsed)
            assert response.status_code == 200, (query, response.status_code)
            found_first += b'class="search-result"' in response.content
        every = [t for values in times.values() for t in values]
        print()
        print(f"{'queries':<10} {'count':>6} {'p50 ms':>8} {'p95 ms':>8}")
        for kind, values in [*times.items(), ("all", every)]:
            print(
                f"{kind:<10} {len(values):>6} {statistics.median(values):>8.1f} "
                f"{percentile(values, 0.95):>8.1f}"
            )
        print()
        print(f"index build (update_index, whole site, then ANALYZE): {index_seconds:.1f} s")
        print(f"vocabulary build after a content change: {vocabulary_ms:.0f} ms")
        print(f"searches with at least one result: {found_first} of {len(queries)}")
        print(f"share of a page's time spent in SQL (median): {statistics.median(sql_shares):.0%}")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        verdict = "met" if percentile(every, 0.95) < 50 else "NOT met"
        print(f"target p95 < 50 ms: {verdict}")
    finally:
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {BENCH_URL} (BENCH_KEEP is set)")
        else:
            drop_database()


if __name__ == "__main__":
    main()

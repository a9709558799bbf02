"""Every page type renders, is routable, and shows what a reader needs."""

import re
import shutil

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.loader import load_pack
from courses.pack import read_pack


@pytest.mark.django_db
def test_home_course_and_article_answer(client, loaded_mini):
    for url in (
        "/",
        "/mini-course/",
        "/mini-course/first-topic/",
        "/people/leon-trotsky/",
        "/organisations/petrograd-soviet/",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_course_page_names_every_topic_and_marks_unwritten_ones(client, loaded_mini):
    html = client.get("/mini-course/").content.decode()
    assert '<a href="/mini-course/first-topic/">The First Topic</a>' in html
    assert "The Third Topic <small>(in preparation)</small>" in html
    assert 'href="/mini-course/third-topic/"' not in html


@pytest.mark.django_db
def test_an_article_has_breadcrumb_pager_menu_and_figure(client, loaded_mini):
    html = client.get("/mini-course/second-topic/").content.decode()
    assert '<nav aria-label="Breadcrumb"' in html
    assert 'rel="prev"' in html and "The First Topic" in html
    assert 'rel="next"' not in html  # the third topic is not written yet
    first = client.get("/mini-course/first-topic/").content.decode()
    assert '<a href="/mini-course/second-topic/" rel="next">' in first
    assert "<figcaption>A chart made for the tests." in first
    assert 'alt="Three bars rising from left to right."' in first
    assert 'aria-current="page">The First Topic</a>' in first


@pytest.mark.django_db
def test_article_links_entities_explains_terms_and_numbers_footnotes(client, loaded_mini):
    html = client.get("/mini-course/first-topic/").content.decode()
    assert '<a href="/people/leon-trotsky/">Trotsky</a>' in html
    assert (
        '<a href="/organisations/petrograd-soviet/">Petrograd Soviet of Workers&#x27; and Soldiers&#x27; Deputies</a>'
        in html
    )
    assert '<dfn id="term-soviet">soviet</dfn></dt><dd>A council of elected deputies' in html
    assert re.search(
        r'id="fn-1">Isaac Deutscher, <cite>The Prophet Armed: Trotsky, 1879-1921</cite> \(1954\), p\. 290\.',
        html,
    )
    assert 'id="fn-2">Leon Trotsky' in html
    assert "[[" not in html and "[^" not in html


@pytest.mark.django_db
def test_article_shows_key_dates_in_both_calendars(client, loaded_mini):
    html = client.get("/mini-course/first-topic/").content.decode()
    assert "26 October (7 November) 1879" in html
    assert "25 September (8 October) 1917" in html


@pytest.mark.django_db
def test_unknown_url_is_a_themed_404(client, loaded_mini):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_search_finds_the_article(client, loaded_mini):
    html = client.get("/search/", {"q": "revolutions"}).content.decode()
    assert '<a href="/mini-course/first-topic/">The First Topic</a>' in html


def pack_with_topics(source, target, count):
    """A copy of the mini pack whose course lists `count` written topics."""
    shutil.copytree(source, target)
    first = (target / "topics" / "first-topic.md").read_text()
    lines = ["title: Mini Course", "slug: mini-course", "parts:", "  - title: All", "    topics:"]
    for n in range(count):
        slug = "first-topic" if n == 0 else f"topic-{n}"
        lines += [f"      - slug: {slug}", f"        title: Topic {n}"]
        if n:
            (target / "topics" / f"{slug}.md").write_text(
                first.replace("title: The First Topic", f"title: Topic {n}")
            )
    (target / "topics" / "second-topic.md").unlink()
    (target / "course.yaml").write_text("\n".join(lines) + "\n")
    events = (
        (target / "events.yaml")
        .read_text()
        .replace("topics: [first-topic, second-topic]", "topics: [first-topic]")
    )
    (target / "events.yaml").write_text(events)
    return target


def queries_for(client, url):
    """SQL queries of one render without the page cache (as for a reader with progress), once
    what a running site keeps warm is warm: the Site, routes, the menu, rendered bodies."""
    from django.core.cache import cache

    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def multiply_events(factor):
    """Copies of every event, `factor` times as many in all, with their people, organisations,
    topics and sources, as a course with a much longer chronology would have."""
    from chronology.models import Event

    originals = list(Event.objects.prefetch_related("people", "organisations", "topics", "sources"))
    for n in range(1, factor):
        copies = Event.objects.bulk_create(
            Event(
                slug=f"{e.slug}-{n}",
                title=f"{e.title} ({n})",
                when=e.when,
                when_old_style=e.when_old_style,
                earliest=e.earliest,
                latest=e.latest,
                place=e.place,
                summary=e.summary,
            )
            for e in originals
        )
        for event, copy in zip(originals, copies, strict=True):
            for relation in ("people", "organisations", "topics", "sources"):
                getattr(copy, relation).set(getattr(event, relation).all())
            copy.save()


PAGE_TYPES = [
    "/",
    "/mini-course/",
    "/mini-course/first-topic/",
    "/mini-course/first-topic/quiz/",
    "/mini-course/revision/",
    "/people/leon-trotsky/",
    "/organisations/petrograd-soviet/",
    "/timeline/",
    "/timeline/?person=leon-trotsky",
    "/glossary/",
    "/search/?q=Trotsky",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGE_TYPES)
def test_every_page_type_makes_at_most_ten_queries_whatever_the_course_size(
    client, mini_pack, tmp_path, url
):
    counts = []
    for size in (1, 21):  # the second load adds 20 topics to the same course
        load_pack(read_pack(pack_with_topics(mini_pack, tmp_path / f"pack-{size}", size)))
        counts.append(queries_for(client, url))
    multiply_events(10)
    counts.append(queries_for(client, url))
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 10, counts


@pytest.mark.django_db
def test_a_page_served_again_asks_nothing_of_the_site_route_or_restrictions(client, loaded_mini):
    client.get("/mini-course/first-topic/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/mini-course/first-topic/").status_code == 200
    asked = " ".join(q["sql"] for q in queries.captured_queries)
    assert "wagtailcore_site" not in asked
    assert "wagtailcore_pageviewrestriction" not in asked
    assert "wagtailcore_page" not in asked  # the route and the page come from the cache


@pytest.mark.django_db
def test_a_view_restriction_added_after_a_page_was_served_guards_it(client, loaded_mini):
    from wagtail.models import Page, PageViewRestriction

    assert "The First Topic" in client.get("/mini-course/first-topic/").content.decode()
    course = Page.objects.get(slug="mini-course")
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    html = client.get("/mini-course/first-topic/").content.decode()
    assert 'name="password"' in html
    assert "Isaac Deutscher" not in html  # the article itself is not shown


@pytest.mark.django_db
def test_a_published_change_reaches_a_reader_with_progress_at_once(client, loaded_mini):
    from courses.models import ArticlePage

    client.get("/mini-course/first-topic/")
    page = ArticlePage.objects.get(slug="first-topic")
    page.standfirst = "A standfirst rewritten by the editor."
    page.save_revision().publish()
    assert (
        "A standfirst rewritten by the editor."
        in client.get("/mini-course/first-topic/").content.decode()
    )


@pytest.mark.django_db
def test_the_timeline_filters_stay_out_of_the_header_search_box(client, loaded_mini):
    html = client.get("/timeline/", {"person": "leon-trotsky"}).content.decode()
    assert 'name="q" value=""' in html

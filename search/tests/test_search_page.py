"""The search page and its autocomplete as a reader meets them, on the real course."""

import os
import re

import pytest
from django.core.cache import cache

from .pages import result_links

ODD_QUERIES = [
    '"',
    'abc"',
    '"unbalanced',
    "\x00",
    "a\x00b",
    "'",
    "*",
    "-",
    "^",
    "\\",
    "OR",
    "AND NOT x",
    "NEAR(a b)",
    "title:x",
    "(",
    ")",
    "{}",
    "%",
    "_",
    "😀",
    "\u202e",
    "\ufeff",
    "x" * 5000,
    "<script>alert(1)</script>",
    "Trotsky\x00\x01\x1f",
]


@pytest.mark.parametrize("text", ODD_QUERIES, ids=[repr(q)[:20] for q in ODD_QUERIES])
def test_odd_input_never_breaks_the_page(site, text):
    # A NUL byte is refused before any view (core.security), with a 400, never a 500.
    expected = 400 if "\x00" in text else 200
    for params in (
        {"q": text},
        {"q": f"Trotsky {text}"},
        {"q": "Trotsky", "kind": text, "topic": text, "period": text, "page": text},
        {"q": "Trotsky", "kind": "people", "page": text},
    ):
        assert site.get("/search/", params).status_code == expected, params
    assert site.get("/search/suggest/", {"q": text}).status_code == expected


def test_markup_in_a_query_is_shown_as_text(site):
    html = site.get("/search/", {"q": "<b>Trotsky</b>"}).content.decode()
    assert "<b>Trotsky</b>" not in html
    assert "&lt;b&gt;Trotsky&lt;/b&gt;" in html


def test_results_are_grouped_by_kind_with_marked_snippets(site):
    html = site.get("/search/", {"q": "Trotsky"}).content.decode()
    headings = re.findall(r'<h2 id="results-(\w+)">', html)
    assert headings[:2] == ["people", "articles"]
    assert {"events", "sources"} <= set(headings)
    assert "<mark>Trotsky</mark>" in html


def test_the_page_works_without_javascript(site):
    """Everything is in the server's HTML: a GET form with its filters, and the results."""
    response = site.get("/search/", {"q": "Kronstadt", "kind": "events"})
    html = response.content.decode()
    assert re.search(r'<form action="/search/" method="get" role="search"', html)
    for name in ("q", "kind", "topic", "period"):
        assert f'name="{name}"' in html
    assert "/timeline/?event=kronstadt-rising#kronstadt-rising" in result_links(response)
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", html)


def test_a_misspelling_offers_the_correction(site):
    html = site.get("/search/", {"q": "Trotksy"}).content.decode()
    assert re.search(r'Did you mean <a href="/search/\?q=trotsky">trotsky</a>\?', html)
    assert "Did you mean" not in site.get("/search/", {"q": "Trotsky"}).content.decode()


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the trigram fallback is PostgreSQL's (pg_trgm)",
)
def test_a_name_too_garbled_to_correct_still_finds_its_page_by_trigrams(site):
    response = site.get("/search/", {"q": "Dzerzhinskiiyyy"})  # three letters too many
    assert "/people/felix-dzerzhinsky/" in result_links(response)


def test_a_topic_narrows_the_events_to_its_own(site):
    from chronology.models import Event

    in_topic = {
        f"/timeline/?event={slug}#{slug}"
        for slug in Event.objects.filter(topics__slug="leon-trotsky").values_list("slug", flat=True)
    }
    narrowed = result_links(site.get("/search/", {"q": "arrested", "topic": "leon-trotsky"}))
    everywhere = result_links(site.get("/search/", {"q": "arrested", "kind": "events"}))
    events = [link for link in narrowed if link.startswith("/timeline/?event=")]
    assert "/timeline/?event=trotsky-first-arrest#trotsky-first-arrest" in events
    assert set(events) <= in_topic
    assert set(everywhere) - in_topic, "an arrest outside the topic, left out above"


def test_a_period_leaves_out_what_is_outside_it(site):
    links = result_links(site.get("/search/", {"q": "Trotsky", "period": "1985-1991"}))
    assert "/timeline/?event=trotsky-born#trotsky-born" not in links
    everything = result_links(site.get("/search/", {"q": "Trotsky born"}))
    assert "/timeline/?event=trotsky-born#trotsky-born" in everything


def test_one_kind_is_paged(site):
    first = site.get("/search/", {"q": "revolution", "kind": "events"})
    second = site.get("/search/", {"q": "revolution", "kind": "events", "page": 2})
    assert len(result_links(first)) == 20
    assert set(result_links(first)).isdisjoint(result_links(second))
    assert 'rel="next"' in first.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Trotsky"},
        {"q": "Trotksy revolution"},
        {"q": "Bronstein", "kind": "people"},
        {"q": "revolution", "kind": "events", "page": "2"},
        {"q": "Stalin", "topic": "stalinism", "period": "1924-1953"},
    ],
)
def test_a_search_page_costs_one_query_per_kind_searched(
    site, django_assert_max_num_queries, params
):
    cache.clear()  # as after a content change: the vocabulary is read again
    with django_assert_max_num_queries(11):  # + vocabulary, site root and the footer's menu (2)
        assert site.get("/search/", params).status_code == 200
    with django_assert_max_num_queries(7):
        site.get("/search/", params)


def test_a_common_word_costs_one_query_per_kind(site, django_assert_max_num_queries):
    site.get("/search/", {"q": "Russian"})
    with django_assert_max_num_queries(7):  # seven kinds; nothing else once the cache is warm
        assert len(result_links(site.get("/search/", {"q": "Russian"}))) > 20


def test_autocomplete_suggests_people_by_their_other_names(site):
    suggestions = site.get("/search/suggest/", {"q": "Bronst"}).json()["suggestions"]
    assert {
        "title": "Leon Trotsky",
        "url": "/people/leon-trotsky/",
        "kind": "person",
    } in suggestions
    typo = site.get("/search/suggest/", {"q": "Lenni legac"}).json()["suggestions"]
    assert typo[0]["url"] == "/russian-soviet-history/lenins-legacy/"


def test_the_header_box_is_enhanced_by_a_static_script(site):
    html = site.get("/").content.decode()
    assert re.search(r'<script src="/static/search/js/suggest[^"]*\.js" defer></script>', html)
    assert 'data-suggest="/search/suggest/"' in html


def test_processes_share_one_build_per_content_version(db, django_assert_num_queries):
    """Each server process keeps its own copy of the search data; a second process building
    its copy must not make the first rebuild on its next search (and so on, in turn)."""
    from search import vocabulary

    vocabulary.search_data()
    first_process = dict(vocabulary._built)
    vocabulary._built.clear()  # another process, with nothing built yet
    vocabulary.search_data()
    vocabulary._built.clear()
    vocabulary._built.update(first_process)  # back in the first process
    with django_assert_num_queries(0):
        vocabulary.search_data()

"""The read-only JSON API: its OpenAPI 3.1 document, filters, pagination, CORS, query budget,
and a schemathesis fuzz of every operation (no request it can generate makes the server fail)."""

import json

import pytest
import schemathesis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings

LISTS = [
    "/api/articles/",
    "/api/people/",
    "/api/organisations/",
    "/api/events/",
    "/api/places/",
    "/api/sources/",
    "/api/glossary/",
    "/api/quizzes/",
]


@pytest.mark.django_db
def test_the_schema_is_openapi_3_1_and_lists_every_endpoint_with_its_filters(client):
    schema = json.loads(client.get("/api/schema/?format=json").content)
    assert schema["openapi"] == "3.1.0"
    assert schema["info"]["license"]["name"] == "CC BY 4.0"
    assert set(LISTS) <= set(schema["paths"])
    events = {p["name"] for p in schema["paths"]["/api/events/"]["get"]["parameters"]}
    assert {"period", "person", "topic", "organisation", "place", "page", "page_size"} <= events
    assert "post" not in schema["paths"]["/api/events/"]


@pytest.mark.django_db
def test_filters_and_pagination(client, loaded_mini):
    events = client.get("/api/events/?person=leon-trotsky&period=1917").json()
    assert [e["slug"] for e in events["results"]] == ["trotsky-chairs-soviet"]
    assert events["results"][0]["display"] == "25 September (8 October) 1917"
    first = client.get("/api/events/?page_size=1").json()
    assert first["count"] == 3 and len(first["results"]) == 1 and "page=2" in first["next"]
    people = client.get("/api/people/?topic=first-topic").json()["results"]
    assert [p["slug"] for p in people] == ["leon-trotsky"]
    trotsky = client.get("/api/people/leon-trotsky/").json()
    assert (
        trotsky["born"]["edtf"] == "1879-11-07"
        and trotsky["born"]["old_style_edtf"] == "1879-10-26"
    )
    articles = client.get("/api/articles/?person=leon-trotsky&period=1917-1924").json()["results"]
    assert {a["slug"] for a in articles} == {"first-topic"}
    assert articles[0]["licence"] == "CC BY 4.0"
    assert client.get("/api/articles/?period=1800-1801").json()["count"] == 0
    quiz = client.get("/api/quizzes/first-topic/").json()
    assert quiz["questions"] and all(q["answer"] for q in quiz["questions"])
    assert client.get("/api/events/no-such-event/").status_code == 404
    assert client.get("/api/events/?page=99").status_code == 404


@pytest.mark.django_db
def test_the_api_is_read_only_and_open_to_other_sites(client, loaded_mini):
    response = client.get("/api/events/", HTTP_ORIGIN="https://school.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/events/",
        HTTP_ORIGIN="https://school.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/events/", {}).status_code == 405
    page = client.get("/mini-course/", HTTP_ORIGIN="https://school.example")
    assert "Access-Control-Allow-Origin" not in page  # pages are not for other sites' scripts


def count_queries(client, url):
    from django.core.cache import cache

    cache.clear()  # the same start each time: no cached site root paths or quiz facts
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_every_list_costs_the_same_queries_whatever_the_course_size(client, loaded_mini):
    from chronology.models import Event, GlossaryTerm, PersonPage, Place, Source
    from courses.models import ArticlePage

    before = {url: count_queries(client, url) for url in LISTS}
    page = ArticlePage.objects.get(slug="first-topic")
    trotsky = PersonPage.objects.get(slug="leon-trotsky")
    source = Source.objects.first()
    for n in range(30):
        event = Event.objects.create(slug=f"extra-{n}", title=f"Extra {n}", when=f"{1900 + n}")
        event.topics.add(page)
        event.people.add(trotsky)
        event.sources.add(source)
        Place.objects.create(slug=f"place-{n}", name=f"Place {n}")
        GlossaryTerm.objects.create(slug=f"term-{n}", term=f"Term {n}", definition="A term.")
    after = {url: count_queries(client, url) for url in LISTS}
    assert after == before
    assert max(before.values()) <= 10, before


FUZZ_EXAMPLES = 12  # per operation: 16 operations, about 200 requests in all


@pytest.fixture
def wsgi_app():
    """The site as a WSGI app that keeps the test's database connection open between requests,
    as Django's test client does (otherwise each request's end closes it on PostgreSQL)."""
    from django.core.signals import request_finished, request_started
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_no_generated_request_makes_the_api_fail(loaded_mini, wsgi_app):
    """Schemathesis generates requests from the OpenAPI document for every operation; each
    response must conform to the document (status, content type, body) and none may be a 500."""
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 2 * len(LISTS)
    statuses = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=FUZZ_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def fuzz(case):
            response = case.call()
            statuses.append(response.status_code)
            case.validate_response(response)

        fuzz()
    print(f"schemathesis: {len(statuses)} requests, {statuses.count(500)} server errors")
    assert len(statuses) >= len(operations) * 5 and 500 not in statuses

"""The whole-page cache: one copy for readers without progress, purged by any change it shows."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from django.test import Client

from chronology.models import Event, GlossaryTerm, PersonPage
from conftest import MINI_PACK
from courses.loader import load_pack
from courses.models import ArticlePage
from courses.pack import read_pack

ARTICLE = "/mini-course/first-topic/"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.django_db
def test_a_second_reader_gets_the_first_readers_copy(page_cache, loaded_mini):
    first = Client().get(ARTICLE)
    second = Client().get(ARTICLE)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Cache-Control"].startswith("public")


@pytest.mark.django_db
def test_publishing_a_page_purges_it_and_every_page_that_names_it(page_cache, loaded_mini):
    person = "/people/leon-trotsky/"  # lists the articles that mention him
    Client().get(ARTICLE), Client().get(person)
    republish(ArticlePage.objects.get(slug="first-topic"), title="A Retitled Topic")
    assert "A Retitled Topic" in Client().get(ARTICLE).content.decode()
    page = Client().get(person)
    assert page["X-Page-Cache"] == "miss"
    assert "A Retitled Topic" in page.content.decode()


@pytest.mark.django_db
def test_unpublishing_a_page_takes_it_out_of_the_cache(page_cache, loaded_mini):
    assert Client().get(ARTICLE).status_code == 200
    ArticlePage.objects.get(slug="first-topic").unpublish()
    assert Client().get(ARTICLE).status_code == 404


@pytest.mark.django_db
def test_editing_an_event_purges_the_pages_that_show_it(page_cache, loaded_mini):
    person = "/people/leon-trotsky/"
    assert "Trotsky dies in Coyoacán" in Client().get(person).content.decode()
    event = Event.objects.get(slug="trotsky-dies")
    event.title = "Trotsky is murdered in Coyoacán"
    event.save()
    for url in (person, "/timeline/", ARTICLE):
        html = Client().get(url).content.decode()
        assert "Trotsky is murdered in Coyoacán" in html, url


@pytest.mark.django_db
def test_removing_a_person_from_an_event_purges_their_page(page_cache, loaded_mini):
    person = "/people/leon-trotsky/"
    assert "Trotsky dies in Coyoacán" in Client().get(person).content.decode()
    event = Event.objects.get(slug="trotsky-dies")
    event.people.remove(PersonPage.objects.get(slug="leon-trotsky"))
    event.save()
    assert "Trotsky dies in Coyoacán" not in Client().get(person).content.decode()


@pytest.mark.django_db
def test_editing_a_glossary_term_purges_the_glossary(page_cache, loaded_mini):
    Client().get("/glossary/")
    term = GlossaryTerm.objects.get(slug="soviet")
    term.definition = "A council of workers' and soldiers' deputies, newly defined."
    term.save()
    assert "newly defined" in Client().get("/glossary/").content.decode()


@pytest.mark.django_db
def test_a_matching_etag_or_date_gets_a_304(page_cache, loaded_mini):
    first = Client().get(ARTICLE)
    again = Client().get(ARTICLE, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = Client().get(ARTICLE, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    republish(ArticlePage.objects.get(slug="first-topic"), standfirst="A new standfirst.")
    changed = Client().get(ARTICLE, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and "A new standfirst." in changed.content.decode()


@pytest.mark.django_db
def test_no_progress_leaks_between_readers_through_the_cache(page_cache, loaded_mini):
    newcomer, reader = Client(), Client()
    reader.get("/progress/read/first-topic/")  # what reading an article loads: its reading mark
    reader.post(ARTICLE, {"seed": 0})  # and a quiz attempt records a best score
    mine = reader.get("/mini-course/")
    assert mine["X-Page-Cache"] == "bypass" and "private" in mine["Cache-Control"]
    assert "Topics read: 1 of" in mine.content.decode()
    assert "Clear my progress" in mine.content.decode()
    for _ in range(2):  # a miss, then a hit: neither shows the other reader's progress
        theirs = newcomer.get("/mini-course/").content.decode()
        assert "Topics read: 0 of" in theirs
        assert "Clear my progress" not in theirs and "best quiz score" not in theirs
    assert "Topics read: 1 of" in reader.get("/mini-course/").content.decode()


@pytest.mark.django_db
def test_an_article_from_the_cache_counts_as_read_through_its_image(page_cache, loaded_mini):
    Client().get(ARTICLE)
    reader = Client()
    article = reader.get(ARTICLE)
    assert article["X-Page-Cache"] == "hit" and not article.cookies
    mark = re.search(r'<img class="read-mark" src="([^"]+)"', article.content.decode()).group(1)
    image = reader.get(mark)
    assert image["Content-Type"] == "image/gif" and image["Cache-Control"] == "no-store"
    assert "Topics read: 1 of" in reader.get("/mini-course/").content.decode()


@pytest.mark.django_db
def test_the_reading_mark_ignores_other_sites_and_unknown_topics(page_cache, loaded_mini):
    reader = Client()
    reader.get("/progress/read/first-topic/", headers={"Sec-Fetch-Site": "cross-site"})
    reader.get("/progress/read/no-such-topic/")
    assert "Topics read: 0 of" in reader.get("/mini-course/").content.decode()


@pytest.mark.django_db
def test_cached_pages_hold_no_csrf_token_and_set_no_cookie(page_cache, loaded_mini):
    for url in (ARTICLE, "/mini-course/", "/mini-course/first-topic/quiz/", "/newsletter/"):
        response = Client().get(url)
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert "csrftoken" not in response.cookies, url


@pytest.mark.django_db
def test_an_editor_always_gets_a_fresh_page(page_cache, loaded_mini, admin_client):
    Client().get(ARTICLE)
    assert admin_client.get(ARTICLE)["X-Page-Cache"] == "bypass"


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    """A real HTTP server standing in for nginx's purge endpoint, recording what it is told."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    load_pack(read_pack(MINI_PACK))  # committed: what loading purges is not what the test sees
    PurgeRecorder.purged = []
    yield PurgeRecorder.purged
    server.shutdown()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_a_page_purges_the_proxy(proxy):
    republish(ArticlePage.objects.get(slug="first-topic"), title="Retitled")
    assert {ARTICLE, ARTICLE + "quiz/", "/mini-course/", "/people/leon-trotsky/"} <= set(proxy)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editing_history_data_purges_every_page_from_the_proxy(proxy):
    with transaction.atomic():
        event = Event.objects.get(slug="trotsky-dies")
        event.title = "Trotsky is murdered"
        event.save()
        event.people.clear()
        event.save()
    assert {"/", "/people/leon-trotsky/", "/timeline/", "/glossary/", ARTICLE} <= set(proxy)
    assert proxy.count("/timeline/") == 1  # one purge for the whole transaction


class CountingDjango:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self):
        from django.core.wsgi import get_wsgi_application

        self.application = get_wsgi_application()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


def wsgi_get(application, path, method="get", **headers):
    """(status, headers, body) of one request (a GET unless `method` says) through a WSGI
    application."""
    from django.test import RequestFactory

    environ = getattr(RequestFactory(), method)(path, headers=headers).environ
    answer = {}

    def start_response(status, response_headers):
        answer["status"], answer["headers"] = status, dict(response_headers)

    chunks = application(environ, start_response)
    body = b"".join(chunks)
    getattr(chunks, "close", lambda: None)()  # what a server does: Django's request_finished
    return answer["status"], answer["headers"], body


@pytest.fixture
def front(page_cache):
    """The front before Django's own WSGI application. As in Django's test client, a request
    must not close the test's database connection (its transaction holds the course)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from core.pagecache import PageCacheApplication

    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    django = CountingDjango()
    yield PageCacheApplication(django), django
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
def test_the_front_answers_a_kept_page_without_django(front, loaded_mini):
    application, django = front
    status, first_headers, first = wsgi_get(application, ARTICLE)
    assert (status, first_headers["X-Page-Cache"], django.calls) == ("200 OK", "miss", 1)
    status, headers, body = wsgi_get(application, ARTICLE)
    assert (status, headers["X-Page-Cache"], django.calls) == ("200 OK", "hit", 1)
    assert body == first and "The First Topic" in body.decode()
    for name in ("ETag", "Content-Security-Policy", "X-Content-Type-Options", "Cache-Control"):
        assert headers[name] == first_headers[name], name
    status, headers, body = wsgi_get(application, ARTICLE, **{"If-None-Match": headers["ETag"]})
    assert (status, body, django.calls) == ("304 Not Modified", b"", 1)
    status, headers, body = wsgi_get(application, ARTICLE, method="head")
    assert (status, body, headers["Content-Length"], django.calls) == (
        "200 OK",
        b"",
        first_headers["Content-Length"],
        1,
    )


@pytest.mark.django_db
def test_the_front_leaves_readers_with_progress_changes_and_bad_hosts_to_django(
    front, loaded_mini, settings
):
    application, django = front
    wsgi_get(application, ARTICLE)
    wsgi_get(application, ARTICLE, Cookie=f"{settings.SESSION_COOKIE_NAME}=someone")
    assert django.calls == 2
    republish(ArticlePage.objects.get(slug="first-topic"), title="A Retitled Topic")
    status, headers, body = wsgi_get(application, ARTICLE)
    assert (headers["X-Page-Cache"], django.calls) == ("miss", 3)
    assert "A Retitled Topic" in body.decode()
    status, _, _ = wsgi_get(application, ARTICLE, Host="elsewhere.example")
    assert (status, django.calls) == ("400 Bad Request", 4)

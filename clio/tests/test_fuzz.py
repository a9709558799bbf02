"""No input to a public page answers 500: every query parameter a public page reads and every
field of every form a public page shows, fuzzed with hypothesis (a fixed number of examples)."""

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronology.timeline import TimelineFilters

pytestmark = pytest.mark.django_db

# Text that has broken parsers before: full-text syntax, NUL, numbers out of range, odd Unicode.
NASTY = [
    '"', 'abc"', "\x00", "a\x00b", "'", "*", "a*", "(", ")", "NEAR(a b)", "-", "a -b", "col:x",
    "^", "OR", "AND NOT", "%", "%%", "\\", "<script>", "9" * 30, "-1", "0", "1e9", "1917-",
    "-1905", "\u202e", "😀", "", " ", "\n", "²", "../../etc/passwd", "{{ 7 }}", "Лев Троцкий",
]  # fmt: skip
VALUE = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.integers().map(str))
PAGES = [
    "/",
    "/mini-course/",
    "/mini-course/first-topic/",
    "/mini-course/first-topic/quiz/",
    "/mini-course/revision/",
    "/people/",
    "/people/leon-trotsky/",
    "/organisations/petrograd-soviet/",
    "/timeline/",
    "/glossary/",
    "/search/",
    "/newsletter/",
    "/admin/login/",
]
# Query parameters that pages read without a form that names them.
QUERY = {
    "/search/": ["q", "page"],
    "/timeline/": list(TimelineFilters.__dataclass_fields__),
    "/timeline.json": list(TimelineFilters.__dataclass_fields__),
    "/mini-course/first-topic/quiz/": ["seed"],
    "/mini-course/revision/": ["seed"],
    "/api/v2/pages/": [
        "type", "fields", "order", "limit", "offset", "search", "search_operator", "slug",
        "child_of", "ancestor_of", "descendant_of", "translation_of", "locale", "title",
    ],
    "/api/v2/images/": ["fields", "order", "limit", "offset", "search", "search_operator", "title"],
    "/feed/": [],
    "/sitemap.xml": [],
}  # fmt: skip
# Path segments that come from a link in an email, and any path at all.
PATHS = [
    "/newsletter/confirm/{}/",
    "/newsletter/unsubscribe/{}/",
    "/newsletter/archive/{}/",
    "/newsletter/archive/{}/1/",
    "/people/{}/",
    "/mini-course/{}/",
    "/api/v2/pages/{}/",
    "/{}/",
]
EXAMPLES = 10
requests_made = []


class Forms(HTMLParser):
    """The forms of a page: (method, action, field names)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("method", "get").lower(), attrs.get("action"), set()))
        elif tag in ("input", "select", "textarea") and self.forms and attrs.get("name"):
            if attrs["name"] != "csrfmiddlewaretoken":
                self.forms[-1][2].add(attrs["name"])


@pytest.fixture
def endpoints(client, loaded_mini):
    """(method, url, parameters) for every query parameter list and every form on the pages."""
    found = {("get", url, tuple(names)) for url, names in QUERY.items()}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = Forms()
        parser.feed(response.content.decode())
        for method, action, names in parser.forms:
            target = (action or url).split("#")[0]
            found.add((method, target, tuple(sorted(names | set(QUERY.get(target, []))))))
        found.add(("get", url, tuple(QUERY.get(url, []))))
    return sorted(found)


def ask(client, method, url, data):
    response = getattr(client, method)(url, data)
    requests_made.append(url)
    assert response.status_code < 500, (method, url, data)


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=st.data())
def test_no_parameter_of_a_public_page_gives_a_server_error(client, endpoints, data):
    for method, url, names in endpoints:
        # Some parameters, not always all: one bad value must not hide another.
        present = [name for name in names if data.draw(st.booleans())] or list(names[:1])
        ask(client, method, url, {name: data.draw(VALUE) for name in present})


@pytest.mark.parametrize("value", ['abc"', "a\x00b", "9" * 30])
def test_every_parameter_alone_takes_the_inputs_that_broke_pages(client, endpoints, value):
    for method, url, names in endpoints:
        for name in names:
            ask(client, method, url, {name: value})


@FUZZ
@given(segment=VALUE)
def test_no_path_gives_a_server_error(client, loaded_mini, segment):
    for template in PATHS:
        ask(client, "get", template.format(quote(segment, safe="")), {})


def test_the_fuzzing_covered_every_public_page():
    reached = {re.sub(r"/[^/]*%[^/]*/", "/…/", url) for url in requests_made}
    print(f"\nfuzz: {len(requests_made)} requests, none answered 500")
    assert set(PAGES) | set(QUERY) <= reached

"""Every public form is protected from cross-site requests without a per-reader token."""

import pytest
from django.test import Client

FORMS = [
    ("/newsletter/", {"email": "reader@example.org", "consent": "on"}),
    ("/mini-course/first-topic/", {"seed": "0"}),
    ("/mini-course/first-topic/quiz/", {"seed": "0"}),
    ("/mini-course/revision/", {"seed": "0"}),
    ("/progress/clear/", {"next": "/mini-course/"}),
]


def browser():
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
@pytest.mark.parametrize("url,data", FORMS)
def test_a_cross_site_post_is_refused(loaded_mini, url, data):
    for headers in (
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://testserver"},
        {"Origin": "https://evil.example"},
        {},  # a client that says nothing about where it comes from needs Django's token
    ):
        assert browser().post(url, data, headers=headers).status_code == 403, headers


@pytest.mark.django_db
@pytest.mark.parametrize("url,data", FORMS)
def test_a_post_from_the_site_itself_is_accepted(loaded_mini, url, data):
    for headers in ({"Sec-Fetch-Site": "same-origin"}, {"Origin": "http://testserver"}):
        assert browser().post(url, data, headers=headers).status_code in (200, 302), headers


@pytest.mark.django_db
def test_the_admin_keeps_its_token(loaded_mini):
    client = browser()
    page = client.get("/admin/login/")
    token = page.cookies["csrftoken"].value
    login = {"username": "nobody", "password": "wrong", "csrfmiddlewaretoken": token}
    assert client.post("/admin/login/", login).status_code == 200  # the form again, not a 403
    assert browser().post("/admin/login/", login).status_code == 403  # no cookie: no match

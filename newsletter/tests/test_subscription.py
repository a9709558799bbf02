"""Subscribing over a real SMTP server: double opt-in, one-click unsubscribe, no enumeration."""

import re
import time

import pytest
from django.core import signing

from newsletter import tokens
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def subscribe(client, email, website="", **meta):
    return client.post(
        "/newsletter/", {"email": email, "name": "Ada", "consent": "on", "website": website}, **meta
    )


def link_in(message, pattern):
    text = message.get_payload()[0].get_payload(decode=True).decode()
    return re.search(pattern, text).group(0)


def test_subscribe_confirm_welcome_and_one_click_unsubscribe(client, smtp_server):
    response = subscribe(client, "Reader@Example.org")
    assert "Check your inbox" in response.content.decode()
    (confirmation,) = smtp_server.mailbox.to("reader@example.org")
    assert confirmation["Subject"] == "Confirm your subscription to Clio"
    assert confirmation.is_multipart() and [
        p.get_content_type() for p in confirmation.get_payload()
    ] == ["text/plain", "text/html"]
    assert "List-Unsubscribe" not in confirmation  # not a list mail until confirmed
    confirm_path = link_in(confirmation, r"/newsletter/confirm/[^/\s]+/")

    # Following the link only shows a button: a mail scanner cannot confirm.
    page = client.get(confirm_path)
    assert "Confirm my subscription" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.PENDING

    client.post(confirm_path)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.CONFIRMED and subscriber.confirmed_at
    welcome = smtp_server.mailbox.to("reader@example.org")[-1]
    assert welcome["Subject"] == "Welcome to the Clio newsletter"
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(r"<(.+)>", welcome["List-Unsubscribe"].strip()).group(1)
    assert unsubscribe_url.startswith("http") and "/newsletter/unsubscribe/" in unsubscribe_url

    # RFC 8058: the mail provider POSTs with no CSRF token and no cookies.
    from django.test import Client

    provider = Client(enforce_csrf_checks=True)
    path = unsubscribe_url.split("://", 1)[1].split("/", 1)[1]
    response = provider.post(
        "/" + path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.UNSUBSCRIBED


def test_unsubscribe_link_opened_in_a_browser_asks_first(client, smtp_server):
    subscriber = Subscriber.objects.create(email="a@example.org", status=Subscriber.CONFIRMED)
    response = client.get(f"/newsletter/unsubscribe/{tokens.make(subscriber, 'unsubscribe')}/")
    assert '<button type="submit">Unsubscribe</button>' in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.CONFIRMED


def strip_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_answer_is_the_same_for_every_kind_of_address(client, smtp_server):
    Subscriber.objects.create(email="confirmed@example.org", status=Subscriber.CONFIRMED)
    Subscriber.objects.create(email="pending@example.org", status=Subscriber.PENDING)
    Subscriber.objects.create(email="gone@example.org", status=Subscriber.UNSUBSCRIBED)
    answers = {
        strip_csrf(subscribe(client, f"{who}@example.org").content.decode())
        for who in ("confirmed", "pending", "gone", "new")
    }
    assert len(answers) == 1
    assert not smtp_server.mailbox.to("confirmed@example.org")  # nothing new for a confirmed reader


def test_the_honeypot_catches_bots_quietly(client, smtp_server):
    response = subscribe(client, "bot@example.org", website="http://spam.example")
    assert "Check your inbox" in response.content.decode()
    assert not Subscriber.objects.exists() and not smtp_server.mailbox.messages


def test_more_than_five_a_minute_from_one_address_is_refused(client, smtp_server):
    statuses = [subscribe(client, f"r{n}@example.org").status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]


def test_one_address_gets_at_most_three_confirmations_an_hour(client, smtp_server, settings):
    for n in range(5):
        subscribe(client, "same@example.org", REMOTE_ADDR=f"10.0.0.{n}")
        client.cookies.clear()
    assert len(smtp_server.mailbox.to("same@example.org")) == 3


def test_the_form_needs_csrf(smtp_server):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/newsletter/", {"email": "x@example.org", "consent": "on"}
    )
    assert response.status_code == 403


def test_a_tampered_link_is_refused_with_a_clear_page(client):
    subscriber = Subscriber.objects.create(email="t@example.org")
    token = tokens.make(subscriber, "confirm")
    response = client.get(f"/newsletter/confirm/{token[:-2]}xx/")
    assert response.status_code == 400
    assert "The link is incomplete or has been changed" in response.content.decode()


def test_an_expired_confirmation_link_is_refused(client, monkeypatch):
    subscriber = Subscriber.objects.create(email="late@example.org")
    token = tokens.make(subscriber, "confirm")
    later = time.time() + tokens.CONFIRM_MAX_AGE + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.post(f"/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert "The link has expired" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.PENDING


def test_a_confirm_token_cannot_unsubscribe(client):
    subscriber = Subscriber.objects.create(email="x@example.org", status=Subscriber.CONFIRMED)
    response = client.post(f"/newsletter/unsubscribe/{tokens.make(subscriber, 'confirm')}/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.CONFIRMED


def test_readers_behind_a_trusted_proxy_each_have_their_own_allowance(
    client, smtp_server, settings
):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    statuses = [
        subscribe(
            client,
            f"r{n}@example.org",
            REMOTE_ADDR="10.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR=f"198.51.100.9, 203.0.113.{n}",  # the proxy appends the reader
        ).status_code
        for n in range(8)
    ]
    assert statuses == [200] * 8


def test_a_forwarded_address_is_not_believed_without_a_configured_proxy(client, smtp_server):
    statuses = [
        subscribe(client, f"r{n}@example.org", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_a_refused_reader_is_told_when_to_try_again(client, smtp_server):
    for n in range(5):
        subscribe(client, f"r{n}@example.org")
    refused = subscribe(client, "late@example.org")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 61


def test_mistyped_addresses_do_not_use_up_the_allowance(client, smtp_server):
    typos = [subscribe(client, f"r{n}@example").status_code for n in range(5)]
    assert typos == [400] * 5
    statuses = [subscribe(client, f"r{n}@example.org").status_code for n in range(5)]
    assert statuses == [200] * 5

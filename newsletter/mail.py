"""Building newsletter emails: a plain-text and an HTML part, and for every email after
confirmation the RFC 8058 one-click unsubscribe headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(subscriber):
    return absolute(
        reverse("newsletter:unsubscribe", args=[tokens.make(subscriber, "unsubscribe")])
    )


def archive_url(subscriber):
    return absolute(reverse("newsletter:archive", args=[tokens.make(subscriber, "archive")]))


def build(subscriber, subject, template, context, list_mail=True, connection=None):
    """An email from `template`.txt and `template`.html; `list_mail` adds the unsubscribe headers."""
    context = {"subscriber": subscriber, "site_url": absolute(""), **context}
    headers = {}
    if list_mail:
        context["unsubscribe_url"] = url = unsubscribe_url(subscriber)
        context["archive_url"] = archive_url(subscriber)
        headers = {
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = render_to_string(f"newsletter/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject, text, to=[subscriber.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation(subscriber):
    url = absolute(reverse("newsletter:confirm", args=[tokens.make(subscriber, "confirm")]))
    return build(
        subscriber,
        "Confirm your subscription to Clio",
        "confirm",
        {"confirm_url": url},
        list_mail=False,
    )


def welcome(subscriber):
    return build(subscriber, "Welcome to the Clio newsletter", "welcome", {})


def issue_email(issue, subscriber, connection=None):
    return build(subscriber, issue.subject, "issue", {"issue": issue}, connection=connection)

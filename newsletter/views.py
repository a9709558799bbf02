"""Subscribing, confirming, unsubscribing and the subscribers' archive.

Every subscribe request gets the same answer whatever the address's state, so the form cannot
tell anyone who subscribes. Confirming and unsubscribing take a POST, so link scanners in mail
systems cannot do either by following a link.
"""

import logging

from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import mail, tokens
from .forms import CONSENT, SubscribeForm
from .models import Issue, Subscriber
from .ratelimit import allow, client_address, retry_after

logger = logging.getLogger(__name__)

PER_IP_PER_MINUTE = 5
PER_ADDRESS_PER_HOUR = 3


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return render(request, "newsletter/subscribe.html", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    if not form.is_valid():  # before counting: a typo does not use up the allowance
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    if not allow("subscribe-ip", client_address(request), PER_IP_PER_MINUTE, 60):
        response = render(request, "newsletter/slow_down.html", status=429)
        response["Retry-After"] = str(retry_after(60))
        return response
    if form.cleaned_data["website"]:
        return render(request, "newsletter/check_inbox.html")  # a bot: answer as if all went well
    email = form.cleaned_data["email"].strip().lower()
    if allow("subscribe-address", email, PER_ADDRESS_PER_HOUR, 3600):
        # In the background, so the answer takes as long whatever the address's state.
        from .tasks import send_confirmation

        send_confirmation.enqueue(email, form.cleaned_data["name"])
    return render(request, "newsletter/check_inbox.html")


def request_confirmation(email, name):
    """Send a confirmation link unless the address is confirmed already or has bounced."""
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"name": name, "consent": CONSENT}
    )
    if subscriber.status in (Subscriber.CONFIRMED, Subscriber.BOUNCED):
        return
    if not created:
        subscriber.name = name or subscriber.name
        subscriber.consent = CONSENT
        subscriber.save(update_fields=["name", "consent"])
    try:
        mail.confirmation(subscriber).send()
    except OSError:
        logger.exception("could not send a confirmation email")


def subscriber_from(token, purpose, max_age=None):
    try:
        return Subscriber.objects.filter(pk=tokens.read(token, purpose, max_age)).first()
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except signing.BadSignature:
        raise LinkProblem("invalid") from None


class LinkProblem(Exception):
    pass


def link_problem(request, problem):
    return render(request, "newsletter/bad_link.html", {"problem": problem}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriber_from(token, "confirm", tokens.CONFIRM_MAX_AGE)
    except LinkProblem as problem:
        return link_problem(request, str(problem))
    if subscriber is None:
        return link_problem(request, "invalid")
    if request.method == "GET":
        return render(request, "newsletter/confirm.html", {"subscriber": subscriber, "done": False})
    if subscriber.status != Subscriber.CONFIRMED:
        with transaction.atomic():
            subscriber.status = Subscriber.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.unsubscribed_at = None
            subscriber.save()
        from .tasks import send_welcome

        send_welcome.enqueue(subscriber.pk)
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber, "done": True})


@csrf_exempt  # RFC 8058: mail providers POST here without a form; the signed token is the authority
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriber_from(token, "unsubscribe")
    except LinkProblem as problem:
        return link_problem(request, str(problem))
    if (
        request.method == "POST"
        and subscriber is not None
        and subscriber.status != Subscriber.UNSUBSCRIBED
    ):
        subscriber.status = Subscriber.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return render(
        request, "newsletter/unsubscribe.html", {"done": request.method == "POST", "token": token}
    )


def archive_subscriber(token):
    try:
        subscriber = subscriber_from(token, "archive")
    except LinkProblem:
        raise Http404 from None
    if subscriber is None or subscriber.status != Subscriber.CONFIRMED:
        raise Http404
    return subscriber


def archive(request, token):
    """Past issues, for confirmed subscribers only: their content is exclusive."""
    archive_subscriber(token)
    issues = Issue.objects.filter(status=Issue.SENT).order_by("-sent_at")
    return render(request, "newsletter/archive.html", {"issues": issues, "token": token})


def archive_issue(request, token, issue_id):
    archive_subscriber(token)
    issue = get_object_or_404(Issue, pk=issue_id, status=Issue.SENT)
    return render(request, "newsletter/archive_issue.html", {"issue": issue, "token": token})

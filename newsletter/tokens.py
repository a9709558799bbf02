"""Signed tokens in newsletter links: confirming expires, unsubscribing and the archive do not."""

from django.core import signing

CONFIRM_MAX_AGE = 3 * 24 * 3600  # three days to click the confirmation link


def make(subscriber, purpose):
    return signing.dumps(subscriber.pk, salt=f"newsletter.{purpose}", compress=True)


def read(token, purpose, max_age=None):
    """The subscriber id in a token, or raise signing.BadSignature (SignatureExpired when too old)."""
    return signing.loads(token, salt=f"newsletter.{purpose}", max_age=max_age)

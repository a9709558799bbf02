"""'On this day' for the home page: events of the chronology that fell on today's day and month."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import F
from django.utils import timezone

SHOWN = 3


@dataclass(frozen=True)
class OnThisDay:
    heading: str  # "On this day" or "Coming up this month"
    events: tuple  # Event instances, with when_date for display


def on_this_day(today=None):
    """Up to SHOWN events dated to today's day and month (New Style) in any year; failing
    that, the next ones this month. One query, cached for the day."""
    from courses.menu import content_version

    from .models import Event

    today = today or timezone.localdate()
    key = f"clio:on-this-day:{today.isoformat()}:{content_version()}"
    found = cache.get(key)
    if found is None:
        month = list(
            Event.objects.filter(earliest=F("latest"), earliest__month=today.month)
            .only("slug", "title", "when", "when_old_style", "earliest", "latest")
            .order_by("earliest")
        )
        exact = [e for e in month if e.earliest.day == today.day]
        coming = sorted(
            (e for e in month if e.earliest.day > today.day), key=lambda e: e.earliest.day
        )
        found = (
            OnThisDay("On this day", tuple(exact[:SHOWN]))
            if exact
            else OnThisDay("Coming up this month", tuple(coming[:SHOWN]))
        )
        cache.set(key, found, timeout=60 * 60 * 25)
    return found

"""The course timeline: filtering events, and exporting them as JSON, CSV, TimelineJS and
iCalendar (anniversaries)."""

import csv
import io
import re
from dataclasses import dataclass

from django.db.models import Prefetch

from core.licence import LICENCE_WITH_URL

from .models import Event, OrganisationPage, PersonPage, Place

PERIOD = re.compile(r"^(\d{4})?-(\d{4})?$|^(\d{4})$")


@dataclass(frozen=True)
class TimelineFilters:
    """The filters a timeline URL can carry, so that every view of it has its own address."""

    period: str = ""
    person: str = ""
    organisation: str = ""
    topic: str = ""
    place: str = ""

    @classmethod
    def from_query(cls, query):
        return cls(**{name: query.get(name, "").strip() for name in cls.__dataclass_fields__})

    @property
    def active(self):
        return {name: value for name, value in self.__dict__.items() if value}

    def years(self):
        """The (first, last) years of the period filter: '1917-1924', '1917-', '-1905' or '1917'."""
        match = PERIOD.match(self.period)
        if not match:
            return None, None
        if match.group(3):
            return int(match.group(3)), int(match.group(3))
        first, last = match.group(1), match.group(2)
        return (int(first) if first else None), (int(last) if last else None)


def timeline_events(filters=TimelineFilters()):
    """Events matching the filters, in date order, with what a listing shows fetched up front."""
    events = Event.objects.select_related("place").prefetch_related(
        Prefetch(
            "people",
            queryset=PersonPage.objects.only("title", "slug", "url_path").order_by("title"),
        ),
        Prefetch(
            "organisations",
            queryset=OrganisationPage.objects.only("title", "slug", "url_path").order_by("title"),
        ),
        "sources",
    )
    first, last = filters.years()
    if first:
        events = events.filter(latest__year__gte=first)
    if last:
        events = events.filter(earliest__year__lte=last)
    if filters.person:
        events = events.filter(people__slug=filters.person)
    if filters.organisation:
        events = events.filter(organisations__slug=filters.organisation)
    if filters.topic:
        events = events.filter(topics__slug=filters.topic)
    if filters.place:
        events = events.filter(place__slug=filters.place)
    return events.distinct().order_by("earliest", "latest", "slug")


def event_record(event):
    """One event in the JSON export format (see chronology/schemas/timeline.schema.json)."""
    when = event.when_date
    return {
        "slug": event.slug,
        "title": event.title,
        "summary": event.summary,
        "when": when.edtf,
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
        "old_style": when.julian_edtf,
        "display": when.display(),
        "people": [person.title for person in event.people.all()],
        "organisations": [organisation.title for organisation in event.organisations.all()],
        "places": [event.place.name] if event.place else [],
        "sources": [source.title for source in event.sources.all()],
    }


def timeline_json(events):
    return {"licence": LICENCE_WITH_URL, "events": [event_record(event) for event in events]}


CSV_COLUMNS = [
    "slug",
    "title",
    "when",
    "old_style",
    "display",
    "kind",
    "place",
    "people",
    "organisations",
    "topics",
    "sources",
    "summary",
    "significance",
]


def timeline_csv(events):
    """CSV with one event a row; list columns are separated by '; '. `import_events` reads it back."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for event in events.prefetch_related("topics"):
        when = event.when_date
        writer.writerow(
            [
                event.slug,
                event.title,
                when.edtf,
                when.julian_edtf or "",
                when.display(),
                event.kind,
                event.place.slug if event.place else "",
                "; ".join(p.slug for p in event.people.all()),
                "; ".join(o.slug for o in event.organisations.all()),
                "; ".join(t.slug for t in event.topics.all()),
                "; ".join(s.slug for s in event.sources.all()),
                event.summary,
                event.significance,
            ]
        )
    return out.getvalue()


def timelinejs_date(date):
    """A TimelineJS date object holding only the parts of the date that are known."""
    parts = {"year": str(date.earliest.year)}
    if date.precision in ("month", "day"):
        parts["month"] = str(date.earliest.month)
    if date.precision == "day":
        parts["day"] = str(date.earliest.day)
    parts["display_date"] = date.display()
    return parts


def timelinejs(events, title="Russian and Soviet History"):
    """The TimelineJS 3 JSON format, so a teacher can load the course timeline into TimelineJS."""
    slides = []
    for event in events:
        when = event.when_date
        slide = {
            "unique_id": event.slug,
            "start_date": timelinejs_date(when),
            "text": {"headline": event.title, "text": event.summary},
            "group": event.kind or "event",
        }
        if when.is_interval and when.latest != when.earliest:
            end = (
                type(when).parse(when.edtf.split("/")[1])
                if "/" in when.edtf and when.edtf.split("/")[1]
                else None
            )
            if end is not None:
                slide["end_date"] = timelinejs_date(end)
        slides.append(slide)
    return {
        "title": {
            "text": {
                "headline": title,
                "text": f"A timeline from Clio's course data. Text licensed under {LICENCE_WITH_URL}.",
            }
        },
        "events": slides,
    }


LICENCE_NOTE = f"From Clio's course data; text licensed under {LICENCE_WITH_URL}."


def timeline_ical(events, timeline_url, name="Clio: Russian and Soviet History"):
    """An iCalendar of anniversaries: each event known to the day recurs every year on its
    Gregorian day (a span, on its first day). Events known only to the month or year have no
    anniversary and are left out, rather than given an invented day."""
    import datetime

    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//Clio//Timeline anniversaries//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{name}: anniversaries")
    calendar.add("x-wr-caldesc", LICENCE_NOTE)
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    for event in events:
        when = event.when_date
        if when.precision != "day" or when.approximate or when.uncertain:
            continue
        if when.earliest == datetime.date.min or when.latest == datetime.date.max:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"{event.slug}@clio")
        entry.add("dtstamp", stamp)
        entry.add("summary", f"{event.title} ({when.earliest.year})")
        entry.add("dtstart", when.earliest)
        entry.add("dtend", when.earliest + datetime.timedelta(days=1))
        entry.add("rrule", {"freq": "yearly"})
        entry.add("description", f"{when.display()}. {event.summary}\n\n{LICENCE_NOTE}".strip())
        entry.add("url", f"{timeline_url}#{event.slug}")
        if event.place:
            entry.add("location", event.place.name)
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar.to_ical()


def place_choices():
    return Place.objects.filter(events__isnull=False).distinct().order_by("name")

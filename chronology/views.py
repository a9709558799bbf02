"""Pages built from the history data: person and organisation pages, the timeline and the glossary."""

from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .models import Event, GlossaryTerm, OrganisationPage, PersonPage, PersonRole, Place
from .timeline import TimelineFilters, timeline_events, timeline_ical, timeline_json


def person_context(person):
    """A person page: roles, life timeline, articles that mention them, related people."""
    events = list(
        person.events.select_related("place")
        .prefetch_related(
            Prefetch("people", queryset=PersonPage.objects.only("title", "slug", "url_path"))
        )
        .order_by("earliest", "latest")
    )
    related = {}
    for event in events:
        for other in event.people.all():
            if other.pk != person.pk:
                related.setdefault(other.pk, [other, 0])[1] += 1
    related_people = [
        p for p, _ in sorted(related.values(), key=lambda item: (-item[1], item[0].title))
    ][:12]
    return {
        "roles": list(person.roles.select_related("organisation").order_by("sort_order")),
        "aliases": list(person.other_names.all()),
        "life_events": events,
        "articles": list(
            person.articles.live().order_by("path").only("title", "slug", "url_path", "standfirst")
        ),
        "related_people": related_people,
        "person_sources": list(person.sources.all()),
    }


def organisation_context(organisation):
    """An organisation page: its events, the people who held office in it, and its sources."""
    return {
        "org_events": list(
            organisation.events.select_related("place").order_by("earliest", "latest")
        ),
        "office_holders": list(
            PersonRole.objects.filter(organisation=organisation)
            .select_related("person")
            .order_by("start", "person__title")
        ),
        "org_sources": list(organisation.sources.all()),
    }


@require_GET
def timeline(request):
    """The whole course as an ordered list of events; filters are query parameters."""
    filters = TimelineFilters.from_query(request.GET)
    events = list(timeline_events(filters))
    context = {
        "events": events,
        "filters": filters,
        "people": PersonPage.objects.live()
        .filter(events__isnull=False)
        .distinct()
        .order_by("title")
        .only("title", "slug"),
        "organisations": OrganisationPage.objects.live()
        .filter(events__isnull=False)
        .distinct()
        .order_by("title")
        .only("title", "slug"),
        "places": Place.objects.filter(events__isnull=False).distinct().order_by("name"),
        "total": Event.objects.count() if filters.active else len(events),
    }
    return render(request, "chronology/timeline.html", context)


@require_GET
def timeline_data(request):
    """The timeline as JSON (schema: chronology/schemas/timeline.schema.json), with the same filters."""
    events = timeline_events(TimelineFilters.from_query(request.GET))
    return JsonResponse(timeline_json(events), json_dumps_params={"ensure_ascii": False})


@require_GET
def timeline_calendar(request):
    """The timeline's anniversaries as iCalendar, with the same filters, for a class calendar."""
    events = timeline_events(TimelineFilters.from_query(request.GET))
    body = timeline_ical(events, request.build_absolute_uri(reverse("timeline")))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="clio-anniversaries.ics"'
    return response


@require_GET
def glossary(request):
    """Every glossary term, alphabetically, each with an anchor that articles link to."""
    return render(
        request, "chronology/glossary.html", {"terms": GlossaryTerm.objects.order_by("term")}
    )

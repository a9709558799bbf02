"""Pages built from the history data: person and organisation pages, the timeline and the glossary."""

import hashlib
import string
import unicodedata

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from courses.menu import cached_content

from .models import Event, GlossaryTerm, OrganisationPage, PersonPage, PersonRole, Place
from .timeline import TimelineFilters, timeline_events, timeline_ical, timeline_json


def person_context(person):
    """A person page: roles, life timeline, articles that mention them, related people; built
    once per content version."""
    return cached_content(f"person:{person.pk}", lambda: build_person_context(person))


def build_person_context(person):
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
        "born_place": person.born_place,
        "died_place": person.died_place,
    }


def organisation_context(organisation):
    """An organisation page: its events, the people who held office in it, and its sources;
    built once per content version."""
    return cached_content(
        f"organisation:{organisation.pk}", lambda: build_organisation_context(organisation)
    )


def build_organisation_context(organisation):
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


EVENTS_PER_PAGE = 100  # keeps a timeline page well under 100 KB whatever the course size


def timeline_choices():
    """What the filter menus offer, and how many events there are, once per content version."""

    def build():
        def with_events(model):
            return list(
                model.objects.live()
                .filter(events__isnull=False)
                .distinct()
                .order_by("title")
                .only("title", "slug")
            )

        return {
            "people": with_events(PersonPage),
            "organisations": with_events(OrganisationPage),
            "places": list(Place.objects.filter(events__isnull=False).distinct().order_by("name")),
            "all_events": Event.objects.count(),
        }

    return cached_content("timeline-choices", build)


def decades(events):
    """(decade, number of events) for the filtered events: one grouped query, by year."""
    counts = {}
    for year, count in events.order_by().values_list("earliest__year").annotate(Count("id")):
        counts[year // 10 * 10] = counts.get(year // 10 * 10, 0) + count
    return sorted(counts.items())


def page_holding(events, slug):
    """The page number on which the event `slug` appears in `events` (1 if it is not there)."""
    event = events.filter(slug=slug).values("earliest", "latest").first()
    if event is None:
        return 1
    before = events.filter(
        Q(earliest__lt=event["earliest"])
        | Q(earliest=event["earliest"], latest__lt=event["latest"])
        | Q(earliest=event["earliest"], latest=event["latest"], slug__lt=slug)
    ).count()
    return before // EVENTS_PER_PAGE + 1


@require_GET
def timeline(request):
    """The course's events in order, a page of them at a time under decade headings, with an
    index of decades; filters are query parameters, and `?event=slug` opens the event's page."""
    filters = TimelineFilters.from_query(request.GET)
    events = timeline_events(filters)
    number = request.GET.get("page") or (
        page_holding(events, request.GET["event"]) if request.GET.get("event") else 1
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(number)
    query = request.GET.copy()
    for name in ("page", "event"):
        query.pop(name, None)
    period_query = query.copy()
    period_query.pop("period", None)
    shown = (
        f"{query.urlencode()}:{page.number}"  # all that the page's HTML is made of, but the data
    )
    return render(
        request,
        "chronology/timeline.html",
        {
            "events": page.object_list,
            "page_of_events": page,
            "filters": filters,
            "filter_query": query.urlencode(),  # not "query": that fills the header search box
            "period_query": period_query.urlencode(),
            "decades": decades(events),
            "fragment_key": hashlib.md5(shown.encode()).hexdigest(),
            **timeline_choices(),
        },
    )


@require_GET
def timeline_data(request):
    """The timeline as JSON (schema: chronology/schemas/timeline.schema.json), with the same filters."""
    events = timeline_events(TimelineFilters.from_query(request.GET))
    return JsonResponse(timeline_json(events), json_dumps_params={"ensure_ascii": False})


def initial(text):
    """The letter a term is filed under: its first letter without accents, '#' for a digit or sign."""
    for char in unicodedata.normalize("NFKD", text):
        if char.isalnum():
            return char.upper() if "A" <= char.upper() <= "Z" else "#"
    return "#"


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
    """Every glossary term, alphabetically whatever its case ('cadet' before 'Cheka'), filed under
    its letter with an A–Z index; each term has an anchor that articles link to."""
    terms = sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
    by_letter = {}
    for term in terms:
        by_letter.setdefault(initial(term.term), []).append(term)
    context = {
        "terms": terms,
        "by_letter": list(by_letter.items()),
        "alphabet": [(letter, letter in by_letter) for letter in string.ascii_uppercase],
    }
    return render(request, "chronology/glossary.html", context)

"""The kinds of thing the search finds, in the order they are shown when they match equally well.

Each kind says what may be found, how a topic or period narrows it, where a result links and
which text its snippet comes from. Adding a kind (say, primary-source pages) is one more
`Kind(...)` line in KINDS.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from chronology.models import Event, GlossaryTerm, OrganisationPage, PersonPage, Place, Source
from courses.models import ArticlePage


def events_in(topic=None, years=(None, None)):
    """Events of a topic and/or overlapping a span of years."""
    first, last = years
    events = Event.objects.all()
    if topic:
        events = events.filter(topics__slug=topic)
    if first:
        events = events.filter(latest__year__gte=first)
    if last:
        events = events.filter(earliest__year__lte=last)
    return events


def through_events(column):
    """A narrowing for a kind linked to events: only those with an event of the topic or period."""

    def narrow(queryset, topic, years, _articles):
        if not topic and not any(years):
            return queryset
        return queryset.filter(pk__in=events_in(topic, years).values(column))

    return narrow


def narrow_articles(queryset, topic, years, articles):
    """Articles of the topic (the topic is an article) and whose periods overlap the years."""
    slugs = None
    if any(years):
        slugs = set(articles(years))
    if topic:
        slugs = {topic} & slugs if slugs is not None else {topic}
    if slugs is None:
        return queryset
    return queryset.filter(pk__in=ArticlePage.objects.filter(slug__in=slugs).values("pk"))


def narrow_people(queryset, topic, years, _articles):
    """People in the topic's article or its events, and people with events in the years."""
    if topic:
        in_topic = PersonPage.objects.filter(
            Q(articles__slug=topic) | Q(events__topics__slug=topic)
        ).values("pk")
        queryset = queryset.filter(pk__in=in_topic)
    if any(years):
        queryset = queryset.filter(pk__in=events_in(years=years).values("people"))
    return queryset


def no_narrowing(queryset, topic, years, _articles):
    """Glossary terms belong to no topic or period: a narrowed search leaves them out."""
    return queryset.none() if topic or any(years) else queryset


@dataclass(frozen=True)
class Kind:
    """One kind of result: its query parameter, heading, what may be found and how it shows."""

    slug: str
    label: str
    queryset: Callable
    narrow: Callable
    link: Callable
    text: Callable
    title: Callable = str


def page_link(page):
    return page.url


KINDS = [
    Kind(
        "people",
        "People",
        lambda: PersonPage.objects.live(),
        narrow_people,
        page_link,
        lambda person: person.summary,
        lambda person: person.title,
    ),
    Kind(
        "articles",
        "Articles",
        lambda: ArticlePage.objects.live().defer("body"),  # public: see Search.found
        narrow_articles,
        page_link,
        lambda article: f"{article.standfirst} {article.enquiry}",
        lambda article: article.title,
    ),
    Kind(
        "organisations",
        "Organisations",
        lambda: OrganisationPage.objects.live(),
        through_events("organisations"),
        page_link,
        lambda organisation: organisation.summary,
        lambda organisation: organisation.title,
    ),
    Kind(
        "glossary",
        "Glossary",
        lambda: GlossaryTerm.objects.all(),
        no_narrowing,
        lambda term: f"{reverse('glossary')}#{term.slug}",
        lambda term: term.definition,
        lambda term: term.term,
    ),
    Kind(
        "events",
        "Events",
        lambda: Event.objects.all(),
        through_events("pk"),
        lambda event: event.timeline_url,
        lambda event: f"{event.summary} {event.significance}",
        lambda event: event.title,
    ),
    Kind(
        "places",
        "Places",
        lambda: Place.objects.all(),
        through_events("place"),
        lambda place: f"{reverse('timeline')}?place={place.slug}",
        lambda place: place.summary,
        lambda place: place.name,
    ),
    Kind(
        "sources",
        "Sources",
        lambda: Source.objects.all(),
        through_events("sources"),
        lambda source: source.url or "",
        lambda source: " ".join(filter(None, [source.author, source.year, source.publisher])),
        lambda source: source.title,
    ),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}

# Not a kind of thing but a heading: pages found by trigram resemblance when nothing matched.
CLOSE_MATCHES = Kind("close", "Close matches", None, None, page_link, str)

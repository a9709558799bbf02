"""What the /sources/ index and a source page show, fetched in a fixed number of queries."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q

from chronology.models import PersonPage
from chronology.timeline import TimelineFilters
from courses.menu import cached_content

from .kinds import KINDS
from .models import PrimarySourcePage

PER_PAGE = 40
YEARS = re.compile(r"(\d{4})(?:\D+(\d{4}))?\s*$")
LISTED_FIELDS = ("title", "slug", "url_path", "kind", "author", "date", "date_old_style", "voice")


@dataclass(frozen=True)
class Period:
    """A course part read as a span of years, e.g. 'Revolution, 1917' or 'Tsarist Russia, 1861–1917'."""

    title: str
    value: str  # as the timeline writes it: '1861-1917'
    first: int
    last: int


def course_periods(menu):
    """The periods to filter by: the course parts whose titles end in a year or span of years."""
    periods = []
    for part in menu:
        span = YEARS.search(part.title)
        if span:
            first, last = int(span[1]), int(span[2] or span[1])
            value = f"{first}-{last}" if first != last else str(first)
            periods.append(Period(part.title, value, first, last))
    return periods


def index_context(index, request):
    """The sources matching the query's filters, a page at a time, and the choices of each filter."""
    from core.templatetags.clio_tags import primary_course

    course = primary_course()
    menu = course.menu(request) if course else ()
    topics = [(t.slug, t.title) for part in menu for t in part.topics if t.url]
    periods = course_periods(menu)
    chosen = {
        key: request.GET.get(key, "").strip() for key in ("topic", "kind", "period", "person")
    }
    sources = PrimarySourcePage.objects.child_of(index).live()
    if chosen["topic"]:
        sources = sources.filter(
            Q(topic__slug=chosen["topic"]) | Q(other_topics__slug=chosen["topic"])
        ).distinct()
    if chosen["kind"]:
        sources = sources.filter(kind=chosen["kind"])
    first, last = TimelineFilters(period=chosen["period"]).years()  # '1917-1924', '1917', '-1905'
    if first:
        sources = sources.filter(latest__year__gte=first)
    if last:
        sources = sources.filter(earliest__year__lte=last)
    if chosen["person"]:
        sources = sources.filter(people__slug=chosen["person"])
    sources = (
        sources.select_related("topic")
        .only(*LISTED_FIELDS, "topic__title", "topic__slug")
        .order_by("earliest", "latest", "path")
    )
    page = Paginator(sources, PER_PAGE).get_page(request.GET.get("page"))
    people = cached_content(
        "source-people",
        lambda: list(
            PersonPage.objects.live()
            .filter(primary_sources__isnull=False)
            .distinct()
            .order_by("title")
            .values_list("slug", "title")
        ),
    )
    query = urlencode({key: value for key, value in chosen.items() if value})
    return {
        "sources": page,
        "chosen": chosen,
        "topics": topics,
        "kinds": KINDS,
        "periods": periods,
        "people": people,
        "filter_query": query,
    }


def source_context(source):
    """A source page: the articles it serves, the people it names, the works behind it; cached
    until anything is published, as the course menu is."""

    def links():
        from courses.models import ArticlePage

        articles = (
            ArticlePage.objects.live()
            .filter(Q(pk=source.topic_id) | Q(shared_primary_sources=source))
            .distinct()
            .only("title", "slug", "url_path", "path")
        )
        return {
            "articles": sorted(articles, key=lambda a: (a.pk != source.topic_id, a.path)),
            "source_people": list(source.people.live().order_by("title").only("title", "url_path")),
            "source_works": list(source.based_on.all()),
        }

    return cached_content(f"source-links:{source.pk}", links)


def sources_for_article(article):
    """An article's own collection of primary sources, and how many other topics' sources also
    serve it (the /sources/ index lists them all); cached until anything is published, so that
    the list costs an article page no query."""

    def fetch():
        sources = list(
            PrimarySourcePage.objects.live()
            .filter(Q(topic=article) | Q(other_topics=article))
            .distinct()
            .only(*LISTED_FIELDS, "topic_id", "position", "path")
        )
        own = sorted((s for s in sources if s.topic_id == article.pk), key=lambda s: s.position)
        return {"primary_sources": own, "shared_sources": len(sources) - len(own)}

    return cached_content(f"article-sources:{article.pk}", fetch)

"""The read-only JSON API: one viewset per kind of course data, paginated, with filters that
mirror the timeline's (period, person, topic…) and an OpenAPI 3.1 document at /api/schema/.

Every list costs a fixed number of queries: related things are fetched with prefetch_related.
"""

from django import forms
from django.db.models import Prefetch
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination

from chronology.models import (
    Event,
    GlossaryTerm,
    OrganisationPage,
    PersonAlias,
    PersonPage,
    Place,
    Source,
)
from chronology.timeline import PERIOD, TimelineFilters, timeline_events
from courses.models import ArticlePage, ArticleSource

from . import serializers


class CoursePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    """Public data: no sign-in, GET only, looked up by slug."""

    authentication_classes = []
    permission_classes = []
    pagination_class = CoursePagination
    filter_backends = [filters.DjangoFilterBackend]
    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9-]+"


def period_years(value):
    """(first, last) years of '1917-1924', '1917-', '-1905' or '1917'; (None, None) otherwise."""
    return TimelineFilters(period=value).years()


SLUG = "^[a-z0-9-]+$"


@extend_schema_field({"type": "string", "pattern": SLUG})
class SlugFilter(filters.CharFilter):
    """A filter on a slug; anything that is not a slug is a 400 naming the parameter."""

    field_class = forms.SlugField


PERIOD_HELP = "Years: 1917, 1917-1924, 1917- or -1905 (events that may fall in them)."


def in_period(queryset, prefix, value):
    first, last = period_years(value)
    if first:
        queryset = queryset.filter(**{f"{prefix}latest__year__gte": first})
    if last:
        queryset = queryset.filter(**{f"{prefix}earliest__year__lte": last})
    return queryset.distinct()


@extend_schema_field({"type": "string", "pattern": PERIOD.pattern})
class PeriodFilter(filters.CharFilter):
    """Things with an event in the period; `prefix` leads from the model to its events."""

    def __init__(self, prefix="events__", **kwargs):
        self.prefix = prefix
        super().__init__(help_text=PERIOD_HELP, **kwargs)

    def filter(self, queryset, value):
        return (
            in_period(queryset, self.prefix, value) if value and PERIOD.match(value) else queryset
        )


class ArticleFilter(filters.FilterSet):
    period = PeriodFilter()
    person = SlugFilter(field_name="people__slug", help_text="A person's slug")

    class Meta:
        model = ArticlePage
        fields = []


class PersonFilter(filters.FilterSet):
    period = PeriodFilter()
    topic = SlugFilter(field_name="articles__slug", help_text="An article's slug")

    class Meta:
        model = PersonPage
        fields = []


class OrganisationFilter(filters.FilterSet):
    period = PeriodFilter()
    topic = SlugFilter(field_name="events__topics__slug", help_text="An article's slug")
    person = SlugFilter(field_name="roles__person__slug", help_text="A person's slug")

    class Meta:
        model = OrganisationPage
        fields = []


class SourceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Source.KINDS)
    topic = SlugFilter(method="cited_by", help_text="An article's slug")

    class Meta:
        model = Source
        fields = []

    def cited_by(self, queryset, name, value):
        cited = ArticleSource.objects.filter(page__slug=value).values("source")
        return queryset.filter(pk__in=cited)


class EventFilter(filters.FilterSet):
    period = PeriodFilter(prefix="")
    person = SlugFilter(field_name="people__slug", help_text="A person's slug")
    organisation = SlugFilter(field_name="organisations__slug", help_text="An organisation's slug")
    topic = SlugFilter(field_name="topics__slug", help_text="An article's slug")
    place = SlugFilter(field_name="place__slug", help_text="A place's slug")

    class Meta:
        model = Event
        fields = []


class QuizFilter(filters.FilterSet):
    topic = SlugFilter(field_name="slug", help_text="An article's slug")

    class Meta:
        model = ArticlePage
        fields = []


def live_pages(model):
    return model.objects.live().public().order_by("path")


class ArticleViewSet(ReadOnly):
    """The course's articles, one per topic, in course order."""

    serializer_class = serializers.ArticleSerializer
    filterset_class = ArticleFilter

    def get_queryset(self):
        people = PersonPage.objects.only("slug")
        return live_pages(ArticlePage).prefetch_related(Prefetch("people", queryset=people))


class PersonViewSet(ReadOnly):
    """Everyone in the course, alphabetically."""

    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return (
            live_pages(PersonPage)
            .order_by("title", "path")
            .select_related("born_place", "died_place")
            .prefetch_related(
                Prefetch("other_names", queryset=PersonAlias.objects.order_by("sort_order"))
            )
        )


class OrganisationViewSet(ReadOnly):
    """Parties, state bodies, soviets, armies and police forces, alphabetically."""

    serializer_class = serializers.OrganisationSerializer
    filterset_class = OrganisationFilter

    def get_queryset(self):
        return live_pages(OrganisationPage).order_by("title", "path")


class EventViewSet(ReadOnly):
    """What happened, in date order, filtered as the timeline is."""

    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return timeline_events()


class PlaceViewSet(ReadOnly):
    """Places where things happened, alphabetically."""

    serializer_class = serializers.PlaceSerializer
    queryset = Place.objects.order_by("name", "slug")


class SourceViewSet(ReadOnly):
    """The works the course cites, primary and secondary."""

    serializer_class = serializers.SourceSerializer
    filterset_class = SourceFilter
    queryset = Source.objects.order_by("author", "year", "slug")


class GlossaryViewSet(ReadOnly):
    """Terms a reader may not know, alphabetically."""

    serializer_class = serializers.GlossaryTermSerializer
    queryset = GlossaryTerm.objects.order_by("term", "slug")


class QuizViewSet(ReadOnly):
    """Each topic's quiz with its answers (the same questions as the Moodle/GIFT/QTI files)."""

    serializer_class = serializers.QuizSerializer
    filterset_class = QuizFilter
    lookup_url_kwarg = "topic"

    def get_queryset(self):
        return live_pages(ArticlePage).prefetch_related("questions")

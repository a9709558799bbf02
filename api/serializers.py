"""How each kind of course data reads in the JSON API: plain fields, dates as EDTF with their
display form and schema.org form (never more precise than the source), related things by slug."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from chronology.models import GlossaryTerm, OrganisationPage, PersonPage, Place, Source
from chronology.timeline import event_record
from core.licence import LICENCE
from courses.models import ArticlePage

DATE_SCHEMA = {
    "type": ["object", "null"],
    "properties": {
        "edtf": {"type": "string", "description": "Gregorian EDTF, e.g. 1917-11-07 or 1902~"},
        "old_style_edtf": {
            "type": ["string", "null"],
            "description": "The date as its Old Style (Julian) source gave it",
        },
        "display": {"type": "string", "example": "25 October (7 November) 1917"},
        "iso": {"type": "string", "description": "ISO 8601 to the precision known"},
    },
    "required": ["edtf", "old_style_edtf", "display", "iso"],
}


@extend_schema_field(DATE_SCHEMA)
class HistoricalDateField(serializers.Field):
    """A HistoricalDate as {edtf, old_style_edtf, display, iso}; null when unknown."""

    def to_representation(self, date):
        return {
            "edtf": date.edtf,
            "old_style_edtf": date.julian_edtf,
            "display": date.display(),
            "iso": date.schema_org(),
        }


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The page's full address on the site."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return page.get_full_url(self.context.get("request"))


class ArticleSerializer(serializers.ModelSerializer):
    url = PageURLField()
    periods = serializers.ListField(source="period_list", child=serializers.CharField())
    themes = serializers.ListField(source="theme_list", child=serializers.CharField())
    people = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    revised = serializers.DateTimeField(source="last_published_at")
    licence = serializers.SerializerMethodField()

    class Meta:
        model = ArticlePage
        fields = [
            "slug",
            "title",
            "url",
            "standfirst",
            "enquiry",
            "periods",
            "themes",
            "people",
            "revised",
            "licence",
        ]

    def get_licence(self, page) -> str:
        return LICENCE


class PersonSerializer(serializers.ModelSerializer):
    url = PageURLField()
    other_names = serializers.SerializerMethodField()
    born = HistoricalDateField(source="born_date")
    died = HistoricalDateField(source="died_date")
    born_place = serializers.SlugRelatedField(read_only=True, slug_field="slug")
    died_place = serializers.SlugRelatedField(read_only=True, slug_field="slug")

    class Meta:
        model = PersonPage
        fields = [
            "slug",
            "title",
            "url",
            "summary",
            "other_names",
            "born",
            "born_place",
            "died",
            "died_place",
        ]

    def get_other_names(self, person) -> list[str]:
        return [alias.name for alias in person.other_names.all()]


class OrganisationSerializer(serializers.ModelSerializer):
    url = PageURLField()
    other_names = serializers.ListField(source="alias_list", child=serializers.CharField())
    founded = HistoricalDateField(source="founded_date")
    dissolved = HistoricalDateField(source="dissolved_date")

    class Meta:
        model = OrganisationPage
        fields = [
            "slug",
            "title",
            "url",
            "short_name",
            "other_names",
            "kind",
            "founded",
            "dissolved",
            "summary",
        ]


class EventSerializer(serializers.Serializer):
    """An event as the timeline's JSON export gives it (chronology/schemas/timeline.schema.json)."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    summary = serializers.CharField()
    when = serializers.CharField(help_text="Gregorian EDTF")
    earliest = serializers.DateField()
    latest = serializers.DateField()
    old_style = serializers.CharField(allow_null=True, help_text="Julian EDTF, if Old Style")
    display = serializers.CharField()
    people = serializers.ListField(child=serializers.CharField())
    organisations = serializers.ListField(child=serializers.CharField())
    places = serializers.ListField(child=serializers.CharField())
    sources = serializers.ListField(child=serializers.CharField())

    def to_representation(self, event):
        return event_record(event)


class PlaceSerializer(serializers.ModelSerializer):
    other_names = serializers.ListField(source="alias_list", child=serializers.CharField())
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)

    class Meta:
        model = Place
        fields = ["slug", "name", "other_names", "kind", "latitude", "longitude", "summary"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["slug", "author", "title", "year", "publisher", "kind", "url", "archive"]


class GlossaryTermSerializer(serializers.ModelSerializer):
    other_forms = serializers.ListField(source="alias_list", child=serializers.CharField())

    class Meta:
        model = GlossaryTerm
        fields = ["slug", "term", "other_forms", "definition"]


class QuestionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["multiple_choice", "true_false", "order", "match"])
    prompt = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())
    left = serializers.ListField(child=serializers.CharField())
    answer = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField()
    generated = serializers.BooleanField()


class QuizSerializer(serializers.ModelSerializer):
    """A topic's quiz: its authored questions and those made from its events, with answers."""

    topic = serializers.SlugField(source="slug")
    url = PageURLField()
    questions = serializers.SerializerMethodField()
    licence = serializers.SerializerMethodField()

    class Meta:
        model = ArticlePage
        fields = ["topic", "title", "url", "questions", "licence"]

    def get_questions(self, page) -> QuestionSerializer(many=True):
        from courses.worksheet import topic_questions

        return QuestionSerializer(topic_questions(page), many=True).data

    def get_licence(self, page) -> str:
        return LICENCE

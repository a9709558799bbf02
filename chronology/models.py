"""History as data: people, organisations, places, events, sources and glossary terms.

Dates are stored as EDTF strings in the Gregorian calendar with a flag for an Old Style source,
plus, on events, the earliest and latest possible day for sorting and range queries.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.serving import ServedPageMixin

from .dates import DateError, HistoricalDate

EDTF_HELP = "EDTF in the Gregorian calendar (1917, 1917-11, 1917-11-07, 1902~, 1929/1940), or os:1917-10-25 for an Old Style date."


def timeline_url(slug):
    """The timeline page holding the event `slug`, scrolled to it (the timeline is paged)."""
    return f"{reverse('timeline')}?event={slug}#{slug}"


def historical_date(edtf, old_style):
    """The HistoricalDate stored in a pair of columns, or None when the column is empty."""
    return HistoricalDate(edtf, old_style) if edtf else None


def clean_date_columns(instance, name):
    """Validate a date column pair, turning an `os:` (Julian) entry into Gregorian EDTF plus the flag."""
    value = (getattr(instance, name) or "").strip()
    if not value:
        return
    try:
        if value.startswith("os:"):
            date = HistoricalDate.from_julian(value[3:].strip(), field=name)
        else:
            date = HistoricalDate.parse(value, field=name)
            date = HistoricalDate(date.edtf, getattr(instance, f"{name}_old_style"))
    except DateError as error:
        raise ValidationError({name: str(error)}) from error
    setattr(instance, name, date.edtf)
    setattr(instance, f"{name}_old_style", date.old_style)


class Source(index.Indexed, models.Model):
    """A work the course cites: a book or article (secondary) or a document of the time (primary)."""

    KINDS = [("primary", "Primary"), ("secondary", "Secondary")]

    slug = models.SlugField(max_length=100, unique=True)
    author = models.CharField(max_length=255)
    title = models.CharField(max_length=500)
    year = models.CharField(max_length=20, blank=True)
    publisher = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=10, choices=KINDS, default="secondary")
    url = models.URLField(blank=True)
    archive = models.CharField(
        max_length=255, blank=True, help_text="Archive reference, for unpublished documents."
    )

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("author"),
        index.FilterField("kind"),
        index.FilterField("id"),  # the search page narrows by topic and period through it
    ]

    class Meta:
        ordering = ["author", "year"]

    def __str__(self):
        return (
            f"{self.author}, {self.title} ({self.year})"
            if self.year
            else f"{self.author}, {self.title}"
        )


class Place(index.Indexed, models.Model):
    """A place where things happened, with its other names and its coordinates."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=255)
    aliases = models.CharField(
        max_length=500, blank=True, help_text="Other names, comma-separated (Petrograd, Leningrad)."
    )
    kind = models.CharField(max_length=50, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)
    summary = models.TextField(blank=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("aliases"),
        index.SearchField("summary"),
        index.FilterField("id"),  # the search page narrows by topic and period through it
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return [a.strip() for a in self.aliases.split(",") if a.strip()]


class GlossaryTerm(index.Indexed, models.Model):
    """A term a reader may not know, explained in a sentence or two."""

    slug = models.SlugField(max_length=100, unique=True)
    term = models.CharField(max_length=255)
    aliases = models.CharField(
        max_length=500, blank=True, help_text="Other forms, comma-separated."
    )
    definition = models.TextField()

    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("aliases"),
        index.SearchField("definition"),
        index.FilterField("id"),  # the search page narrows by topic and period through it
    ]

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def alias_list(self):
        return [a.strip() for a in self.aliases.split(",") if a.strip()]


class PeopleIndexPage(ServedPageMixin, Page):
    """/people/: every person in the course."""

    parent_page_types = ["courses.HomePage"]
    subpage_types = ["chronology.PersonPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = PersonPage.objects.child_of(self).live().order_by("title")
        return context


class OrganisationIndexPage(ServedPageMixin, Page):
    """/organisations/: every organisation in the course."""

    parent_page_types = ["courses.HomePage"]
    subpage_types = ["chronology.OrganisationPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = OrganisationPage.objects.child_of(self).live().order_by("title")
        return context


class OrganisationPage(ServedPageMixin, Page):
    """A party, state body, soviet, army or police force, with its life span."""

    short_name = models.CharField(max_length=100, blank=True)
    other_names = models.CharField(
        max_length=500, blank=True, help_text="Other names, comma-separated."
    )
    kind = models.CharField(max_length=50, blank=True)
    founded = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    founded_old_style = models.BooleanField(default=False)
    dissolved = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    dissolved_old_style = models.BooleanField(default=False)
    summary = models.TextField(blank=True)
    sources = ParentalManyToManyField(Source, blank=True, related_name="+")

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldPanel("other_names"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("founded"), FieldPanel("founded_old_style")]),
        FieldRowPanel([FieldPanel("dissolved"), FieldPanel("dissolved_old_style")]),
        FieldPanel("summary"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name", boost=2),
        index.SearchField("other_names"),
        index.AutocompleteField("short_name"),
        index.AutocompleteField("other_names"),
        index.SearchField("summary"),
    ]
    parent_page_types = ["chronology.OrganisationIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        clean_date_columns(self, "founded")
        clean_date_columns(self, "dissolved")

    @property
    def founded_date(self):
        return historical_date(self.founded, self.founded_old_style)

    @property
    def dissolved_date(self):
        return historical_date(self.dissolved, self.dissolved_old_style)

    @property
    def alias_list(self):
        return [a.strip() for a in self.other_names.split(",") if a.strip()]

    def get_context(self, request, *args, **kwargs):
        from .views import organisation_context

        context = super().get_context(request, *args, **kwargs)
        # Fetched only if a fragment of the page has to be rendered: most requests need none.
        context["about"] = SimpleLazyObject(lambda: organisation_context(self))
        return context


class PersonPage(ServedPageMixin, Page):
    """A person: names, birth and death, roles over time, portrait, summary and sources."""

    summary = models.TextField(blank=True)
    born = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    born_old_style = models.BooleanField(default=False)
    born_place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    died = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    died_old_style = models.BooleanField(default=False)
    died_place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    portrait = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sources = ParentalManyToManyField(Source, blank=True, related_name="+")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("born"), FieldPanel("born_old_style")]),
                FieldPanel("born_place"),
            ],
            heading="Birth",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("died"), FieldPanel("died_old_style")]),
                FieldPanel("died_place"),
            ],
            heading="Death",
        ),
        FieldPanel("portrait"),
        InlinePanel("other_names", label="Other names"),
        InlinePanel("roles", label="Roles"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.RelatedFields(
            "other_names", [index.SearchField("name"), index.AutocompleteField("name")]
        ),
    ]
    parent_page_types = ["chronology.PeopleIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        clean_date_columns(self, "born")
        clean_date_columns(self, "died")

    @property
    def born_date(self):
        return historical_date(self.born, self.born_old_style)

    @property
    def died_date(self):
        return historical_date(self.died, self.died_old_style)

    @cached_property
    def birth_name(self):
        return next(
            (alias.name for alias in self.other_names.all() if alias.kind == "birth name"), ""
        )

    def get_context(self, request, *args, **kwargs):
        from .views import person_context

        context = super().get_context(request, *args, **kwargs)
        # Fetched only if a fragment of the page has to be rendered: most requests need none.
        context["about"] = SimpleLazyObject(lambda: person_context(self))
        return context


class PersonAlias(Orderable):
    """Another name a person went by: a birth name, a pseudonym, a short form."""

    person = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(max_length=255)
    kind = models.CharField(
        max_length=50, blank=True, help_text="birth name, pseudonym, short name…"
    )

    panels = [FieldPanel("name"), FieldPanel("kind")]


class PersonRole(Orderable):
    """An office a person held, in an organisation, from one date to another."""

    person = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="roles")
    office = models.CharField(max_length=255)
    organisation = models.ForeignKey(
        OrganisationPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    start = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    start_old_style = models.BooleanField(default=False)
    end = models.CharField(max_length=64, blank=True, help_text=EDTF_HELP)
    end_old_style = models.BooleanField(default=False)

    panels = [
        FieldPanel("office"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("start_old_style")]),
        FieldRowPanel([FieldPanel("end"), FieldPanel("end_old_style")]),
    ]

    def clean(self):
        super().clean()
        clean_date_columns(self, "start")
        clean_date_columns(self, "end")
        if self.start and self.end and self.end_date.latest < self.start_date.earliest:
            raise ValidationError({"end": "A role cannot end before it starts."})

    @property
    def start_date(self):
        return historical_date(self.start, self.start_old_style)

    @property
    def end_date(self):
        return historical_date(self.end, self.end_old_style)


class Event(index.Indexed, ClusterableModel):
    """Something that happened: when, where, who took part, why it matters, and who says so."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=255)
    when = models.CharField(max_length=64, help_text=EDTF_HELP)
    when_old_style = models.BooleanField(
        default=False, help_text="The source gives this date in the Julian calendar."
    )
    earliest = models.DateField(db_index=True, editable=False)
    latest = models.DateField(db_index=True, editable=False)
    kind = models.CharField(
        max_length=50, blank=True, help_text="birth, death, arrest, treaty, revolution…"
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    people = ParentalManyToManyField(PersonPage, blank=True, related_name="events")
    organisations = ParentalManyToManyField(OrganisationPage, blank=True, related_name="events")
    topics = ParentalManyToManyField("courses.ArticlePage", blank=True, related_name="events")
    summary = models.TextField(blank=True)
    significance = models.TextField(blank=True)
    sources = ParentalManyToManyField(Source, related_name="events")

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("when"), FieldPanel("when_old_style")]),
        FieldPanel("kind"),
        FieldPanel("place"),
        FieldPanel("people"),
        FieldPanel("organisations"),
        FieldPanel("topics"),
        FieldPanel("summary"),
        FieldPanel("significance"),
        FieldPanel("sources"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("significance"),
        index.FilterField("earliest"),
        index.FilterField("id"),  # the search page narrows by topic and period through it
    ]

    class Meta:
        ordering = ["earliest", "latest", "slug"]

    def __str__(self):
        return f"{self.title} ({self.when_date.display()})"

    @property
    def when_date(self):
        return HistoricalDate(self.when, self.when_old_style)

    @property
    def decade(self):
        """The decade the event begins in (1917 -> 1910), as the timeline groups it."""
        return self.earliest.year // 10 * 10

    @property
    def timeline_url(self):
        """The event on the timeline: the page that holds it, scrolled to it."""
        return timeline_url(self.slug)

    def clean(self):
        super().clean()
        clean_date_columns(self, "when")

    def save(self, *args, **kwargs):
        date = self.when_date
        self.earliest, self.latest = date.earliest, date.latest
        super().save(*args, **kwargs)

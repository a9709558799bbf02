"""The course's collection of primary sources: one page per document of the time, under /sources/."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from chronology.models import EDTF_HELP, clean_date_columns, historical_date
from core.serving import ServedPageMixin

from .kinds import KINDS, VOICES


class SourceIndexPage(ServedPageMixin, Page):
    """/sources/: every primary source of the course, filterable by topic, kind, period and person."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["primary_sources.PrimarySourcePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from .views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class PrimarySourcePage(ServedPageMixin, Page):
    """A document of the time: its text, who made it, when, why, what it cannot tell us, and
    questions for students; linked to the topics it serves and the people it is by or about."""

    kind = models.CharField(max_length=20, choices=KINDS)
    author = models.CharField(max_length=255)
    date = models.CharField(max_length=64, help_text=EDTF_HELP)
    date_old_style = models.BooleanField(
        default=False, help_text="The source is dated in the Julian calendar."
    )
    earliest = models.DateField(db_index=True, editable=False)
    latest = models.DateField(db_index=True, editable=False)
    voice = models.CharField(
        max_length=20, choices=VOICES, blank=True, help_text="Set for a voice from below."
    )
    text = RichTextField(features=["bold", "italic"], help_text="The excerpt, 80 to 250 words.")
    origin = models.TextField(help_text="Where and how it was made and first published or kept.")
    provenance = models.TextField(help_text="Who made it, for whom, and where it can be read now.")
    purpose = models.TextField(help_text="Why it was made.")
    limits = models.TextField(help_text="What it does not tell us.")
    translation = models.TextField(help_text="How the text here relates to the original.")
    edition = models.TextField(help_text="The edition the excerpt follows, as a full reference.")
    questions = models.TextField(help_text="Two or three questions for students, one per line.")
    topic = models.ForeignKey(
        "courses.ArticlePage",
        on_delete=models.PROTECT,
        related_name="primary_sources",
        help_text="The topic whose collection this source belongs to.",
    )
    position = models.PositiveIntegerField(
        default=0, help_text="Its place in the topic's collection."
    )
    other_topics = ParentalManyToManyField(
        "courses.ArticlePage", blank=True, related_name="shared_primary_sources"
    )
    people = ParentalManyToManyField(
        "chronology.PersonPage", blank=True, related_name="primary_sources"
    )
    based_on = ParentalManyToManyField(
        "chronology.Source",
        blank=True,
        related_name="+",
        help_text="Works that print or discuss it.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("date_old_style")]),
                FieldPanel("voice"),
            ],
            heading="What it is",
        ),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("origin"),
                FieldPanel("provenance"),
                FieldPanel("purpose"),
                FieldPanel("limits"),
                FieldPanel("translation"),
                FieldPanel("edition"),
            ],
            heading="Reading it as a historian",
        ),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("topic"), FieldPanel("position")]),
                FieldPanel("other_topics"),
                FieldPanel("people"),
                FieldPanel("based_on"),
            ],
            heading="Links",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("text"),
        index.SearchField("author", boost=2),
        index.SearchField("origin"),
        index.SearchField("provenance"),
        index.FilterField("kind"),
        index.FilterField("voice"),
    ]
    parent_page_types = ["primary_sources.SourceIndexPage"]
    subpage_types = []

    @property
    def date_value(self):
        return historical_date(self.date, self.date_old_style)

    @property
    def question_list(self):
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def index_url(self):
        """/sources/, from this page's own URL (the parent page would cost a query)."""
        return self.url.rstrip("/").rsplit("/", 1)[0] + "/"

    def clean(self):
        super().clean()
        clean_date_columns(self, "date")

    def save(self, *args, **kwargs):
        date = self.date_value
        self.earliest, self.latest = date.earliest, date.latest
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .views import source_context

        context = super().get_context(request, *args, **kwargs)
        context.update(source_context(self))
        return context

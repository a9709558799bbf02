"""Subscribers, newsletter issues and a delivery log with one row per (issue, subscriber)."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin
from wagtail.search import index


class Subscriber(models.Model):
    """Someone who asked for the newsletter. Only the address, an optional name and the dates of
    consent are kept; erasing a subscriber keeps the anonymous delivery statistics."""

    PENDING, CONFIRMED, UNSUBSCRIBED, BOUNCED = "pending", "confirmed", "unsubscribed", "bounced"
    STATUSES = [
        (PENDING, "Pending"),
        (CONFIRMED, "Confirmed"),
        (UNSUBSCRIBED, "Unsubscribed"),
        (BOUNCED, "Bounced"),
    ]

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    subscribed_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    consent = models.TextField(blank=True, help_text="The consent text the subscriber agreed to.")

    panels = [FieldPanel("email"), FieldPanel("name"), FieldPanel("status")]

    class Meta:
        ordering = ["-subscribed_at"]

    def __str__(self):
        return self.email


class IssueArticleBlock(blocks.StructBlock):
    """An article from the site, shown with its standfirst and a link."""

    article = blocks.PageChooserBlock(page_type="courses.ArticlePage")
    note = blocks.TextBlock(required=False, help_text="Why it is worth reading now.")

    class Meta:
        icon = "doc-full"
        template = "newsletter/blocks/article.html"


class TimelineExcerptBlock(blocks.StructBlock):
    """Events from the course timeline in a period, e.g. 'this month in 1917'."""

    title = blocks.CharBlock()
    period = blocks.CharBlock(help_text="A year or years, e.g. 1917 or 1917-1918.")
    person = blocks.CharBlock(
        required=False, help_text="A person's slug, to show only their events."
    )
    limit = blocks.IntegerBlock(default=8, min_value=1, max_value=30)

    class Meta:
        icon = "date"
        template = "newsletter/blocks/timeline_excerpt.html"


class ExclusiveBlock(blocks.StructBlock):
    """A piece written only for subscribers, not published on the site."""

    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pick"
        template = "newsletter/blocks/exclusive.html"


class Issue(PreviewableMixin, index.Indexed, models.Model):
    """One newsletter issue: written and previewed in the admin, test-sent, then sent to everyone."""

    DRAFT, SENDING, SENT = "draft", "sending", "sent"

    subject = models.CharField(max_length=200)
    body = StreamField(
        [
            ("text", blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol", "h3"])),
            ("article", IssueArticleBlock()),
            ("timeline", TimelineExcerptBlock()),
            ("exclusive", ExclusiveBlock()),
        ],
        use_json_field=True,
    )
    status = models.CharField(max_length=20, default=DRAFT, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("body")]
    search_fields = [index.SearchField("subject")]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def get_preview_template(self, request, mode_name):
        return "newsletter/email/issue.html"

    def get_preview_context(self, request, mode_name):
        return {
            "issue": self,
            "site_url": settings.WAGTAILADMIN_BASE_URL,
            "unsubscribe_url": "#",
            "archive_url": "#",
        }

    def delivery_counts(self):
        counts = self.deliveries.aggregate(
            sent=Count("pk", filter=Q(status=Delivery.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.FAILED)),
            pending=Count("pk", filter=Q(status__in=[Delivery.PENDING, Delivery.SENDING])),
        )
        return counts

    def sent_count(self):
        return self.delivery_counts()["sent"]

    sent_count.short_description = "Sent"

    def failed_count(self):
        return self.delivery_counts()["failed"]

    failed_count.short_description = "Failed"

    def archive_path(self, token):
        return reverse("newsletter:archive-issue", args=[token, self.pk])


class Delivery(models.Model):
    """The log of one issue to one subscriber. The unique pair means nobody is ever mailed twice,
    however often a send is resumed."""

    PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=10, default=PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.issue} → {self.subscriber or 'erased subscriber'}: {self.status}"

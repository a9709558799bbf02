"""What every app shares: the image model with its credit, licence and source."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image with the attribution a history site owes: who made it, under what licence, from where."""

    slug = models.SlugField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="The figure's slug in the content pack, if it came from one.",
    )
    caption = models.TextField(blank=True)
    alt_text = models.TextField(
        blank=True,
        help_text="A full description of what the image shows; Wagtail's 'description' holds a short form.",
    )
    credit = models.CharField(max_length=255, blank=True)
    licence = models.CharField(max_length=100, blank=True)
    source = models.TextField(blank=True, help_text="Where the image or its data comes from.")

    admin_form_fields = Image.admin_form_fields + (
        "slug",
        "caption",
        "alt_text",
        "credit",
        "licence",
        "source",
    )

    @property
    def alt(self):
        return self.alt_text or self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

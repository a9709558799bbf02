"""What the home and course pages show of each topic: a figure, the enquiry, the reading time.

Built from the articles' bodies with two queries and cached per content version, like the menu.
"""

import math
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import strip_tags

from .menu import content_version

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Figure:
    url: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class TopicCard:
    slug: str
    enquiry: str
    minutes: int
    figure: Figure | None


def reading_minutes(raw_body):
    """Minutes to read a body at WORDS_PER_MINUTE, from the text of every block."""
    words = len(re.findall(r"\w+", strip_tags(" ".join(str(b["value"]) for b in raw_body))))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def topic_cards(course):
    """{slug: TopicCard} for the live articles of `course`, cached until anything is published."""
    key = f"clio:topic-cards:{course.pk}:{content_version()}"
    return cache.get_or_set(key, lambda: build_topic_cards(course), timeout=None)


def build_topic_cards(course):
    from core.models import CustomImage

    from .models import ArticlePage

    articles = list(ArticlePage.objects.child_of(course).live().only("slug", "enquiry", "body"))
    first_figure = {}
    for article in articles:
        raw = article.body.raw_data
        first_figure[article.slug] = next(
            (b["value"].get("image") for b in raw if b["type"] == "figure"), None
        )
    images = CustomImage.objects.in_bulk([pk for pk in first_figure.values() if pk])
    cards = {}
    for article in articles:
        image = images.get(first_figure[article.slug])
        figure = None
        if image is not None and image.is_svg():
            figure = Figure(image.file.url, image.alt, image.width, image.height)
        elif image is not None:  # a photograph: a small rendition (made once, then cached here)
            rendition = image.get_rendition("width-480")
            figure = Figure(rendition.url, image.alt, rendition.width, rendition.height)
        cards[article.slug] = TopicCard(
            slug=article.slug,
            enquiry=article.enquiry,
            minutes=reading_minutes(article.body.raw_data),
            figure=figure,
        )
    return cards


def part_figures(menu, cards):
    """For each part of the menu, the first figure among its topics (or None)."""
    return [
        next(
            (cards[t.slug].figure for t in part.topics if t.slug in cards and cards[t.slug].figure),
            None,
        )
        for part in menu
    ]

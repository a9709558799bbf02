"""Turning an article's stored body into HTML: entity links, glossary terms explained in place,
and numbered footnotes that cite the course's sources.

In the stored rich text an editor writes `[[slug]]` or `[[slug|text]]` to link a person,
organisation, place or glossary term, and `[^source-slug]` or `[^source-slug, p. 12]` to cite.
"""

import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .menu import cached_content, neighbours

ENTITY_LINK = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
CITATION = re.compile(r"\[\^([a-z0-9-]+)(?:,\s*([^\]]+))?\]")


@dataclass
class Footnote:
    number: int
    source: object
    locator: str


@dataclass(frozen=True)
class Named:
    """A place, glossary term or event as a body links it: its slug, name and (a term's) text."""

    slug: str
    name: str
    text: str = ""

    @property
    def timeline_url(self):
        from chronology.models import timeline_url

        return timeline_url(self.slug)


@dataclass
class Entities:
    """Everything a body links to, whatever the body's length: the pages in one query, the
    places, terms and events in another, the sources it cites in a third."""

    people: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)

    @classmethod
    def for_text(cls, text):
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import CharField, F, TextField, Value
        from wagtail.models import Page

        from chronology.models import (
            Event,
            GlossaryTerm,
            OrganisationPage,
            PersonPage,
            Place,
            Source,
        )

        from .models import ArticlePage

        slugs = {match.group(1) for match in ENTITY_LINK.finditer(text)}
        cited = {match.group(1) for match in CITATION.finditer(text)}
        entities = cls()
        if slugs:
            kinds = {
                PersonPage: "people",
                OrganisationPage: "organisations",
                ArticlePage: "articles",
            }
            by_type = {ContentType.objects.get_for_model(m).pk: name for m, name in kinds.items()}
            pages = Page.objects.live().type(*kinds).filter(slug__in=slugs)
            for page in pages.only("slug", "title", "url_path", "content_type"):
                getattr(entities, by_type[page.content_type_id])[page.slug] = page

            def named(model, kind, name, text=None):
                return (
                    model.objects.filter(slug__in=slugs)
                    .order_by()
                    .annotate(
                        kind_=Value(kind, output_field=CharField()),
                        name_=F(name),
                        text_=F(text) if text else Value("", output_field=TextField()),
                    )
                    .values_list("kind_", "slug", "name_", "text_")
                )

            found = named(Place, "places", "name").union(
                named(GlossaryTerm, "terms", "term", "definition"),
                named(Event, "events", "title"),
                all=True,
            )
            for kind, slug, name, definition in found:
                getattr(entities, kind)[slug] = Named(slug, name, definition or "")
        if cited:
            entities.sources = {s.slug: s for s in Source.objects.filter(slug__in=cited)}
        return entities


class BodyRenderer:
    """Renders one article body, numbering footnotes and collecting glossary terms as it goes."""

    def __init__(self, entities, request=None):
        self.entities = entities
        self.request = request
        self.footnotes = []
        self.terms_seen = set()

    def link_entity(self, match, new_terms):
        slug, text = match.group(1), match.group(2)
        page = (
            self.entities.people.get(slug)
            or self.entities.organisations.get(slug)
            or self.entities.articles.get(slug)
        )
        if page is not None:
            return format_html(
                '<a href="{}">{}</a>', page.get_url(self.request), text or page.title
            )
        if slug in self.entities.events:
            event = self.entities.events[slug]
            return format_html('<a href="{}">{}</a>', event.timeline_url, text or event.name)
        if slug in self.entities.terms:
            term = self.entities.terms[slug]
            if slug not in self.terms_seen:
                self.terms_seen.add(slug)
                new_terms.append(term)
            return format_html('<a class="term" href="#term-{}">{}</a>', slug, text or term.name)
        if slug in self.entities.places:
            place = self.entities.places[slug]
            url = reverse("timeline") + f"?place={slug}"
            return format_html('<a href="{}">{}</a>', url, text or place.name)
        # An unknown slug is refused by the loader; one typed in the admin shows as plain text.
        return escape(text or slug)

    def cite(self, match):
        source = self.entities.sources.get(match.group(1))
        if source is None:
            return ""
        number = len(self.footnotes) + 1
        self.footnotes.append(
            Footnote(number=number, source=source, locator=(match.group(2) or "").strip())
        )
        return format_html(
            '<sup class="fnref"><a href="#fn-{0}" id="fnref-{0}" aria-label="Note {0}">{0}</a></sup>',
            number,
        )

    def render_block_html(self, html):
        new_terms = []
        html = ENTITY_LINK.sub(lambda m: self.link_entity(m, new_terms), html)
        html = CITATION.sub(self.cite, html)
        if new_terms:
            items = "".join(
                format_html(
                    '<dt><dfn id="term-{}">{}</dfn></dt><dd>{}</dd>', t.slug, t.name, t.text
                )
                for t in new_terms
            )
            names = ", ".join(escape(t.name) for t in new_terms)
            html += f'<details class="terms"><summary>Terms explained: {names}</summary><dl>{items}</dl></details>'
        return html


def render_body(page, request=None):
    """The article body as HTML and its footnotes."""
    rendered = [
        (block.block_type, block.render(context={"request": request, "page": page}))
        for block in page.body
    ]
    entities = Entities.for_text("".join(html for _, html in rendered))
    renderer = BodyRenderer(entities, request)
    html = "".join(renderer.render_block_html(block_html) for _, block_html in rendered)
    return mark_safe(html), renderer.footnotes


KEY_DATES_SHOWN = 15


def key_dates(page):
    """Up to KEY_DATES_SHOWN of the topic's events, spread evenly over its span; the timeline has them all."""
    events = list(page.events.select_related("place").order_by("earliest", "latest"))
    if len(events) > KEY_DATES_SHOWN:
        step = (len(events) - 1) / (KEY_DATES_SHOWN - 1)
        shown = [events[round(i * step)] for i in range(KEY_DATES_SHOWN)]
    else:
        shown = events
    return {"key_dates": shown, "key_dates_total": len(events)}


def article_context(page, request):
    """What an article template needs beyond the page itself."""
    shown = article_content(page, request)
    menu = shown["course"].menu(request)
    previous, following = neighbours(menu, page.slug)
    return {"menu": menu, "previous_topic": previous, "next_topic": following, **shown}


def article_content(page, request):
    """The body and what surrounds it, rendered once per revision (and content version, since
    the body names other pages); a preview of a draft is always rendered afresh."""

    from primary_sources.views import sources_for_article

    def build():
        body, footnotes = render_body(page, request)
        return {
            "course": page.course,
            "body_html": body,
            "footnotes": footnotes,
            "bibliography": [entry.source for entry in page.bibliography.select_related("source")],
            **sources_for_article(page),
            "has_debate": any(block.block_type == "debate" for block in page.body),
            **key_dates(page),
            "key_people": list(
                page.people.live().order_by("title").only("title", "slug", "url_path", "summary")
            ),
        }

    if getattr(request, "is_preview", False):
        return build()
    return cached_content(f"article:{page.pk}:{page.live_revision_id}", build)

"""schema.org JSON-LD for articles and people, with dates only as precise as they are known."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


def json_script(data):
    # Escape what could close the script element; the rest is plain JSON.
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.standfirst,
        "url": page.get_full_url(request),
        "inLanguage": "en-GB",
        "isPartOf": {"@type": "Course", "name": context["course"].title},
        "about": [
            {"@type": "Person", "name": person.title} for person in context.get("key_people", [])
        ],
        "citation": [
            f"{source.author}, {source.title} ({source.year})"
            for source in context.get("bibliography", [])
        ],
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    return json_script(data)


@register.simple_tag(takes_context=True)
def person_json_ld(context, page):
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": page.title,
        "url": page.get_full_url(context.get("request")),
        "description": page.summary,
        "alternateName": [alias.name for alias in context.get("aliases", [])],
    }
    if page.born_date:
        data["birthDate"] = page.born_date.schema_org()
    if page.died_date:
        data["deathDate"] = page.died_date.schema_org()
    if page.born_place:
        data["birthPlace"] = {"@type": "Place", "name": page.born_place.name}
    if page.died_place:
        data["deathPlace"] = {"@type": "Place", "name": page.died_place.name}
    return json_script(data)

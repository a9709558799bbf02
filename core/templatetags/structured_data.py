"""schema.org JSON-LD and social cards (OpenGraph, Twitter) for every page type, made only from
what each page has already loaded, with dates only as precise as they are known."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from core.licence import LICENCE_URL

register = template.Library()

PUBLISHER = {"@type": "Organization", "name": "Clio"}


def json_script(data):
    # Escape what could close the script element; the rest is plain JSON.
    text = (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def absolute(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def page_url(context, page):
    return page.get_full_url(context.get("request"))


def creative_work(context, kind, name, url, **extra):
    """The fields every work of Clio's carries: its name, address, language, publisher, licence."""
    return {
        "@context": "https://schema.org",
        "@type": kind,
        "name": name,
        "url": url,
        "inLanguage": "en-GB",
        "publisher": PUBLISHER,
        "license": LICENCE_URL,
        **extra,
    }


def date_parts(date, start="startDate", end="endDate"):
    """A HistoricalDate as schema.org start and end values at their own precision: '1917-11-07',
    '1917-11', '1917'; a span as its two ends; an open end left out."""
    if date is None:
        return {}
    first, _, last = date.schema_org().partition("/")
    parts = {}
    if first and first != "..":
        parts[start] = first
    if last and last != ".." and last != first:
        parts[end] = last
    return parts


def single_date(date):
    """A date schema.org can hold as one value (a birth, a death), or None for a span."""
    if date is None:
        return None
    value = date.schema_org()
    return None if "/" in value else value


def event_node(event, with_place=True):
    node = {"@type": "Event", "name": event.title, **date_parts(event.when_date)}
    if with_place and event.place_id and event.place:
        node["location"] = {"@type": "Place", "name": event.place.name}
    return node


def person_ref(context, person):
    return {"@type": "Person", "name": person.title, "url": page_url(context, person)}


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    """An article: about its people, mentioning its first key dates' events (its sources are
    listed on the page itself; the page has a weight budget)."""
    course = context["course"]
    data = creative_work(
        context,
        "Article",
        page.title,
        page_url(context, page),
        headline=page.title,
        description=page.standfirst,
        isPartOf={"@type": "Course", "name": course.title, "url": page_url(context, course)},
        about=[person_ref(context, person) for person in context.get("key_people", [])],
        # The first key dates only: the article page has a weight budget.
        mentions=[event_node(event, False) for event in context.get("key_dates", [])[:6]],
    )
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    return json_script(data)


@register.simple_tag(takes_context=True)
def person_json_ld(context, page, about):
    """A person (`about`: chronology.views.person_context): other names, birth and death at
    their real precision, places."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": page.title,
        "url": page_url(context, page),
        "description": page.summary,
        "alternateName": [alias.name for alias in about["aliases"]],
    }
    for key, date in (("birthDate", page.born_date), ("deathDate", page.died_date)):
        if single_date(date):
            data[key] = single_date(date)
    if about["born_place"]:
        data["birthPlace"] = {"@type": "Place", "name": about["born_place"].name}
    if about["died_place"]:
        data["deathPlace"] = {"@type": "Place", "name": about["died_place"].name}
    return json_script(data)


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, page, about):
    """An organisation (`about`: chronology.views.organisation_context): other names, founding
    and dissolution, and its events."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": page.title,
        "url": page_url(context, page),
        "description": page.summary,
        "alternateName": page.alias_list + ([page.short_name] if page.short_name else []),
        "event": [event_node(event) for event in about["org_events"]],
    }
    for key, date in (
        ("foundingDate", page.founded_date),
        ("dissolutionDate", page.dissolved_date),
    ):
        if single_date(date):
            data[key] = single_date(date)
    return json_script(data)


@register.simple_tag(takes_context=True)
def course_json_ld(context, page):
    """A course and its topics (hasPart), from the cached course menu."""
    parts = [
        {"@type": "LearningResource", "name": topic.title, "url": absolute(context, topic.url)}
        for part in context.get("menu", ())
        for topic in part.topics
        if topic.url
    ]
    data = creative_work(
        context,
        "Course",
        page.title,
        page_url(context, page),
        description=page.search_description or strip_tags(page.introduction),
        provider=PUBLISHER,
        hasPart=parts,
        isAccessibleForFree=True,
    )
    return json_script(data)


@register.simple_tag(takes_context=True)
def quiz_json_ld(context, page, topic=None):
    """A quiz (a LearningResource) with its questions, about its topic, part of its course.
    The answers are left out: the page is for readers to test themselves."""
    kinds = {
        "multiple_choice": "Multiple choice",
        "true_false": "True or false",
        "order": "Ordering",
        "match": "Matching",
    }
    data = creative_work(
        context,
        "Quiz",
        context.get("quiz_title") or page.title,
        absolute(context, context["request"].path),
        learningResourceType="Quiz",
        educationalUse="self-assessment",
        hasPart=[
            {"@type": "Question", "name": q.prompt, "eduQuestionType": kinds[q.kind]}
            for q in context.get("questions", [])
        ],
    )
    if topic is not None:
        data["about"] = {"@type": "Article", "name": topic.title, "url": page_url(context, topic)}
    else:  # the course's revision quiz
        data["isPartOf"] = {"@type": "Course", "name": page.title, "url": page_url(context, page)}
    return json_script(data)


@register.simple_tag(takes_context=True)
def glossary_json_ld(context):
    """The glossary as a set of defined terms."""
    data = creative_work(
        context,
        "DefinedTermSet",
        "Glossary",
        absolute(context, context["request"].path),
        hasDefinedTerm=[
            {"@type": "DefinedTerm", "name": term.term, "description": term.definition}
            for term in context.get("terms", [])
        ],
    )
    return json_script(data)


@register.simple_tag(takes_context=True)
def web_page_json_ld(context, kind="WebPage", name=""):
    """Any other page: a web page of the Clio site."""
    page = context.get("page")
    name = name or (getattr(page, "title", "") if page else "") or "Clio"
    data = creative_work(
        context,
        kind,
        name,
        absolute(context, context["request"].path) if context.get("request") else "",
        isPartOf={"@type": "WebSite", "name": "Clio", "url": absolute(context, "/")},
    )
    return json_script(data)


@register.inclusion_tag("core/includes/social_meta.html", takes_context=True)
def social_meta(context, title="", description=""):
    """OpenGraph and Twitter card tags: the page's title, summary, address and the site image."""
    from courses.models import ArticlePage

    page = context.get("page")
    request = context.get("request")
    return {
        "title": title or getattr(page, "seo_title", "") or getattr(page, "title", "") or "Clio",
        "description": description
        or getattr(page, "search_description", "")
        or getattr(page, "standfirst", "")
        or getattr(page, "summary", "")
        or "Clio: history to learn, with the facts behind it.",
        "url": request.build_absolute_uri(request.path) if request is not None else "",
        "image": absolute(context, static("clio/og-image.png")),
        "kind": "article"
        if isinstance(page, ArticlePage) and request is not None and request.path == page.url
        else "website",
    }

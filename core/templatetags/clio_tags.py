"""Template tags every page uses: the course menu and historical dates."""

import hashlib

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

from courses.menu import cached_content, content_version

register = template.Library()


def primary_course():
    """The site's first live course (or None), cached per content version."""
    from courses.models import CoursePage

    key = f"clio:primary-course:{content_version()}"
    course = cache.get(key)
    if course is None:
        course = CoursePage.objects.live().order_by("path").first() or False
        cache.set(key, course, timeout=None)
    return course or None


@register.simple_tag(takes_context=True)
def course_menu(context):
    """The full course menu, grouped by part, the current topic marked and the reader's read
    topics ticked; rendered once per content version for each such combination."""
    from courses.models import ArticlePage

    page = context.get("page")
    request = context.get("request")
    course = context.get("course")
    menu = context.get("menu")
    if menu is None:
        course = primary_course()
        menu = course.menu(request) if course else ()
    if not course:
        return ""
    current = page.slug if isinstance(page, ArticlePage) else None
    read = (
        sorted(request.session.get("progress", {}).get("read", []))
        if request is not None and hasattr(request, "session")
        else []
    )
    shown = {"course": course, "menu": menu, "current": current, "read": set(read)}
    key = (
        f"course-menu-html:{course.pk}:{current}:{hashlib.md5(' '.join(read).encode()).hexdigest()}"
    )
    return cached_content(key, lambda: render_to_string("core/includes/course_menu.html", shown))


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def historical(date):
    """A HistoricalDate shown at its own precision, with both calendars for Old Style dates."""
    return date.display() if date else ""

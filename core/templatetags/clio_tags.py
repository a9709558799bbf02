"""Template tags every page uses: the course menu and historical dates."""

from django import template
from django.core.cache import cache

from courses.menu import content_version

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


@register.inclusion_tag("core/includes/course_menu.html", takes_context=True)
def course_menu(context):
    """The full course menu, grouped by part; the current topic is marked."""
    from courses.models import ArticlePage

    page = context.get("page")
    request = context.get("request")
    course = context.get("course")
    menu = context.get("menu")
    if menu is None:
        course = primary_course()
        menu = course.menu(request) if course else ()
    current = page.slug if isinstance(page, ArticlePage) else None
    read = (
        set(request.session.get("progress", {}).get("read", []))
        if request is not None and hasattr(request, "session")
        else set()
    )
    return {"course": course or None, "menu": menu, "current": current, "read": read}


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def historical(date):
    """A HistoricalDate shown at its own precision, with both calendars for Old Style dates."""
    return date.display() if date else ""

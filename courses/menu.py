"""The course menu: every part and topic of a course, linked where the article is live.

Built with one query and cached until any page is published, unpublished or moved, so that every
page can show the whole course without walking the page tree.
"""

import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.cache import cache
from django.core.signals import request_finished, request_started

CONTENT_VERSION_KEY = "clio:content-version"


@dataclass(frozen=True)
class MenuTopic:
    slug: str
    title: str
    url: str | None  # None while the topic is in preparation


@dataclass(frozen=True)
class MenuPart:
    title: str
    topics: tuple[MenuTopic, ...]


def first_version():
    """A new cache's first content version: the time in microseconds, not 1, so that a flushed
    cache never gives a version again that a process still holds copies of (see cached_content)."""
    return time.time_ns() // 1000


# Within a request the content version is read once (most pages ask for it ten times or more);
# outside one (commands, the task worker) it is read every time.
_request_version = ContextVar("clio_request_version", default=None)


def _start_request(**kwargs):
    _request_version.set({})


def _end_request(**kwargs):
    _request_version.set(None)


request_started.connect(_start_request)
request_finished.connect(_end_request)


_tracked = {}


def tracked_version():
    """The content version as this process last heard it, when the cache is Redis: a tracked
    key (core.tracking) is told of every change at once, so reading it costs no round trip."""
    import redis
    from django.conf import settings

    from core.tracking import TrackedKey

    location = settings.CACHES["default"]
    if not location["BACKEND"].startswith("django_redis."):
        return None
    if location["LOCATION"] not in _tracked:
        key = cache.make_key(CONTENT_VERSION_KEY)
        _tracked[location["LOCATION"]] = TrackedKey(location["LOCATION"], key)
    try:
        return _tracked[location["LOCATION"]].get()
    except (redis.RedisError, OSError):
        return None  # the shared cache's own read, next, reports the trouble


def content_version():
    memo = _request_version.get()
    if memo and "version" in memo:
        return memo["version"]
    version = tracked_version() or cache.get_or_set(
        CONTENT_VERSION_KEY, first_version, timeout=None
    )
    if memo is not None:
        memo["version"] = version
    return version


def bump_content_version():
    """Invalidate every cached menu (and anything else keyed on the content version)."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, first_version(), timeout=None)
    memo = _request_version.get()
    if memo is not None:
        memo.pop("version", None)


# Rendered HTML kept in this process too: a versioned key always names the same text, so the
# copy never goes stale, and a page's fragments cost no round trip to the shared cache.
_html_copies = {}
HTML_COPIES = 500


def cached_content(key, build):
    """`build()` once per content version, for what only a change of content can alter."""
    from django.conf import settings

    versioned = f"clio:{key}:{content_version()}"
    value = _html_copies.get(versioned)
    if value is not None:
        return value
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout=settings.PAGE_CACHE_SECONDS)
    if isinstance(value, str):
        if len(_html_copies) >= HTML_COPIES:
            _html_copies.clear()
        _html_copies[versioned] = value
    return value


def course_menu(course, request=None):
    """The parts of `course`, each with its topics in order; cached per content version."""
    key = f"clio:course-menu:{course.pk}:{content_version()}"
    menu = cache.get(key)
    if menu is None:
        menu = build_course_menu(course)
        cache.set(key, menu, timeout=None)
    return menu


def build_course_menu(course):
    from .models import ArticlePage

    base = course.url_path
    live = dict(ArticlePage.objects.child_of(course).live().values_list("slug", "url_path"))
    course_url = course.url or "/"
    parts = []
    for part in course.parts:
        topics = []
        for topic in part.value["topics"]:
            slug = topic["slug"]
            url = course_url + live[slug][len(base) :] if slug in live else None
            topics.append(MenuTopic(slug=slug, title=topic["title"], url=url))
        parts.append(MenuPart(title=part.value["title"], topics=tuple(topics)))
    return tuple(parts)


def neighbours(menu, slug):
    """The live topics before and after `slug` in course order (None at either end)."""
    live = [topic for part in menu for topic in part.topics if topic.url or topic.slug == slug]
    for position, topic in enumerate(live):
        if topic.slug == slug:
            previous = live[position - 1] if position > 0 else None
            following = live[position + 1] if position + 1 < len(live) else None
            return previous, following
    return None, None

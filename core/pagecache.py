"""The whole-page cache: one copy of each page for every reader who has no progress yet.

A page is kept under the content version (`courses.menu.content_version()`), which any publish,
unpublish, move or change of content bumps, so a change reaches every process at once and old
copies simply expire. What stays out of the shared copy:

- readers with a session cookie (progress ticks, best scores) or pending messages get their own
  fresh render, marked `Cache-Control: private`;
- a render that used a CSRF token, touched the session, set a cookie, varies on more than the
  cookie, or asked not to be cached is never stored (public forms need no token: see
  `core.csrf`; an article marks itself read through a small image, `quizzes.views.read_mark`).

Answers carry an ETag and Last-Modified, and a matching conditional request gets a 304.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from courses.menu import content_version

SHARED_VARY = {"cookie", "accept-encoding"}


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def is_shared(request):
    """Whether this request may be answered with the copy every reader gets."""
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS))
    )


def page_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"clio:page:{content_version()}:{hashlib.md5(address.encode()).hexdigest()}"


def storable(request, response):
    """A copy is shared only when nothing in it belongs to the reader it was rendered for."""
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.modified
        and vary <= SHARED_VARY
        and not any(word in control for word in ("private", "no-cache", "no-store"))
    )


def entry_for(request, response):
    """What the cache keeps for one page: the answer and its validators."""
    return {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() != "vary"],
        "content": response.content,
        "etag": '"' + hashlib.md5(response.content).hexdigest() + '"',
        "last_modified": time.time(),
    }


def response_from(entry):
    response = HttpResponse(entry["content"], status=entry["status"])
    for header, value in entry["headers"]:
        response[header] = value
    return response


def mark_shared(response, entry):
    """Headers for a copy any cache may keep: validators, and how long a proxy may serve it."""
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    seconds = settings.PAGE_CACHE_PROXY_SECONDS
    response["Cache-Control"] = f"public, max-age=0, must-revalidate, s-maxage={seconds}"
    response["X-Accel-Expires"] = str(seconds)  # nginx's own form of s-maxage (never sent on)


class PageCacheMiddleware:
    """Serve readers without progress from the shared copy; render, and keep, on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_shared(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            response["X-Page-Cache"] = "bypass"
            return response
        key = page_key(request)
        entry = cache.get(key)
        if entry is None:
            response = self.get_response(request)
            if not storable(request, response):
                response["X-Page-Cache"] = "no"
                return response
            entry = entry_for(request, response)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            state = "miss"
        else:
            response = response_from(entry)
            state = "hit"
        mark_shared(response, entry)
        response["X-Page-Cache"] = state
        conditional = get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=int(entry["last_modified"]),
            response=response,
        )
        conditional["X-Page-Cache"] = state
        return conditional

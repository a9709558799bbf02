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

The middleware comes first in MIDDLEWARE, so a copy holds every header the others add. In front
of Django, `PageCacheApplication` answers a hit from the same copies without building Django's
request and response (gunicorn's workers spend most of a hit there), and hands everything else,
misses included, to Django.
"""

import hashlib
import time
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
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
        # a cross-origin request gets its CORS headers from a fresh answer
        and "origin" not in request.headers
        and not request.path.startswith(tuple(skipped_paths()))
    )


def skipped_paths():
    return [*settings.PAGE_CACHE_SKIP_PATHS, settings.STATIC_URL, settings.MEDIA_URL]


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
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
        and not getattr(getattr(request, "session", None), "modified", False)
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
        entry = shared_entry(key)
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
        return shared_answer(request, response, entry, state)


def shared_answer(request, response, entry, state):
    """The shared copy's answer: its validators and cache headers, or a 304 when they match."""
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


# Copies of entries in this process: a key names one content version, so a copy never goes
# stale, and a hit fetches nothing from the shared cache (on Redis, not even the content
# version: courses.menu.tracked_version).
_entry_copies = {}
ENTRY_COPIES = 200


def shared_entry(key):
    entry = _entry_copies.get(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            if len(_entry_copies) >= ENTRY_COPIES:
                _entry_copies.clear()
            _entry_copies[key] = entry
    return entry


def hit(request):
    """(status, headers, content) of the kept copy's answer to `request`, or None (not a
    reader the shared copy serves, or no copy yet): what the middleware would answer, without
    Django's handler, middleware or signals."""
    try:
        if not is_shared(request):
            return None
        entry = shared_entry(page_key(request))
    except DisallowedHost:
        return None  # Django answers it with its own 400
    if entry is None:
        return None
    conditional = "if-none-match" in request.headers or "if-modified-since" in request.headers
    if not conditional and "hit_headers" in entry:
        return 200, entry["hit_headers"], entry["content"]
    answer = shared_answer(request, response_from(entry), entry, "hit")
    headers = list(answer.items())
    if not conditional:
        entry["hit_headers"] = headers  # the same for every plain hit on this copy
    return answer.status_code, headers, answer.content


class PageCacheApplication:
    """The WSGI application in front of Django: a hit is answered here; anything else goes on."""

    def __init__(self, django_application):
        self.django_application = django_application

    def __call__(self, environ, start_response):
        if enabled() and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            answer = hit(WSGIRequest(environ))
            if answer is not None:
                status, headers, content = answer
                start_response(f"{status} {HTTPStatus(status).phrase}", headers)
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else content]
        return self.django_application(environ, start_response)

"""Serving a page without asking the database what a running site already knows.

On every request Wagtail looks up which Site answers the host, fetches that Site's root page,
and fetches the view restrictions of the page served and its ancestors. Here each is found
once per content version (a change to a Site, a restriction or a page bumps it) and kept with
the Site and with the routes `courses.models.HomePage.route` caches.
"""

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import PageViewRestriction, Site

from courses.menu import cached_content


def restrictions_for(page):
    """The view restrictions of `page` and its ancestors in one query (their paths are prefixes
    of its own); an alias among them stands for the page it copies, as in Wagtail."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    found = PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    )
    return list(found.distinct())


def served_from_cache(page):
    """Mark an instance that a cached route or Site hands out, for `ServedPageMixin`."""
    page.served_from_cache = True
    return page


class ServedPageMixin:
    """A page served from a cached route answers Wagtail's restriction check from the cache;
    any other instance (the admin's) asks the database as usual."""

    def get_view_restrictions(self):
        if not self.__dict__.get("served_from_cache"):
            return super().get_view_restrictions()
        return cached_content(f"restrictions:{self.path}", lambda: restrictions_for(self))


def site_for(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def build():
        site = Site._find_for_request(request)
        if site is None:
            return False
        served_from_cache(site.root_page.specific)  # fetched now, kept with the Site
        return site

    return cached_content(f"site:{hostname}:{port}", build) or None


class SiteMiddleware:
    """Give Wagtail's page view the request's Site from the cache (`Site.find_for_request` reads
    it from `request._wagtail_site`) instead of a query per request. Other views (search,
    timeline…) keep Wagtail's own lookup, made only if they need the Site."""

    def __init__(self, get_response):
        from wagtail.views import serve  # not at import: models import this module

        self.get_response = get_response
        self.page_view = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.page_view:
            request._wagtail_site = site_for(request)

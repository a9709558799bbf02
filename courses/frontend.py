"""Telling a proxy cache in front of the site (nginx, a CDN) to drop pages that changed.

Wagtail's frontend cache app purges a page's own addresses when it is published or unpublished.
A change to the history data or the course menu shows on many pages, so `purge_site` purges every
live page and the timeline and glossary; addresses with a query string (timeline filters, search)
cannot be listed and age out after `PAGE_CACHE_PROXY_SECONDS`.
"""

from django.core.cache import cache
from django.urls import reverse
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends

PENDING_KEY = "clio:frontend-purge-pending"


def queue_purge():
    """Ask for a purge of the whole site, unless one is waiting to run already."""
    if get_backends() and cache.add(PENDING_KEY, 1, timeout=300):
        purge_site.enqueue()


@task()
def purge_site():
    """Purge every live page, the timeline and the glossary from the proxy cache."""
    from wagtail.models import Page, Site

    cache.delete(PENDING_KEY)
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().specific())
    for site in Site.objects.all():
        batch.add_urls(site.root_url + reverse(name) for name in ("timeline", "glossary"))
    batch.purge()

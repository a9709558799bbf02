"""Keep every cache honest: a change to anything a page shows bumps the content version.

The content version keys the page cache, the course menu, the rendered article bodies and the
chronology caches, so one bump purges them all in every process. What counts as content is
`settings.CONTENT_MODELS` (app labels or model labels), so a model a new feature adds to one of
those apps is covered without more wiring. Pages also bump on publish, unpublish and move. A
proxy in front (nginx, a CDN) is told too: Wagtail purges a published page's own addresses, and
`frontend.purge_site` the rest, once per transaction however many rows it changed.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frontend
from .menu import bump_content_version


@cache
def content_models():
    """Every model whose rows a page may show (renditions are made while rendering: not content)."""
    labels = set(settings.CONTENT_MODELS)
    return frozenset(
        model
        for model in apps.get_models()
        if (model._meta.app_label in labels or model._meta.label in labels)
        and not issubclass(model, AbstractRendition)
    )


def content_changed():
    """Bump now, so this process sees the change, and again once the change is committed, so
    that no other process keeps a copy it rendered from the old rows in between."""
    bump_content_version()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        committed()
    elif not any(callback is committed for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(committed)


def committed():
    bump_content_version()
    frontend.queue_purge()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    content_changed()


@receiver(post_save)
@receiver(post_delete)
def row_changed(sender, **kwargs):
    if sender in content_models():
        content_changed()


@receiver(m2m_changed)
def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and type(instance) in content_models():
        content_changed()

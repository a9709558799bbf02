"""Keep the cached chronology honest: a change to a row it is read from bumps the content version.

Pack loads and page publishes bump it already (`courses.signals`); these cover editing events,
people, organisations, places, glossary terms and sources directly, in the admin or the shell.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from courses.menu import bump_content_version


def chronology_changed(sender, **kwargs):
    """Invalidate everything cached under the content version, the chronology among it."""
    bump_content_version()


def connect():
    """Connect `chronology_changed` to every model the chronology is built from."""
    from chronology.models import (
        Event,
        GlossaryTerm,
        OrganisationPage,
        PersonAlias,
        PersonPage,
        Place,
        Source,
    )

    for model in (Event, PersonPage, PersonAlias, OrganisationPage, Place, GlossaryTerm, Source):
        post_save.connect(
            chronology_changed, sender=model, dispatch_uid=f"factcheck-save-{model.__name__}"
        )
        post_delete.connect(
            chronology_changed, sender=model, dispatch_uid=f"factcheck-delete-{model.__name__}"
        )
    # An event's people, organisations and sources are committed after its post_save.
    for relation in (Event.people, Event.organisations, Event.sources):
        m2m_changed.connect(
            chronology_changed,
            sender=relation.through,
            dispatch_uid=f"factcheck-m2m-{relation.field.name}",
        )

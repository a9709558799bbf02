"""The real course, loaded once for a whole test module and rolled back after it."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from conftest import COURSE_PACK


def without_auto_update():
    """The search backends, with their updates on every save turned off."""
    return {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }


@pytest.fixture(scope="module")
def course(django_db_setup, django_db_blocker):
    """The real course pack, loaded (and indexed) once per module, inside a transaction that
    is rolled back when the module is done, so that other tests never see it."""
    from courses.loader import load_pack
    from courses.pack import read_pack

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            # The admin's reference index is not what these tests are about; it costs most of a load.
            with (
                override_settings(WAGTAILSEARCH_BACKENDS=without_auto_update()),
                disable_reference_index_auto_update(),
            ):
                load_pack(read_pack(COURSE_PACK))
            call_command("update_index", verbosity=0)  # in bulk: one object at a time is slow
            yield COURSE_PACK
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(course, db, client):
    """A client for the site with the course loaded."""
    return client

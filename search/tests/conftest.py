"""The real course, loaded once for all the search tests and rolled back after them."""

import pytest
from django.db import transaction

from conftest import load_course_in_bulk


@pytest.fixture(scope="package")
def course(django_db_setup, django_db_blocker):
    """The real course pack, loaded (and indexed) once for this package, inside a transaction
    that is rolled back when its last test is done, so that other tests never see it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield load_course_in_bulk()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(course, db, client):
    """A client for the site with the course loaded."""
    return client

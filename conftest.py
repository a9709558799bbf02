"""Fixtures shared by every app's tests: content packs and a loaded course."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
MINI_PACK = ROOT / "courses" / "tests" / "packs" / "mini"
COURSE_PACK = ROOT / "content" / "russian-soviet-history"


@pytest.fixture(autouse=True)
def isolated_site(request, tmp_path):
    """Tests that touch the database get their own media folder and an empty cache.
    Pure tests (run even without Django) are left alone."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if not uses_db:
        yield
        return
    from django.core.cache import cache

    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mini_pack(tmp_path):
    """A writable copy of the small test pack."""
    target = tmp_path / "mini"
    shutil.copytree(MINI_PACK, target)
    return target


@pytest.fixture
def loaded_mini(db, mini_pack):
    from courses.loader import load_pack
    from courses.pack import read_pack

    load_pack(read_pack(mini_pack))
    return mini_pack


def load_course_in_bulk():
    """The real course pack, loaded with the search index built in bulk at the end and without
    the admin's reference index, which no test of the loaded course is about."""
    from django.core.management import call_command

    from courses.loader import indexing_deferred, load_pack
    from courses.pack import read_pack

    with indexing_deferred():
        load_pack(read_pack(COURSE_PACK))
    call_command("update_index", verbosity=0)
    return COURSE_PACK


@pytest.fixture
def loaded_course(db):
    """The real course pack, loaded."""
    return load_course_in_bulk()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on localhost; Django's email goes to it."""
    from newsletter.smtp_testing import SMTPServer

    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()

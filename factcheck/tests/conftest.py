"""Fixtures of the fact checker's tests. The checker's own tests are pure Python and run with
`-p no:django` too; the tests of its Django wiring are left out then."""

import importlib.util
from pathlib import Path

import pytest

from factcheck.judge import FactChecker
from factcheck.tests.chronology_fixture import build_chronology

TOOL = Path(__file__).resolve().parents[1] / "tools" / "check_pack_draft.py"


def pack_tool():
    """The pack tool, loaded from its file (factcheck/tools is not a package): it builds the
    checker's chronology from the course pack's YAML, as the database reader does."""
    spec = importlib.util.spec_from_file_location("check_pack_draft", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Test modules of the Django wiring (database, management command, admin).
DJANGO_TESTS = frozenset(
    {"test_admin.py", "test_articles.py", "test_chronology_db.py", "test_command.py"}
)


def pytest_ignore_collect(collection_path, config):
    """Without pytest-django (`-p no:django`), skip the modules that need Django."""
    if collection_path.name in DJANGO_TESTS and not config.pluginmanager.has_plugin("django"):
        return True
    return None


@pytest.fixture(autouse=True)
def media_in_tmp():
    """Overrides the project-wide fixture: the fact checker writes no media."""


@pytest.fixture(autouse=True)
def fresh_cache():
    """Overrides the project-wide fixture: the fact checker uses no cache."""


@pytest.fixture(scope="session")
def chronology():
    """The fixture chronology of Trotsky, Lenin and 1905-1924."""
    return build_chronology()


@pytest.fixture(scope="session")
def checker(chronology):
    """A checker prepared once for the fixture chronology."""
    return FactChecker(chronology)


@pytest.fixture(scope="session")
def pack_checker():
    """A checker prepared once for the chronology of the Russian and Soviet history pack."""
    tool = pack_tool()
    if not tool.PACK.is_dir():
        pytest.skip("the course pack is not present")
    return FactChecker(tool.build_pack_chronology())

"""Fixtures of the fact checker's tests, which are pure Python (they run with `-p no:django`)."""

import pytest

from factcheck.judge import FactChecker
from factcheck.tests.chronology_fixture import build_chronology


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

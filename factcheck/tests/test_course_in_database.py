"""The real course, loaded into the database: the fact checker finds nothing in its own articles."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_course_articles_give_no_findings(loaded_course, capsys):
    call_command("factcheck", "--all")  # exits with status 1 (SystemExit) if anything is flagged
    assert "No findings in 21 articles" in capsys.readouterr().out

"""`manage.py factcheck` on files and on every live article."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from courses.models import ArticlePage

pytestmark = pytest.mark.django_db

FIELDS = {"line", "sentence", "claim", "expected", "event", "source", "kind", "confidence"}

WRONG = """---
title: A draft
---
## Trotsky

Trotsky grew up on a farm.
He was born in Yanovka in 1877.

In September 1917 Trotsky was elected chairman of the Petrograd Soviet.
"""

RIGHT = """Trotsky was born in Yanovka on 26 October (7 November) 1879.

Trotsky was elected chairman of the Petrograd Soviet on 25 September (8 October) 1917.
"""


def factcheck(*args):
    """Run the command; its exit status, stdout and stderr."""
    out, err = StringIO(), StringIO()
    try:
        call_command("factcheck", *args, stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def wrong_file(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(WRONG, encoding="utf-8")
    return path


@pytest.fixture
def right_file(tmp_path):
    path = tmp_path / "right.txt"
    path.write_text(RIGHT, encoding="utf-8")
    return path


def publish_body(slug, html):
    """Publish a new revision of an article whose body is one text block."""
    page = ArticlePage.objects.get(slug=slug)
    page.body = json.dumps([{"type": "text", "value": html}])
    page.save_revision().publish()


def test_a_file_with_a_wrong_date_exits_1_and_names_the_line(loaded_mini, wrong_file):
    status, out, _ = factcheck(str(wrong_file))
    assert status == 1
    assert f"{wrong_file}:7: contradiction, confidence" in out
    assert "  sentence:   He was born in Yanovka in 1877." in out
    assert "  claim:      1877" in out
    assert "  chronology: 26 October (7 November) 1879" in out
    assert "  event:      Leon Trotsky is born (Isaac Deutscher, The Prophet Armed" in out
    assert out.rstrip().endswith("1 finding in 1 file")


def test_a_right_file_exits_0(loaded_mini, right_file):
    status, out, _ = factcheck(str(right_file))
    assert status == 0
    assert out.strip() == "No findings in 1 file"


def test_several_files_are_summed_up(loaded_mini, wrong_file, right_file):
    status, out, _ = factcheck(str(wrong_file), str(right_file))
    assert status == 1
    assert out.rstrip().endswith("1 finding in 1 file")


def test_json_holds_exactly_the_fields_of_each_finding(loaded_mini, wrong_file):
    status, out, _ = factcheck(str(wrong_file), "--format", "json")
    assert status == 1
    report = json.loads(out)
    assert list(report) == ["findings"]
    (finding,) = report["findings"]
    assert set(finding) == FIELDS
    assert finding["line"] == 7
    assert finding["claim"] == "1877"
    assert finding["event"] == "trotsky-born"
    assert finding["kind"] == "contradiction"
    assert 0.6 <= finding["confidence"] <= 1


def test_json_of_a_right_file_is_an_empty_list(loaded_mini, right_file):
    assert factcheck(str(right_file), "--format", "json")[:2] == (
        0,
        json.dumps({"findings": []}, indent=2) + "\n",
    )


def test_all_checks_every_live_article(loaded_mini):
    status, out, err = factcheck("--all")
    assert status == 0
    assert out.strip() == "No findings in 2 articles"
    assert "[1/2] first-topic" in err and "[2/2] second-topic" in err


def test_all_flags_a_published_article_and_names_it(loaded_mini):
    publish_body(
        "second-topic", "<p>[[leon-trotsky|Trotsky]] died in Coyoacán on 21 August 1941.</p>"
    )
    status, out, _ = factcheck("--all", "--format", "json")
    assert status == 1
    (finding,) = json.loads(out)["findings"]
    assert set(finding) == FIELDS | {"file"}
    assert finding["file"] == "second-topic"
    assert finding["claim"] == "21 August 1941"
    assert finding["expected"] == "21 August 1940"


def test_all_reads_published_articles_not_drafts(loaded_mini):
    page = ArticlePage.objects.get(slug="second-topic")
    page.body = json.dumps([{"type": "text", "value": "<p>Trotsky died in Coyoacán in 1941.</p>"}])
    page.save_revision()
    assert factcheck("--all")[0] == 0


def test_the_command_needs_files_or_all(loaded_mini, wrong_file):
    with pytest.raises(CommandError, match="Name the files"):
        call_command("factcheck")
    with pytest.raises(CommandError, match="not both"):
        call_command("factcheck", str(wrong_file), "--all")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("factcheck", "no-such-file.md")

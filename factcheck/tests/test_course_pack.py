"""The checker on the real course: the Russian and Soviet history pack and its 21 articles.

The chronology is built from the pack's YAML (people, organisations, places, events, sources)
by `factcheck/tools/check_pack_draft.py`. The course's own articles are right, so they must
give no findings; and their full dates, each moved a year on, should mostly be caught.
"""

import pytest

from factcheck.claims import find_dates, split_sentences
from factcheck.tests.conftest import pack_tool
from factcheck.tests.test_accuracy import shift_years

#: The share of the course's full dates, each moved by a year, that must be flagged.
RECALL_FLOOR = 0.7

pack = pack_tool()
pytestmark = pytest.mark.skipif(not pack.PACK.is_dir(), reason="the course pack is not present")


def full_date_sentences() -> list[str]:
    """Every sentence of the course's articles that holds a date to the day."""
    return [
        sentence.text
        for path in pack.topics()
        for sentence in split_sentences(path.read_text(encoding="utf-8"))
        if any(d.precision == "day" for d in find_dates(sentence.text))
    ]


def test_the_pack_has_its_articles():
    assert len(pack.topics()) >= 21


@pytest.mark.parametrize("path", pack.topics() if pack.PACK.is_dir() else [], ids=lambda p: p.stem)
def test_the_course_articles_give_no_findings(pack_checker, path):
    """Every date of the course is right: any finding is a false alarm."""
    findings = pack_checker.check(path.read_text(encoding="utf-8"))
    assert not findings, "\n".join(
        f"{f.line}: {f.claim} -> {f.expected} ({f.event})" for f in findings
    )


def test_full_dates_moved_by_a_year_are_mostly_found(pack_checker):
    """Move each full date of the course's sentences a year on, one date at a time; most must
    be flagged. The rate and the missed sentences are printed."""
    found, missed = 0, []
    for text in full_date_sentences():
        for date in find_dates(text):
            if date.precision != "day":
                continue
            moved = shift_years(date.text, 1)
            shifted = text[: date.start] + moved + text[date.end :]
            if any(f.claim == moved for f in pack_checker.check(shifted)):
                found += 1
            else:
                missed.append(shifted)
    total = found + len(missed)
    print(f"\ncourse full dates moved by a year: {found}/{total} found ({found / total:.2f})")
    for text in missed:
        print(f"  missed: {text}")
    assert found / total >= RECALL_FLOOR

"""The home and course pages invite reading: parts with figures, on this day, the newest issue,
and a card per topic with its enquiry, reading time and the reader's progress."""

import datetime

import pytest
from django.utils import timezone

from chronology.onthisday import on_this_day
from courses.showcase import reading_minutes


def test_reading_time_counts_the_words_of_every_block():
    body = [{"type": "text", "value": "<p>" + "word " * 401 + "</p>"}]
    assert reading_minutes(body) == 3
    assert reading_minutes([]) == 1


@pytest.mark.django_db
def test_the_home_page_shows_each_part_with_a_figure_from_its_topics(client, loaded_mini):
    html = client.get("/").content.decode()
    assert "<span>Part 1</span> Revolution</h3>" in html
    assert "<span>Part 2</span> Later</h3>" in html
    first_part = html[html.index("<span>Part 1</span>") - 400 : html.index("<span>Part 1</span>")]
    assert '<img src="/media/original_images/test-chart' in first_part
    assert '<a href="/mini-course/first-topic/">The First Topic</a>' in html
    assert "The Third Topic <small>(in preparation)</small>" in html


@pytest.mark.django_db
def test_on_this_day_finds_events_of_the_day_in_any_year(loaded_mini):
    found = on_this_day(datetime.date(2026, 11, 7))  # Trotsky was born on 7 November 1879 NS
    assert found.heading == "On this day"
    assert [e.slug for e in found.events] == ["trotsky-born"]
    assert found.events[0].when_date.display() == "26 October (7 November) 1879"
    coming = on_this_day(datetime.date(2026, 11, 1))
    assert coming.heading == "Coming up this month"
    assert [e.slug for e in coming.events] == ["trotsky-born"]
    assert on_this_day(datetime.date(2026, 11, 30)).events == ()


@pytest.mark.django_db
def test_the_home_page_names_the_newest_sent_issue(client, loaded_mini):
    from newsletter.models import Issue

    assert "The first issue is being written." in client.get("/").content.decode()
    Issue.objects.create(subject="Draft, not sent", body=[])
    Issue.objects.create(
        subject="October in 1917", body=[], status=Issue.SENT, sent_at=timezone.now()
    )
    html = client.get("/").content.decode()
    assert "<strong>October in 1917</strong>" in html and "Draft, not sent" not in html


@pytest.mark.django_db
def test_a_topic_card_shows_its_enquiry_reading_time_and_progress(client, loaded_mini):
    html = client.get("/mini-course/").content.decode()
    assert "<p>Why do tests need a small pack?</p>" in html
    assert "1 min read</p>" in html
    assert "✓ read" not in html
    client.get("/mini-course/first-topic/")
    client.get("/progress/read/first-topic/")  # the reading mark the article's page loads
    html = client.get("/mini-course/").content.decode()
    assert '1 min read · <span class="read-tick">✓ read</span>' in html

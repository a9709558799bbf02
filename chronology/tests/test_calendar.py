"""The timeline's anniversaries as iCalendar: only events known to the day, on their Gregorian day."""

import datetime

import pytest
from icalendar import Calendar


def calendar_events(client, query=""):
    response = client.get("/timeline.ics" + query)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert "CC BY 4.0" in str(calendar["X-WR-CALDESC"])
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_each_event_known_to_the_day_recurs_yearly_on_its_gregorian_day(client, loaded_mini):
    from chronology.models import Event

    Event.objects.create(slug="some-month", title="Known to the month", when="1917-11")
    Event.objects.create(slug="about-a-day", title="About a day", when="1917-11-07~")
    events = calendar_events(client)
    assert set(events) == {"trotsky-born@clio", "trotsky-chairs-soviet@clio", "trotsky-dies@clio"}
    soviet = events["trotsky-chairs-soviet@clio"]
    assert soviet["DTSTART"].dt == datetime.date(1917, 10, 8)  # 25 September Old Style
    assert soviet["RRULE"]["FREQ"] == ["YEARLY"]
    assert "25 September (8 October) 1917" in str(soviet["DESCRIPTION"])
    assert str(soviet["SUMMARY"]).endswith("(1917)")
    assert str(soviet["URL"]).endswith("/timeline/#trotsky-chairs-soviet")


@pytest.mark.django_db
def test_the_calendar_takes_the_timeline_filters_and_is_linked_beside_the_json(client, loaded_mini):
    assert set(calendar_events(client, "?period=1940")) == {"trotsky-dies@clio"}
    html = client.get("/timeline/?person=leon-trotsky").content.decode()
    assert 'href="/timeline.ics?person=leon-trotsky">Anniversaries (iCalendar)</a>' in html
    response = client.get("/timeline.json", HTTP_ORIGIN="https://school.example")
    assert response["Access-Control-Allow-Origin"] == "*"

"""Person, organisation, timeline and glossary pages, and the timeline exports."""

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from chronology.models import Event

pytestmark = pytest.mark.django_db
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "schemas" / "timeline.schema.json").read_text()
)


def test_the_person_page_shows_the_birth_name_and_both_calendars(client, loaded_mini):
    html = client.get("/people/leon-trotsky/").content.decode()
    assert "<dt>Birth name</dt><dd>Lev Davidovich Bronstein</dd>" in html
    assert "26 October (7 November) 1879, Yanovka" in html
    assert "21 August 1940, Coyoacán" in html
    assert '"birthDate":"1879-11-07"' in html  # JSON-LD in the Gregorian calendar
    assert '<a href="/mini-course/first-topic/">The First Topic</a>' in html


def test_the_person_page_lists_roles_and_a_life_timeline_in_order(client, loaded_mini):
    html = client.get("/people/leon-trotsky/").content.decode()
    assert "<td>Chairman</td>" in html and "25 September (8 October) 1917" in html
    assert (
        html.index("Leon Trotsky is born")
        < html.index("Trotsky elected chairman")
        < html.index("Trotsky dies")
    )


def test_the_organisation_page_names_its_office_holders(client, loaded_mini):
    html = client.get("/organisations/petrograd-soviet/").content.decode()
    assert "27 February (12 March) 1917" in html
    assert '<a href="/people/leon-trotsky/">Leon Trotsky</a>: Chairman' in html


def timeline_titles(client, query=""):
    data = client.get("/timeline.json" + query).json()
    return [event["title"] for event in data["events"]]


def test_the_timeline_lists_every_event_in_order(client, loaded_mini):
    assert timeline_titles(client) == [
        "Leon Trotsky is born",
        "Trotsky elected chairman of the Petrograd Soviet",
        "Trotsky dies in Coyoacán",
    ]


def test_the_timeline_filters_by_period(client, loaded_mini):
    assert timeline_titles(client, "?period=1900-1930") == [
        "Trotsky elected chairman of the Petrograd Soviet"
    ]
    assert timeline_titles(client, "?period=1940") == ["Trotsky dies in Coyoacán"]
    assert timeline_titles(client, "?period=-1900") == ["Leon Trotsky is born"]


def test_the_timeline_filters_by_person(client, loaded_mini):
    assert len(timeline_titles(client, "?person=leon-trotsky")) == 3
    assert timeline_titles(client, "?person=nobody") == []


def test_the_timeline_filters_by_organisation(client, loaded_mini):
    assert timeline_titles(client, "?organisation=petrograd-soviet") == [
        "Trotsky elected chairman of the Petrograd Soviet"
    ]


def test_the_timeline_filters_by_topic(client, loaded_mini):
    assert timeline_titles(client, "?topic=second-topic") == ["Trotsky dies in Coyoacán"]


def test_the_timeline_filters_by_place(client, loaded_mini):
    assert timeline_titles(client, "?place=yanovka") == ["Leon Trotsky is born"]


def test_the_timeline_page_is_a_list_with_both_styles(client, loaded_mini):
    html = client.get("/timeline/?person=leon-trotsky").content.decode()
    assert '<div id="timeline-list">' in html and '<ol class="timeline">' in html
    assert "26 October (7 November) 1879" in html
    assert "3 events (3 in the course)" in html


def test_the_json_export_follows_the_schema_and_keeps_old_style(client, loaded_mini):
    data = client.get("/timeline.json").json()
    jsonschema.validate(data, SCHEMA)
    born = data["events"][0]
    assert (born["when"], born["old_style"], born["earliest"], born["latest"]) == (
        "1879-11-07",
        "1879-10-26",
        "1879-11-07",
        "1879-11-07",
    )
    assert born["display"] == "26 October (7 November) 1879"
    assert data["events"][-1]["old_style"] is None


def test_export_timeline_command_writes_json_csv_and_timelinejs(loaded_mini, tmp_path, capsys):
    call_command("export_timeline", "--format", "json", "--output", str(tmp_path / "t.json"))
    jsonschema.validate(json.loads((tmp_path / "t.json").read_text()), SCHEMA)
    call_command("export_timeline", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["slug"] for r in rows] == ["trotsky-born", "trotsky-chairs-soviet", "trotsky-dies"]
    call_command("export_timeline", "--format", "timelinejs")
    slides = json.loads(capsys.readouterr().out)["events"]
    assert slides[0]["start_date"] == {
        "year": "1879",
        "month": "11",
        "day": "7",
        "display_date": "26 October (7 November) 1879",
    }


def test_import_events_round_trips_the_csv_and_refuses_bad_rows(loaded_mini, tmp_path, capsys):
    call_command("export_timeline", "--format", "csv", "--output", str(tmp_path / "events.csv"))
    before = list(Event.objects.values_list("slug", "when", "when_old_style"))
    call_command("import_events", str(tmp_path / "events.csv"))
    assert list(Event.objects.values_list("slug", "when", "when_old_style")) == before
    broken = (
        (tmp_path / "events.csv")
        .read_text()
        .replace("1940-08-21", "1940-13-40")
        .replace("deutscher-1954", "nobody-1999", 1)
    )
    (tmp_path / "broken.csv").write_text(broken)
    with pytest.raises(Exception, match="nothing was imported"):
        call_command("import_events", str(tmp_path / "broken.csv"))
    err = capsys.readouterr().err
    assert (
        "broken.csv:4: when:" in err
        and "broken.csv:2: sources: unknown source 'nobody-1999'" in err
    )
    assert list(Event.objects.values_list("slug", "when", "when_old_style")) == before


def test_the_glossary_lists_every_term(client, loaded_mini):
    html = client.get("/glossary/").content.decode()
    assert '<dt id="soviet"><dfn>soviet</dfn>' in html


def test_the_glossary_sorts_terms_whatever_their_case_under_an_a_to_z_index(client, loaded_mini):
    from chronology.models import GlossaryTerm

    for slug, term in [
        ("cheka", "Cheka"),
        ("cadet", "cadet"),
        ("zemstvo", "zemstvo"),
        ("nep", "NEP"),
    ]:
        GlossaryTerm.objects.create(slug=slug, term=term, definition=f"What {term} means.")
    html = client.get("/glossary/").content.decode()
    shown = re.findall(r"<dfn>([^<]+)</dfn>", html)
    assert shown == sorted(shown, key=str.casefold)
    assert shown.index("cadet") < shown.index("Cheka") < shown.index("NEP") < shown.index("soviet")
    index = re.search(r'<nav aria-label="Glossary letters".*?</nav>', html, re.S).group(0)
    assert re.findall(r">([A-Z])<", index) == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert '<a href="#letter-c">C</a>' in index and "<span>B</span>" in index
    assert '<h2 id="letter-c">C</h2>' in html


def add_events(count):
    """`count` more events over 1850-1991, each with a person, as a much longer course has."""
    from chronology.models import PersonPage

    person = PersonPage.objects.get(slug="leon-trotsky")
    events = Event.objects.bulk_create(
        Event(
            slug=f"extra-{n}",
            title=f"An extra event number {n}",
            when=f"{1850 + n % 142}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            earliest=f"{1850 + n % 142}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            latest=f"{1850 + n % 142}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            summary="A summary of about the length the course's own events have, in one sentence.",
        )
        for n in range(count)
    )
    Event.people.through.objects.bulk_create(
        Event.people.through(event=event, personpage=person) for event in events
    )


def test_a_timeline_page_stays_under_100_kb_with_ten_times_the_events(client, loaded_mini):
    add_events(5960)  # ten times the course's 596 events
    total = Event.objects.count()
    for query in ("", "?page=2", "?page=last", "?person=leon-trotsky&page=30", "?period=1917"):
        response = client.get("/timeline/" + query)
        html = response.content.decode()
        assert len(response.content) < 100 * 1024, (query, len(response.content))
        assert 0 < html.count('<li id="') <= 100, query
    first = client.get("/timeline/").content.decode()
    assert f"Events 1–100 of {total}" in first
    assert f"Page 1 of {-(-total // 100)}" in first
    assert '<a href="?period=1910-1919">1910s</a>' in first


def test_an_event_link_opens_the_timeline_page_that_holds_it(client, loaded_mini):
    add_events(500)
    html = client.get("/timeline/?event=extra-141").content.decode()
    assert 'id="extra-141"' in html  # 1991: the last page, not the first
    assert "Page 1 of" not in html
    assert 'id="extra-141"' not in client.get("/timeline/").content.decode()


def test_the_timeline_groups_events_under_their_decades(client, loaded_mini):
    html = client.get("/timeline/").content.decode()
    assert html.index('id="decade-1870"') < html.index('id="trotsky-born"')
    assert html.index('id="decade-1910"') < html.index('id="trotsky-chairs-soviet"')
    assert html.index('id="decade-1940"') < html.index('id="trotsky-dies"')

"""The chronology read from the database: what it holds, how it is cached, what it costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chronology.dates import HistoricalDate
from chronology.models import Event, GlossaryTerm, OrganisationPage, PersonPage, Place, Source
from factcheck.chronology_db import (
    build_course_chronology,
    course_checker,
    course_chronology,
)
from factcheck.naming import event_kind, surnames

DEUTSCHER = "Isaac Deutscher, The Prophet Armed: Trotsky, 1879-1921 (1954)"


def entity(chronology, slug):
    return next(e for e in chronology.entities if e.slug == slug)


def known_event(chronology, slug):
    return next(e for e in chronology.events if e.slug == slug)


def test_event_kinds_are_mapped_onto_the_extractors_words():
    assert event_kind("Arrest") == "arrest"
    assert event_kind("assassination attempt") == "attempted assassination"
    assert event_kind("reform") == "policy"
    assert event_kind("assassinated") == "assassination"
    assert event_kind("census") == "census"  # no word for it: linked by title and entities


def test_surnames_skip_regnal_numbers_patronymics_and_shared_names():
    people = {
        "pyotr-stolypin": ["Pyotr Stolypin"],
        "nicholas-ii": ["Nicholas II"],
        "alexandra": ["Alexandra Feodorovna"],
        "alexander-ulyanov": ["Alexander Ulyanov"],
        "vladimir-lenin": ["Vladimir Lenin", "Vladimir Ilyich Ulyanov", "Lenin"],
        "maxim-gorky": ["Maxim Gorky"],
    }
    assert surnames(people, taken={"gorky"}) == {"pyotr-stolypin": "Stolypin"}


@pytest.mark.django_db
def test_entities_hold_names_aliases_short_names_and_surnames(loaded_mini):
    chronology = course_chronology()
    trotsky = entity(chronology, "leon-trotsky")
    assert trotsky.kind == "person"
    assert trotsky.names == ("Leon Trotsky", "Lev Davidovich Bronstein", "Trotsky")
    assert entity(chronology, "petrograd-soviet").names == (
        "Petrograd Soviet of Workers' and Soldiers' Deputies",
        "Petrograd Soviet",
    )
    assert entity(chronology, "coyoacan").names == ("Coyoacán", "Coyoacan")
    assert entity(chronology, "soviet").kind == "term"
    assert entity(chronology, "soviet").names == ("soviet", "soviets")


@pytest.mark.django_db
def test_events_carry_kind_date_entities_and_first_source(loaded_mini):
    chronology = course_chronology()
    chairman = known_event(chronology, "trotsky-chairs-soviet")
    assert chairman.kind == "election"
    assert chairman.when == HistoricalDate.from_julian("1917-09-25")
    assert chairman.people == ("leon-trotsky",)
    assert chairman.organisations == ("petrograd-soviet",)
    assert chairman.source == DEUTSCHER
    assert known_event(chronology, "trotsky-dies").places == ("coyoacan",)


@pytest.mark.django_db
def test_lifespans_come_from_the_people_born_and_died_columns(loaded_mini):
    born, died = course_chronology().lifespans["leon-trotsky"]
    assert born == HistoricalDate.from_julian("1879-10-26")
    assert died == HistoricalDate.parse("1940-08-21")


@pytest.mark.django_db
def test_the_chronology_is_served_from_the_cache(loaded_mini, django_assert_num_queries):
    course_chronology()
    with django_assert_num_queries(0):
        course_chronology()
        course_checker()


@pytest.mark.django_db
def test_saving_an_event_invalidates_the_cached_chronology(loaded_mini):
    checker = course_checker()
    event = Event.objects.get(slug="trotsky-dies")
    event.when = "1940-08-22"
    event.save()
    assert known_event(course_chronology(), "trotsky-dies").when == HistoricalDate.parse(
        "1940-08-22"
    )
    assert course_checker() is not checker


@pytest.mark.django_db
def test_changing_an_events_people_or_deleting_it_invalidates_the_chronology(loaded_mini):
    course_chronology()
    event = Event.objects.get(slug="trotsky-chairs-soviet")
    event.people.set([])
    event.save()
    assert known_event(course_chronology(), "trotsky-chairs-soviet").people == ()
    event.delete()
    assert "trotsky-chairs-soviet" not in {e.slug for e in course_chronology().events}


@pytest.mark.django_db
def test_saving_a_place_invalidates_the_chronology(loaded_mini):
    course_chronology()
    place = Place.objects.get(slug="yanovka")
    place.aliases = "Bereslavka"
    place.save()
    assert entity(course_chronology(), "yanovka").names == ("Yanovka", "Bereslavka")


@pytest.mark.django_db
def test_reading_the_chronology_takes_the_same_queries_however_many_events(loaded_mini):
    with CaptureQueriesContext(connection) as few:
        build_course_chronology()
    person = PersonPage.objects.get(slug="leon-trotsky")
    organisation = OrganisationPage.objects.get(slug="petrograd-soviet")
    place = Place.objects.get(slug="yanovka")
    sources = list(Source.objects.all())
    GlossaryTerm.objects.create(slug="duma", term="Duma", definition="A parliament.")
    for number in range(20):
        event = Event(
            slug=f"extra-{number}",
            title=f"Extra event {number}",
            when=f"{1900 + number}",
            kind="speech",
            place=place,
        )
        event.save()
        event.people.set([person])
        event.organisations.set([organisation])
        event.sources.set(sources)
        event.save()
    with CaptureQueriesContext(connection) as many:
        chronology = build_course_chronology()
    assert len(chronology.events) == 23
    assert len(many) == len(few) == 9

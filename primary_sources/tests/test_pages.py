"""The source pages, the /sources/ index and an article's sources, as a reader sees them."""

import pytest

from courses.loader import load_pack
from courses.pack import read_pack
from courses.tests.test_pages import queries_for


@pytest.mark.django_db
def test_a_source_page_shows_the_document_and_how_to_read_it(client, loaded_sources):
    html = client.get("/sources/soviet-appeal-1917/").content.decode()
    assert "<h1>An appeal of the Petrograd Soviet</h1>" in html
    assert "The Petrograd Soviet, 25 October (7 November) 1917" in html
    assert "Newspaper · a voice from below: workers" in html
    assert "The Provisional Government has been deposed." in html
    for label in ("Origin", "Provenance", "Purpose", "What it does not tell us", "Edition"):
        assert f"<dt>{label}</dt>" in html
    assert "<li>Who is the appeal addressed to?</li><li>What does it leave out?</li>" in html
    assert '<a href="/mini-course/first-topic/">The First Topic</a>' in html
    assert '<a href="/mini-course/second-topic/">The Second Topic</a>' in html
    assert '<a href="/people/leon-trotsky/">Leon Trotsky</a>' in html
    assert "Isaac Deutscher, <cite>The Prophet Armed" in html


@pytest.mark.django_db
def test_an_article_lists_its_sources_and_links_the_shared_ones(client, loaded_sources):
    first = client.get("/mini-course/first-topic/").content.decode()
    assert '<h2 id="sources-title">Sources for this topic</h2>' in first
    assert first.index("/sources/soviet-appeal-1917/") < first.index("/sources/trotsky-diary-1935/")
    assert "other topics" not in first
    second = client.get("/mini-course/second-topic/").content.decode()
    assert "/sources/soviet-appeal-1917/" not in second  # another topic's, shared with this one
    assert (
        '<a href="/sources/?topic=second-topic">All 1 source for this topic</a>, '
        "with 1 from other topics' collections" in second
    )


@pytest.mark.django_db
def test_an_article_shows_its_debate_with_named_positions_and_cited_works(client, loaded_sources):
    html = client.get("/mini-course/first-topic/").content.decode()
    assert '<h2 id="debate">Debate: Why did Trotsky lose?</h2>' in html
    assert "<h3>Bureaucracy won</h3>" in html
    assert "Isaac Deutscher: <cite>The Prophet Unarmed (1959)</cite>" in html
    assert "<h3>The archives since 1991</h3>" in html
    assert "[^" not in html
    # The position's cited work becomes a numbered note like any citation.
    assert html.count("The Prophet Armed: Trotsky, 1879-1921</cite> (1954)") >= 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("", ["soviet-appeal-1917", "trotsky-diary-1935"], []),
        ("?kind=diary", ["trotsky-diary-1935"], ["soviet-appeal-1917"]),
        ("?topic=second-topic", ["soviet-appeal-1917"], ["trotsky-diary-1935"]),
        ("?period=1917", ["soviet-appeal-1917"], ["trotsky-diary-1935"]),
        ("?person=leon-trotsky", ["soviet-appeal-1917"], ["trotsky-diary-1935"]),
        ("?kind=letter", [], ["soviet-appeal-1917", "trotsky-diary-1935"]),
    ],
)
def test_the_index_filters_by_topic_kind_period_and_person(
    client, loaded_sources, query, shown, hidden
):
    html = client.get("/sources/" + query).content.decode()
    for slug in shown:
        assert f'href="/sources/{slug}/"' in html, (query, slug)
    for slug in hidden:
        assert f'href="/sources/{slug}/"' not in html, (query, slug)
    if not shown:
        assert "No source matches these filters." in html


@pytest.mark.django_db
def test_the_index_offers_the_course_parts_as_periods(client, loaded_sources):
    html = client.get("/sources/").content.decode()
    assert '<option value="first-topic">The First Topic</option>' in html
    assert '<option value="diary">Diary</option>' in html
    assert '<option value="leon-trotsky">Leon Trotsky</option>' in html


def with_more_sources(pack, count):
    """`pack` with `count` more diary entries in the first topic's collection."""
    path = pack / "primary-sources" / "first-topic.yaml"
    text = path.read_text()
    diary = text[text.index("- slug: trotsky-diary-1935") :]
    path.write_text(
        text
        + "".join(
            diary.replace("trotsky-diary-1935", f"trotsky-diary-{n}").replace(
                "  date: 1935-02\n",
                "  date: 1935-02\n  people: [leon-trotsky]\n  topics: [second-topic]\n",
            )
            for n in range(count)
        )
    )
    return pack


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/sources/",
        "/sources/?person=leon-trotsky&topic=second-topic",
        "/sources/trotsky-diary-1935/",
    ],
)
def test_at_most_10_queries_whatever_the_number_of_sources(client, source_pack, url):
    counts = []
    for more in (0, 30):
        load_pack(read_pack(with_more_sources(source_pack, more)))
        counts.append(queries_for(client, url))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 10, counts


@pytest.mark.django_db
def test_an_articles_sources_and_debate_cost_the_same_queries_whatever_their_number(
    client, source_pack, tmp_path
):
    """The article's own budget is kept by the page tests; its sources list, cached, adds none."""
    from conftest import MINI_PACK

    url = "/mini-course/first-topic/"
    load_pack(read_pack(MINI_PACK))  # no sources, no debate
    counts = [queries_for(client, url)]
    for more in (0, 30):
        load_pack(read_pack(with_more_sources(source_pack, more)))
        counts.append(queries_for(client, url))
    assert counts[1:] == [counts[0]] * 2, counts

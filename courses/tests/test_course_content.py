"""The course pack itself: every written topic is substantial, linked, sourced and illustrated,
no two topics share a paragraph, and the chronology behind them is large enough to teach from."""

import re
from collections import defaultdict

import pytest

from conftest import COURSE_PACK
from courses.pack import CITATION, ENTITY_LINK, read_pack

MIN_WORDS = 900


@pytest.fixture(scope="module")
def pack():
    return read_pack(COURSE_PACK)


def body_text(topic):
    return topic.text.split("\n---\n", 1)[1]


def prose(topic):
    """The article's own words: the body without directives' fields and markup."""
    text = re.sub(r"^:::.*$", "", body_text(topic), flags=re.M)
    text = ENTITY_LINK.sub(lambda m: m.group(0).split("|")[-1].strip("[]"), text)
    return CITATION.sub("", text)


def test_every_listed_topic_is_written(pack):
    listed = [topic["slug"] for part in pack.parts for topic in part["topics"]]
    assert len(listed) == 21
    assert set(pack.topics) <= set(listed)


def test_every_topic_meets_the_word_count(pack):
    short = {
        slug: len(prose(topic).split())
        for slug, topic in pack.topics.items()
        if len(prose(topic).split()) < MIN_WORDS
    }
    assert short == {}


def test_every_topic_links_entities_cites_sources_and_has_a_figure(pack):
    for slug, topic in pack.topics.items():
        text = body_text(topic)
        assert len(set(ENTITY_LINK.findall(text))) >= 3, slug
        assert len({s.strip() for s in CITATION.findall(text)}) >= 3, slug
        assert any(block_type == "figure" for block_type, _ in topic.blocks), slug
        assert any(block_type == "source" for block_type, _ in topic.blocks), slug
        assert topic.enquiry, slug


def test_no_two_topics_share_a_paragraph(pack):
    seen = defaultdict(list)
    for slug, topic in pack.topics.items():
        for paragraph in re.split(r"\n\s*\n", prose(topic)):
            words = " ".join(paragraph.split()).lower()
            if len(words.split()) >= 12:
                seen[words].append(slug)
    assert {p[:60]: slugs for p, slugs in seen.items() if len(slugs) > 1} == {}


def test_every_event_is_sourced_and_every_topic_has_key_dates(pack):
    events = pack.data["events"].values()
    assert all(record.fields["sources"] for record in events)
    covered = {topic for record in events for topic in record.fields.get("topics") or []}
    assert set(pack.topics) <= covered


def test_every_topic_has_an_authored_quiz(pack):
    for slug in pack.topics:
        assert slug in pack.quizzes and len(pack.quizzes[slug].rows) >= 5, slug

"""The course pack's source collection and debates (issue 14): every topic has six or more
primary sources and a Debate section with three or more named positions; a third of the sources
are voices from below."""

import re

import pytest

from conftest import COURSE_PACK
from courses.pack import read_pack

SOURCES_PER_TOPIC = 6
POSITIONS_PER_DEBATE = 3


@pytest.fixture(scope="module")
def pack():
    return read_pack(COURSE_PACK)


def sources_of(pack, slug):
    return [
        s
        for s in pack.primary_sources.values()
        if s.topic == slug or slug in (s.fields.get("topics") or [])
    ]


def test_every_topic_has_six_or_more_primary_sources(pack):
    short = {
        slug: len(sources_of(pack, slug))
        for slug in pack.topics
        if len(sources_of(pack, slug)) < SOURCES_PER_TOPIC
    }
    assert short == {}
    assert len(pack.primary_sources) >= SOURCES_PER_TOPIC * len(pack.topics)


def test_every_source_has_its_fields_and_a_linked_article(pack):
    for slug, source in pack.primary_sources.items():
        assert source.topic in pack.topics, slug
        for key in ("title", "author", "origin", "provenance", "purpose", "limits", "edition"):
            assert str(source.fields[key]).strip(), (slug, key)
        assert 2 <= len(source.fields["questions"]) <= 3, slug
        words = len(re.findall(r"\w+", source.fields["text"]))
        assert 60 <= words <= 300, (slug, words)


def test_a_third_of_the_sources_are_voices_from_below(pack):
    below = [s for s in pack.primary_sources.values() if s.fields.get("voice")]
    assert 3 * len(below) >= len(pack.primary_sources), (len(below), len(pack.primary_sources))


def test_every_topic_has_a_debate_with_three_named_positions(pack):
    for slug, topic in pack.topics.items():
        debates = [value for kind, value in topic.blocks if kind == "debate"]
        assert len(debates) == 1, slug
        positions = debates[0]["positions"]
        assert len(positions) >= POSITIONS_PER_DEBATE, slug
        for position in positions:
            assert position["historians"] and position["evidence"], (slug, position["name"])
            assert re.search(r"\b1[89]\d\d\b|\b20[0-2]\d\b", position["works"]), (
                slug,
                position["works"],
            )
        assert debates[0]["archives"], slug

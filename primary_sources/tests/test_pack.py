"""Primary-source files and Debate directives are checked field by field, naming file and line."""

import pytest

from courses.pack import PackInvalid, read_pack


def errors_of(path):
    with pytest.raises(PackInvalid) as caught:
        read_pack(path)
    return [str(error) for error in caught.value.errors]


def edit(path, old, new):
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_the_sources_and_the_debate_are_read(source_pack):
    pack = read_pack(source_pack)
    appeal = pack.primary_sources["soviet-appeal-1917"]
    assert (appeal.topic, appeal.position) == ("first-topic", 0)
    assert pack.primary_sources["trotsky-diary-1935"].position == 1
    debate = dict(pack.topics["first-topic"].blocks)["debate"]
    assert debate["title"] == "Why did Trotsky lose?"
    assert [p["historians"] for p in debate["positions"]] == [
        "Isaac Deutscher",
        "Robert Service",
        "Stephen Kotkin",
    ]
    assert debate["positions"][0]["sources"] == ["deutscher-1954"]
    assert debate["introduction"].startswith("<p>Historians have asked why <strong>Trotsky")


def test_a_missing_required_field_names_file_line_and_field(source_pack):
    edit(
        source_pack / "primary-sources" / "first-topic.yaml",
        "  limits: It shows only his side.\n",
        "",
    )
    assert (
        "mini/primary-sources/first-topic.yaml:30: limits: primary source is missing the required field 'limits'"
        in errors_of(source_pack)
    )


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "kind: diary",
            "kind: novel",
            "first-topic.yaml:32: kind: 'novel' is not a kind of source",
        ),
        ("voice: workers", "voice: kings", "first-topic.yaml:7: voice: 'kings' is not a voice"),
        ("date: 1935-02", "date: Febuary 1935", "first-topic.yaml:34: date:"),
        (
            "people: [leon-trotsky]",
            "people: [leon-trotskii]",
            "first-topic.yaml:5: people: unknown person 'leon-trotskii'",
        ),
        (
            "based_on: [deutscher-1954]",
            "based_on: [nobody-2000]",
            "first-topic.yaml:21: based_on: unknown source in sources.yaml 'nobody-2000'",
        ),
        (
            "topics: [second-topic]",
            "topics: [fourth-topic]",
            "first-topic.yaml:22: topics: unknown topic 'fourth-topic'",
        ),
        (
            "    - Is it reliable?\n",
            "    - Is it reliable?\n    - A fourth question?\n",
            "first-topic.yaml:41: questions: give 2 or 3 questions, not 4",
        ),
        (
            "    - What does it leave out?\n",
            "",
            "first-topic.yaml:23: questions: give 2 or 3 questions, not 1",
        ),
        (
            "slug: trotsky-diary-1935",
            "slug: soviet-appeal-1917",
            "first-topic.yaml:30: slug: duplicate slug 'soviet-appeal-1917'",
        ),
        (
            "slug: trotsky-diary-1935",
            "slug: Trotsky_Diary",
            "first-topic.yaml:30: slug: 'Trotsky_Diary' is not a slug",
        ),
    ],
)
def test_a_bad_field_is_refused_with_its_line(source_pack, old, new, expected):
    edit(source_pack / "primary-sources" / "first-topic.yaml", old, new)
    messages = errors_of(source_pack)
    assert any(expected in m for m in messages), messages


def test_a_file_for_an_unknown_topic_is_refused(source_pack):
    (source_pack / "primary-sources" / "first-topic.yaml").rename(
        source_pack / "primary-sources" / "no-such-topic.yaml"
    )
    assert any(
        "no-such-topic.yaml: sources for unknown or unwritten topic 'no-such-topic'" in m
        for m in errors_of(source_pack)
    )


def test_a_debate_with_two_positions_is_refused(source_pack):
    topic = source_pack / "topics" / "first-topic.md"
    text = topic.read_text()
    start = text.index("  - name: Stalin's skill")
    topic.write_text(text[:start] + text[text.index("archives:", start) :])
    line = text[: text.index("positions:")].count("\n") + 1
    assert (
        f"mini/topics/first-topic.md:{line}: debate.positions: a debate sets out at least 3 positions, not 2"
        in errors_of(source_pack)
    )


@pytest.mark.parametrize(
    "old, new, marker, expected",
    [
        (
            "    works: The Prophet Unarmed (1959)\n",
            "",
            "  - name: Bureaucracy won",
            "debate.positions[1].works: is missing",
        ),
        (
            "    evidence: Politburo records.",
            "    evidence: ''",
            "    evidence: ''",
            "debate.positions[3].evidence: is empty",
        ),
        (
            "    sources: [deutscher-1954]",
            "    sources: [deutscher-1955]",
            "    sources: [deutscher-1955]",
            "debate.positions[1].sources: unknown source 'deutscher-1955'",
        ),
        (
            "    historians: Robert Service",
            "    historian: Robert Service",
            "    historian: Robert Service",
            "debate.positions[2].historian: is not a field of a position",
        ),
        (
            "archives: >-",
            "archive: >-",
            "archive: >-",
            "archive: unknown field 'archive' in debate",
        ),
    ],
)
def test_a_bad_debate_field_names_its_line(source_pack, old, new, marker, expected):
    topic = source_pack / "topics" / "first-topic.md"
    edit(topic, old, new)
    text = topic.read_text()
    line = text[: text.index(marker)].count("\n") + 1
    messages = errors_of(source_pack)
    assert f"mini/topics/first-topic.md:{line}: {expected}" in messages, messages


def test_a_debate_without_archives_is_refused(source_pack):
    topic = source_pack / "topics" / "first-topic.md"
    text = topic.read_text()
    start = text.index("archives: >-")
    topic.write_text(text[:start] + text[text.index("---\nHistorians", start) :])
    assert any(
        m.startswith("mini/topics/first-topic.md:")
        and m.endswith("archives: debate is missing the required field 'archives'")
        for m in errors_of(source_pack)
    )


def test_bad_yaml_in_a_debate_names_the_file_line(source_pack):
    topic = source_pack / "topics" / "first-topic.md"
    edit(topic, "    historians: Isaac Deutscher", "    historians: [Isaac Deutscher")
    messages = errors_of(source_pack)
    assert any(m.startswith("mini/topics/first-topic.md:") and "bad YAML" in m for m in messages), (
        messages
    )

"""The pack reader refuses broken packs, naming the file, line and field of each problem."""

import pytest

from courses.pack import PackInvalid, read_pack


def errors_of(path):
    with pytest.raises(PackInvalid) as caught:
        read_pack(path)
    return [str(error) for error in caught.value.errors]


def test_the_mini_pack_is_valid(mini_pack):
    pack = read_pack(mini_pack)
    assert set(pack.topics) == {"first-topic", "second-topic"}
    assert [block_type for block_type, _ in pack.topics["first-topic"].blocks] == [
        "text",
        "heading",
        "text",
        "figure",
        "source",
        "key_facts",
        "heading",
        "text",
        "quote",
    ]


def test_bad_yaml_is_reported_with_file_and_line(mini_pack):
    (mini_pack / "places.yaml").write_text("- slug: yanovka\n  name: [unclosed\n")
    (errors,) = errors_of(mini_pack)[:1]
    assert errors.startswith("mini/places.yaml:") and "bad YAML" in errors


@pytest.mark.parametrize("broken", ["people.yaml", "places.yaml"])
def test_a_file_that_is_not_yaml_is_one_error_not_one_per_reference_to_it(mini_pack, broken):
    path = mini_pack / broken
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ': "unclosed\n'  # one slip on line 2
    path.write_text("".join(lines))
    (error,) = errors_of(mini_pack)
    assert error.startswith(f"mini/{broken}:") and "bad YAML" in error
    assert "not checked until it is fixed" in error


def test_other_files_are_still_checked_when_one_is_not_yaml(mini_pack):
    (mini_pack / "places.yaml").write_text("- slug: yanovka\n  name: [unclosed\n")
    events = mini_pack / "events.yaml"
    events.write_text(events.read_text().replace("people: [leon-trotsky]", "people: [trotski]", 1))
    errors = errors_of(mini_pack)
    assert len(errors) == 2
    assert "bad YAML" in errors[0]
    assert "unknown person 'trotski'" in errors[1]


def test_a_missing_topic_file_is_an_error(mini_pack):
    (mini_pack / "topics" / "second-topic.md").unlink()
    messages = errors_of(mini_pack)
    assert any(
        "mini/course.yaml:" in m and "topics/second-topic.md is missing" in m for m in messages
    )


def test_an_unknown_field_is_named(mini_pack):
    path = mini_pack / "sources.yaml"
    path.write_text(path.read_text() + "  colour: red\n")
    assert any(
        "mini/sources.yaml:" in m and "colour: unknown field 'colour'" in m
        for m in errors_of(mini_pack)
    )


def test_a_duplicate_slug_is_an_error(mini_pack):
    path = mini_pack / "glossary.yaml"
    path.write_text(
        path.read_text() + "- slug: soviet\n  term: soviet again\n  definition: twice\n"
    )
    messages = errors_of(mini_pack)
    assert any("mini/glossary.yaml:5: slug: duplicate slug 'soviet'" in m for m in messages)


def test_a_date_that_is_not_a_date_names_its_line_and_field(mini_pack):
    path = mini_pack / "events.yaml"
    path.write_text(path.read_text().replace("date: 1940-08-21", "date: Octobr 1940"))
    messages = errors_of(mini_pack)
    assert any(
        m.startswith("mini/events.yaml:20: date:") and "Octobr 1940" in m for m in messages
    ), messages


def test_an_impossible_day_is_an_error(mini_pack):
    path = mini_pack / "events.yaml"
    path.write_text(path.read_text().replace("date: 1940-08-21", "date: 1940-13-40"))
    assert any("events.yaml:20: date:" in m for m in errors_of(mini_pack))


def test_an_event_without_a_source_is_refused(mini_pack):
    path = mini_pack / "events.yaml"
    path.write_text(
        path.read_text().replace(
            "  sources: [deutscher-1954]\n- slug: trotsky-dies",
            "  sources: []\n- slug: trotsky-dies",
        )
    )
    assert any("must cite at least one source" in m for m in errors_of(mini_pack))


def test_a_reference_to_an_unknown_slug_is_refused(mini_pack):
    path = mini_pack / "events.yaml"
    path.write_text(
        path.read_text().replace(
            "people: [leon-trotsky]\n  topics: [first-topic, second-topic]",
            "people: [leon-trotski]\n  topics: [first-topic, second-topic]",
        )
    )
    assert any(
        "events.yaml" in m and "unknown person 'leon-trotski'" in m for m in errors_of(mini_pack)
    )


def test_a_role_that_ends_before_it_starts_is_refused(mini_pack):
    path = mini_pack / "people.yaml"
    path.write_text(path.read_text().replace("to: {os: 1917-10-26}", "to: {os: 1917-01-01}"))
    assert any(
        "people.yaml" in m and "ends" in m and "before it starts" in m for m in errors_of(mini_pack)
    )


def test_a_body_link_to_an_unknown_entity_names_its_line(mini_pack):
    path = mini_pack / "topics" / "second-topic.md"
    path.write_text(path.read_text() + "\nSee [[nobody-at-all]].\n")
    assert any(
        m.startswith("mini/topics/second-topic.md:16: body:") and "nobody-at-all" in m
        for m in errors_of(mini_pack)
    )


def test_every_error_is_reported_in_one_run(mini_pack):
    (mini_pack / "places.yaml").write_text("- slug: Not A Slug\n  name: x\n")
    path = mini_pack / "sources.yaml"
    path.write_text(path.read_text() + "  colour: red\n")
    assert len(errors_of(mini_pack)) >= 2


def test_a_value_too_long_for_its_column_is_refused(mini_pack):
    path = mini_pack / "events.yaml"
    path.write_text(
        path.read_text().replace("title: Trotsky dies in Coyoacán", "title: " + "x" * 300)
    )
    assert any(
        "events.yaml:19: title: is 300 characters long; at most 255" in m
        for m in errors_of(mini_pack)
    )

"""An article body written out as the text the checker reads."""

import pytest

from courses.models import ArticlePage
from factcheck.articles import article_text, body_text, html_lines, section_at
from factcheck.claims import split_sentences


def test_rich_text_becomes_a_line_per_paragraph_item_and_heading():
    html = (
        '<h3 data-block-key="a">Exile</h3><p>He was sent to <b>Alma-Ata</b> in 1928.<br/>'
        "Then to Prinkipo.</p><ol><li>first</li><li>second &amp; last</li></ol><ul><li>one</li></ul>"
    )
    assert html_lines(html) == [
        "### Exile",
        "He was sent to Alma-Ata in 1928. Then to Prinkipo.",
        "1. first",
        "2. second & last",
        "- one",
    ]


def test_entity_links_and_citations_are_kept_for_the_checker():
    text = body_text(
        [
            {
                "type": "text",
                "value": "<p>[[leon-trotsky|Trotsky]] left in 1929.[^deutscher-1963, p. 3]</p>",
            }
        ]
    )
    assert text.startswith("[[leon-trotsky|Trotsky]] left in 1929.[^deutscher-1963, p. 3]")
    (sentence,) = split_sentences(text)
    assert sentence.text == "Trotsky left in 1929."
    assert sentence.links == ((0, 7, "leon-trotsky"),)


def test_quotations_and_sources_are_left_out_but_keep_one_line():
    quote = {
        "type": "quote",
        "value": {"text": "Lenin died in 1999.\nAnd more.", "attribution": "Nobody"},
    }
    source = {
        "type": "source",
        "value": {"text": "<p>Written in 1905.</p><p>More.</p>", "author": "A"},
    }
    after = {"type": "text", "value": "<p>Trotsky was exiled in 1928.</p>"}
    short = body_text([{"type": "quote", "value": {"text": "Short."}}, after])
    long = body_text([quote, source, after])
    assert "1999" not in long and "1905" not in long
    assert [s.text for s in split_sentences(long)] == ["Trotsky was exiled in 1928."]
    # a quotation's length never moves the lines after it
    assert split_sentences(long)[0].line == split_sentences(short)[0].line + 2


def test_headings_key_facts_content_notes_and_captions_are_text():
    text = body_text(
        [
            {"type": "heading", "value": "Exile and death"},
            {
                "type": "key_facts",
                "value": {
                    "title": "Key facts",
                    "facts": [{"type": "item", "value": "1940: murdered"}, "1929: deported"],
                },
            },
            {"type": "content_note", "value": {"text": "This topic mentions violence."}},
            {"type": "figure", "value": {"image": 1, "caption": "Coyoacán, 1940.", "credit": ""}},
            {"type": "figure", "value": {"image": 2, "caption": ""}},
        ]
    )
    assert text.splitlines() == [
        "## Exile and death",
        "",
        "### Key facts",
        "",
        "- 1940: murdered",
        "",
        "- 1929: deported",
        "",
        "This topic mentions violence.",
        "",
        "Coyoacán, 1940.",
        "",
        "<!-- figure -->",
    ]


def test_a_line_knows_its_section():
    text = "Intro.\n\n## First\n\nOne.\n\n## Second\n\nTwo.\n"
    assert section_at(text, 1) == ""
    assert section_at(text, 5) == "First"
    assert section_at(text, 9) == "Second"


@pytest.mark.django_db
def test_a_loaded_article_reads_as_markdown(loaded_mini):
    text = article_text(ArticlePage.objects.get(slug="first-topic"))
    lines = text.splitlines()
    assert lines[0] == "An opening paragraph about [[leon-trotsky|Trotsky]] and the [[soviet]]."
    assert "## The first section" in lines
    assert (
        "Trotsky chaired the [[petrograd-soviet]] in 1917.[^deutscher-1954, p. 290] He wrote My Life in exile.[^trotsky-1930]"
        in lines
    )
    assert "A short excerpt written for the tests." not in text  # a source excerpt
    assert "A quotation." not in text
    assert "- another bold item" in lines

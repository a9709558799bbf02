"""The extractor: sentences, dates, durations, entities, happenings and clauses."""

import pytest

from factcheck.claims import (
    EntityIndex,
    Sentence,
    analyse_sentence,
    find_dates,
    find_durations,
    find_happenings,
    split_sentences,
)
from factcheck.judge import Entity

# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

ARTICLE = """\
---
title: Leon Trotsky
people: [leon-trotsky]
---
An opening paragraph about [[leon-trotsky|Trotsky]].[^deutscher-1954] It has two sentences.

## Early life, 1879-1898

Trotsky was born in 1879. He was
arrested in January 1898 (c. 28 January O.S.) with the
Nikolaev group.[^trotsky-1930, ch. 3]

::: source
author: Leon Trotsky
date: 1930
---
I was born on 26 October 1879. This is a quotation.
:::

::: key-facts
title: Key facts
---
- Exiled to Siberia in 1900.
- Escaped in 1902; met V. I. Lenin in London.
:::

[^deutscher-1954]: Isaac Deutscher, The Prophet Armed (Oxford, 1954).
"""


def test_split_sentences_keeps_lines_and_drops_markdown():
    sentences = split_sentences(ARTICLE)
    assert [(s.line, s.text) for s in sentences] == [
        (5, "An opening paragraph about Trotsky."),
        (5, "It has two sentences."),
        (7, "Early life, 1879-1898"),
        (9, "Trotsky was born in 1879."),
        (9, "He was arrested in January 1898 (c. 28 January O.S.) with the Nikolaev group."),
        (23, "Exiled to Siberia in 1900."),
        (24, "Escaped in 1902; met V. I. Lenin in London."),
    ]


def test_split_sentences_records_entity_links():
    (sentence, *_) = split_sentences("Both [[vladimir-lenin|Lenin]] and [[leon-trotsky]] spoke.")
    assert sentence.text == "Both Lenin and Leon Trotsky spoke."
    assert [(sentence.text[s:e], slug) for s, e, slug in sentence.links] == [
        ("Lenin", "vladimir-lenin"),
        ("Leon Trotsky", "leon-trotsky"),
    ]


def test_split_sentences_ignores_comments_and_code():
    text = "<!-- 1917\n-->\n```\ncode 1917\n```\n\nVisible in 1905.\n"
    assert [(s.line, s.text) for s in split_sentences(text)] == [(7, "Visible in 1905.")]


# --------------------------------------------------------------------------------------------
# Dates: (sentence, [(text, year, month, day, precision, calendar, extra)])
# --------------------------------------------------------------------------------------------

DATE_CASES = [
    ("Trotsky was born in 1879.", [("1879", 1879, None, None, "year", "unmarked", {})]),
    ("The revolution of 1905 failed.", [("1905", 1905, None, None, "year", "unmarked", {})]),
    (
        "In October 1917 the Bolsheviks struck.",
        [("October 1917", 1917, 10, None, "month", "unmarked", {})],
    ),
    (
        "In early October 1917 Lenin returned.",
        [("early October 1917", 1917, 10, None, "month", "unmarked", {"part": "early"})],
    ),
    (
        "By mid-October 1917 it was planned.",
        [
            (
                "mid-October 1917",
                1917,
                10,
                None,
                "month",
                "unmarked",
                {"part": "mid", "relation": "before"},
            )
        ],
    ),
    (
        "At the end of August 1917 Kornilov failed.",
        [("the end of August 1917", 1917, 8, None, "month", "unmarked", {"part": "late"})],
    ),
    ("It fell on 25 October 1917.", [("25 October 1917", 1917, 10, 25, "day", "unmarked", {})]),
    (
        "It fell on the 25th of October 1917.",
        [("the 25th of October 1917", 1917, 10, 25, "day", "unmarked", {})],
    ),
    (
        "It fell on October 25, 1917, at night.",
        [("October 25, 1917", 1917, 10, 25, "day", "unmarked", {})],
    ),
    ("It fell on 7 Nov. 1917.", [("7 Nov. 1917", 1917, 11, 7, "day", "unmarked", {})]),
    (
        "On 25 October (7 November) 1917 power passed.",
        [
            (
                "25 October (7 November) 1917",
                1917,
                10,
                25,
                "day",
                "dual",
                {"new_style": (1917, 11, 7)},
            )
        ],
    ),
    (
        "Arrested on 3 (16) December 1905.",
        [("3 (16) December 1905", 1905, 12, 3, "day", "dual", {"new_style": (1905, 12, 16)})],
    ),
    (
        "It began on 23 February (8 March) 1917.",
        [("23 February (8 March) 1917", 1917, 2, 23, "day", "dual", {"new_style": (1917, 3, 8)})],
    ),
    (
        "On 31 December 1904 (13 January 1905) it froze.",
        [
            (
                "31 December 1904 (13 January 1905)",
                1904,
                12,
                31,
                "day",
                "dual",
                {"new_style": (1905, 1, 13)},
            )
        ],
    ),
    (
        "On 31 December 1904 (13 January) it froze.",
        [
            (
                "31 December 1904 (13 January)",
                1904,
                12,
                31,
                "day",
                "dual",
                {"new_style": (1905, 1, 13)},
            )
        ],
    ),
    (
        "On October 25 (November 7), 1917 it began.",
        [
            (
                "October 25 (November 7), 1917",
                1917,
                10,
                25,
                "day",
                "dual",
                {"new_style": (1917, 11, 7)},
            )
        ],
    ),
    (
        "On 25 October 1917 (Old Style) it began.",
        [("25 October 1917 (Old Style)", 1917, 10, 25, "day", "os", {})],
    ),
    (
        "On 25 October 1917 (O.S.) it began.",
        [("25 October 1917 (O.S.)", 1917, 10, 25, "day", "os", {})],
    ),
    (
        "On 7 November 1917 (New Style) it began.",
        [("7 November 1917 (New Style)", 1917, 11, 7, "day", "ns", {})],
    ),
    ("On 7 November 1917 N.S. it began.", [("7 November 1917 N.S.", 1917, 11, 7, "day", "ns", {})]),
    (
        "On 25 October 1917, according to the Julian calendar, it began.",
        [("25 October 1917, according to the Julian calendar", 1917, 10, 25, "day", "os", {})],
    ),
    (
        "In the 1920s Stalin rose.",
        [("1920s", 1920, None, None, "decade", "unmarked", {"end_year": 1929})],
    ),
    (
        "In the early 1930s famine struck.",
        [("early 1930s", 1930, None, None, "decade", "unmarked", {"part": "early"})],
    ),
    (
        "The war of 1918–1921 was cruel.",
        [("1918–1921", 1918, None, None, "year", "unmarked", {"end_year": 1921})],
    ),
    (
        "The war of 1918-21 was cruel.",
        [("1918-21", 1918, None, None, "year", "unmarked", {"end_year": 1921})],
    ),
    (
        "It raged from 1918 to 1921.",
        [("from 1918 to 1921", 1918, None, None, "year", "unmarked", {"end_year": 1921})],
    ),
    (
        "It raged between 1918 and 1921.",
        [("between 1918 and 1921", 1918, None, None, "year", "unmarked", {"end_year": 1921})],
    ),
    (
        "In mid-1905 strikes spread.",
        [("mid-1905", 1905, None, None, "year", "unmarked", {"part": "mid"})],
    ),
    (
        "Founded c. 1902 in exile.",
        [("1902", 1902, None, None, "year", "unmarked", {"approximate": True})],
    ),
    (
        "After 1905 the Tsar conceded a Duma.",
        [("1905", 1905, None, None, "year", "unmarked", {"relation": "after"})],
    ),
    (
        "By 1921 the Reds had won.",
        [("1921", 1921, None, None, "year", "unmarked", {"relation": "before"})],
    ),
    (
        "Until 1917 he lived abroad.",
        [("1917", 1917, None, None, "year", "unmarked", {"relation": "until"})],
    ),
    (
        "By the summer of 1918 the civil war had begun.",
        [
            (
                "the summer of 1918",
                1918,
                None,
                None,
                "year",
                "unmarked",
                {"part": "summer", "relation": "before"},
            )
        ],
    ),
    (
        "In autumn 1917 the Bolsheviks grew.",
        [("autumn 1917", 1917, None, None, "year", "unmarked", {"part": "autumn"})],
    ),
    (
        "The rising lasted from 1 to 18 March 1921.",
        [
            (
                "1 to 18 March 1921",
                1921,
                3,
                1,
                "day",
                "unmarked",
                {"until": (3, 18), "relation": "at"},
            )
        ],
    ),
    (
        "The congress sat from 30 July – 23 August 1903.",
        [("30 July – 23 August 1903", 1903, 7, 30, "day", "unmarked", {"until": (8, 23)})],
    ),
    (
        "Petrograd rose on 23–27 February (8–12 March) 1917.",
        [
            (
                "23–27 February (8–12 March) 1917",
                1917,
                2,
                23,
                "day",
                "dual",
                {"until": (2, 27), "new_style": (1917, 3, 8), "new_style_until": (1917, 3, 12)},
            )
        ],
    ),
    (
        "He did not speak until 3 July 1941.",
        [("3 July 1941", 1941, 7, 3, "day", "unmarked", {})],
    ),
    ("The 1905 Revolution shook the regime.", [("1905", 1905, None, None, "year", "unmarked", {})]),
    (
        "Russia's 1917 revolutions ended the monarchy.",
        [("1917", 1917, None, None, "year", "unmarked", {})],
    ),
    ("Both 1905 and 1917 mattered.", [("1917", 1917, None, None, "year", "unmarked", {})]),
    (
        "In 1905 and 1917 revolutions broke out.",
        [
            ("1905", 1905, None, None, "year", "unmarked", {}),
            ("1917", 1917, None, None, "year", "unmarked", {}),
        ],
    ),
    (
        "Lenin (1870–1924) is buried in Moscow.",
        [("1870–1924", 1870, None, None, "year", "unmarked", {"end_year": 1924})],
    ),
    # numbers that are not years
    ("About 1500 workers were killed.", []),
    ("Some 1200 delegates attended.", []),
    ("The army lost 1917 men.", []),
    ("In October the Bolsheviks struck.", []),
    ("On 25 October the Bolsheviks struck.", []),
    # an impossible day is no day; the month stands
    (
        "It happened on 30 February 1917.",
        [("February 1917", 1917, 2, None, "month", "unmarked", {})],
    ),
]


@pytest.mark.parametrize("sentence, expected", DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_find_dates(sentence, expected):
    found = find_dates(sentence)
    assert [d.text for d in found] == [e[0] for e in expected]
    for date, (_, year, month, day, precision, calendar, extra) in zip(
        found, expected, strict=True
    ):
        assert (date.year, date.month, date.day) == (year, month, day)
        assert (date.precision, date.calendar) == (precision, calendar)
        for name, value in extra.items():
            assert getattr(date, name) == value, name
        assert sentence[date.start : date.end] == date.text


def test_julian_29_february_1900_is_a_date():
    (date,) = find_dates("It was signed on 29 February 1900 (O.S.).")
    assert date.span("julian")[0].isoformat() == "1900-03-13"
    assert date.span("gregorian") is None


def test_spans_keep_the_written_precision():
    year, month, day = (
        find_dates(text)[0] for text in ("in 1917", "in October 1917", "on 25 October 1917")
    )
    assert [d.isoformat() for d in year.span()] == ["1917-01-01", "1917-12-31"]
    assert [d.isoformat() for d in month.span()] == ["1917-10-01", "1917-10-31"]
    assert [d.isoformat() for d in month.span("julian")] == ["1917-10-14", "1917-11-13"]
    assert [d.isoformat() for d in day.span("julian")] == ["1917-11-07", "1917-11-07"]


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------

DURATION_CASES = [
    ("He was released after 4 days.", ("after 4 days", 4, "day", "later", False)),
    ("Six weeks later the Cheka was formed.", ("Six weeks later", 6, "week", "later", False)),
    ("Two years later he escaped.", ("Two years later", 2, "year", "later", False)),
    ("It collapsed within a month.", ("within a month", 1, "month", "within", False)),
    (
        "Four months after the revolution, peace came.",
        ("Four months after", 4, "month", "after", False),
    ),
    ("He died the next day.", ("the next day", 1, "day", "later", True)),
    ("The following year he was deported.", ("The following year", 1, "year", "later", True)),
    ("Two years before his death he founded it.", ("Two years before", 2, "year", "before", False)),
    ("A fortnight later he left.", ("A fortnight later", 2, "week", "later", False)),
    ("Twenty-one days later he returned.", ("Twenty-one days later", 21, "day", "later", False)),
    (
        "About eighteen months later he fled.",
        ("About eighteen months later", 18, "month", "later", False),
    ),
]


@pytest.mark.parametrize("sentence, expected", DURATION_CASES, ids=[c[0] for c in DURATION_CASES])
def test_find_durations(sentence, expected):
    (duration,) = find_durations(sentence)
    assert (
        duration.text,
        duration.amount,
        duration.unit,
        duration.relation,
        duration.step,
    ) == expected


def test_duration_gaps():
    (next_day,) = find_durations("the next day")
    (four_days,) = find_durations("after 4 days")
    (within,) = find_durations("within a month")
    assert next_day.gap_days() == (1, 1)
    assert four_days.gap_days()[0] <= 4 <= four_days.gap_days()[1] < 6
    assert within.gap_days()[0] == 0


# --------------------------------------------------------------------------------------------
# Entities and happenings
# --------------------------------------------------------------------------------------------

ENTITIES = EntityIndex(
    [
        Entity(
            "leon-trotsky",
            "person",
            ("Leon Trotsky", "Trotsky", "Lev Davidovich Bronstein", "Bronstein"),
        ),
        Entity("vladimir-lenin", "person", ("Vladimir Lenin", "Lenin")),
        Entity("joseph-stalin", "person", ("Joseph Stalin", "Stalin")),
        Entity("st-petersburg", "place", ("St Petersburg", "Petrograd", "Leningrad")),
        Entity("brest-litovsk", "place", ("Brest-Litovsk",)),
        Entity("bolsheviks", "organisation", ("Bolsheviks",)),
        Entity("soviet", "term", ("soviet", "soviets")),
    ]
)


def mentions(text):
    return [(m.text, m.slugs, m.possessive) for m in ENTITIES.find(Sentence(1, text))]


def test_entities_by_name_and_alias_on_word_boundaries():
    assert mentions(
        "Lenin's Petrograd became Leningrad; Trotsky, born Lev Davidovich Bronstein, agreed."
    ) == [
        ("Lenin", ("vladimir-lenin",), True),
        ("Petrograd", ("st-petersburg",), False),
        ("Leningrad", ("st-petersburg",), False),
        ("Trotsky", ("leon-trotsky",), False),
        ("Lev Davidovich Bronstein", ("leon-trotsky",), False),
    ]
    assert mentions("Leninism and Trotskyists and Brest are not names here.") == []
    assert mentions("Soviets spread; the soviet met at Brest-Litovsk.") == [
        ("Soviets", ("soviet",), False),
        ("soviet", ("soviet",), False),
        ("Brest-Litovsk", ("brest-litovsk",), False),
    ]


def test_explicit_links_name_their_entity():
    (sentence,) = split_sentences("[[joseph-stalin|The General Secretary]] was elected.")
    assert mentions_of(sentence) == [("The General Secretary", ("joseph-stalin",))]


def mentions_of(sentence):
    return [(m.text, m.slugs) for m in ENTITIES.find(sentence)]


HAPPENING_CASES = [
    ("Lenin died in 1924.", "death"),
    ("Lenin's death shook the party.", "death"),
    ("Stolypin was assassinated in Kiev.", "assassination"),
    ("Trotsky was murdered in Mexico.", "assassination"),
    ("Trotsky was born in Yanovka.", "birth"),
    ("Trotsky was arrested again.", "arrest"),
    ("He was exiled to Siberia.", "exile"),
    ("He was deported to Turkey.", "exile"),
    ("He was banished.", "exile"),
    ("He escaped from Siberia.", "escape"),
    ("He was elected chairman.", "election"),
    ("The Cheka was founded in December.", "founding"),
    ("The Comintern was formed in Moscow.", "founding"),
    ("The treaty was signed at Brest-Litovsk.", "treaty"),
    ("The Tsar abdicated.", "abdication"),
    ("The Bolsheviks seized power.", "revolution"),
    ("The uprising failed.", "uprising"),
    ("He was dismissed as Commissar.", "dismissal"),
    ("He was expelled from the party.", "expulsion"),
    ("He was expelled from the Soviet Union.", "exile"),
    ("He was appointed Commissar for War.", "appointment"),
    ("Stalin became General Secretary.", "appointment"),
    ("The Tsar issued the manifesto.", "decree"),
    ("He returned to Petrograd.", "return"),
    ("The sailors mutinied.", "mutiny"),
    ("Troops fired on the crowd.", "massacre"),
]


@pytest.mark.parametrize("sentence, kind", HAPPENING_CASES, ids=[c[0] for c in HAPPENING_CASES])
def test_find_happenings(sentence, kind):
    assert kind in [h.kinds[0] for h in find_happenings(sentence)]


# --------------------------------------------------------------------------------------------
# Clauses
# --------------------------------------------------------------------------------------------


def clauses(text):
    analysed = analyse_sentence(Sentence(1, text), ENTITIES)
    return [
        (
            [d.text for d in c.dates],
            [h.kinds[0] for h in c.happenings],
            c.subjects,
            c.subject_source,
        )
        for c in analysed.clauses
    ]


def test_each_date_keeps_its_own_clause():
    assert clauses("Trotsky, who had opposed Lenin in 1903, joined the Bolsheviks in 1917.") == [
        ([], [], ("leon-trotsky",), "explicit"),
        (["1903"], [], ("leon-trotsky",), "relative"),
        (["1917"], ["joining"], ("leon-trotsky",), "inherited"),
    ]


def test_introductory_dates_join_their_clause():
    assert clauses("In 1917, Trotsky joined the Bolsheviks.") == [
        (["1917"], ["joining"], ("leon-trotsky",), "explicit"),
    ]


def test_coordinated_clauses_share_the_subject():
    assert clauses("Trotsky was arrested in 1905 and escaped in 1907.") == [
        (["1905"], ["arrest"], ("leon-trotsky",), "explicit"),
        (["1907"], ["escape"], ("leon-trotsky",), "inherited"),
    ]


def test_joint_subjects_and_possessives():
    assert clauses("Lenin and Trotsky seized power in 1917.")[0][2] == (
        "vladimir-lenin",
        "leon-trotsky",
    )
    assert clauses("Lenin's death in 1924 helped Stalin.")[0][2] == ()


def test_names_used_as_modifiers_are_not_subjects():
    assert clauses("The Stalin constitution was adopted in 1936.")[0][2] == ()
    assert clauses("Lenin, the leader of the Bolsheviks, died in 1924.")[-1][2] == (
        "vladimir-lenin",
    )


def test_dates_of_the_verb_and_of_a_noun():
    def timed(text):
        (clause,) = analyse_sentence(Sentence(1, text), ENTITIES).clauses
        return [(d.text, clause.timed_by_verb(d), clause.verb_known) for d in clause.dates]

    assert timed("The treaty was annulled in November 1918.") == [("November 1918", True, False)]
    assert timed("In 1918 the treaty was annulled.") == [("1918", True, False)]
    assert timed("The revolution of 1905 forced the Tsar to yield.") == [("1905", False, False)]
    assert timed("The treaty was signed in March 1918.") == [("March 1918", True, True)]
    assert timed("The revolution took place in 1917.") == [("1917", True, True)]


def test_pronouns_refer_to_the_previous_subject():
    analysed = analyse_sentence(
        Sentence(1, "He was arrested in 1905."), ENTITIES, ("leon-trotsky",)
    )
    assert analysed.clauses[0].subjects == ("leon-trotsky",)
    assert analysed.clauses[0].subject_source == "pronoun"


def test_lifespans_after_names():
    analysed = analyse_sentence(
        Sentence(1, "Lenin (1870–1924) and Trotsky (b. 1879) met."), ENTITIES
    )
    assert [(ls.person, ls.born.year, ls.died and ls.died.year) for ls in analysed.lifespans] == [
        ("vladimir-lenin", 1870, 1924),
        ("leon-trotsky", 1879, None),
    ]
    assert all(not c.dates for c in analysed.clauses)


def test_a_debates_arguments_evidence_and_archives_are_read_but_not_its_works():
    text = (
        "::: debate\n"
        "title: Why did it fail?\n"
        "positions:\n"
        "  - name: Bureaucracy won\n"
        "    historians: Isaac Deutscher\n"
        "    works: The Prophet Unarmed (1959)\n"
        "    argument: >-\n"
        "      The machine decided it in\n"
        "      1923.\n"
        "    evidence: Party papers.\n"
        "archives: The archives opened in 1991.\n"
        "---\n"
        "An introduction.\n"
        ":::\n"
    )
    assert [(s.line, s.text) for s in split_sentences(text)] == [
        (2, "Why did it fail?"),
        (8, "The machine decided it in 1923."),
        (10, "Party papers."),
        (11, "The archives opened in 1991."),
        (13, "An introduction."),
    ]

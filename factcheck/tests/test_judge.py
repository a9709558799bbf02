"""The judge: linking claims to events and comparing dates, durations and lifetimes."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.dates import HistoricalDate
from factcheck.claims import KIND_WORDS, find_dates
from factcheck.judge import (
    AGREE,
    CALENDAR,
    CONTRADICTION,
    Chronology,
    Entity,
    KnownEvent,
    check_text,
    compare,
)


def findings(checker, text, **options):
    return [(f.kind, f.claim, f.expected, f.event) for f in checker.check(text, **options)]


# --------------------------------------------------------------------------------------------
# compare: a claim against a date, at the claim's precision
# --------------------------------------------------------------------------------------------

REVOLUTION = HistoricalDate.from_julian("1917-10-25")  # 25 October (7 November) 1917
BREST = HistoricalDate.parse("1918-03-03")

COMPARE_CASES = [
    ("in 1917", REVOLUTION, AGREE),
    ("in 1918", REVOLUTION, CONTRADICTION),
    ("in the 1910s", REVOLUTION, AGREE),
    ("in October 1917", REVOLUTION, AGREE),  # the Old Style month, by convention
    ("in November 1917", REVOLUTION, AGREE),
    ("in September 1917", REVOLUTION, CONTRADICTION),
    ("in late October 1917", REVOLUTION, AGREE),
    ("in early October 1917", REVOLUTION, CONTRADICTION),
    ("on 7 November 1917", REVOLUTION, AGREE),
    ("on 25 October 1917", REVOLUTION, CALENDAR),  # Old Style day without its New Style
    ("on 24 October 1917", REVOLUTION, CONTRADICTION),
    ("on 25 October (7 November) 1917", REVOLUTION, AGREE),
    ("on 25 October (8 November) 1917", REVOLUTION, CALENDAR),  # a wrong conversion
    ("on 12 (25) October 1917", REVOLUTION, CALENDAR),  # the Old Style day converted again
    ("on 25 October 1917 (O.S.)", REVOLUTION, AGREE),
    ("on 7 November 1917 (O.S.)", REVOLUTION, CALENDAR),
    ("on 7 November 1917 (N.S.)", REVOLUTION, AGREE),
    ("on 25 October 1917 (N.S.)", REVOLUTION, CALENDAR),
    ("on 3 March 1918", BREST, AGREE),
    ("on 18 February 1918", BREST, CALENDAR),  # a Gregorian-era date read as Julian
    ("on 18 February (3 March) 1918", BREST, AGREE),
    ("in March 1918", BREST, AGREE),
    ("in February 1918", BREST, CONTRADICTION),
    ("c. 1917", BREST, AGREE),
]


@pytest.mark.parametrize("text, when, verdict", COMPARE_CASES, ids=[c[0] for c in COMPARE_CASES])
def test_compare(text, when, verdict):
    (claim,) = find_dates(text)
    assert compare(claim, when) == verdict


# --------------------------------------------------------------------------------------------
# Dates against events
# --------------------------------------------------------------------------------------------


def test_agreeing_claims_are_silent(checker):
    assert findings(checker, "Nicholas II abdicated on 2 (15) March 1917.") == []
    assert findings(checker, "Nicholas II abdicated in 1917.") == []
    assert findings(checker, "The Treaty of Brest-Litovsk was signed in March 1918.") == []


def test_contradiction_reports_the_event_date(checker):
    assert findings(checker, "Nicholas II abdicated on 2 (15) March 1918.") == [
        (CONTRADICTION, "2 (15) March 1918", "2 (15) March 1917", "nicholas-abdicates")
    ]
    assert findings(checker, "Lenin died in 1923.") == [
        (CONTRADICTION, "1923", "21 January 1924", "lenin-dies")
    ]


def test_other_calendar_is_a_calendar_slip(checker):
    assert findings(checker, "Bloody Sunday took place on 22 January 1905 (Old Style).") == [
        (CALENDAR, "22 January 1905 (Old Style)", "9 (22) January 1905", "bloody-sunday")
    ]
    assert findings(checker, "Lenin died on 8 January 1924.") == [
        (CALENDAR, "8 January 1924", "21 January 1924", "lenin-dies")
    ]


def test_wrong_conversion_without_a_known_event(checker):
    ((kind, claim, expected, event),) = findings(checker, "A strike began on 3 (15) May 1912.")
    assert (kind, claim, expected, event) == (CALENDAR, "3 (15) May 1912", "3 (16) May 1912", "")


def test_unknown_claims_are_silent(checker):
    assert findings(checker, "In 1911 the harvest was poor.") == []
    assert findings(checker, "Trotsky wrote about literature in 1923.") == []
    assert findings(checker, "Kerensky was born in 1881 and died in 1970.") == []


def test_each_claim_attaches_to_its_own_event(checker):
    right = "Trotsky, who had opposed Lenin in 1903, joined the Bolsheviks in 1917."
    assert findings(checker, right) == []
    wrong = "Trotsky, who had opposed Lenin in 1903, joined the Bolsheviks in 1915."
    assert [(kind, claim, event) for kind, claim, _, event in findings(checker, wrong)] == [
        (CONTRADICTION, "1915", "trotsky-joins-bolsheviks")
    ]


def test_a_year_about_another_event_is_not_flagged(checker):
    assert (
        findings(checker, "Trotsky was arrested in 1905, two years after the split of 1903.") == []
    )
    assert (
        findings(checker, "Lenin, in exile since 1900, returned to Petrograd in April 1917.") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        # an event the chronology lacks, of a kind it holds for the same person
        "Lenin was arrested in December 1895.",
        "Trotsky's son Lev Sedov died in Paris in 1938.",
        "Trotsky attacked the bureaucracy in The New Course in December 1923.",
        "Stalin was elected to the Central Committee in 1912.",
        # something the lexicon cannot name, done to a known event
        "The Treaty of Brest-Litovsk, signed in March 1918, was annulled in November 1918.",
        # a name that is not the subject
        "The Kornilov affair of August 1917 strengthened the Bolsheviks.",
    ],
)
def test_uncorroborated_links_stay_silent(checker, text):
    assert findings(checker, text) == []


def test_tied_candidates_stay_silent():
    chronology = Chronology(
        entities=(Entity("ivan", "person", ("Ivan",)),),
        events=(
            KnownEvent(
                "arrest-1900", "Ivan arrested", "arrest", HistoricalDate.parse("1900"), ("ivan",)
            ),
            KnownEvent(
                "arrest-1910", "Ivan arrested", "arrest", HistoricalDate.parse("1910"), ("ivan",)
            ),
        ),
    )
    assert check_text("Ivan was arrested in 1905.", chronology) == []
    (finding,) = check_text("Ivan was arrested in 1911.", chronology, min_confidence=0)
    assert (finding.kind, finding.expected) == (CONTRADICTION, "1910")


def test_findings_carry_line_sentence_and_source(checker):
    text = "---\ntitle: T\n---\nFirst line.\n\nThe Cheka was founded\non 7 (20) December 1918.\n"
    (finding,) = checker.check(text)
    assert finding.line == 6
    assert finding.sentence == "The Cheka was founded on 7 (20) December 1918."
    assert finding.source == "Orlando Figes, A People's Tragedy (1996)"
    assert 0.6 <= finding.confidence <= 1


ARTICLE = """\
---
title: Leon Trotsky
people: [leon-trotsky]
---
## 1917

[[leon-trotsky|Trotsky]] returned to Petrograd on 4 (17) May 1917.[^deutscher-1954]
He was arrested by the Provisional Government
on 23 July (5 August) 1918.

::: quote
attribution: Leon Trotsky
---
On 25 October 1918 we took power.
:::

In 1926 Lenin warned the party against Stalin.
"""


def test_check_text_reads_an_article(chronology):
    found = check_text(ARTICLE, chronology)
    assert [(f.line, f.kind, f.claim, f.event) for f in found] == [
        (8, CONTRADICTION, "23 July (5 August) 1918", "trotsky-arrested-1917"),
        (17, "anachronism", "1926", "lenin-dies"),
    ]


def test_min_confidence_filters(checker):
    text = "Nicholas II abdicated on 2 (15) March 1918."
    assert checker.check(text, min_confidence=0.99) == []


def test_bounds_are_not_point_claims(checker):
    assert findings(checker, "By 1919 the Cheka had been founded.") == []
    assert findings(checker, "After 1920 Lenin introduced the New Economic Policy.") == []


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------

DURATION_CASES = [
    ("Trotsky was attacked on 20 August 1940 and died the next day.", None),
    ("Trotsky was attacked on 20 August 1940 and died three days later.", "came 1 day after"),
    ("The Cheka was set up six weeks after the October Revolution.", None),
    ("The Cheka was set up six months after the October Revolution.", "came 43 days after"),
    (
        "Nicholas II abdicated on 2 (15) March 1917; eight months later the Bolsheviks seized power.",
        None,
    ),
    (
        "Nicholas II abdicated on 2 (15) March 1917; two months later the Bolsheviks seized power.",
        "came about 8 months after",
    ),
    ("The Tsar abdicated eight months after the October Revolution.", "came about 8 months before"),
    ("Lenin died on 21 January 1924; five days later Petrograd was renamed Leningrad.", None),
    ("Lenin died on 21 January 1924. Within a week Petrograd was renamed Leningrad.", None),
    (
        "Lenin died on 21 January 1924. Within a day Petrograd was renamed Leningrad.",
        "came 5 days after",
    ),
    (
        "Trotsky was expelled from the Party in November 1927 and two months later was sent into exile in Alma-Ata.",
        None,
    ),
    (
        "Trotsky was expelled from the Party in November 1927 and a year later was sent into exile in Alma-Ata.",
        "came about 2 months after",
    ),
    (
        "The Treaty of Brest-Litovsk was signed a year after the October Revolution.",
        "came about 4 months after",
    ),
    (
        "The Bolsheviks seized power in November 1917. "
        "The following year the Treaty of Brest-Litovsk was signed.",
        None,
    ),
    (
        "Lenin died in January 1924. The following year Petrograd was renamed Leningrad.",
        "came 5 days after",
    ),
]


@pytest.mark.parametrize("text, gap", DURATION_CASES, ids=[c[0] for c in DURATION_CASES])
def test_durations(checker, text, gap):
    found = [f for f in checker.check(text) if f.kind == "duration"]
    if gap is None:
        assert found == []
    else:
        (finding,) = found
        assert gap in finding.expected


def test_duration_needs_both_events(checker):
    assert findings(checker, "Trotsky was released after 4 days.") == []
    assert findings(checker, "Six weeks later the harvest failed.") == []


# --------------------------------------------------------------------------------------------
# Anachronisms
# --------------------------------------------------------------------------------------------


def test_acting_after_death_is_an_anachronism(checker):
    assert findings(checker, "In 1926 Lenin warned the party against Stalin.") == [
        ("anachronism", "1926", "Vladimir Lenin died 21 January 1924", "lenin-dies")
    ]


def test_acting_before_birth_is_an_anachronism(checker):
    ((kind, claim, expected, event),) = findings(checker, "In 1870 Trotsky led a strike.")
    assert (kind, claim, event) == ("anachronism", "1870", "trotsky-born")
    assert expected == "Leon Trotsky born 26 October (7 November) 1879"


@pytest.mark.parametrize(
    "text",
    [
        "Lenin's body was placed in the mausoleum in 1924.",
        "In 1925 Stalin quoted Lenin against Trotsky.",
        "Lenin's testament was read to the delegates in 1924.",
        "Lenin was remembered in 1970 on the centenary of his birth.",
        "Lenin was criticised in 1956.",
        "Trotsky was rehabilitated in 2001.",
        "In 1924 Lenin died.",
    ],
)
def test_posthumous_and_passive_are_not_anachronisms(checker, text):
    assert [f for f in checker.check(text) if f.kind == "anachronism"] == []


def test_lifespans_after_a_name(checker):
    assert findings(checker, "Trotsky (1879–1940) was murdered.") == []
    assert findings(checker, "Lenin (1870–1925) led the Bolsheviks.") == [
        (CONTRADICTION, "(1870–1925)", "died 21 January 1924", "lenin-dies")
    ]


# --------------------------------------------------------------------------------------------
# The fixture
# --------------------------------------------------------------------------------------------


def test_fixture_events_use_known_kinds(chronology):
    assert 30 <= len(chronology.events) <= 50
    assert {e.kind for e in chronology.events} <= KIND_WORDS
    slugs = {e.slug for e in chronology.entities}
    for event in chronology.events:
        assert set(event.people) | set(event.organisations) | set(event.places) <= slugs, event.slug


# --------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------

FRAGMENTS = [
    "Trotsky",
    "Lenin's",
    "the Tsar",
    "Nicholas II",
    "Petrograd",
    "was",
    "arrested",
    "signed",
    "died",
    "born",
    "abdicated",
    "in",
    "on",
    "the",
    "who",
    "which",
    "and",
    "he",
    ",",
    ";",
    ".",
    "1917",
    "the 1920s",
    "(1879–1940)",
    "(b. 1870)",
    "between 1918 and 1921",
    "1918-21",
    "c.",
    "29 February 1900 (O.S.)",
    "31 (13) January 1918",
    "1 (14) February 1918",
    "18 February (4 March) 1918",
    "3 (15) May 1912",
    "12 (25) October 1917",
    "30 February 1917",
    "31 December 1904 (13 January)",
    "October 25 (November 7), 1917",
    "0000 - 9999",
    "six weeks later",
    "the next day",
    "within a month",
    "the following year",
    "[[leon-trotsky|Trotsky]]",
    "[^x]",
    "\n::: quote\n",
    "\n:::\n",
    "\n---\n",
    "\n# ",
    "\n\n- ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join) | st.text())
def test_any_text_can_be_checked(checker, text):
    for finding in checker.check(text, min_confidence=0):
        assert 0 <= finding.confidence <= 1
        assert finding.line >= 1

"""The resemblance reading: events ranked by what a sentence shares with them, and the dates
it judges that the clause grammar cannot link.

The ranking is tested on a small chronology; the judging on the course's own chronology, since
what makes a link (rare words, people, kinds) depends on the whole of it.
"""

import pytest

from chronology.dates import HistoricalDate
from factcheck.claims import EntityIndex
from factcheck.judge import Entity, KnownEvent
from factcheck.resemblance import EventIndex, Query, stem, stems, weighted_stems


@pytest.mark.parametrize(
    "words, joined",
    [
        (("signed", "signing"), "sign"),
        (("founded", "foundation"), "found"),
        (("abdicated", "abdication"), "abdic"),
        (("elected", "election", "elections"), "elect"),
        (("executed", "execution"), "execu"),
    ],
)
def test_stems_join_verb_and_noun_forms(words, joined):
    assert {stem(w) for w in words} == {joined}


def test_common_words_give_no_stems_and_hyphenated_parts_count_less():
    assert stems(["year", "later", "between"]) == frozenset()
    assert weighted_stems(["nazi-soviet", "pact"]) == {"nazi": 0.6, "sovie": 0.6, "pact": 1.0}


def event(slug, title, when, kind, people=(), summary=""):
    return KnownEvent(slug, title, kind, HistoricalDate.parse(when), tuple(people), summary=summary)


@pytest.fixture(scope="module")
def index():
    people = [Entity("leon-trotsky", "person", ("Leon Trotsky", "Trotsky"))]
    events = [
        event("kronstadt", "Kronstadt rising crushed", "1921-03", "uprising", summary="Sailors"),
        event("escape", "Trotsky escapes from Siberia", "1902", "escape", ["leon-trotsky"]),
        event("fourth", "Fourth International founded", "1938-09", "founding", ["leon-trotsky"]),
        event("soviet", "Soviet congress opens", "1917-10", "congress"),
    ]
    return EventIndex(events, EntityIndex(people), str, frozenset({"death"}))


def test_rare_words_and_the_kind_rank_the_right_event_first(index):
    query = Query()
    query.add("stems", stems(["kronstadt", "rising"]), 1.0)
    query.add("kinds", ["uprising"], 1.0)
    ranked = index.rank(query)
    assert ranked[0].event.slug == "kronstadt"
    assert ranked[0].words == 2 and ranked[0].kind


def test_a_person_named_in_the_title_counts_as_the_person(index):
    query = Query()
    query.add("entities", ["leon-trotsky"], 1.0)
    query.add("stems", stems(["siberia"]), 1.0)
    assert index.rank(query)[0].event.slug == "escape"
    assert index.rank(query)[0].entities == 1


def test_the_clause_of_the_date_counts_more_than_the_rest(index):
    near, far = Query(), Query()
    near.add("stems", stems(["fourth", "international"]), 1.0)
    far.add("stems", stems(["fourth", "international"]), 0.5)
    assert index.score(index.rank(near)[0].event, near) == 2 * index.score(
        index.rank(far)[0].event, far
    )


def findings(checker, text):
    return [(f.claim, f.event) for f in checker.check(text)]


@pytest.mark.parametrize(
    "right, wrong, event",
    [
        # simple statements of fact, each in the course chronology
        ("Lenin died on 21 January 1924.", "Lenin died on 21 January 1925.", "lenin-dies"),
        ("Stalin died in March 1953.", "Stalin died in March 1954.", "death-of-stalin"),
        (
            "The Berlin Wall fell on 9 November 1989.",
            "The Berlin Wall fell on 9 November 1988.",
            "berlin-wall-falls",
        ),
        (
            "Gagarin became the first man in space on 12 April 1961.",
            "Gagarin became the first man in space on 12 April 1962.",
            "gagarin-in-space",
        ),
        (
            "In July 1918 the imperial family was killed at Yekaterinburg.",
            "In July 1919 the imperial family was killed at Yekaterinburg.",
            "romanovs-executed",
        ),
        (
            "The Chernobyl reactor exploded on 26 April 1986.",
            "The Chernobyl reactor exploded on 26 April 1985.",
            "chernobyl-disaster",
        ),
        # a death is the dead person's, not that of everyone in the event
        ("Lenin's father died in 1886.", "Lenin's father died in 1887.", "lenin-father-dies"),
        # a range of days, and one in both calendars
        (
            "The Kronstadt rising lasted from 1 to 18 March 1921.",
            "The Kronstadt rising lasted from 1 to 18 March 1922.",
            "kronstadt-rising",
        ),
        (
            "The February Revolution ran from 23–27 February (8–12 March) 1917.",
            "The February Revolution ran from 23–27 February (8–12 March) 1918.",
            "february-revolution",
        ),
        # a span said to open or close
        (
            "The battle of Stalingrad opened on 17 July 1942.",
            "The battle of Stalingrad opened on 17 August 1942.",
            "battle-of-stalingrad",
        ),
        # "not until" says when something happened
        (
            "Gorbachev did not speak about the disaster on television until 14 May 1986.",
            "Gorbachev did not speak about the disaster on television until 14 May 1987.",
            "gorbachev-chernobyl-address",
        ),
        # the event named as a noun phrase, its verb unknown to the lexicon
        (
            "The publication of What Is to Be Done? in 1902 laid out Lenin's case.",
            "The publication of What Is to Be Done? in 1904 laid out Lenin's case.",
            "what-is-to-be-done",
        ),
        # "he" reaching back past the sentence
        (
            "Khrushchev was ousted in 1964. He died on 11 September 1971.",
            "Khrushchev was ousted in 1964. He died on 11 September 1970.",
            "khrushchev-dies",
        ),
    ],
)
def test_a_wrong_date_is_flagged_and_the_right_one_is_not(pack_checker, right, wrong, event):
    assert findings(pack_checker, right) == []
    assert event in {slug for _, slug in findings(pack_checker, wrong)}, findings(
        pack_checker, wrong
    )


@pytest.mark.parametrize(
    "text",
    [
        # the date is of an annexation, which the chronology lacks, not of the pact
        "The Baltic states were annexed by Stalin in 1940 under the secret terms of the "
        "Nazi-Soviet Pact.",
        # the July Days only place the clause in time
        "After the July Days Trotsky was jailed, but he was back to direct the seizure of power "
        "on 25 October (7 November) 1917.",
        # an arrest the chronology lacks, before a trial it holds
        "Marshal Tukhachevsky, arrested in May 1937, was tried in secret on 11 June 1937.",
        # the summary of the sacking tells of the October attack
        "Yeltsin attacked the leadership at a Central Committee meeting in October 1987 and was "
        "sacked as Moscow party chief the next month.",
        # another order than Order No. 1
        "Order 00447, signed on 30 July 1937, set regional quotas for shootings.",
        # someone else's murder by the same party
        "Gapon never saw it: the SRs had murdered him in 1906.",
        # a date within a span, with its end in the same sentence
        "Leningrad was besieged from 8 September 1941, and the siege was lifted on 27 January "
        "1944.",
        # the first clause is a clause of its own, not the subject of "signed"
        "Soviet tanks crushed the East German rising of 17 June 1953, and the Warsaw Pact, "
        "signed on 14 May 1955, tied the people's democracies to Moscow.",
        # "the end of 1922" is part of the year, not the end of the span
        'In notes dictated at the end of 1922, later called his "Testament", Lenin warned '
        "against Stalin.",
    ],
)
def test_right_dates_near_other_events_stay_silent(pack_checker, text):
    assert findings(pack_checker, text) == []


def test_acting_after_death_names_the_persons_own_death(pack_checker):
    """Trotsky is among the people of Lenin's death; his own death is the one to cite."""
    (finding,) = pack_checker.check("Trotsky led the Red Army in 1945.")
    assert (finding.kind, finding.event) == ("anachronism", "trotsky-dies")


def test_a_day_right_in_the_other_calendar_is_reported_as_a_calendar_slip(pack_checker):
    """The sentence also tells of the April detention; the May date is his return, Old Style."""
    (finding,) = pack_checker.check(
        "When the Tsar fell, Trotsky hurried home, only to be held by the British in Canada that "
        "April; he finally got to Petrograd on 4 May 1917."
    )
    assert (finding.kind, finding.event) == ("calendar", "trotsky-returns-petrograd")
    assert finding.expected == "4 (17) May 1917"


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Leon Trotsky (7 November 1879 – 21 August 1940) was a revolutionary.", None),
        ("Leon Trotsky (7 November 1879 – 22 August 1940) was a revolutionary.", "22 August 1940"),
        (
            "Leon Trotsky (real name Bronstein; b. 26 October (7 November) 1879, Yanovka; "
            "d. 22 August 1940, Coyoacán) was a Marxist.",
            "22 August 1940",
        ),
        # a term of office, not a life
        ("Yuri Andropov (12 November 1982 – 9 February 1984) ruled briefly.", None),
    ],
)
def test_full_dates_of_a_life_in_brackets_after_a_name(pack_checker, text, wrong):
    assert [f.claim for f in pack_checker.check(text)] == ([wrong] if wrong else [])

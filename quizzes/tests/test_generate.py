"""Generated questions: deterministic, one right answer, distractors distinct and of the same kind."""

from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.dates import HistoricalDate
from quizzes.generate import Fact, generate
from quizzes.kinds import validate

FACTS = [
    Fact(
        "bloody-sunday",
        "Bloody Sunday",
        HistoricalDate.from_julian("1905-01-09"),
        ("Georgy Gapon",),
    ),
    Fact(
        "october-manifesto",
        "The October Manifesto",
        HistoricalDate.from_julian("1905-10-17"),
        ("Nicholas II",),
    ),
    Fact(
        "abdication",
        "Nicholas II abdicates",
        HistoricalDate.from_julian("1917-03-02"),
        ("Nicholas II",),
    ),
    Fact(
        "october",
        "The Bolsheviks seize power",
        HistoricalDate.from_julian("1917-10-25"),
        ("Vladimir Lenin", "Leon Trotsky"),
    ),
    Fact("brest", "Treaty of Brest-Litovsk", HistoricalDate.parse("1918-03-03"), ("Leon Trotsky",)),
    Fact("kronstadt", "Kronstadt rising", HistoricalDate.parse("1921-03"), ("Leon Trotsky",)),
    Fact("lenin-dies", "Death of Lenin", HistoricalDate.parse("1924-01-21"), ("Vladimir Lenin",)),
    Fact(
        "expelled",
        "Trotsky expelled from the party",
        HistoricalDate.parse("1927-11-12"),
        ("Leon Trotsky",),
    ),
    Fact("kirov", "Murder of Kirov", HistoricalDate.parse("1934-12-01"), ("Sergei Kirov",)),
    Fact("nep", "NEP years", HistoricalDate.parse("1921/1928"), ()),
]


def test_generation_is_deterministic_for_a_seed():
    assert generate(FACTS, FACTS, 8, seed=7) == generate(FACTS, FACTS, 8, seed=7)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10_000), size=st.integers(min_value=1, max_value=10))
def test_every_generated_question_is_fair(seed, size):
    for question in generate(FACTS, FACTS, size, seed=seed):
        assert validate(question) == [], question
        assert len(set(question.choices)) == len(question.choices)
        if question.kind == "multiple_choice":
            assert question.choices.count(question.answer[0]) == 1


def test_when_questions_use_the_same_precision_and_calendar_for_distractors():
    whens = [
        q
        for seed in range(30)
        for q in generate(FACTS, FACTS, 10, seed=seed)
        if q.prompt.startswith("When did")
    ]
    assert whens
    for question in whens:
        right = question.answer[0]
        for choice in question.choices:
            assert ("(" in choice) == (
                "(" in right
            )  # Old Style dates are shown with their New Style pair
            assert len(choice.split()) == len(right.split()) or "(" in right


def test_who_questions_never_offer_a_second_right_person():
    for seed in range(40):
        for question in generate(FACTS, FACTS, 10, seed=seed):
            if question.prompt.startswith("Who is linked"):
                fact = next(
                    f
                    for f in FACTS
                    if question.prompt.startswith(f"Who is linked to this event: {f.title} (")
                )
                assert [c for c in question.choices if c in fact.people] == [question.answer[0]]


def test_order_questions_list_events_that_do_not_overlap():
    for seed in range(20):
        for question in generate(FACTS, FACTS, 10, seed=seed):
            if question.kind == "order":
                facts = [next(f for f in FACTS if f.title == t) for t in question.answer]
                assert all(
                    a.when.latest < b.when.earliest for a, b in zip(facts, facts[1:], strict=False)
                )


BIRTHS = [
    Fact(
        "trotsky-born",
        "Leon Trotsky is born",
        HistoricalDate.parse("1879-11-07"),
        ("Leon Trotsky",),
    ),
    Fact("stalin-born", "Stalin is born", HistoricalDate.parse("1878-12-18"), ("Joseph Stalin",)),
    Fact("lenin-born", "Lenin is born", HistoricalDate.parse("1870-04-22"), ("Vladimir Lenin",)),
    Fact("year-1881", "The assassination of 1881", HistoricalDate.parse("1881-03-13"), ()),
    Fact("marriage", "A wedding", HistoricalDate.parse("1881-05-01"), ("Sergei Kirov",)),
    Fact("other", "A congress", HistoricalDate.parse("1883-05-01"), ("Georgy Plekhanov",)),
]


def test_a_generated_question_never_names_its_answer():
    for seed in range(40):
        for question in generate(BIRTHS, BIRTHS + FACTS, 8, seed=seed):
            if question.kind != "multiple_choice":
                continue
            surname_or_year = question.answer[0].split()[-1]
            assert surname_or_year not in question.prompt, question.prompt


def test_dates_to_choose_from_are_shown_earliest_first():
    shown = [
        question.options(seed)
        for seed in range(20)
        for question in generate(FACTS, FACTS, 8, seed=seed)
        if question.prompt.startswith("When did this happen")
    ]
    assert shown
    for options in shown:
        years = [int(option.split()[-1]) for option in options]
        assert years == sorted(years), options

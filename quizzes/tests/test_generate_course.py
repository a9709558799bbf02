"""Question generation over the whole course's data: every topic, several seeds, all fair."""

import pytest

from chronology.dates import HistoricalDate
from conftest import COURSE_PACK
from courses.pack import read_pack
from quizzes.generate import Fact, generate
from quizzes.kinds import validate


@pytest.fixture(scope="module")
def course_facts():
    pack = read_pack(COURSE_PACK)
    names = {slug: record.fields["name"] for slug, record in pack.data["people"].items()}
    facts = {}
    for slug, record in pack.data["events"].items():
        fields = record.fields
        when = (
            HistoricalDate.from_julian(str(fields["os"]))
            if "os" in fields
            else HistoricalDate.from_pack(fields["date"])
        )
        fact = Fact(
            slug, fields["title"], when, tuple(names[p] for p in fields.get("people") or [])
        )
        facts[slug] = (fact, fields.get("topics") or [])
    return pack, facts


def test_every_topic_gets_fair_generated_questions_from_the_real_data(course_facts):
    pack, facts = course_facts
    everything = [fact for fact, _ in facts.values()]
    for topic in pack.topics:
        mine = [fact for fact, topics in facts.values() if topic in topics]
        for seed in range(3):
            questions = generate(mine, everything, 10, seed=f"{topic}:{seed}")
            assert len(questions) >= 5, topic
            for question in questions:
                assert validate(question) == [], (topic, question.prompt)
                assert len(set(question.choices)) == len(question.choices), question.prompt
                if question.kind == "multiple_choice":
                    assert question.choices.count(question.answer[0]) == 1
                    last_word = question.answer[0].split()[-1]  # a surname, a year
                    assert last_word not in question.prompt, question.prompt


def test_when_questions_never_offer_a_date_the_event_could_also_have(course_facts):
    pack, facts = course_facts
    everything = [fact for fact, _ in facts.values()]
    by_title = {fact.title: fact for fact in everything}
    for topic in pack.topics:
        for question in generate(
            [f for f, t in facts.values() if topic in t], everything, 12, seed=topic
        ):
            if question.prompt.startswith("When did this happen: "):
                fact = by_title[
                    question.prompt.removeprefix("When did this happen: ").removesuffix("?")
                ]
                wrong = [c for c in question.choices if c != question.answer[0]]
                assert fact.when.display() not in wrong

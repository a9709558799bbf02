"""Questions made from the course's data, so every topic has a quiz from day one.

Pure functions over plain `Fact`s. Generation is deterministic for a seed, and never makes a
question with two right answers or a distractor equal to the answer.
"""

import random
import re
from dataclasses import dataclass

from .kinds import Question


@dataclass(frozen=True)
class Fact:
    """An event as the generator needs it."""

    slug: str
    title: str
    when: object  # chronology.dates.HistoricalDate
    people: tuple[str, ...] = ()  # names

    @property
    def plain(self):
        """Dated at day, month or year precision, with no doubt and no range: fit for a 'when' question."""
        return not (self.when.is_interval or self.when.approximate or self.when.uncertain)


def shifted(date, years):
    """The same date `years` later (or earlier), at the same precision and calendar; None if impossible."""
    from chronology.dates import DateError, HistoricalDate

    edtf = date.edtf
    try:
        moved = f"{int(edtf[:4]) + years:04d}{edtf[4:]}"
        if date.old_style:
            julian = date.julian_edtf
            return HistoricalDate.from_julian(f"{int(julian[:4]) + years:04d}{julian[4:]}")
        return HistoricalDate.parse(moved)
    except (DateError, ValueError):
        return None


def when_question(fact, rng, key):
    right = fact.when.display()
    offsets = [-3, -2, -1, 1, 2, 3]
    rng.shuffle(offsets)
    distractors = {}
    for offset in offsets:
        other = shifted(fact.when, offset)
        if other is not None and other.display() not in (right, *distractors):
            distractors[other.display()] = other
        if len(distractors) == 3:
            break
    if len(distractors) < 3:
        return None
    dates = sorted(
        [(fact.when, right), *((d, text) for text, d in distractors.items())],
        key=lambda pair: pair[0].earliest,
    )
    return Question(
        key=key,
        kind="multiple_choice",
        prompt=f"When did this happen: {fact.title}?",
        choices=tuple(text for _, text in dates),
        answer=(right,),
        explanation=f"{fact.title}: {right}.",
        link=f"/timeline/?event={fact.slug}#{fact.slug}",
        generated=True,
        in_order=True,
    )


def who_question(fact, facts, rng, key):
    if len(fact.people) != 1:
        return None
    person = fact.people[0]
    year = fact.when.earliest.year
    era = sorted(
        {
            name
            for other in facts
            if abs(other.when.earliest.year - year) <= 15
            for name in other.people
        }
        - set(fact.people)
    )
    if len(era) < 3:
        return None
    distractors = rng.sample(era, 3)
    return Question(
        key=key,
        kind="multiple_choice",
        prompt=f"Who is linked to this event: {fact.title} ({fact.when.display()})?",
        choices=tuple([person, *distractors]),
        answer=(person,),
        explanation=f"{fact.title} involved {person}.",
        link=f"/timeline/?event={fact.slug}#{fact.slug}",
        generated=True,
    )


def gives_away(question):
    """True if a multiple-choice prompt names its own answer: all of it, or its last word (a
    person's surname, a date's year), as in 'Who is linked to this event: Trotsky is born?'."""
    if question.kind != "multiple_choice":
        return False
    prompt, answer = question.prompt.casefold(), question.answer[0].casefold()
    words = re.findall(r"\w+", answer)
    return answer in prompt or bool(words and re.search(rf"\b{re.escape(words[-1])}\b", prompt))


def separate(facts):
    """Facts whose date ranges do not overlap one another, in date order."""
    chosen = []
    for fact in sorted(facts, key=lambda f: (f.when.earliest, f.when.latest)):
        if not chosen or chosen[-1].when.latest < fact.when.earliest:
            chosen.append(fact)
    return chosen


def order_question(facts, rng, key, size=4):
    candidates = separate(facts)
    if len(candidates) < size:
        return None
    picked = sorted(rng.sample(candidates, size), key=lambda f: f.when.earliest)
    titles = tuple(f.title for f in picked)
    if len(set(titles)) != size:
        return None
    return Question(
        key=key,
        kind="order",
        prompt="Put these events in order, earliest first.",
        choices=titles,
        answer=titles,
        explanation="; ".join(f"{f.title}: {f.when.display()}" for f in picked) + ".",
        link="/timeline/",
        generated=True,
    )


def first_question(facts, rng, key):
    candidates = separate(facts)
    if len(candidates) < 2:
        return None
    first, second = sorted(rng.sample(candidates, 2), key=lambda f: f.when.earliest)
    if first.title == second.title:
        return None
    return Question(
        key=key,
        kind="multiple_choice",
        prompt="Which came first?",
        choices=(first.title, second.title),
        answer=(first.title,),
        explanation=f"{first.title} ({first.when.display()}) came before {second.title} ({second.when.display()}).",
        link=f"/timeline/?event={first.slug}#{first.slug}",
        generated=True,
    )


def generate(topic_facts, all_facts, count, seed=0, prefix="g"):
    """Up to `count` questions about `topic_facts`, drawing distractors from `all_facts`."""
    rng = random.Random(seed)
    facts = sorted(topic_facts, key=lambda f: (f.when.earliest, f.slug))
    plain = [f for f in facts if f.plain]
    rng.shuffle(plain)
    makers = []
    if len(facts) >= 4:
        makers.append(lambda n: order_question(facts, rng, f"{prefix}{n}"))
    for fact in plain:
        makers.append(lambda n, fact=fact: when_question(fact, rng, f"{prefix}{n}"))
        makers.append(lambda n, fact=fact: who_question(fact, all_facts, rng, f"{prefix}{n}"))
    if len(facts) >= 2:
        makers.append(lambda n: first_question(facts, rng, f"{prefix}{n}"))
    questions, prompts = [], set()
    for make in makers:
        if len(questions) >= count:
            break
        question = make(len(questions) + 1)
        if question is not None and question.prompt not in prompts and not gives_away(question):
            prompts.add(question.prompt)
            questions.append(question)
    return questions

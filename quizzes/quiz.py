"""Putting quizzes together: an article's quiz, its longer practice quiz, and the course revision quiz."""

from django.core.cache import cache

from courses.menu import content_version

from .generate import Fact, generate

ARTICLE_QUIZ_SIZE = 6
PRACTICE_QUIZ_SIZE = 12
REVISION_QUIZ_SIZE = 20


def by_event(link, page, column):
    """{event id: [`column` of each page it links to]}, in page order, read through the link
    table: whole page objects would cost 0.4 s here."""
    found = {}
    for event, value in link.objects.order_by(f"{page}_id").values_list(
        "event_id", f"{page}__{column}"
    ):
        found.setdefault(event, []).append(value)
    return found


def all_facts():
    """Every event as a Fact, cached until the content changes (distractors come from the whole course)."""
    key = f"clio:quiz-facts:{content_version()}"
    facts = cache.get(key)
    if facts is None:
        from chronology.models import Event

        people = by_event(Event.people.through, "personpage", "title")
        topics = by_event(Event.topics.through, "articlepage", "slug")
        facts = []
        for event in Event.objects.order_by("earliest", "slug").only(
            "slug", "title", "when", "when_old_style"
        ):
            fact = Fact(event.slug, event.title, event.when_date, tuple(people.get(event.pk, ())))
            facts.append((fact, tuple(topics.get(event.pk, ()))))
        cache.set(key, facts, timeout=None)
    return facts


def article_questions(page, size=ARTICLE_QUIZ_SIZE, seed=0, every_authored=False):
    """The authored questions of a topic first, then questions made from its events, up to `size`
    (with `every_authored`, all the authored ones even beyond `size`)."""
    authored = [q.to_question(f"a{n}") for n, q in enumerate(page.questions.all(), start=1)]
    if len(authored) >= size:
        return authored if every_authored else authored[:size]
    facts = all_facts()
    topic_facts = [fact for fact, topics in facts if page.slug in topics]
    extra = generate(
        topic_facts, [fact for fact, _ in facts], size - len(authored), seed=f"{page.slug}:{seed}"
    )
    return authored + extra


def revision_questions(seed=0, size=REVISION_QUIZ_SIZE):
    """A course-wide quiz made from the whole chronology."""
    facts = [fact for fact, _ in all_facts()]
    return generate(facts, facts, size, seed=f"revision:{seed}", prefix="r")


def responses_from(data, questions):
    """Form data to responses: one value per question, or a list for order and match questions."""
    responses = {}
    for question in questions:
        if question.kind in ("order", "match"):
            count = len(question.answer)
            responses[question.key] = [data.get(f"{question.key}-{i}", "") for i in range(count)]
        else:
            responses[question.key] = data.get(question.key, "")
    return responses

"""Small helpers for showing quiz questions; the logic lives in quizzes.kinds."""

from django import template

register = template.Library()


@register.simple_tag
def result_for(quiz_result, question):
    if not quiz_result:
        return None
    return quiz_result["by_key"].get(question.key)


@register.filter
def max_points(questions):
    """What a perfect score is: order and match questions give a point per item."""
    return sum(question.max_score for question in questions)


@register.filter
def shown_options(question, seed):
    return question.options(seed)


@register.filter
def lower_if_tf(option, question):
    """True/false answers are sent as 'true'/'false'; other choices as their text."""
    return option.lower() if question.kind == "true_false" else option


@register.filter
def rows(question, result):
    """(label, options, chosen, index) for each select of an order or match question."""
    given = list(result.response) if result and result.response else []
    options = question.options(0)
    labels = (
        [f"Position {n}" for n in range(1, len(question.answer) + 1)]
        if question.kind == "order"
        else list(question.left)
    )
    return [
        (label, options, given[i] if i < len(given) else "", i) for i, label in enumerate(labels)
    ]

"""The quiz as a reader sees it: what it is worth, the score in the same unit, repeated items."""

import json
import re

from django.template.loader import render_to_string
from django.test import RequestFactory

from quizzes.kinds import Question
from quizzes.views import check, json_result

CHOICE = Question(
    key="c",
    kind="multiple_choice",
    prompt="Who founded the Red Army?",
    choices=("Trotsky", "Kamenev"),
    answer=("Trotsky",),
)
ORDER = Question(
    key="o",
    kind="order",
    prompt="Put these events in order, earliest first.",
    choices=("Bloody Sunday", "October Manifesto", "Abdication", "Brest-Litovsk"),
    answer=("Bloody Sunday", "October Manifesto", "Abdication", "Brest-Litovsk"),
)
QUESTIONS = [CHOICE, ORDER]


def render_quiz(answers=None):
    factory = RequestFactory()
    request = factory.post("/", answers) if answers else factory.get("/")
    context = {
        "questions": QUESTIONS,
        "quiz_result": check(request, QUESTIONS) if answers else None,
        "quiz_id": "quiz",
        "quiz_title": "Check your understanding",
        "quiz_action": "/",
        "quiz_seed": 0,
    }
    text = render_to_string("quizzes/includes/quiz.html", context, request=request)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def test_the_header_and_the_score_count_the_same_points():
    assert "2 questions worth 5 points" in render_quiz()
    answers = {"c": "Trotsky", "o-0": "Bloody Sunday", "o-1": "Abdication", "o-2": "", "o-3": ""}
    assert "You scored 2 out of 5 points." in render_quiz(answers)


def test_a_reader_who_repeats_an_item_is_told_so():
    answers = {"c": "Kamenev", **{f"o-{i}": "Bloody Sunday" for i in range(4)}}
    page = render_quiz(answers)
    assert "Each item goes in one place only: you chose “Bloody Sunday” more than once." in page
    assert "You scored 0 out of 5 points." in page


def test_the_script_gets_the_repeated_items_too():
    request = RequestFactory().post("/", {f"o-{i}": "Abdication" for i in range(4)})
    body = json.loads(json_result(check(request, QUESTIONS)).content)
    assert [q["repeated"] for q in body["questions"]] == [[], ["Abdication"]]

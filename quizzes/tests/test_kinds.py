"""Every question kind scores, solves and validates by the same contract."""

import pytest

from quizzes.kinds import Question, grade, validate

CHOICE = Question(
    key="q1",
    kind="multiple_choice",
    prompt="Who founded the Red Army?",
    choices=("Trotsky", "Kamenev", "Bukharin"),
    answer=("Trotsky",),
    explanation="He was War Commissar.",
)
TRUE_FALSE = Question(
    key="q2", kind="true_false", prompt="Trotsky was a Bolshevik in 1905.", answer=("false",)
)
ORDER = Question(
    key="q3",
    kind="order",
    prompt="Order these.",
    choices=("A", "B", "C", "D"),
    answer=("A", "B", "C", "D"),
)
MATCH = Question(
    key="q4",
    kind="match",
    prompt="Match.",
    left=("Trotsky", "Dzerzhinsky"),
    choices=("War", "Cheka"),
    answer=("War", "Cheka"),
)


@pytest.mark.parametrize(
    "question, response, points",
    [
        (CHOICE, "Trotsky", 1),
        (CHOICE, "Kamenev", 0),
        (CHOICE, None, 0),
        (TRUE_FALSE, "false", 1),
        (TRUE_FALSE, "true", 0),
        (ORDER, ["A", "B", "C", "D"], 4),
        (ORDER, ["B", "A", "C", "D"], 2),
        (ORDER, [], 0),
        (MATCH, ["War", "Cheka"], 2),
        (MATCH, ["Cheka", "War"], 0),
    ],
)
def test_each_kind_scores_a_response(question, response, points):
    assert question.score(response) == points


def test_grading_adds_up_a_quiz():
    results, score, out_of = grade(
        [CHOICE, TRUE_FALSE, ORDER], {"q1": "Trotsky", "q2": "true", "q3": ["A", "B", "D", "C"]}
    )
    assert (score, out_of) == (3, 6)
    assert [r.correct for r in results] == [True, False, False]


def test_options_are_stable_for_a_seed_and_an_order_question_is_never_shown_solved():
    assert CHOICE.options(3) == CHOICE.options(3)
    for seed in range(50):
        assert ORDER.options(seed) != ORDER.answer


def test_solutions_read_as_sentences():
    assert MATCH.solution() == "Trotsky: War; Dzerzhinsky: Cheka"
    assert ORDER.solution() == "A → B → C → D"
    assert TRUE_FALSE.solution() == "False"


def test_validation_refuses_unfair_questions():
    assert validate(CHOICE) == []
    two_right = Question(
        key="x", kind="multiple_choice", prompt="?", choices=("A", "A", "B"), answer=("A",)
    )
    assert "has the same choice twice" in validate(two_right)
    missing = Question(
        key="x", kind="multiple_choice", prompt="?", choices=("A", "B"), answer=("C",)
    )
    assert validate(missing)


@pytest.mark.parametrize(
    "question, response",
    [(ORDER, ["A", "A", "A", "A"]), (ORDER, ["A", "B", "A", "D"]), (MATCH, ["War", "War"])],
)
def test_a_response_that_uses_an_item_twice_scores_nothing(question, response):
    assert question.score(response) == 0


def test_the_result_names_the_items_used_more_than_once():
    (result,), _, _ = grade([ORDER], {"q3": ["C", "A", "C", "A"]})
    assert result.repeated == ("C", "A")
    assert grade([ORDER], {"q3": ["B", "A", "", ""]})[0][0].repeated == ()

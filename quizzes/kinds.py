"""Question kinds and their common contract: what the reader is shown, how an answer scores,
and the solution with its explanation. Pure Python, so every kind is tested without a database.

Every kind answers the same four questions (as H5P's question types do), so any kind plugs into
an article's quiz, a practice quiz and the course revision quiz alike:
`options()` what to show, `score(response)`, `max_score`, and `solution()`.
"""

import random
from dataclasses import dataclass, field

KINDS = ("multiple_choice", "true_false", "order", "match")


@dataclass(frozen=True)
class Question:
    """One question. `answer` is the right choice (multiple choice), "true"/"false", the items in the
    right order (order), or the right partner of each left-hand item (match)."""

    key: str  # stable identifier within a quiz, used as the form field name
    kind: str
    prompt: str
    choices: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    explanation: str = ""
    link: str = ""  # a section anchor ("#exile-and-death") or a URL
    left: tuple[str, ...] = field(default=())  # match: the items to pair, in order
    generated: bool = False
    in_order: bool = False  # choices shown as given (dates read best earliest first), not shuffled

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown question kind '{self.kind}'")

    @property
    def max_score(self):
        return len(self.answer) if self.kind in ("order", "match") else 1

    def options(self, seed=0):
        """The choices in the order shown: shuffled the same way every time for a given seed."""
        if self.kind == "true_false":
            return ("True", "False")
        if self.in_order:
            return tuple(self.choices)
        shown = list(self.choices)
        random.Random(f"{self.key}:{seed}").shuffle(shown)
        if self.kind == "order" and shown == list(self.answer) and len(shown) > 1:
            shown.append(shown.pop(0))  # never show an order question already solved
        return tuple(shown)

    def score(self, response):
        """Points for a response: a string (one answer) or a list (order positions / match partners)."""
        if self.kind in ("multiple_choice", "true_false"):
            given = (response or "").strip().lower() if isinstance(response, str) else ""
            return int(given == self.answer[0].lower())
        given = list(response or [])
        if self.repeated(given):
            return 0  # each item goes in one place: a response that repeats one is not accepted
        return sum(1 for expected, got in zip(self.answer, given, strict=False) if got == expected)

    def repeated(self, response):
        """The items an order or match response uses more than once, in the order first used."""
        if self.kind not in ("order", "match") or not isinstance(response, list | tuple):
            return ()
        chosen = [item for item in response if item]
        return tuple(dict.fromkeys(item for item in chosen if chosen.count(item) > 1))

    def solution(self):
        """The right answer as a reader should read it."""
        if self.kind == "true_false":
            return "True" if self.answer[0] == "true" else "False"
        if self.kind == "order":
            return " → ".join(self.answer)
        if self.kind == "match":
            return "; ".join(
                f"{left}: {right}" for left, right in zip(self.left, self.answer, strict=True)
            )
        return self.answer[0]


@dataclass(frozen=True)
class Result:
    question: Question
    response: object
    points: int

    @property
    def correct(self):
        return self.points == self.question.max_score

    @property
    def repeated(self):
        """Items the reader put in more than one place (each goes in exactly one)."""
        return self.question.repeated(self.response)


def grade(questions, responses):
    """Score each question from a mapping of key -> response; returns the results and the totals."""
    results = [Result(q, responses.get(q.key), q.score(responses.get(q.key))) for q in questions]
    return results, sum(r.points for r in results), sum(q.max_score for q in questions)


def validate(question):
    """Problems that would make a question unfair: no answer, two right answers, a missing choice."""
    problems = []
    if question.kind == "multiple_choice":
        if len(question.choices) < 2:
            problems.append("needs at least two choices")
        if len(set(question.choices)) != len(question.choices):
            problems.append("has the same choice twice")
        if len(question.answer) != 1 or question.answer[0] not in question.choices:
            problems.append("its answer must be exactly one of its choices")
    elif question.kind == "true_false":
        if question.answer not in (("true",), ("false",)):
            problems.append("its answer must be true or false")
    elif question.kind == "order":
        if len(question.answer) < 3:
            problems.append("needs at least three items to order")
        if sorted(question.choices) != sorted(question.answer) or len(set(question.answer)) != len(
            question.answer
        ):
            problems.append("its items must be distinct")
    elif question.kind == "match":
        if len(question.left) < 2 or len(question.left) != len(question.answer):
            problems.append("needs at least two pairs")
        if len(set(question.answer)) != len(question.answer) or len(set(question.left)) != len(
            question.left
        ):
            problems.append("its pairs must be distinct")
    if not question.prompt.strip():
        problems.append("needs a prompt")
    return problems

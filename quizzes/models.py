"""Authored quiz questions, kept on their article and edited in the article's admin form."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .kinds import KINDS, Question


class ArticleQuestion(Orderable):
    """A question an editor wrote for a topic. Choices are one per line; for 'match' each line is
    'left = right'; for 'order' the lines are the items in the right order."""

    page = ParentalKey("courses.ArticlePage", on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        max_length=20, choices=[(k, k.replace("_", " ").capitalize()) for k in KINDS]
    )
    prompt = models.TextField()
    choices = models.TextField(
        blank=True, help_text="One per line. Match: 'left = right'. Order: in the right order."
    )
    answer = models.CharField(
        max_length=500,
        blank=True,
        help_text="Multiple choice: the right choice. True/false: true or false.",
    )
    explanation = models.TextField(blank=True)
    link = models.CharField(
        max_length=255, blank=True, help_text="A section anchor (#exile-and-death) or a URL."
    )

    panels = [
        FieldPanel(name) for name in ("kind", "prompt", "choices", "answer", "explanation", "link")
    ]

    def __str__(self):
        return self.prompt

    def to_question(self, key):
        lines = [line.strip() for line in self.choices.splitlines() if line.strip()]
        common = {
            "key": key,
            "kind": self.kind,
            "prompt": self.prompt,
            "explanation": self.explanation,
            "link": self.link,
        }
        if self.kind == "match":
            pairs = [
                tuple(part.strip() for part in line.split("=", 1)) for line in lines if "=" in line
            ]
            return Question(
                left=tuple(p[0] for p in pairs),
                choices=tuple(p[1] for p in pairs),
                answer=tuple(p[1] for p in pairs),
                **common,
            )
        if self.kind == "order":
            return Question(choices=tuple(lines), answer=tuple(lines), **common)
        if self.kind == "true_false":
            return Question(answer=(self.answer.strip().lower(),), **common)
        return Question(choices=tuple(lines), answer=(self.answer.strip(),), **common)

"""A printable worksheet per topic: the enquiry, key dates, the primary sources with their
provenance questions, the quiz with room to answer, the topic's terms, and an answer sheet.

Rendered from a Django template by WeasyPrint, in A4 or US Letter, and cached per content version
(a PDF takes a second or so to typeset; the content changes only on publish).
"""

import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string

from core.licence import LICENCE, LICENCE_URL

from .menu import content_version
from .rendering import ENTITY_LINK, BodyRenderer, Entities, key_dates

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


def topic_questions(page):
    """The questions a topic hands to teachers (worksheet and quiz exports): all its authored
    questions first, topped up from its events to the practice quiz's length, in a fixed order."""
    from quizzes.quiz import PRACTICE_QUIZ_SIZE, article_questions

    return article_questions(page, PRACTICE_QUIZ_SIZE, seed=0, every_authored=True)


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def printed_question(question):
    """A question laid out for paper: lettered options (shown in the quiz's own shuffled order),
    and the answer as letters and words for the answer sheet."""
    options = question.options(seed=0)
    letter_of = dict(zip(options, LETTERS, strict=False))
    if question.kind == "match":
        answer = "; ".join(
            f"{left}: {letter_of[right]} ({right})"
            for left, right in zip(question.left, question.answer, strict=True)
        )
    elif question.kind == "order":
        answer = ", ".join(letter_of[item] for item in question.answer)
    elif question.kind == "true_false":
        answer = question.solution()
    else:
        answer = f"{letter_of[question.answer[0]]}: {question.answer[0]}"
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "options": list(zip(LETTERS, options, strict=False)),
        "left": question.left,
        "answer": answer,
        "explanation": question.explanation,
    }


def primary_sources(page, request=None):
    """The article's primary source blocks as HTML (the article's own block template), with
    entity links resolved as on the page."""
    blocks = [
        block.render(context={"request": request, "page": page})
        for block in page.body
        if block.block_type == "source"
    ]
    renderer = BodyRenderer(Entities.for_text("".join(blocks)), request)
    return [renderer.render_block_html(html) for html in blocks]


def topic_terms(page):
    """Every glossary term the article body links to, alphabetically (one query)."""
    from chronology.models import GlossaryTerm

    slugs = {match.group(1) for match in ENTITY_LINK.finditer(json.dumps(list(page.body.raw_data)))}
    return list(GlossaryTerm.objects.filter(slug__in=slugs).order_by("term")) if slugs else []


def worksheet_html(page, request=None, paper="a4"):
    """The worksheet as an HTML document for WeasyPrint."""
    stylesheets = [finders.find("clio/css/print.css"), finders.find("courses/worksheet.css")]
    return render_to_string(
        "courses/pdf/worksheet.html",
        {
            "page": page,
            "paper": PAPER_SIZES[paper],
            "page_url": page.get_full_url(request),
            "sources": primary_sources(page, request),
            "questions": [printed_question(q) for q in topic_questions(page)],
            "terms": topic_terms(page),
            "css": "\n".join(open(path, encoding="utf-8").read() for path in stylesheets),
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            **key_dates(page),
        },
    )


def worksheet_pdf(page, request=None, paper="a4"):
    """The worksheet as PDF bytes, typeset once per content version and paper size."""
    key = f"clio:worksheet:{page.pk}:{paper}:{content_version()}"
    pdf = cache.get(key)
    if pdf is None:
        from weasyprint import HTML

        html = worksheet_html(page, request, paper)
        base_url = request.build_absolute_uri("/") if request else settings.WAGTAILADMIN_BASE_URL
        pdf = HTML(string=html, base_url=base_url).write_pdf()
        cache.set(key, pdf, timeout=None)
    return pdf

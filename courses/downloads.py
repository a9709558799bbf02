"""Files that belong to a page, served at the page's address plus a file name:
`<article>/worksheet.pdf`, `<article>/quiz.moodle.xml`, `<course>/revision.qti.zip`,
`<article or person>/cite.bib`.

Wagtail's page URLs end in a slash and hold no dots, so these have a URL pattern of their own,
which finds the live page by its path (one query) and hands it to the file's maker.
"""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from chronology.models import PersonPage
from core.citation import CitedPage, bibtex, csl_json
from quizzes.exports import FORMATS, export

from .models import ArticlePage, CoursePage
from .worksheet import topic_questions, worksheet_pdf


def file_response(body, content_type, filename, attachment=True):
    response = HttpResponse(body, content_type=content_type)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def worksheet(paper):
    def make(request, page):
        suffix = "" if paper == "a4" else f"-{paper}"
        return file_response(
            worksheet_pdf(page, request, paper),
            "application/pdf",
            f"{page.slug}-worksheet{suffix}.pdf",
            attachment=False,
        )

    return make


def quiz_file(fmt, questions_of, title_of):
    ending, content_type, _ = FORMATS[fmt]

    def make(request, page):
        body = export(
            fmt, title_of(page), questions_of(page), page.get_full_url(request), page.slug
        )
        return file_response(body, content_type, f"{page.slug}-quiz.{ending}")

    return make


def revision_questions_of(course):
    from quizzes.quiz import revision_questions

    return revision_questions(0)


def citation(maker, content_type, ending):
    def make(request, page):
        return file_response(
            maker(CitedPage.of(page, request)), content_type, f"clio-{page.slug}.{ending}"
        )

    return make


CITATIONS = {
    "cite.bib": citation(bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "cite.json": citation(csl_json, "application/vnd.citationstyles.csl+json", "json"),
}
QUIZ_FILES = {f"quiz.{ending}": fmt for fmt, (ending, _, _) in FORMATS.items()}
REVISION_FILES = {f"revision.{ending}": fmt for fmt, (ending, _, _) in FORMATS.items()}

# file name -> the page types that have it, each with what makes the file
PAGE_FILES = {
    "worksheet.pdf": {ArticlePage: worksheet("a4")},
    "worksheet-letter.pdf": {ArticlePage: worksheet("letter")},
    **{
        name: {ArticlePage: quiz_file(fmt, topic_questions, lambda page: page.title)}
        for name, fmt in QUIZ_FILES.items()
    },
    **{
        name: {
            CoursePage: quiz_file(
                fmt, revision_questions_of, lambda page: f"{page.title}: revision quiz"
            )
        }
        for name, fmt in REVISION_FILES.items()
    },
    **{name: {ArticlePage: make, PersonPage: make} for name, make in CITATIONS.items()},
}


@require_GET
def page_file(request, page_path, filename):
    """A file of the live page at `page_path`, or 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site")
    url_path = site.root_page.url_path + page_path
    for model, make in PAGE_FILES.get(filename, {}).items():
        page = model.objects.live().public().filter(url_path=url_path).first()
        if page is not None:
            return make(request, page)
    raise Http404("No such file")

"""What a teacher takes away from a topic: the worksheet PDF, the quiz files and the citation."""

import io
import json
import zipfile
from xml.etree import ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from courses.worksheet import topic_questions

ARTICLE = "/mini-course/first-topic/"


def pdf_pages(response):
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content)).pages


def embedded_fonts(page):
    fonts = page["/Resources"]["/Font"]
    for font in fonts.values():
        font = font.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )["/FontDescriptor"]
        yield (
            font["/BaseFont"],
            any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")),
        )


@pytest.mark.django_db
def test_the_worksheet_has_the_topic_the_questions_and_an_answer_sheet_on_its_own_page(
    client, loaded_mini
):
    from courses.models import ArticlePage

    pages = pdf_pages(client.get(ARTICLE + "worksheet.pdf"))
    texts = [" ".join(page.extract_text().split()) for page in pages]
    whole = " ".join(texts)
    assert "The First Topic" in whole and "Why do tests need a small pack?" in whole
    assert "A short excerpt written for the tests." in whole  # the primary source
    assert "Why might an exile write this?" in whole  # its provenance question
    assert "soviet A council of elected deputies" in whole  # the topic's glossary
    assert "7 November" in whole  # key dates in both calendars
    questions = topic_questions(ArticlePage.objects.get(slug="first-topic"))
    assert questions
    answers = [i for i, text in enumerate(texts) if "Answer sheet" in text]
    assert answers == [len(texts) - 1]  # the last page, and only it
    assert not any(q.prompt in texts[-1] for q in questions)  # no question shares its page
    for question in questions:  # each question whole on one page, its options with it
        shown = [" ".join(question.prompt.split())] + list(question.options(seed=0))
        assert any(all(part in text for part in shown) for text in texts[:-1]), question.prompt
        assert " ".join(question.solution().split()[:3]) in texts[-1]
    assert all("CC BY 4.0" in text for text in texts)  # the licence on every page
    for page in pages:
        assert all(embedded for _, embedded in embedded_fonts(page))


@pytest.mark.django_db
def test_the_worksheet_comes_in_a4_and_us_letter(client, loaded_mini):
    a4 = pdf_pages(client.get(ARTICLE + "worksheet.pdf"))[0].mediabox
    letter = pdf_pages(client.get(ARTICLE + "worksheet-letter.pdf"))[0].mediabox
    assert (round(a4.width), round(a4.height)) == (595, 842)
    assert (round(letter.width), round(letter.height)) == (612, 792)


@pytest.mark.django_db
def test_the_article_links_its_worksheet_quiz_files_and_citation(client, loaded_mini):
    html = client.get(ARTICLE).content.decode()
    for name in ("worksheet.pdf", "worksheet-letter.pdf", "quiz.moodle.xml", "quiz.gift.txt"):
        assert f'href="{ARTICLE}{name}"' in html
    assert f'href="{ARTICLE}quiz.qti.zip"' in html
    assert "<summary>Cite this page</summary>" in html
    practice = client.get(ARTICLE + "quiz/").content.decode()
    assert f'href="{ARTICLE}quiz.moodle.xml"' in practice
    revision = client.get("/mini-course/revision/").content.decode()
    assert 'href="/mini-course/revision.moodle.xml"' in revision


@pytest.mark.django_db
def test_quiz_downloads_hold_the_topics_questions(client, loaded_mini):
    from courses.models import ArticlePage

    count = len(topic_questions(ArticlePage.objects.get(slug="first-topic")))
    moodle = client.get(ARTICLE + "quiz.moodle.xml")
    assert moodle["Content-Disposition"] == 'attachment; filename="first-topic-quiz.moodle.xml"'
    root = ET.fromstring(moodle.content)
    assert len([q for q in root.findall("question") if q.get("type") != "category"]) == count
    gift = client.get(ARTICLE + "quiz.gift.txt").content.decode()
    assert gift.count("\n::") == count
    with zipfile.ZipFile(io.BytesIO(client.get(ARTICLE + "quiz.qti.zip").content)) as package:
        assert len([n for n in package.namelist() if n.startswith("items/")]) == count
    revision = client.get("/mini-course/revision.gift.txt")
    assert revision.status_code == 200 and b"revision quiz" in revision.content


@pytest.mark.django_db
def test_unknown_files_and_pages_are_not_found(client, loaded_mini):
    assert client.get(ARTICLE + "worksheet.docx").status_code == 404
    assert client.get("/mini-course/no-such-topic/worksheet.pdf").status_code == 404
    assert client.get("/people/leon-trotsky/worksheet.pdf").status_code == 404
    assert client.get("/mini-course/cite.bib").status_code == 404


@pytest.mark.django_db
def test_article_and_person_pages_cite_themselves_with_the_revision_date(client, loaded_mini):
    from courses.models import ArticlePage

    revised = ArticlePage.objects.get(slug="first-topic").last_published_at.date()
    html = client.get(ARTICLE).content.decode()
    assert f"Clio. ({revised.year}, {revised:%B} {revised.day}). <i>The First Topic</i>." in html
    assert f"“The First Topic.” <i>Clio: Mini Course</i>, {revised.day} " in html
    assert f"Last modified {revised:%B} {revised.day}, {revised.year}." in html
    person = client.get("/people/leon-trotsky/").content.decode()
    assert "<summary>Cite this page</summary>" in person and "Clio: People" in person


@pytest.mark.django_db
def test_bibtex_and_csl_json_downloads_read_back_with_real_processors(client, loaded_mini):
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from pybtex.database import parse_string

    bib = client.get(ARTICLE + "cite.bib")
    entry = parse_string(bib.content.decode(), "bibtex").entries["clio-first-topic"]
    assert entry.fields["title"] == "The First Topic"
    assert entry.fields["url"].endswith(ARTICLE) and "CC BY 4.0" in entry.fields["note"]
    items = json.loads(client.get(ARTICLE + "cite.json").content)
    assert items[0]["license"] == "CC BY 4.0" and items[0]["type"] == "webpage"
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem("clio-first-topic")]))
    rendered = str(bibliography.bibliography()[0])
    assert "Clio" in rendered and "The First Topic" in rendered


def queries(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_worksheet_and_quiz_files_cost_the_same_queries_whatever_the_course_size(
    client, loaded_mini
):
    from chronology.models import Event, Source
    from courses.models import ArticlePage

    urls = [
        ARTICLE + name for name in ("worksheet.pdf", "quiz.moodle.xml", "quiz.qti.zip", "cite.bib")
    ]
    urls.append("/mini-course/revision.gift.txt")
    before = [queries(client, url) for url in urls]
    page = ArticlePage.objects.get(slug="first-topic")
    source = Source.objects.first()
    for n in range(40):
        event = Event.objects.create(
            slug=f"extra-{n}", title=f"Extra event {n}", when=f"{1900 + n}-05"
        )
        event.topics.add(page)
        event.sources.add(source)
    after = [queries(client, url) for url in urls]
    assert after == before
    counts = dict(zip(urls, before, strict=True))
    # With an empty cache; the worksheet also fetches the course chronology for its questions.
    assert counts[urls[0]] <= 14 and max(before[1:]) <= 10, counts


@pytest.mark.django_db
def test_a_teacher_prints_downloads_and_cites_from_the_trotsky_article(client, loaded_course):
    article = "/russian-soviet-history/leon-trotsky/"
    html = client.get(article).content.decode()
    pages = pdf_pages(client.get(article + "worksheet.pdf"))
    assert 3 <= len(pages) <= 8
    whole = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "What was Trotsky's name at birth?" in whole and "Answer sheet" in whole
    assert f'href="{article}quiz.moodle.xml"' in html
    root = ET.fromstring(client.get(article + "quiz.moodle.xml").content)
    prompts = [q.findtext("questiontext/text") for q in root.findall("question")]
    assert "What was Trotsky's name at birth?" in prompts
    assert "<summary>Cite this page</summary>" in html and "<i>Leon Trotsky</i>" in html

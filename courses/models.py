"""The pages of a course site: the home page, a course, and one article per topic."""

from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.serving import ServedPageMixin, served_from_cache

from .blocks import ArticleBodyBlock, CoursePartBlock
from .menu import cached_content, course_menu


class HomePage(ServedPageMixin, Page):
    """The site's front page: what Clio is and the courses it offers."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = [
        "courses.CoursePage",
        "chronology.PeopleIndexPage",
        "chronology.OrganisationIndexPage",
        "primary_sources.SourceIndexPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from chronology.onthisday import on_this_day
        from newsletter.models import Issue

        from .showcase import part_figures, topic_cards

        context = super().get_context(request, *args, **kwargs)
        courses = []
        for course in CoursePage.objects.child_of(self).live().order_by("path"):
            menu = course.menu(request)
            parts = zip(menu, part_figures(menu, topic_cards(course)), strict=True)
            courses.append({"page": course, "parts": list(parts)})
        context["courses"] = courses
        context["on_this_day"] = on_this_day()
        context["newest_issue"] = (
            Issue.objects.filter(status=Issue.SENT)
            .order_by("-sent_at")
            .only("subject", "sent_at")
            .first()
        )
        return context

    def route(self, request, path_components):
        """Find the page an address names with one cached lookup (per content version) instead
        of two queries per level of the tree; the page found routes what is left (quiz/)."""
        if not path_components or getattr(request, "is_preview", False):
            return super().route(request, path_components)
        found = cached_content(
            f"route:{self.pk}:{'/'.join(path_components)}",
            lambda: self.deepest_page(path_components) or False,
        )
        if not found:
            return super().route(request, path_components)  # Wagtail's own 404
        page, depth = found
        return page.route(request, path_components[depth:])

    def deepest_page(self, path_components):
        """(the deepest page whose path starts `path_components`, how many of them it used)."""
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        page = Page.objects.filter(url_path__in=prefixes).order_by("-depth").first()
        return (served_from_cache(page.specific), page.depth - self.depth) if page else None


class CoursePage(ServedPageMixin, RoutablePageMixin, Page):
    """A course: an introduction and its parts, each an ordered list of topics."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    parts = StreamField([("part", CoursePartBlock())], blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("parts")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.ArticlePage"]

    def menu(self, request=None):
        return course_menu(self, request)

    def get_cached_paths(self):
        """The addresses a proxy cache holds for this page, purged when it is published."""
        return ["/", "revision/"]

    def get_context(self, request, *args, **kwargs):
        from quizzes.progress import progress_of

        context = super().get_context(request, *args, **kwargs)
        from .showcase import topic_cards

        context["course"] = self
        context["menu"] = menu = self.menu(request)
        context["cards"] = topic_cards(self)
        progress = progress_of(request)
        written = [topic.slug for part in menu for topic in part.topics if topic.url]
        read = [slug for slug in progress["read"] if slug in written]
        context["progress"] = {
            "read": len(read),
            "written": len(written),
            "percent": round(100 * len(read) / len(written)) if written else 0,
            "best": progress["best"],
            "read_slugs": set(read),
        }
        return context

    @path("revision/", name="revision")
    def revision(self, request):
        """A quiz over the whole course's chronology."""
        from quizzes.quiz import revision_questions
        from quizzes.views import check, json_result, seed_from, wants_json

        questions = revision_questions(seed_from(request))
        result = check(request, questions) if request.method == "POST" else None
        if result and wants_json(request):
            return json_result(result)
        quiz = {
            "questions": questions,
            "quiz_result": result,
            "quiz_title": "Revision quiz",
            "quiz_seed": seed_from(request),
            "quiz_action": self.url + "revision/",
            "quiz_id": "quiz",
        }
        return self.render(request, template="quizzes/revision_quiz.html", context_overrides=quiz)


class ArticlePage(ServedPageMixin, RoutablePageMixin, Page):
    """One topic of a course: an enquiry, a body of sections, sources, key dates, people and a quiz."""

    standfirst = models.TextField(help_text="One or two sentences under the title.")
    enquiry = models.CharField(
        max_length=255, blank=True, help_text="The question the article answers."
    )
    periods = models.CharField(
        max_length=255, blank=True, help_text="Comma-separated periods, e.g. 1917-1924."
    )
    themes = models.CharField(max_length=255, blank=True, help_text="Comma-separated exam themes.")
    body = StreamField(ArticleBodyBlock(), use_json_field=True)
    people = ParentalManyToManyField("chronology.PersonPage", blank=True, related_name="articles")

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("enquiry"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("periods"), FieldPanel("themes"), FieldPanel("people")],
            heading="Tags and people",
        ),
        InlinePanel("bibliography", label="Bibliography"),
        InlinePanel("questions", label="Quiz questions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst", boost=2),
        index.SearchField("enquiry"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    @cached_property
    def course(self):
        return self.get_parent().specific

    def get_cached_paths(self):
        """The addresses a proxy cache holds for this page, purged when it is published."""
        return ["/", "quiz/"]

    @property
    def period_list(self):
        return [p.strip() for p in self.periods.split(",") if p.strip()]

    @property
    def theme_list(self):
        return [t.strip() for t in self.themes.split(",") if t.strip()]

    def get_context(self, request, *args, **kwargs):
        from .rendering import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context

    def quiz_response(self, request, questions, template, title, action):
        """Show a quiz, or grade a submitted one (as a page, or as JSON for the in-page script)."""
        from quizzes import progress
        from quizzes.views import check, json_result, seed_from, wants_json

        result = None
        if request.method == "POST":
            result = check(request, questions)
            progress.record_score(request, self.slug, result["score"], result["out_of"])
            if wants_json(request):
                return json_result(result)
        quiz = {
            "questions": questions,
            "quiz_result": result,
            "quiz_title": title,
            "quiz_action": action,
            "quiz_seed": seed_from(request),
            "quiz_id": "quiz",
        }
        return self.render(request, template=template, context_overrides=quiz)

    def questions_for(self, request, size, seed=0):
        """The quiz's questions, made once per content version (afresh in a preview)."""
        from quizzes.quiz import article_questions

        if getattr(request, "is_preview", False):
            return article_questions(self, size, seed)
        key = f"quiz:{self.pk}:{self.live_revision_id}:{size}:{seed}"
        return cached_content(key, lambda: article_questions(self, size, seed))

    @path("")
    def article(self, request):
        from quizzes.quiz import ARTICLE_QUIZ_SIZE

        return self.quiz_response(
            request,
            self.questions_for(request, ARTICLE_QUIZ_SIZE),
            self.get_template(request),
            "Check your understanding",
            self.url,
        )

    @path("quiz/", name="practice")
    def practice(self, request):
        from quizzes.quiz import PRACTICE_QUIZ_SIZE
        from quizzes.views import seed_from

        questions = self.questions_for(request, PRACTICE_QUIZ_SIZE, seed_from(request))
        return self.quiz_response(
            request,
            questions,
            "quizzes/practice_quiz.html",
            f"Practice quiz: {self.title}",
            self.url + "quiz/",
        )


class ArticleSource(Orderable):
    """A work in an article's bibliography, in the order the article lists it."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bibliography")
    source = models.ForeignKey("chronology.Source", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("source")]

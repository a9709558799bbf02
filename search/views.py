"""The site search: one box for every kind of thing in the course, grouped by kind, narrowed by
topic and period, with typo corrections and highlighted snippets; and its autocomplete JSON.

The searching itself is Wagtail's search backend's; the fuzzy layer (`search.query`) only chooses
the words to ask it for. A page costs one query per kind shown plus, after a content change,
one to rebuild the vocabulary: the same whatever the size of the course.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.html import escape
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Fuzzy, Or, PlainText

from chronology.timeline import TimelineFilters
from courses.models import ArticlePage

from .kinds import CLOSE_MATCHES, KINDS, KINDS_BY_SLUG
from .query import MAX_QUERY_LENGTH, highlight, name_match, plan_query, snippet, words
from .vocabulary import search_data

GROUP_SIZE = 5  # results shown per kind on the grouped page
CANDIDATES = 10  # results fetched per kind, so that a name match can be lifted to the top
RESULTS_PER_PAGE = 20
SUGGESTIONS = 8


def backend_query(plan):
    """The plan as a Wagtail search query: every typed word, in any of its forms."""
    parts = []
    for _word, forms in plan.terms:
        alternatives = [PlainText(form) for form in sorted(forms)]
        parts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    return parts[0] if len(parts) == 1 else And(parts)


@dataclass
class Result:
    """One thing found, as the page shows it."""

    kind: str
    title: str
    url: str
    snippet: str
    match: float
    date: object = None


@dataclass
class Group:
    """The results of one kind; `more` when there are others than those shown."""

    kind: object
    results: list = field(default_factory=list)
    more: bool = False
    found: int = 0  # how many were fetched: CANDIDATES means "at least"

    @property
    def count(self):
        return f"{self.found}+" if self.found >= CANDIDATES else str(self.found)

    @property
    def best(self):
        return self.results[0].match if self.results else 0.0


def clean_text(value, length=MAX_QUERY_LENGTH):
    """A query parameter as plain text: no control characters, at most `length` characters."""
    return "".join(ch for ch in value[:length] if ch.isprintable()).strip()


class Search:
    """A search as its URL asks it: the words, the kind, topic and period filters, the page."""

    def __init__(self, params):
        self.text = clean_text(params.get("q", ""))
        self.kind = KINDS_BY_SLUG.get(params.get("kind", ""))
        self.data = search_data()
        topics = dict(self.data.topics)
        topic = params.get("topic", "")
        self.topic = topic if topic in topics else ""
        self.period = clean_text(params.get("period", ""), 20)
        self.years = TimelineFilters(period=self.period).years()
        if not any(self.years):
            self.period = ""
        self.plan = plan_query(self.text, self.data.vocabulary)

    @property
    def period_values(self):
        return [value for value, _label in self.data.periods]

    def found(self, kind):
        """The queryset of `kind` that match, narrowed by topic and period, best first."""
        queryset = kind.narrow(kind.queryset(), self.topic, self.years, self.data.articles_in)
        if issubclass(queryset.model, Page):
            for path in self.data.restricted:  # what Page.public() does, without its query
                queryset = queryset.exclude(path__startswith=path)
        return get_search_backend().search(backend_query(self.plan), queryset)

    def result(self, kind, obj):
        forms = self.plan.all_forms
        title = kind.title(obj)
        names = self.data.names.get((kind.slug, str(obj.pk)), frozenset())
        return Result(
            kind=kind.slug,
            title=highlight(title, forms),
            url=kind.link(obj),
            snippet=snippet(kind.text(obj), forms),
            match=name_match(self.plan, names),
            date=getattr(obj, "when_date", None),
        )

    def ranked(self, kind, objects):
        """Results of one kind, those whose names are the query first, the backend's order next."""
        results = [(self.result(kind, obj), len(words(kind.title(obj)))) for obj in objects]
        # A name that is the query and little else ("Bolshevik Revolution" for "bolshevik
        # revolution") before a longer one that merely contains it.
        results.sort(key=lambda pair: (-pair[0].match, pair[1] if pair[0].match else 0))
        return [result for result, _length in results]

    def groups(self):
        """Every kind with results, the kind whose best result is named by the query first."""
        groups = []
        for kind in KINDS:
            if not self.data.may_match(kind.slug, self.plan):
                continue  # no word of the query is in its text: spare the query
            found = list(self.found(kind)[:CANDIDATES])
            if found:
                results = self.ranked(kind, found)
                groups.append(
                    Group(kind, results[:GROUP_SIZE], len(found) > GROUP_SIZE, len(found))
                )
        order = {kind.slug: n for n, kind in enumerate(KINDS)}
        if not groups and connection.vendor == "postgresql":
            return self.close_matches()
        return sorted(groups, key=lambda group: (-group.best, order[group.kind.slug]))

    def close_matches(self):
        """When nothing matches, pages whose words resemble the query's (pg_trgm trigrams over
        Wagtail's index, PostgreSQL only): a misspelt word of an article's body, say."""
        from chronology.models import OrganisationPage, PersonPage

        if self.topic or self.period:
            return []
        typed = " ".join(word for word, _forms in self.plan.terms)
        pages = Page.objects.live().type(ArticlePage, PersonPage, OrganisationPage)
        found = list(pages.search(Fuzzy(typed))[:GROUP_SIZE])
        results = [Result("close", escape(page.title), page.get_url(), "", 0.0) for page in found]
        return [Group(CLOSE_MATCHES, results, found=len(results))] if results else []

    def page_of(self, number):
        """One page of results of the chosen kind."""
        paginator = Paginator(self.found(self.kind), RESULTS_PER_PAGE)
        try:
            page = paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        page.results = [self.result(self.kind, obj) for obj in page.object_list]
        return page


@require_GET
def search(request):
    """/search/?q=…&kind=…&topic=…&period=…: the results, grouped by kind unless one is chosen."""
    query = Search(request.GET)
    context = {
        "query": query.text,
        "search": query,
        "kinds": KINDS,
        "topics": query.data.topics,
        "periods": query.data.periods,
    }
    if not query.plan.empty:
        if query.kind:
            context["page"] = query.page_of(request.GET.get("page", 1))
        else:
            context["groups"] = query.groups()
    return render(request, "search/search.html", context)


@require_GET
def suggest(request):
    """/search/suggest/?q=…: up to eight articles, people and organisations whose names start
    with what was typed (its finished words corrected), as JSON for the header box."""
    text = clean_text(request.GET.get("q", ""), 100)
    typed = words(text)
    suggestions = []
    if typed and len("".join(typed)) >= 2:
        from chronology.models import OrganisationPage, PersonPage

        corrections = plan_query(" ".join(typed[:-1]), search_data().vocabulary).corrections
        prefix = " ".join([corrections.get(word, word) for word in typed[:-1]] + typed[-1:])
        pages = Page.objects.live().type(ArticlePage, PersonPage, OrganisationPage)
        kinds = {ArticlePage: "article", PersonPage: "person", OrganisationPage: "organisation"}
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "kind": kinds.get(page.specific_class, "page"),
            }
            for page in pages.autocomplete(prefix)[:SUGGESTIONS]
        ]
    return JsonResponse({"query": text, "suggestions": suggestions})

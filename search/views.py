"""The site search: articles first, then people, organisations, events and glossary terms,
each through Wagtail's search backend, in a fixed number of queries whatever the course size."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.search.backends import get_search_backend

from chronology.models import Event, GlossaryTerm, OrganisationPage, PersonPage
from courses.models import ArticlePage

RESULTS_PER_PAGE = 20
OTHER_RESULTS = 8


def search(request):
    # Words only: quotes, operators and NUL bytes are syntax errors to the full-text engine.
    query = " ".join(re.findall(r"\w+", request.GET.get("q", "")))[:200]
    context = {"query": query}
    if query:
        articles = ArticlePage.objects.live().public().search(query)
        paginator = Paginator(articles, RESULTS_PER_PAGE)
        try:
            context["results"] = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            context["results"] = paginator.page(1)
        context["people"] = list(PersonPage.objects.live().search(query)[:OTHER_RESULTS])
        context["organisations"] = list(
            OrganisationPage.objects.live().search(query)[:OTHER_RESULTS]
        )
        backend = get_search_backend()
        context["events"] = list(backend.search(query, Event)[:OTHER_RESULTS])
        context["terms"] = list(backend.search(query, GlossaryTerm)[:OTHER_RESULTS])
    return render(request, "search/search.html", context)

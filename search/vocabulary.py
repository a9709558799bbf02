"""What the fuzzy layer knows about the indexed content: its words, the names of each result,
and the topics and periods a search can be narrowed to.

Read in one SQL query (a UNION over every indexed kind) and cached until the content changes,
so that a search page costs the same few queries whatever the size of the course.
"""

import json
import re
import uuid
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import TextField, Value
from django.db.models.functions import Cast, Concat
from wagtail.models import PageViewRestriction

from chronology.models import (
    Event,
    GlossaryTerm,
    OrganisationPage,
    PersonAlias,
    PersonPage,
    Place,
    Source,
)
from chronology.timeline import TimelineFilters
from courses.menu import content_version
from courses.models import ArticlePage, CoursePage

from .query import Vocabulary, words

NAME_WEIGHT = 5  # a word of a name or title counts five times a word of prose
STEM = 5  # letters a word shares with its stemmed forms, for the may-match test


@dataclass
class SearchData:
    """The vocabulary, each result's name words by (kind, pk), and the filter choices."""

    vocabulary: Vocabulary
    names: dict
    topics: list  # (slug, title) in course order
    periods: list  # (value "1861-1917", label "Tsarist Russia, 1861–1917")
    article_years: dict  # article slug -> [(first, last), ...]
    kind_words: dict  # kind -> every word and five-letter stem its indexed text holds
    restricted: list  # paths of pages behind a view restriction (password, login…)

    def may_match(self, kind, plan):
        """Whether every word of the query has a form that `kind`'s indexed text holds, so
        that a search of it can find anything. Articles are searched always (their bodies are
        not in the vocabulary)."""
        held = self.kind_words.get(kind)
        if held is None:
            return True
        return all(
            any(form in held or form[:STEM] in held for form in forms)
            for _word, forms in plan.terms
        )

    def articles_in(self, years):
        """Slugs of the articles whose periods overlap the span `years` (first, last)."""
        first, last = years
        return [
            slug
            for slug, spans in self.article_years.items()
            if any((not first or b >= first) and (not last or a <= last) for a, b in spans)
        ]


def _rows(model, kind, names, text="", extra="", pk="pk", slug="slug", queryset=None):
    """One kind's part of the UNION: (kind, pk, slug, names, text, extra), all as text."""
    empty = Value("", output_field=TextField())
    as_text = {
        name: (Cast(value, TextField()) if value else empty)
        for name, value in {"s": slug, "n": names, "t": text, "e": extra}.items()
    }
    queryset = model.objects.all() if queryset is None else queryset
    return queryset.order_by().values_list(
        Value(kind, output_field=TextField()),
        Cast(pk, TextField()),
        as_text["s"],
        as_text["n"],
        as_text["t"],
        as_text["e"],
    )


def union_query():
    live = {"live": True}
    parts = [
        _rows(PersonPage, "people", "title", "summary", queryset=PersonPage.objects.filter(**live)),
        _rows(PersonAlias, "people", "name", pk="person_id", slug=""),
        _rows(
            ArticlePage,
            "articles",
            "title",
            "standfirst",
            "periods",
            queryset=ArticlePage.objects.filter(**live),
        ),
        _rows(
            OrganisationPage,
            "organisations",
            Concat("title", Value(" "), "short_name", output_field=TextField()),
            "summary",
            "other_names",
            queryset=OrganisationPage.objects.filter(**live),
        ),
        _rows(GlossaryTerm, "glossary", "term", "definition", "aliases"),
        _rows(
            Event,
            "events",
            "title",
            Concat("summary", Value(" "), "significance", output_field=TextField()),
        ),
        _rows(Place, "places", "name", "summary", "aliases"),
        _rows(Source, "sources", "title", "author"),
        _rows(PageViewRestriction, "restricted", "page__path", pk="page_id", slug=""),
        _rows(
            CoursePage, "course", "title", "", "parts", queryset=CoursePage.objects.filter(**live)
        ),
    ]
    return parts[0].union(*parts[1:], all=True)


def build_search_data():
    """Read every indexed name and text once and make the search data of them."""
    weights = Counter()
    names = {}
    topics, periods, article_years, restricted = [], [], {}, []
    kind_words = {}
    for kind, pk, slug, name, text, extra in union_query():
        if kind == "course":
            for part in json.loads(extra or "[]"):
                value = part.get("value", {})
                title = value.get("title", "")
                span = _span_in(title)
                if span:
                    periods.append((span, title))
                topics += [(t["slug"], t["title"]) for t in value.get("topics", [])]
            continue
        if kind == "restricted":
            restricted.append(name)
            continue
        name_words = set(words(name))
        if kind in ("glossary", "places", "organisations"):
            name_words |= set(words(extra))  # their aliases are names too
        elif kind == "articles":
            article_years[slug] = [
                TimelineFilters(period=p.strip()).years() for p in extra.split(",") if p.strip()
            ]
        names.setdefault((kind, pk), set()).update(name_words)
        for word in name_words:
            weights[word] += NAME_WEIGHT
        text_words = words(text)
        for word in text_words:
            weights[word] += 1
        if kind != "articles":
            held = kind_words.setdefault(kind, set())
            held.update(name_words, text_words)
            held.update(word[:STEM] for word in (*name_words, *text_words) if len(word) > STEM)
    article_years = {
        slug: [(a or 0, b or 9999) for a, b in spans if a or b]
        for slug, spans in article_years.items()
    }
    return SearchData(
        vocabulary=Vocabulary(weights),
        names={key: frozenset(value) for key, value in names.items()},
        topics=topics,
        periods=periods,
        article_years=article_years,
        kind_words=kind_words,
        restricted=restricted,
    )


def _span_in(title):
    """The years at the end of a part's title: "Tsarist Russia, 1861–1917" -> "1861-1917"."""
    match = re.search(r"(\d{4})\s*[–-]\s*(\d{4})\s*$", title) or re.search(r"(\d{4})\s*$", title)
    return "-".join(match.groups()) if match else ""


_built = {}  # this process's copy: unpickling it from the cache on every request would cost more


def search_data():
    """The search data for the current content, built on first use after any change.

    The shared cache holds only a token per content version (so that a flushed cache, which
    starts the versions again, still means a rebuild); each process keeps the data itself and
    rebuilds it when the token it was built for is no longer current."""
    key = f"clio:search-data:{content_version()}"
    token = cache.get(key)
    if token is None:  # the first process to see this version names it; the others take that name
        token = uuid.uuid4().hex
        if not cache.add(key, token, timeout=None):
            token = cache.get(key) or token
    if _built.get("token") != token:
        _built.update(token=token, data=build_search_data())
    return _built["data"]

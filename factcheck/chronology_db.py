"""The course chronology, read from the database for the fact checker.

`course_chronology()` turns the people, organisations, places, glossary terms and events of the
database into a `judge.Chronology` with a constant number of queries, whatever the number of
events. It is cached under the content version (`courses.menu.content_version()`), which every
pack load, page publish and change to a content row bumps (see `courses.signals`), so a
stale chronology is never served. `course_checker()` keeps the prepared `FactChecker` for the
current version in the process, since preparing one compiles the entity names into a pattern.
"""

from __future__ import annotations

import threading
import uuid

from django.core.cache import cache
from django.db.models import Prefetch

from chronology.dates import HistoricalDate
from courses.menu import content_version

from .judge import Chronology, Entity, FactChecker, KnownEvent
from .naming import event_kind, surnames

CACHE_KEY = "clio:factcheck:chronology:{version}"


def build_course_chronology() -> Chronology:
    """Read the chronology from the database (nine queries, however many rows)."""
    from chronology.models import Event, GlossaryTerm, OrganisationPage, PersonPage, Place, Source

    people = list(
        PersonPage.objects.only(
            "slug", "title", "born", "born_old_style", "died", "died_old_style"
        ).prefetch_related("other_names")
    )
    organisations = list(
        OrganisationPage.objects.only("slug", "title", "short_name", "other_names")
    )
    places = list(Place.objects.only("slug", "name", "aliases"))
    terms = list(GlossaryTerm.objects.only("slug", "term", "aliases"))
    events = list(
        Event.objects.select_related("place")
        .only("slug", "title", "when", "when_old_style", "kind", "summary", "place__slug")
        .prefetch_related(
            Prefetch("people", queryset=PersonPage.objects.only("slug")),
            Prefetch("organisations", queryset=OrganisationPage.objects.only("slug")),
            Prefetch("sources", queryset=Source.objects.only("author", "title", "year")),
        )
    )

    person_names = {
        p.slug: _unique([p.title, *(alias.name for alias in p.other_names.all())]) for p in people
    }
    others = [
        *(
            Entity(o.slug, "organisation", _unique([o.title, o.short_name, *o.alias_list]))
            for o in organisations
        ),
        *(Entity(p.slug, "place", _unique([p.name, *p.alias_list])) for p in places),
        *(Entity(t.slug, "term", _unique([t.term, *t.alias_list])) for t in terms),
    ]
    short = surnames(person_names, taken={n.casefold() for e in others for n in e.names})
    people_entities = [
        Entity(slug, "person", _unique([*names, short.get(slug, "")]))
        for slug, names in person_names.items()
    ]
    return Chronology(
        entities=(*people_entities, *others),
        events=tuple(_known_event(event) for event in events),
        lifespans={p.slug: (p.born_date, p.died_date) for p in people if p.born or p.died},
    )


def _known_event(event) -> KnownEvent:
    """A database event as the checker knows it; its source is the first of its sources."""
    sources = list(event.sources.all())
    return KnownEvent(
        slug=event.slug,
        title=event.title,
        kind=event_kind(event.kind),
        when=HistoricalDate(event.when, event.when_old_style),
        people=tuple(p.slug for p in event.people.all()),
        organisations=tuple(o.slug for o in event.organisations.all()),
        places=(event.place.slug,) if event.place else (),
        summary=event.summary,
        source=str(sources[0]) if sources else "",
    )


def _unique(names) -> tuple[str, ...]:
    """Names without blanks and repeats, in their order."""
    return tuple(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))


def course_chronology() -> Chronology:
    """The chronology of the database, cached until the content version changes."""
    return _cached_chronology()[1]


def _cached_chronology() -> tuple[str, Chronology]:
    """The cached chronology and a token naming this build of it."""
    key = CACHE_KEY.format(version=content_version())
    cached = cache.get(key)
    if cached is None:
        cached = (uuid.uuid4().hex, build_course_chronology())
        cache.set(key, cached, timeout=None)
    return cached


_checker_lock = threading.Lock()
_checker: tuple[str, FactChecker] | None = None


def course_checker() -> FactChecker:
    """A `FactChecker` prepared for the cached chronology, kept in the process for as long as
    that chronology is the cached one (a checker compiles every entity name into a pattern)."""
    global _checker
    token, chronology = _cached_chronology()
    with _checker_lock:
        if _checker is None or _checker[0] != token:
            _checker = (token, FactChecker(chronology))
        return _checker[1]

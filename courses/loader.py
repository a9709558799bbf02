"""Writing a validated content pack into the database: all or nothing, upserting by slug.

A load compares each entry with what is stored and saves only what differs, so loading the
same pack twice changes nothing (and says so).
"""

import hashlib
import json
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Page, Site

from chronology.dates import HistoricalDate
from chronology.models import (
    Event,
    GlossaryTerm,
    OrganisationIndexPage,
    OrganisationPage,
    PeopleIndexPage,
    PersonPage,
    Place,
    Source,
)
from core.models import CustomImage

from .menu import bump_content_version
from .models import ArticlePage, CoursePage, HomePage
from .pack import markdown_to_html

HOME_TITLE = "Clio: history to learn"
HOME_INTRODUCTION = (
    "<p>Clio teaches history with the facts behind it: every article comes with its people, "
    "events and sources as data, so timelines, person pages and quizzes grow from one chronology.</p>"
)


@dataclass
class LoadReport:
    """What a load did, per kind of thing: created, updated, unchanged."""

    counts: dict = field(default_factory=lambda: {})

    def add(self, kind, status):
        self.counts.setdefault(kind, Counter())[status] += 1

    @property
    def changed(self):
        return any(c["created"] or c["updated"] for c in self.counts.values())

    def lines(self):
        for kind, counter in self.counts.items():
            yield f"{kind:<14} {counter['created']:>4} created  {counter['updated']:>4} updated  {counter['unchanged']:>4} unchanged"


def life_date(value):
    """(edtf, old_style) columns from a pack's born/died mapping or a plain date value."""
    if not value:
        return "", False
    if isinstance(value, dict) and "os" in value:
        date = HistoricalDate.from_julian(str(value["os"]))
    elif isinstance(value, dict):
        date = HistoricalDate.from_pack(value["date"])
    else:
        date = HistoricalDate.from_pack(value)
    return date.edtf, date.old_style


def comparable(value):
    if isinstance(value, float):
        return Decimal(str(value)).quantize(Decimal("0.0001"))
    return value


def apply(obj, values):
    """Set `values` on `obj`; True when anything differed from what was stored."""
    changed = False
    for name, value in values.items():
        if comparable(getattr(obj, name)) != comparable(value):
            setattr(obj, name, value)
            changed = True
    return changed


class PackLoader:
    def __init__(self, pack, progress=None):
        self.pack = pack
        self.report = LoadReport()
        self.progress = progress or (lambda message: None)
        self.images = {}

    def load(self):
        with transaction.atomic():
            self.home = ensure_home()
            self.people_index = ensure_child(self.home, PeopleIndexPage, "people", "People")
            self.organisation_index = ensure_child(
                self.home, OrganisationIndexPage, "organisations", "Organisations"
            )
            self.load_snippets()
            self.load_figures()
            self.load_organisations()
            self.load_people()
            self.load_course()
            self.load_events()
            self.load_extras()
        bump_content_version()
        return self.report

    def load_extras(self):
        from primary_sources.loader import load_primary_sources

        self.load_quizzes()
        load_primary_sources(self)

    def load_quizzes(self):
        """Authored questions replace a topic's questions when they differ from what is stored."""
        from quizzes.models import ArticleQuestion

        fields = ("kind", "prompt", "choices", "answer", "explanation", "link")
        for slug, page in self.articles.items():
            rows = self.pack.quizzes[slug].rows if slug in self.pack.quizzes else []
            stored = [tuple(getattr(q, f) for f in fields) for q in page.questions.all()]
            if stored == [tuple(row[f] for f in fields) for row in rows]:
                self.report.add("quizzes", "unchanged")
                continue
            page.questions = [ArticleQuestion(**row) for row in rows]
            page.save_revision().publish()
            self.report.add("quizzes", "updated" if stored else "created")
        self.progress(f"quizzes: {len(self.pack.quizzes)}")

    # Snippets ---------------------------------------------------------------------------------

    def upsert(self, kind, model, slug, values, m2m=None):
        obj = model.objects.filter(slug=slug).first()
        status = "unchanged"
        if obj is None:
            obj = model(slug=slug, **values)
            status = "created"
        elif apply(obj, values):
            status = "updated"
        if status != "unchanged":
            obj.save()
        for name, targets in (m2m or {}).items():
            current = set(getattr(obj, name).values_list("pk", flat=True))
            wanted = {target.pk for target in targets}
            if current != wanted:
                getattr(obj, name).set(targets)
                obj.save()
                status = "updated" if status == "unchanged" else status
        self.report.add(kind, status)
        return obj

    def load_snippets(self):
        data = self.pack.data
        self.sources = {}
        for slug, record in data["sources"].items():
            f = record.fields
            self.sources[slug] = self.upsert(
                "sources",
                Source,
                slug,
                {
                    "author": str(f["author"]),
                    "title": str(f["title"]),
                    "year": str(f.get("year") or ""),
                    "publisher": str(f.get("publisher") or ""),
                    "kind": f.get("kind") or "secondary",
                    "url": f.get("url") or "",
                    "archive": str(f.get("archive") or ""),
                },
            )
        self.progress(f"sources: {len(self.sources)}")
        self.places = {}
        for slug, record in data["places"].items():
            f = record.fields
            self.places[slug] = self.upsert(
                "places",
                Place,
                slug,
                {
                    "name": str(f["name"]),
                    "aliases": ", ".join(f.get("aliases") or []),
                    "kind": str(f.get("kind") or ""),
                    "latitude": None
                    if f.get("lat") is None
                    else Decimal(str(f["lat"])).quantize(Decimal("0.0001")),
                    "longitude": None
                    if f.get("lon") is None
                    else Decimal(str(f["lon"])).quantize(Decimal("0.0001")),
                    "summary": str(f.get("summary") or "").strip(),
                },
            )
        self.progress(f"places: {len(self.places)}")
        for slug, record in data["glossary"].items():
            f = record.fields
            self.upsert(
                "glossary",
                GlossaryTerm,
                slug,
                {
                    "term": str(f["term"]),
                    "aliases": ", ".join(f.get("aliases") or []),
                    "definition": str(f["definition"]).strip(),
                },
            )
        self.progress(f"glossary terms: {len(data['glossary'])}")

    def load_figures(self):
        root = self.pack.root / "figures"
        for slug, record in self.pack.figures.items():
            f = record.fields
            path = root / f["file"]
            content = path.read_bytes()
            digest = hashlib.sha1(content).hexdigest()
            values = {
                "title": str(f["title"]),
                "caption": str(f["caption"]).strip(),
                "alt_text": str(f["alt"]).strip(),
                "description": short_description(str(f["alt"]).strip()),
                "credit": str(f["credit"]),
                "licence": str(f.get("licence") or ""),
                "source": str(f.get("source") or "").strip(),
            }
            image = CustomImage.objects.filter(slug=slug).first()
            if image is not None and image.file_hash == digest:
                status = "updated" if apply(image, values) else "unchanged"
                if status == "updated":
                    image.save()
            else:
                status = "created" if image is None else "updated"
                image = image or CustomImage(slug=slug)
                apply(image, values)
                with path.open("rb") as handle:
                    image.file = ImageFile(handle, name=f["file"])
                    image.file_size = len(content)
                    image.file_hash = digest
                    image.save()
            self.images[slug] = image
            self.report.add("figures", status)
        self.progress(f"figures: {len(self.images)}")

    # Pages ------------------------------------------------------------------------------------

    def upsert_page(self, kind, parent, model, slug, values, relations=None, clusters=None):
        """Create or update a page under `parent`; publish a revision only when something changed."""
        page = model.objects.child_of(parent).filter(slug=slug).first()
        status = "unchanged"
        if page is None:
            page = model(slug=slug, **values)
            status = "created"
        elif apply(page, values):
            status = "updated"
        for name, targets in (relations or {}).items():
            wanted = [t.pk for t in targets]
            current = (
                [] if page.pk is None else list(getattr(page, name).values_list("pk", flat=True))
            )
            if sorted(current) != sorted(wanted):
                setattr(page, name, targets)
                status = "updated" if status == "unchanged" else status
        for name, (rows, key) in (clusters or {}).items():
            current = [] if page.pk is None else [key(row) for row in getattr(page, name).all()]
            if current != [key(row) for row in rows]:
                setattr(page, name, rows)
                status = "updated" if status == "unchanged" else status
        if status == "created":
            parent.add_child(instance=page)
            page.save_revision().publish()
        elif status == "updated" or not page.live:
            page.save_revision().publish()
        self.report.add(kind, status)
        return page

    def load_organisations(self):
        from chronology.models import PersonRole  # noqa: F401  (roles refer to organisations)

        self.organisations = {}
        for slug, record in self.pack.data["organisations"].items():
            f = record.fields
            founded, founded_os = life_date(f.get("founded"))
            dissolved, dissolved_os = life_date(f.get("dissolved"))
            self.organisations[slug] = self.upsert_page(
                "organisations",
                self.organisation_index,
                OrganisationPage,
                slug,
                {
                    "title": str(f["name"]),
                    "short_name": str(f.get("short_name") or ""),
                    "other_names": ", ".join(f.get("aliases") or []),
                    "kind": str(f.get("kind") or ""),
                    "founded": founded,
                    "founded_old_style": founded_os,
                    "dissolved": dissolved,
                    "dissolved_old_style": dissolved_os,
                    "summary": str(f.get("summary") or "").strip(),
                },
                relations={"sources": [self.sources[s] for s in f.get("sources") or []]},
            )
        self.progress(f"organisations: {len(self.organisations)}")

    def load_people(self):
        from chronology.models import PersonAlias, PersonRole

        self.people = {}
        for slug, record in self.pack.data["people"].items():
            f = record.fields
            born, born_os = life_date(f.get("born"))
            died, died_os = life_date(f.get("died"))
            aliases = [
                PersonAlias(name=str(a["name"]), kind=str(a.get("kind") or ""))
                if isinstance(a, dict)
                else PersonAlias(name=str(a), kind="")
                for a in f.get("aliases") or []
            ]
            roles = []
            for role in f.get("roles") or []:
                start, start_os = life_date(role.get("from"))
                end, end_os = life_date(role.get("to"))
                organisation = self.organisations.get(role.get("organisation"))
                roles.append(
                    PersonRole(
                        office=str(role["office"]),
                        organisation=organisation,
                        start=start,
                        start_old_style=start_os,
                        end=end,
                        end_old_style=end_os,
                    )
                )
            self.people[slug] = self.upsert_page(
                "people",
                self.people_index,
                PersonPage,
                slug,
                {
                    "title": str(f["name"]),
                    "summary": str(f.get("summary") or "").strip(),
                    "born": born,
                    "born_old_style": born_os,
                    "born_place": self.places.get(f["born"].get("place"))
                    if isinstance(f.get("born"), dict)
                    else None,
                    "died": died,
                    "died_old_style": died_os,
                    "died_place": self.places.get(f["died"].get("place"))
                    if isinstance(f.get("died"), dict)
                    else None,
                    "portrait": self.images.get(f.get("portrait")),
                },
                relations={"sources": [self.sources[s] for s in f.get("sources") or []]},
                clusters={
                    "other_names": (aliases, lambda a: (a.name, a.kind)),
                    "roles": (
                        roles,
                        lambda r: (
                            r.office,
                            r.organisation_id,
                            r.start,
                            r.start_old_style,
                            r.end,
                            r.end_old_style,
                        ),
                    ),
                },
            )
        self.progress(f"people: {len(self.people)}")

    def load_course(self):
        from .models import ArticleSource

        pack = self.pack
        parts = [
            {
                "type": "part",
                "value": {
                    "title": part["title"],
                    "topics": [topic_value(t, pack) for t in part["topics"]],
                },
            }
            for part in pack.parts
        ]
        course = CoursePage.objects.child_of(self.home).filter(slug=pack.course["slug"]).first()
        values = {
            "title": str(pack.course["title"]),
            "introduction": markdown_to_html(str(pack.course.get("introduction") or "")),
        }
        status = "unchanged"
        if course is None:
            course = CoursePage(slug=pack.course["slug"], **values)
            course.parts = json.dumps(parts)
            self.home.add_child(instance=course)
            status = "created"
        else:
            if apply(course, values):
                status = "updated"
            if strip_ids(course.parts.raw_data) != parts:
                course.parts = json.dumps(parts)
                status = "updated"
        if status != "unchanged" or not course.live:
            course.save_revision().publish()
        self.report.add("courses", status)
        self.articles = {}
        for slug, topic in pack.topics.items():
            body = [
                {"type": block_type, "value": self.block_value(block_type, value)}
                for block_type, value in topic.blocks
            ]
            page = ArticlePage.objects.child_of(course).filter(slug=slug).first()
            if page is None:
                page = ArticlePage(
                    slug=slug, title=topic.title, standfirst=topic.standfirst, body=json.dumps(body)
                )
                page.enquiry, page.periods, page.themes = (
                    topic.enquiry,
                    ", ".join(topic.periods),
                    ", ".join(topic.themes),
                )
                page.people = [self.people[s] for s in topic.people]
                page.bibliography = [ArticleSource(source=self.sources[s]) for s in topic.sources]
                course.add_child(instance=page)
                page.save_revision().publish()
                self.report.add("articles", "created")
            else:
                changed = apply(
                    page,
                    {
                        "title": topic.title,
                        "standfirst": topic.standfirst,
                        "enquiry": topic.enquiry,
                        "periods": ", ".join(topic.periods),
                        "themes": ", ".join(topic.themes),
                    },
                )
                if strip_ids(page.body.raw_data) != body:
                    page.body = json.dumps(body)
                    changed = True
                people = [self.people[s] for s in topic.people]
                if sorted(page.people.values_list("pk", flat=True)) != sorted(p.pk for p in people):
                    page.people = people
                    changed = True
                if [
                    b.source.slug for b in page.bibliography.select_related("source")
                ] != topic.sources:
                    page.bibliography = [
                        ArticleSource(source=self.sources[s]) for s in topic.sources
                    ]
                    changed = True
                if changed or not page.live:
                    page.save_revision().publish()
                self.report.add("articles", "updated" if changed else "unchanged")
            self.articles[slug] = page
        self.course = course
        self.progress(f"articles: {len(self.articles)}")

    def block_value(self, block_type, value):
        if block_type == "figure":
            return {
                "image": self.images[value["figure"]].pk,
                "caption": "",
                "credit": "",
                "alt_text": "",
            }
        return value

    # Events -----------------------------------------------------------------------------------

    def load_events(self):
        for slug, record in self.pack.data["events"].items():
            f = record.fields
            date = (
                HistoricalDate.from_julian(str(f["os"]))
                if "os" in f
                else HistoricalDate.from_pack(f["date"])
            )
            self.upsert(
                "events",
                Event,
                slug,
                {
                    "title": str(f["title"]),
                    "when": date.edtf,
                    "when_old_style": date.old_style,
                    "kind": str(f.get("kind") or ""),
                    "place": self.places.get(f.get("place")),
                    "summary": str(f.get("summary") or "").strip(),
                    "significance": str(f.get("significance") or "").strip(),
                },
                m2m={
                    "people": [self.people[s] for s in f.get("people") or []],
                    "organisations": [self.organisations[s] for s in f.get("organisations") or []],
                    "topics": [self.articles[s] for s in f.get("topics") or []],
                    "sources": [self.sources[s] for s in f["sources"]],
                },
            )
        self.progress(f"events: {len(self.pack.data['events'])}")


def short_description(text, limit=255):
    """Wagtail's image description column holds 255 characters: keep whole sentences that fit."""
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.;:])\s+", text)
    short = ""
    for sentence in sentences:
        if len(short) + len(sentence) + 1 > limit:
            break
        short = f"{short} {sentence}".strip()
    return short or text[: limit - 1] + "…"


def topic_value(topic, pack):
    title = topic["title"] or (
        pack.topics[topic["slug"]].title if topic["slug"] in pack.topics else topic["slug"]
    )
    return {"slug": topic["slug"], "title": title}


def strip_ids(raw):
    """StreamField raw data without block ids (and list-item ids), for comparing with a pack."""

    def clean(value):
        if isinstance(value, list):
            return [
                clean(item["value"])
                if isinstance(item, dict) and item.get("type") == "item"
                else clean(item)
                for item in value
            ]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k != "id"}
        return value

    return [{"type": block["type"], "value": clean(block["value"])} for block in raw]


def ensure_home():
    """The site's home page, made on first load in place of Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=HOME_TITLE, slug="clio", introduction=HOME_INTRODUCTION)
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site else None
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Clio",
            )
        # Wagtail's own welcome page is an empty plain Page: nothing links to it once the site moves.
        if welcome and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
    return home


def ensure_child(parent, model, slug, title):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(title=title, slug=slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def load_pack(pack, progress=None):
    return PackLoader(pack, progress).load()


@contextmanager
def indexing_deferred():
    """Saves that update neither the search index nor the admin's reference index, one object at
    a time (most of a load's time): for the bulk loads of tests and benchmarks, which then build
    the search index at once with `update_index`."""
    from django.conf import settings
    from django.test import override_settings
    from wagtail.signal_handlers import disable_reference_index_auto_update

    no_auto_update = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update),
        disable_reference_index_auto_update(),
    ):
        yield

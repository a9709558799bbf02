"""Writing the database back out as a content pack, so that export then load changes nothing."""

import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml

from chronology.dates import HistoricalDate
from chronology.models import Event, GlossaryTerm, OrganisationPage, PersonPage, Place, Source
from core.models import CustomImage

from .loader import strip_ids
from .models import ArticlePage, CoursePage
from .pack import POSITION_ORDER


class PackDumper(yaml.SafeDumper):
    """Block-style YAML with multi-line strings as literal blocks, readable in a git diff."""


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


PackDumper.add_representer(str, _str)


def dump(data):
    return yaml.dump(data, Dumper=PackDumper, allow_unicode=True, sort_keys=False, width=100)


class MarkdownWriter(HTMLParser):
    """The small HTML subset of rich text (p, h3, strong, em, a, ul, ol, li, br) back to Markdown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.lists, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a":
            self.links.append(attrs.get("href", ""))
            self.out.append("[")
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li":
            kind = self.lists[-1] if self.lists else ["ul", 0]
            kind[1] += 1
            self.out.append("- " if kind[0] == "ul" else f"{kind[1]}. ")
        elif tag == "h3":
            self.out.append("### ")
        elif tag == "br":
            self.out.append("\\\n")

    def handle_endtag(self, tag):
        if tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "a":
            self.out.append(f"]({self.links.pop() if self.links else ''})")
        elif tag in ("p", "h3"):
            self.out.append("\n\n")
        elif tag == "li":
            self.out.append("\n")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.out.append("\n")

    def handle_data(self, data):
        self.out.append(data)


def html_to_markdown(html):
    writer = MarkdownWriter()
    writer.feed(html)
    writer.close()
    return unescape("".join(writer.out)).strip()


def date_value(edtf, old_style):
    """A stored date column pair as the pack writes it: a string, or {os: julian} for Old Style."""
    if not edtf:
        return None
    return HistoricalDate(edtf, old_style).to_pack()


def life_value(edtf, old_style, place):
    if not edtf:
        return None
    date = HistoricalDate(edtf, old_style)
    value = {"os": date.julian_edtf} if old_style else {"date": date.edtf}
    if place:
        value["place"] = place.slug
    return value


def clean(mapping):
    """Drop empty optional fields so the exported YAML reads like a hand-written one."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def export_pack(path, progress=None):
    """Write every course, article and history record to `path`; return the number of files written."""
    progress = progress or (lambda message: None)
    root = Path(path)
    (root / "topics").mkdir(parents=True, exist_ok=True)
    written = 0

    def write(relative, text):
        nonlocal written
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1

    course = CoursePage.objects.order_by("path").first()
    parts = []
    for block in strip_ids(course.parts.raw_data):
        parts.append(
            {
                "title": block["value"]["title"],
                "topics": [t["slug"] for t in block["value"]["topics"]],
            }
        )
    titles = {
        t["slug"]: t["title"]
        for b in strip_ids(course.parts.raw_data)
        for t in b["value"]["topics"]
    }
    introduction = html_to_markdown(course.introduction)
    course_yaml = {
        "title": course.title,
        "slug": course.slug,
        "introduction": introduction + "\n" if "\n" in introduction else introduction,
        "parts": [],
    }
    written_topics = set(ArticlePage.objects.child_of(course).values_list("slug", flat=True))
    for part in parts:
        topics = []
        for slug in part["topics"]:
            entry = {"slug": slug, "title": titles[slug]}
            if slug not in written_topics:
                entry["in_preparation"] = True
            topics.append(entry)
        course_yaml["parts"].append({"title": part["title"], "topics": topics})
    write("course.yaml", dump(course_yaml))

    images = {image.pk: image for image in CustomImage.objects.exclude(slug="")}
    from quizzes.pack import question_entry

    for article in ArticlePage.objects.child_of(course).order_by("path"):
        write(f"topics/{article.slug}.md", article_markdown(article, images))
        questions = [question_entry(q) for q in article.questions.all()]
        if questions:
            write(f"quizzes/{article.slug}.yaml", dump({"questions": questions}))
    progress(f"topics: {written - 1}")

    write(
        "sources.yaml",
        dump(
            [
                clean(
                    {
                        "slug": s.slug,
                        "author": s.author,
                        "title": s.title,
                        "year": s.year,
                        "publisher": s.publisher,
                        "kind": s.kind,
                        "url": s.url,
                        "archive": s.archive,
                    }
                )
                for s in Source.objects.order_by("slug")
            ]
        ),
    )
    write(
        "places.yaml",
        dump(
            [
                clean(
                    {
                        "slug": p.slug,
                        "name": p.name,
                        "aliases": p.alias_list,
                        "kind": p.kind,
                        "lat": None if p.latitude is None else float(p.latitude),
                        "lon": None if p.longitude is None else float(p.longitude),
                        "summary": p.summary,
                    }
                )
                for p in Place.objects.order_by("slug")
            ]
        ),
    )
    write(
        "glossary.yaml",
        dump(
            [
                clean(
                    {
                        "slug": t.slug,
                        "term": t.term,
                        "aliases": t.alias_list,
                        "definition": t.definition,
                    }
                )
                for t in GlossaryTerm.objects.order_by("slug")
            ]
        ),
    )
    organisations = []
    for o in OrganisationPage.objects.order_by("slug").prefetch_related("sources"):
        organisations.append(
            clean(
                {
                    "slug": o.slug,
                    "name": o.title,
                    "short_name": o.short_name,
                    "aliases": o.alias_list,
                    "kind": o.kind,
                    "founded": date_value(o.founded, o.founded_old_style),
                    "dissolved": date_value(o.dissolved, o.dissolved_old_style),
                    "summary": o.summary,
                    "sources": [s.slug for s in o.sources.order_by("slug")],
                }
            )
        )
    write("organisations.yaml", dump(organisations))
    people = []
    for p in (
        PersonPage.objects.order_by("slug")
        .select_related("born_place", "died_place", "portrait")
        .prefetch_related("sources", "other_names", "roles__organisation")
    ):
        people.append(
            clean(
                {
                    "slug": p.slug,
                    "name": p.title,
                    "aliases": [
                        clean({"name": a.name, "kind": a.kind}) for a in p.other_names.all()
                    ],
                    "born": life_value(p.born, p.born_old_style, p.born_place),
                    "died": life_value(p.died, p.died_old_style, p.died_place),
                    "roles": [
                        clean(
                            {
                                "office": r.office,
                                "organisation": r.organisation.slug if r.organisation else None,
                                "from": date_value(r.start, r.start_old_style),
                                "to": date_value(r.end, r.end_old_style),
                            }
                        )
                        for r in p.roles.all()
                    ],
                    "summary": p.summary,
                    "sources": [s.slug for s in p.sources.order_by("slug")],
                    "portrait": p.portrait.slug if p.portrait else None,
                }
            )
        )
    write("people.yaml", dump(people))
    events = []
    for e in (
        Event.objects.order_by("earliest", "slug")
        .select_related("place")
        .prefetch_related("people", "organisations", "topics", "sources")
    ):
        date = e.when_date
        entry = {"slug": e.slug, "title": e.title}
        entry.update({"os": date.julian_edtf} if date.old_style else {"date": date.edtf})
        entry.update(
            {
                "kind": e.kind,
                "place": e.place.slug if e.place else None,
                "people": sorted(p.slug for p in e.people.all()),
                "organisations": sorted(o.slug for o in e.organisations.all()),
                "topics": sorted(t.slug for t in e.topics.all()),
                "summary": e.summary,
                "significance": e.significance,
                "sources": sorted(s.slug for s in e.sources.all()),
            }
        )
        events.append(clean(entry))
    write("events.yaml", dump(events))
    progress(
        f"history records: {len(people)} people, {len(organisations)} organisations, {len(events)} events"
    )

    figures = []
    for image in sorted(images.values(), key=lambda i: i.slug):
        name = Path(image.file.name).name
        (root / "figures").mkdir(parents=True, exist_ok=True)
        with image.file.open("rb") as source, (root / "figures" / name).open("wb") as target:
            shutil.copyfileobj(source, target)
        written += 1
        figures.append(
            clean(
                {
                    "slug": image.slug,
                    "file": name,
                    "title": image.title,
                    "caption": image.caption,
                    "alt": image.alt,
                    "credit": image.credit,
                    "licence": image.licence,
                    "source": image.source,
                }
            )
        )
    if figures:
        write("figures/figures.yaml", dump(figures))
    from primary_sources.exporter import primary_source_files

    for relative, text in primary_source_files():
        write(relative, text)
    progress(f"figures: {len(figures)}")
    return written


def article_markdown(article, images):
    front = clean(
        {
            "title": article.title,
            "standfirst": article.standfirst,
            "enquiry": article.enquiry,
            "periods": article.period_list,
            "themes": article.theme_list,
            "people": sorted(p.slug for p in article.people.all()),
            "sources": [b.source.slug for b in article.bibliography.select_related("source")],
        }
    )
    chunks = []
    for block in strip_ids(article.body.raw_data):
        kind, value = block["type"], block["value"]
        if kind == "heading":
            chunks.append(f"## {value}")
        elif kind == "text":
            chunks.append(html_to_markdown(value))
        elif kind == "figure":
            image = images.get(value["image"])
            chunks.append(f"::: figure {image.slug if image else value['image']}\n:::")
        elif kind == "source":
            fields = "\n".join(
                f"{k}: {value[k]}"
                for k in ("author", "date", "kind", "origin", "question")
                if value.get(k)
            )
            chunks.append(f"::: source\n{fields}\n---\n{html_to_markdown(value['text'])}\n:::")
        elif kind == "quote":
            fields = (
                f"attribution: {value['attribution']}\n---\n" if value.get("attribution") else ""
            )
            chunks.append(f"::: quote\n{fields}{value['text']}\n:::")
        elif kind == "key_facts":
            facts = "\n".join(f"- {fact}" for fact in value["facts"])
            chunks.append(f"::: key-facts\ntitle: {value['title']}\n---\n{facts}\n:::")
        elif kind == "content_note":
            chunks.append(f"::: content-note\n---\n{value['text']}\n:::")
        elif kind == "debate":
            chunks.append(debate_markdown(value))
    return f"---\n{dump(front)}---\n" + "\n\n".join(chunks) + "\n"


def debate_markdown(value):
    """A debate block as the `::: debate` directive that reads back as the same block."""
    fields = {
        "title": value["title"],
        "positions": [
            clean({key: position.get(key) for key in (*POSITION_ORDER, "sources")})
            for position in value["positions"]
        ],
        "archives": value["archives"],
    }
    return f"::: debate\n{dump(fields)}---\n{html_to_markdown(value['introduction'])}\n:::"

"""Loading a pack's primary sources into pages under /sources/ (part of `load_course`)."""

from chronology.dates import HistoricalDate

from .models import PrimarySourcePage, SourceIndexPage
from .pack import NOTES

INDEX_INTRODUCTION = (
    "<p>Documents of the time, each with who made it, when and why, what it cannot tell us, "
    "and questions to ask of it.</p>"
)


def load_primary_sources(loader):
    """Upsert every primary source of `loader.pack` by slug, publishing only what changed."""
    from courses.loader import ensure_child
    from courses.pack import markdown_to_html

    index = ensure_child(loader.home, SourceIndexPage, "sources", "Primary sources")
    if not index.introduction:
        index.introduction = INDEX_INTRODUCTION
        index.save_revision().publish()
    for slug, record in loader.pack.primary_sources.items():
        f = record.fields
        date = HistoricalDate.from_pack(f["date"])
        loader.upsert_page(
            "primary sources",
            index,
            PrimarySourcePage,
            slug,
            {
                "title": str(f["title"]).strip(),
                "kind": f["kind"],
                "author": str(f["author"]).strip(),
                "date": date.edtf,
                "date_old_style": date.old_style,
                "voice": f.get("voice") or "",
                "text": markdown_to_html(f["text"]),
                **{key: " ".join(f[key].split()) for key in NOTES},
                "questions": "\n".join(" ".join(q.split()) for q in f["questions"]),
                "topic": loader.articles[record.topic],
                "position": record.position,
            },
            relations={
                "other_topics": [loader.articles[s] for s in f.get("topics") or []],
                "people": [loader.people[s] for s in f.get("people") or []],
                "based_on": [loader.sources[s] for s in f.get("based_on") or []],
            },
        )
    loader.progress(f"primary sources: {len(loader.pack.primary_sources)}")

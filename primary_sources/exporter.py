"""Writing the primary sources back out as primary-sources/<topic>.yaml, one file per topic."""

from chronology.dates import HistoricalDate

from .models import PrimarySourcePage


def primary_source_files():
    """(relative path, YAML text) for every topic that has primary sources, in the pack's order."""
    from courses.exporter import clean, dump, html_to_markdown

    files = {}
    sources = (
        PrimarySourcePage.objects.select_related("topic")
        .prefetch_related("other_topics", "people", "based_on")
        .order_by("topic__path", "position", "path")
    )
    for source in sources:
        text = html_to_markdown(source.text)
        entry = {
            "slug": source.slug,
            "title": source.title,
            "kind": source.kind,
            "author": source.author,
            "people": sorted(p.slug for p in source.people.all()),
            "date": HistoricalDate(source.date, source.date_old_style).to_pack(),
            "voice": source.voice,
            "origin": source.origin,
            "provenance": source.provenance,
            "purpose": source.purpose,
            "limits": source.limits,
            "translation": source.translation,
            "edition": source.edition,
            "based_on": sorted(s.slug for s in source.based_on.all()),
            "topics": sorted(t.slug for t in source.other_topics.all()),
            "questions": source.question_list,
            "text": text + "\n",
        }
        files.setdefault(source.topic.slug, []).append(clean(entry))
    return [(f"primary-sources/{topic}.yaml", dump(entries)) for topic, entries in files.items()]

"""Primary-source files of a content pack (primary-sources/<topic>.yaml): reading and checking them.

Each file is the collection of the topic it is named after; see content/FORMAT.md.
"""

from .kinds import KINDS, VOICES

REQUIRED = {
    "slug",
    "title",
    "kind",
    "author",
    "date",
    "origin",
    "provenance",
    "purpose",
    "limits",
    "translation",
    "edition",
    "questions",
    "text",
}
OPTIONAL = {"people", "voice", "based_on", "topics"}
#: The one-paragraph texts on how to read a source, kept as plain text.
NOTES = ("origin", "provenance", "purpose", "limits", "translation", "edition")
TEXT_FIELDS = (*NOTES, "text")
KIND_NAMES = [kind for kind, _ in KINDS]
VOICE_NAMES = [voice for voice, _ in VOICES]
MAX_LENGTHS = {"slug": 255, "title": 255, "author": 255}


def read_primary_sources(reader, pack):
    """Every primary source of the pack as {slug: Record}, each with its topic; errors go to `reader`."""
    from courses.pack import Record

    folder = pack.root / "primary-sources"
    sources = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        name = reader.rel(path)
        if path.stem not in pack.topics:
            reader.error(name, None, "", f"sources for unknown or unwritten topic '{path.stem}'")
        entries = reader.load_yaml(path)
        if entries is None:
            continue
        if not isinstance(entries, list):
            reader.error(name, None, "", "must be a list of sources")
            continue
        for position, entry in enumerate(entries):
            spec = {"required": REQUIRED, "optional": OPTIONAL}
            if not reader.check_fields(name, entry, spec, "primary source"):
                continue
            if not reader.check_slug(name, entry.key_lines.get("slug"), entry["slug"]):
                continue
            slug = entry["slug"]
            if slug in sources:
                first = sources[slug]
                reader.error(
                    name,
                    entry.key_lines.get("slug"),
                    "slug",
                    f"duplicate slug '{slug}' (first in {first.file} at line {first.line})",
                )
                continue
            record = Record(name, entry.line, entry)
            record.topic, record.position = path.stem, position
            check_source(reader, pack, record)
            sources[slug] = record
    return sources


def check_source(reader, pack, record):
    """Field checks of one source: kind, voice, date, questions, texts, and the slugs it names."""
    name, fields = record.file, record.fields

    def error(key, message):
        reader.error(name, record.line_of(key), key, message)

    for key, limit in MAX_LENGTHS.items():
        if len(str(fields[key])) > limit:
            error(key, f"is {len(str(fields[key]))} characters long; at most {limit}")
    if fields["kind"] not in KIND_NAMES:
        error("kind", f"'{fields['kind']}' is not a kind of source (use {' | '.join(KIND_NAMES)})")
    if fields.get("voice") is not None and fields["voice"] not in VOICE_NAMES:
        error("voice", f"'{fields['voice']}' is not a voice (use {' | '.join(VOICE_NAMES)})")
    reader.date(name, record.line_of("date"), "date", fields["date"])
    for key in TEXT_FIELDS + ("title", "author"):
        if not isinstance(fields[key], str) or not fields[key].strip():
            error(key, "must be a text, not empty")
    questions = fields["questions"]
    if not isinstance(questions, list) or not all(
        isinstance(q, str) and q.strip() for q in questions
    ):
        error("questions", "must be a list of questions (texts)")
    elif not 2 <= len(questions) <= 3:
        error("questions", f"give 2 or 3 questions, not {len(questions)}")
    elif any("\n" in q.strip() for q in questions):
        error("questions", "a question is one line")
    known = {
        "people": (set(pack.data["people"]), "person"),
        "based_on": (set(pack.data["sources"]), "source in sources.yaml"),
        "topics": (set(pack.topics), "topic"),
    }
    for key, (slugs, what) in known.items():
        values = fields.get(key) or []
        if not isinstance(values, list):
            error(key, "must be a list of slugs")
            continue
        for slug in values:
            if slug not in slugs:
                error(key, f"unknown {what} '{slug}'")
        if key == "topics" and record.topic in values:
            error(key, f"lists its own topic '{record.topic}': name only the other topics")

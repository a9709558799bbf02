"""Reading and validating a content pack (see content/FORMAT.md) without touching the database.

`read_pack(path)` returns a `Pack` or raises `PackInvalid` listing every problem found, each
with its file, line and field, so that an editor can fix a whole pack in one pass.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from chronology.dates import DateError, HistoricalDate

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENTITY_LINK = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]+)?\]\]")
CITATION = re.compile(r"\[\^([^\],\]]+)(?:,[^\]]*)?\]")
DIRECTIVE_OPEN = re.compile(r"^:::\s*([a-z-]+)\s*(\S*)\s*$")
DIRECTIVE_KINDS = {"figure", "source", "quote", "key-facts", "content-note", "debate"}

markdown = MarkdownIt("commonmark", {"html": False, "typographer": False}).disable(
    ["image", "html_block", "html_inline"]
)


@dataclass(frozen=True)
class PackError:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self):
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PackInvalid(Exception):
    """A pack that cannot be loaded; `errors` lists every problem."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


class LineDict(dict):
    """A YAML mapping that remembers the line of each of its keys."""

    line = None
    key_lines: dict


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings remember their lines."""


def construct_line_mapping(loader, node):
    mapping = LineDict()
    yield mapping
    mapping.update(loader.construct_mapping(node))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value}


LineLoader.add_constructor("tag:yaml.org,2002:map", construct_line_mapping)

# YAML would turn 1917-11-07 into a datetime.date and `1917` into an int; dates stay strings.
LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Record:
    """One entry of a data file, with where it came from."""

    file: str
    line: int
    fields: dict
    rows: list = field(default_factory=list)  # quiz files: the questions as ArticleQuestion values

    def line_of(self, key):
        return getattr(self.fields, "key_lines", {}).get(key, self.line)


@dataclass
class Topic:
    slug: str
    file: str
    title: str
    standfirst: str
    enquiry: str
    periods: list
    themes: list
    people: list
    sources: list
    blocks: (
        list  # [(block_type, value)] in StreamField raw form; figures hold their slug until loaded
    )
    body_line: int
    text: str = ""

    def line_of_text(self, needle):
        """The line of the topic file where `needle` first appears."""
        position = self.text.find(needle)
        return self.text.count("\n", 0, position) + 1 if position >= 0 else self.body_line


@dataclass
class Pack:
    root: Path
    course: dict
    parts: list  # [{"title", "topics": [{"slug", "title"}]}]
    topics: dict = field(default_factory=dict)  # slug -> Topic
    data: dict = field(default_factory=dict)  # kind -> {slug: Record}
    quizzes: dict = field(default_factory=dict)  # topic slug -> Record
    figures: dict = field(default_factory=dict)  # slug -> Record
    primary_sources: dict = field(default_factory=dict)  # slug -> Record (with .topic, .position)


DATA_FILES = {
    "sources": {
        "required": {"slug", "author", "title"},
        "optional": {"year", "publisher", "kind", "url", "archive"},
    },
    "places": {
        "required": {"slug", "name"},
        "optional": {"aliases", "kind", "lat", "lon", "summary"},
    },
    "glossary": {"required": {"slug", "term", "definition"}, "optional": {"aliases"}},
    "organisations": {
        "required": {"slug", "name"},
        "optional": {"short_name", "aliases", "kind", "founded", "dissolved", "summary", "sources"},
    },
    "people": {
        "required": {"slug", "name"},
        "optional": {"aliases", "born", "died", "roles", "summary", "sources", "portrait"},
    },
    "events": {
        "required": {"slug", "title", "sources"},
        "optional": {
            "date",
            "os",
            "kind",
            "place",
            "people",
            "organisations",
            "topics",
            "summary",
            "significance",
        },
    },
}
# Column sizes in the database: longer values are refused here rather than by PostgreSQL.
MAX_LENGTHS = {
    "sources": {
        "slug": 100,
        "author": 255,
        "title": 500,
        "year": 20,
        "publisher": 255,
        "archive": 255,
        "url": 200,
    },
    "places": {"slug": 100, "name": 255, "kind": 50},
    "glossary": {"slug": 100, "term": 255},
    "organisations": {"slug": 255, "name": 255, "short_name": 100, "kind": 50},
    "people": {"slug": 255, "name": 255},
    "events": {"slug": 100, "title": 255, "kind": 50},
    "figures": {"slug": 100, "title": 255, "credit": 255, "licence": 100},
}
FIGURE_FIELDS = {
    "required": {"slug", "file", "title", "caption", "alt", "credit"},
    "optional": {"licence", "source"},
}
TOPIC_FIELDS = {
    "required": {"title", "standfirst"},
    "optional": {"enquiry", "periods", "themes", "people", "sources"},
}
POSITION_ORDER = ("name", "historians", "works", "argument", "evidence")
POSITION_FIELDS = set(POSITION_ORDER)
COURSE_FIELDS = {"required": {"title", "slug", "parts"}, "optional": {"introduction"}}


FIGURES = "figures/figures.yaml"
# Files whose entries an article may link with [[slug]]: course.yaml names the topics.
LINKABLE_FILES = (
    "people.yaml",
    "organisations.yaml",
    "places.yaml",
    "glossary.yaml",
    "events.yaml",
    "course.yaml",
)
UNCHECKED = "what refers to its entries is not checked until it is fixed"


class PackReader:
    """Collects errors while reading, so that one run reports all of them."""

    def __init__(self, root):
        self.root = Path(root)
        self.errors = []
        self.unparsed = set()  # files that are not YAML: what refers into them is not checked

    def unreadable(self, *paths):
        """True if any of these pack files (paths in the pack) could not be parsed, so that an
        error that only follows from it ('unknown place …' when places.yaml is broken) is left out."""
        return any(self.rel(self.root / path) in self.unparsed for path in paths)

    def error(self, file, line, field_name, message):
        self.errors.append(PackError(str(file), line, field_name, message))

    def rel(self, path):
        try:
            return str(Path(path).relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def load_yaml(self, path, text=None, line_offset=0):
        name = self.rel(path)
        try:
            return yaml.load(
                text if text is not None else path.read_text(encoding="utf-8"), Loader=LineLoader
            )
        except FileNotFoundError:
            self.error(name, None, "", "file is missing")
        except UnicodeDecodeError as exc:
            self.unparsed.add(name)
            self.error(name, None, "", f"not UTF-8 text ({exc.reason}); {UNCHECKED}")
        except yaml.YAMLError as exc:
            self.unparsed.add(name)
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 + line_offset if mark else None
            problem = getattr(exc, "problem", None) or exc
            self.error(name, line, "", f"bad YAML: {problem}; {UNCHECKED}")
        return None

    def check_fields(self, name, mapping, spec, what):
        if not isinstance(mapping, dict):
            self.error(
                name, getattr(mapping, "line", None), "", f"{what} must be a mapping of fields"
            )
            return False
        ok = True
        for key in sorted(spec["required"] - set(mapping)):
            self.error(name, mapping.line, key, f"{what} is missing the required field '{key}'")
            ok = False
        for key in sorted(set(mapping) - spec["required"] - spec["optional"]):
            self.error(
                name,
                mapping.key_lines.get(key, mapping.line),
                key,
                f"unknown field '{key}' in {what}",
            )
            ok = False
        return ok

    def check_slug(self, name, line, value, field_name="slug"):
        if not isinstance(value, str) or not SLUG.match(value):
            self.error(
                name,
                line,
                field_name,
                f"'{value}' is not a slug (lower-case words joined by hyphens)",
            )
            return False
        return True

    def date(self, name, line, field_name, value, old_style_key=False):
        """A HistoricalDate from a pack value; a bad one is an error naming the field."""
        try:
            if old_style_key:
                return HistoricalDate.from_julian(str(value), field=field_name)
            return HistoricalDate.from_pack(value, field=field_name)
        except DateError as exc:
            self.error(name, line, field_name, exc.reason)
            return None

    # Reading the whole pack -------------------------------------------------------------

    def read(self):
        if not self.root.is_dir():
            raise PackInvalid([PackError(str(self.root), None, "", "no such folder")])
        course, parts = self.read_course()
        pack = Pack(root=self.root, course=course or {}, parts=parts)
        for kind in DATA_FILES:
            pack.data[kind] = self.read_data_file(kind)
        pack.figures = self.read_figures()
        self.known_sources = set(pack.data["sources"])  # debate positions cite them
        for part in parts:
            for topic in part["topics"]:
                path = self.root / "topics" / f"{topic['slug']}.md"
                if path.exists():
                    parsed = self.read_topic(path, topic["slug"])
                    if parsed:
                        pack.topics[topic["slug"]] = parsed
        listed = {t["slug"] for part in parts for t in part["topics"]}
        for path in sorted((self.root / "topics").glob("*.md")):
            if path.stem not in listed and not self.unreadable("course.yaml"):
                self.error(
                    self.rel(path), None, "", f"topic '{path.stem}' is not listed in course.yaml"
                )
        for path in sorted((self.root / "quizzes").glob("*.yaml")):
            quiz = self.load_yaml(path)
            if path.stem not in pack.topics:
                if self.unreadable("course.yaml", f"topics/{path.stem}.md"):
                    continue
                self.error(
                    self.rel(path), None, "", f"quiz for unknown or unwritten topic '{path.stem}'"
                )
            elif quiz is not None:
                from quizzes.pack import question_rows

                record = Record(self.rel(path), getattr(quiz, "line", 1) or 1, quiz)
                record.rows = question_rows(
                    record,
                    lambda line, field_name, message, name=record.file: self.error(
                        name, line, field_name, message
                    ),
                )
                pack.quizzes[path.stem] = record
        from primary_sources.pack import read_primary_sources

        pack.primary_sources = read_primary_sources(self, pack)
        self.check_references(pack)
        if self.errors:
            raise PackInvalid(self.errors)
        return pack

    def read_course(self):
        path = self.root / "course.yaml"
        name = self.rel(path)
        course = self.load_yaml(path)
        if course is None or not self.check_fields(name, course, COURSE_FIELDS, "course"):
            return None, []
        self.check_slug(name, course.key_lines.get("slug"), course["slug"])
        parts, seen = [], set()
        if not isinstance(course["parts"], list):
            self.error(name, course.key_lines.get("parts"), "parts", "must be a list of parts")
            return course, []
        for part in course["parts"]:
            if not self.check_fields(
                name, part, {"required": {"title", "topics"}, "optional": set()}, "part"
            ):
                continue
            topics = []
            for entry in part["topics"] or []:
                line = part.key_lines.get("topics")
                if isinstance(entry, dict):
                    self.check_fields(
                        name,
                        entry,
                        {"required": {"slug", "title"}, "optional": {"in_preparation"}},
                        "topic",
                    )
                    slug, title, waiting = (
                        entry.get("slug"),
                        entry.get("title"),
                        bool(entry.get("in_preparation")),
                    )
                else:
                    slug, title, waiting = entry, None, False
                line = getattr(entry, "line", line)
                if not self.check_slug(name, line, slug, "topics"):
                    continue
                if slug in seen:
                    self.error(name, line, "topics", f"duplicate topic slug '{slug}'")
                seen.add(slug)
                if not waiting and not (self.root / "topics" / f"{slug}.md").is_file():
                    self.error(
                        name,
                        line,
                        "topics",
                        f"topic file topics/{slug}.md is missing (mark the topic 'in_preparation: true' if it is not written yet)",
                    )
                topics.append({"slug": slug, "title": title or "", "in_preparation": waiting})
            parts.append({"title": str(part["title"]), "topics": topics})
        return course, parts

    def read_data_file(self, kind):
        path = self.root / f"{kind}.yaml"
        name = self.rel(path)
        if not path.exists():
            return {}
        entries = self.load_yaml(path)
        if entries is None:
            return {}
        if not isinstance(entries, list):
            self.error(name, None, "", "must be a list of entries")
            return {}
        records = {}
        what = kind.rstrip("s") if kind != "glossary" else "glossary term"
        for entry in entries:
            if not self.check_fields(name, entry, DATA_FILES[kind], what):
                continue
            slug = entry["slug"]
            if not self.check_slug(name, entry.key_lines.get("slug"), slug):
                continue
            if slug in records:
                self.error(
                    name,
                    entry.key_lines.get("slug"),
                    "slug",
                    f"duplicate slug '{slug}' (first at line {records[slug].line})",
                )
                continue
            records[slug] = Record(name, entry.line, entry)
            self.check_record(kind, records[slug])
        return records

    def check_lengths(self, kind, record):
        for key, limit in MAX_LENGTHS[kind].items():
            value = record.fields.get(key)
            if isinstance(value, (str, int)) and len(str(value)) > limit:
                self.error(
                    record.file,
                    record.line_of(key),
                    key,
                    f"is {len(str(value))} characters long; at most {limit}",
                )

    def check_record(self, kind, record):
        """Field-level checks: lengths fit, dates parse, roles run forwards, events are dated and sourced."""
        name, fields = record.file, record.fields
        self.check_lengths(kind, record)
        if kind == "events":
            if ("date" in fields) == ("os" in fields):
                self.error(
                    name,
                    fields.line,
                    "date",
                    "an event needs exactly one of 'date' (New Style) or 'os' (Old Style)",
                )
            elif "date" in fields:
                self.date(name, record.line_of("date"), "date", fields["date"])
            else:
                self.date(name, record.line_of("os"), "os", fields["os"], old_style_key=True)
            if not fields.get("sources"):
                self.error(
                    name,
                    record.line_of("sources"),
                    "sources",
                    f"event '{fields['slug']}' must cite at least one source",
                )
        if kind == "people":
            for key in ("born", "died"):
                if key in fields:
                    self.life_date(name, record.line_of(key), key, fields[key])
            for role in fields.get("roles") or []:
                line = getattr(role, "line", record.line_of("roles"))
                if not self.check_fields(
                    name,
                    role,
                    {"required": {"office"}, "optional": {"organisation", "from", "to"}},
                    "role",
                ):
                    continue
                start = (
                    self.date(name, line, "roles.from", role["from"]) if role.get("from") else None
                )
                end = self.date(name, line, "roles.to", role["to"]) if role.get("to") else None
                if start and end and end.latest < start.earliest:
                    self.error(
                        name,
                        line,
                        "roles.to",
                        f"the role '{role['office']}' ends ({end.display()}) before it starts ({start.display()})",
                    )
        if kind == "organisations":
            for key in ("founded", "dissolved"):
                if fields.get(key):
                    self.date(name, record.line_of(key), key, fields[key])
        if kind == "sources" and fields.get("kind", "secondary") not in ("primary", "secondary"):
            self.error(name, record.line_of("kind"), "kind", "must be 'primary' or 'secondary'")
        if kind == "places":
            for key, limit in (("lat", 90), ("lon", 180)):
                value = fields.get(key)
                if value is not None and (
                    not isinstance(value, (int, float)) or abs(value) > limit
                ):
                    self.error(
                        name, record.line_of(key), key, f"'{value}' is not a coordinate (±{limit})"
                    )

    def life_date(self, name, line, key, value):
        if not isinstance(value, dict):
            self.date(name, line, key, value)  # a plain date, New Style, with no place
            return
        if ("date" in value) == ("os" in value):
            self.error(name, line, key, "needs exactly one of 'date' or 'os'")
            return
        if set(value) - {"date", "os", "place"}:
            self.error(
                name, line, key, f"unknown field(s) {sorted(set(value) - {'date', 'os', 'place'})}"
            )
        if "date" in value:
            self.date(name, line, f"{key}.date", value["date"])
        else:
            self.date(name, line, f"{key}.os", value["os"], old_style_key=True)

    def read_figures(self):
        path = self.root / FIGURES
        if not path.exists():
            return {}
        name = self.rel(path)
        entries = self.load_yaml(path) or []
        figures = {}
        for entry in entries:
            if not self.check_fields(name, entry, FIGURE_FIELDS, "figure") or not self.check_slug(
                name, entry.line, entry["slug"]
            ):
                continue
            if entry["slug"] in figures:
                self.error(name, entry.line, "slug", f"duplicate figure '{entry['slug']}'")
            if not (path.parent / entry["file"]).is_file():
                self.error(
                    name,
                    entry.key_lines.get("file"),
                    "file",
                    f"figure file '{entry['file']}' not found in figures/",
                )
            figures[entry["slug"]] = Record(name, entry.line, entry)
            self.check_lengths("figures", figures[entry["slug"]])
        return figures

    def read_topic(self, path, slug):
        name = self.rel(path)
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            self.error(name, 1, "", "a topic starts with YAML front matter between '---' lines")
            return None
        end = text.find("\n---\n", 4)
        if end < 0:
            self.error(name, 1, "", "the front matter is not closed by a '---' line")
            return None
        front = self.load_yaml(path, text[4:end], line_offset=1)
        if front is None or not self.check_fields(name, front, TOPIC_FIELDS, "topic front matter"):
            return None
        body_line = text[: end + 5].count("\n") + 1
        blocks = self.parse_body(name, text[end + 5 :], body_line)
        lists = {}
        for key in ("periods", "themes", "people", "sources"):
            value = front.get(key) or []
            if not isinstance(value, list):
                self.error(name, front.key_lines.get(key), key, "must be a list")
                value = []
            lists[key] = [str(item) for item in value]
        return Topic(
            slug=slug,
            file=name,
            title=str(front["title"]),
            standfirst=str(front["standfirst"]).strip(),
            enquiry=str(front.get("enquiry") or "").strip(),
            blocks=blocks,
            body_line=body_line,
            text=text,
            **lists,
        )

    def parse_body(self, name, body, first_line):
        """Markdown with `## ` sections and `:::` directives into StreamField blocks."""
        blocks, prose, lines = [], [], body.split("\n")

        def flush():
            text = "\n".join(prose).strip()
            if text:
                blocks.append(("text", markdown_to_html(text)))
            prose.clear()

        index = 0
        while index < len(lines):
            line, number = lines[index], first_line + index
            opening = DIRECTIVE_OPEN.match(line)
            if line.startswith("## "):
                flush()
                blocks.append(("heading", line[3:].strip()))
            elif opening:
                flush()
                kind, argument = opening.groups()
                closing = next(
                    (j for j in range(index + 1, len(lines)) if lines[j].strip() == ":::"), None
                )
                if closing is None:
                    self.error(name, number, kind, "directive is not closed by a ':::' line")
                    return blocks
                if kind not in DIRECTIVE_KINDS:
                    self.error(
                        name,
                        number,
                        kind,
                        f"unknown directive '{kind}' (use {', '.join(sorted(DIRECTIVE_KINDS))})",
                    )
                else:
                    block = self.directive(name, number, kind, argument, lines[index + 1 : closing])
                    if block:
                        blocks.append(block)
                index = closing
            elif line.startswith("# "):
                self.error(
                    name,
                    number,
                    "body",
                    "use '## ' for section headings; the title comes from the front matter",
                )
            else:
                prose.append(line)
            index += 1
        flush()
        return blocks

    def directive(self, name, line, kind, argument, inner):
        if kind == "debate":
            return self.debate(name, line, inner)
        fields, text = {}, "\n".join(inner).strip()
        if "---" in [row.strip() for row in inner]:
            split = [row.strip() for row in inner].index("---")
            text = "\n".join(inner[split + 1 :]).strip()
            # Fields are plain 'name: value' lines, so quotes and colons in a value need no escaping.
            for offset, row in enumerate(inner[:split], start=1):
                if not row.strip():
                    continue
                key, colon, value = row.partition(":")
                if not colon or not key.strip().isidentifier():
                    self.error(
                        name, line + offset, kind, f"'{row.strip()}' is not a 'name: value' line"
                    )
                    continue
                fields[key.strip()] = value.strip()
        allowed = {
            "figure": set(),
            "source": {"author", "date", "kind", "origin", "question"},
            "quote": {"attribution"},
            "key-facts": {"title"},
            "content-note": set(),
        }[kind]
        for key in sorted(set(fields) - allowed):
            self.error(name, line, f"{kind}.{key}", f"unknown field '{key}' in a {kind} directive")
        if kind == "figure":
            if not argument:
                self.error(name, line, "figure", "name the figure: '::: figure SLUG'")
                return None
            return ("figure", {"figure": argument, "line": line})
        if kind == "source":
            missing = sorted({"author", "date", "kind", "origin"} - set(fields))
            if missing:
                self.error(name, line, "source", f"a source excerpt needs {', '.join(missing)}")
            if not text:
                self.error(name, line, "source", "a source excerpt needs its text after '---'")
            return (
                "source",
                {
                    "text": markdown_to_html(text),
                    "author": str(fields.get("author", "")),
                    "date": str(fields.get("date", "")),
                    "kind": str(fields.get("kind", "")),
                    "origin": str(fields.get("origin", "")),
                    "question": str(fields.get("question", "")),
                },
            )
        if kind == "quote":
            return ("quote", {"text": text, "attribution": str(fields.get("attribution", ""))})
        if kind == "key-facts":
            facts = [item[2:].strip() for item in text.split("\n") if item.startswith("- ")]
            if not facts:
                self.error(name, line, "key-facts", "list the facts as '- ' lines")
            return ("key_facts", {"title": str(fields.get("title", "Key facts")), "facts": facts})
        if not text:
            self.error(name, line, "content-note", "a content note needs its text")
        return ("content_note", {"text": text})

    def debate(self, name, line, inner):
        """A `::: debate` directive: YAML fields (title, positions, archives), then an introduction."""
        rows = [row.strip() for row in inner]
        if "---" not in rows:
            self.error(name, line, "debate", "give the fields, a '---' line, then the introduction")
            return None
        split = rows.index("---")
        introduction = "\n".join(inner[split + 1 :]).strip()
        fields = self.load_yaml(Path(name), "\n".join(inner[:split]) or "{}", line_offset=line)
        if fields is None:
            return None
        if not isinstance(fields, dict):
            self.error(name, line, "debate", "the fields before '---' must be 'name: value' lines")
            return None

        shift_lines(fields, line)

        def at(mapping, key):
            return mapping.key_lines.get(key, mapping.line)

        ok = self.check_fields(
            name,
            fields,
            {"required": {"title", "positions", "archives"}, "optional": set()},
            "debate",
        )
        if not introduction:
            self.error(name, line, "debate", "a debate needs an introduction after '---'")
        positions = fields.get("positions")
        if not isinstance(positions, list):
            if "positions" in fields:
                self.error(name, at(fields, "positions"), "debate.positions", "must be a list")
            return None
        if len(positions) < 3:
            self.error(
                name,
                at(fields, "positions"),
                "debate.positions",
                f"a debate sets out at least 3 positions, not {len(positions)}",
            )
        values = []
        for number, position in enumerate(positions, start=1):
            where = f"debate.positions[{number}]"
            if not isinstance(position, dict):
                self.error(name, at(fields, "positions"), where, "must be a mapping of fields")
                continue
            for key in sorted(POSITION_FIELDS - set(position)):
                self.error(name, position.line, f"{where}.{key}", "is missing")
            for key in sorted(set(position) - POSITION_FIELDS - {"sources"}):
                self.error(
                    name, at(position, key), f"{where}.{key}", "is not a field of a position"
                )
            for key in sorted(POSITION_FIELDS & set(position)):
                if not str(position[key] or "").strip():
                    self.error(name, at(position, key), f"{where}.{key}", "is empty")
            cited = position.get("sources") or []
            if not isinstance(cited, list):
                self.error(name, at(position, "sources"), f"{where}.sources", "must be a list")
                cited = []
            for slug in cited:
                if slug not in self.known_sources:
                    self.error(
                        name,
                        at(position, "sources"),
                        f"{where}.sources",
                        f"unknown source '{slug}'",
                    )
            values.append(
                {
                    **{
                        key: " ".join(str(position.get(key) or "").split())
                        for key in POSITION_ORDER
                    },
                    "sources": [str(slug) for slug in cited],
                }
            )
        if not ok:
            return None
        return (
            "debate",
            {
                "title": " ".join(str(fields["title"]).split()),
                "introduction": markdown_to_html(introduction),
                "positions": values,
                "archives": " ".join(str(fields["archives"]).split()),
            },
        )

    # Cross-references ---------------------------------------------------------------------

    def check_references(self, pack):
        data = pack.data
        topics = set(pack.topics)
        linkable = (
            set(data["people"])
            | set(data["organisations"])
            | set(data["places"])
            | set(data["glossary"])
        )
        listed = {topic["slug"] for part in pack.parts for topic in part["topics"]}
        linkable |= listed | set(data["events"])

        singular = {
            "people": "person",
            "organisations": "organisation",
            "places": "place",
            "sources": "source",
        }

        def need(record, key, kind, slugs):
            if self.unreadable(f"{kind}.yaml"):
                return
            values = record.fields.get(key) or []
            for slug in values if isinstance(values, list) else [values]:
                if slug not in data[kind]:
                    self.error(
                        record.file, record.line_of(key), key, f"unknown {singular[kind]} '{slug}'"
                    )

        for record in data["events"].values():
            need(record, "sources", "sources", None)
            need(record, "people", "people", None)
            need(record, "organisations", "organisations", None)
            if record.fields.get("place"):
                need(record, "place", "places", None)
            for topic in record.fields.get("topics") or []:
                if topic not in topics and not self.unreadable("course.yaml", f"topics/{topic}.md"):
                    self.error(
                        record.file,
                        record.line_of("topics"),
                        "topics",
                        f"unknown or unwritten topic '{topic}'",
                    )
        for kind in ("people", "organisations"):
            for record in data[kind].values():
                need(record, "sources", "sources", None)
        for record in data["people"].values():
            for key in ("born", "died"):
                place = (
                    record.fields[key].get("place")
                    if isinstance(record.fields.get(key), dict)
                    else None
                )
                if place and place not in data["places"] and not self.unreadable("places.yaml"):
                    self.error(
                        record.file, record.line_of(key), f"{key}.place", f"unknown place '{place}'"
                    )
            for role in record.fields.get("roles") or []:
                if (
                    isinstance(role, dict)
                    and role.get("organisation")
                    and role["organisation"] not in data["organisations"]
                    and not self.unreadable("organisations.yaml")
                ):
                    self.error(
                        record.file,
                        getattr(role, "line", record.line),
                        "roles.organisation",
                        f"unknown organisation '{role['organisation']}'",
                    )
            portrait = record.fields.get("portrait")
            if portrait and portrait not in pack.figures and not self.unreadable(FIGURES):
                self.error(
                    record.file,
                    record.line_of("portrait"),
                    "portrait",
                    f"unknown figure '{portrait}'",
                )
        for topic in pack.topics.values():
            for slug in topic.people:
                if slug not in data["people"] and not self.unreadable("people.yaml"):
                    self.error(topic.file, 2, "people", f"unknown person '{slug}'")
            for slug in topic.sources:
                if slug not in data["sources"] and not self.unreadable("sources.yaml"):
                    self.error(topic.file, 2, "sources", f"unknown source '{slug}'")
            for block_type, value in topic.blocks:
                text = value if isinstance(value, str) else " ".join(str(v) for v in value.values())
                for slug in ENTITY_LINK.findall(text):
                    if slug not in linkable and not self.unreadable(*LINKABLE_FILES):
                        self.error(
                            topic.file,
                            topic.line_of_text(f"[[{slug}"),
                            "body",
                            f"link to unknown entity '[[{slug}]]'",
                        )
                for slug in CITATION.findall(text):
                    if slug.strip() not in data["sources"] and not self.unreadable("sources.yaml"):
                        self.error(
                            topic.file,
                            topic.line_of_text(f"[^{slug}"),
                            "body",
                            f"citation of unknown source '[^{slug}]'",
                        )
                if (
                    block_type == "figure"
                    and value["figure"] not in pack.figures
                    and not self.unreadable(FIGURES)
                ):
                    self.error(
                        topic.file,
                        value["line"],
                        "figure",
                        f"unknown figure '{value['figure']}' (not in figures/figures.yaml)",
                    )


def shift_lines(value, offset):
    """Move the remembered lines of YAML read from inside a file down by `offset` lines."""
    if isinstance(value, LineDict):
        value.line += offset
        value.key_lines = {key: number + offset for key, number in value.key_lines.items()}
        children = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return
    for child in children:
        shift_lines(child, offset)


def markdown_to_html(text):
    """Markdown to the compact HTML kept in rich text fields."""
    html = markdown.render(text).replace("<br />", "<br/>")
    return re.sub(r">\s*\n\s*<", "><", html).replace("\n", " ").strip()


def read_pack(path):
    return PackReader(path).read()

"""An article body as the text the fact checker reads.

The checker reads Markdown (`claims.split_sentences`); an `ArticlePage` body is a StreamField of
blocks. `article_text` writes the body out block by block, from its raw JSON (no queries):

* a heading block becomes a `## ` line;
* a text block's rich text HTML becomes one line per paragraph, list item (`- `) or heading
  (`### `), each followed by a blank line; `[[slug|text]]` links and `[^source]` citations are
  kept as written, for the checker reads them;
* key facts become a `### ` title and `- ` items; a content note and a figure's own caption, a
  paragraph;
* a debate becomes a `## Debate: ` heading, its introduction, each position's `### ` name,
  argument and evidence, and the archives note;
* source excerpts and quotations are someone else's words, and a figure without a caption has
  none: each becomes one `<!-- … -->` line.

Every block takes at least one line and is followed by a blank line, so the same body always
gives the same text and a quotation's length never moves the lines after it.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .judge import FactChecker, Finding

#: Blocks whose text is not the writer's own claim.
SKIPPED_BLOCKS = frozenset({"source", "quote"})
#: Blocks whose text is one plain text field (a figure's caption falls back to its image's
#: caption when empty; that one is not read, for it would cost a query).
PLAIN_TEXT_FIELDS = {"content_note": "text", "figure": "caption"}

_BLOCK_TAGS = frozenset(
    "p li h1 h2 h3 h4 h5 h6 blockquote div pre ul ol table tr figcaption".split()
)
_HEADING_PREFIX = {
    "h1": "## ",
    "h2": "## ",
    "h3": "### ",
    "h4": "#### ",
    "h5": "##### ",
    "h6": "###### ",
}


class _HtmlLines(HTMLParser):
    """Collects the text of rich text HTML, one line per paragraph, list item or heading."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._prefix = ""
        self._lists: list[list] = []  # one [tag, items so far] per open list

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._parts.append(" ")
            return
        if tag not in _BLOCK_TAGS:
            return
        self._flush()
        if tag in ("ul", "ol"):
            self._lists.append([tag, 0])
        elif tag == "li":
            if self._lists and self._lists[-1][0] == "ol":
                self._lists[-1][1] += 1
                self._prefix = f"{self._lists[-1][1]}. "
            else:
                self._prefix = "- "
        else:
            self._prefix = _HEADING_PREFIX.get(tag, "")

    def handle_endtag(self, tag):
        if tag not in _BLOCK_TAGS:
            return
        self._flush()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()

    def handle_data(self, data):
        self._parts.append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        text = " ".join("".join(self._parts).split())
        if text:
            self.lines.append(self._prefix + text)
        self._parts.clear()
        self._prefix = ""


def html_lines(html: str) -> list[str]:
    """The lines of text of a piece of rich text HTML (paragraphs, `- ` items, `### ` headings)."""
    parser = _HtmlLines()
    parser.feed(html or "")
    parser.close()
    return parser.lines


def block_lines(block_type: str, value) -> list[str]:
    """The lines one body block contributes to the text, given its raw value."""
    if block_type in SKIPPED_BLOCKS:
        return [f"<!-- {block_type} -->"]
    if block_type == "heading":
        return [f"## {' '.join(str(value).split())}"]
    if block_type == "text":
        return html_lines(value)
    if block_type == "key_facts":
        value = value or {}
        facts = [
            item["value"] if isinstance(item, dict) else item for item in value.get("facts", [])
        ]
        return [
            f"### {value.get('title') or 'Key facts'}",
            *(f"- {fact}" for fact in facts if fact),
        ]
    if block_type == "debate":
        return debate_lines(value or {})
    if block_type in PLAIN_TEXT_FIELDS:
        text = " ".join(str((value or {}).get(PLAIN_TEXT_FIELDS[block_type]) or "").split())
        return [text] if text else [f"<!-- {block_type} -->"]
    return [f"<!-- {block_type} -->"]


def debate_lines(value) -> list[str]:
    """A debate's own words: its heading, introduction, each position's argument and evidence,
    and the archives note. Historians' names and works are left out, for the years there are
    years of publication, not claims about the past."""
    lines = [f"## Debate: {' '.join(str(value.get('title') or '').split())}"]
    lines += html_lines(value.get("introduction") or "")
    for item in value.get("positions") or []:
        position = item.get("value", item) if isinstance(item, dict) else {}
        lines.append(f"### {' '.join(str(position.get('name') or '').split())}")
        lines += [
            " ".join(str(position.get(key) or "").split())
            for key in ("argument", "evidence")
            if position.get(key)
        ]
    if value.get("archives"):
        lines.append(" ".join(str(value["archives"]).split()))
    return lines


def body_text(raw_blocks) -> str:
    """The checker's text for a StreamField's raw data (a list of {"type", "value"} dicts)."""
    out: list[str] = []
    for block in raw_blocks or []:
        lines = block_lines(block["type"], block.get("value")) or [f"<!-- {block['type']} -->"]
        for line in lines:
            out += [line, ""]
    return "\n".join(out)


def article_text(page) -> str:
    """An `ArticlePage` body (as loaded, or a revision's) as Markdown-ish text for the checker."""
    return body_text(page.body.raw_data)


def section_at(text: str, line: int) -> str:
    """The title of the `## ` section that line `line` (1-based) of `text` falls in, or ""."""
    for candidate in reversed(text.splitlines()[:line]):
        if candidate.startswith("## "):
            return candidate[3:].strip()
    return ""


def check_article(page, checker: FactChecker | None = None) -> list[Finding]:
    """The findings for an article's body, against the course chronology unless `checker`."""
    if checker is None:
        from .chronology_db import course_checker

        checker = course_checker()
    return checker.check(article_text(page))

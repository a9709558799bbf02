"""Find the dated statements in article text.

The extractor is pure and keeps what the text says, no more:

* `split_sentences` turns a Markdown article (front matter, headings, `[[slug|text]]` links,
  footnotes, `:::` directives) into plain sentences that remember the line they start on. The
  bodies of `quote` and `source` directives are someone else's words and are left out.
* `find_dates` finds temporal expressions with the precision they are written at: "1917",
  "October 1917", "early October 1917", "25 October 1917", "October 25, 1917", the Old Style
  forms "25 October (7 November) 1917" and "3 (16) December 1905", explicit "(O.S.)" / "(N.S.)"
  markers, ranges "1918–1921" and decades "the 1920s". A missing day or month is never filled
  in (no `dateparser.parse` / `search_dates`, which use today's date for what is missing).
* `find_durations` finds relative time: "after 4 days", "six weeks later", "within a month".
* `EntityIndex.find` finds the people, organisations, places and terms a sentence names.
* `find_happenings` finds what kind of thing happened: "died", "arrested", "signed", ...
* `find_lifespans` reads "Trotsky (1879–1940)".
* `analyse` puts these together, sentence by sentence and clause by clause, so that each date
  can be judged against the happening and the people of its own clause: in "Trotsky, who had
  opposed Lenin in 1903, joined the Bolsheviks in 1917" the two years belong to two clauses.
  A clause also knows who acts in it (named, "who", "he", or carried over from the sentence's
  subject), whether its verb is passive, and whether a date dates its verb or a noun.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Protocol

from chronology.dates import days_in_month, julian_to_gregorian

# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

#: Directives whose body quotes someone else's words; their dates are not the writer's claims.
QUOTED_DIRECTIVES = frozenset({"quote", "source"})

#: Words ending in a full stop that do not end a sentence (compared in lower case).
ABBREVIATIONS = frozenset(
    """b. c. ca. cf. ch. chs. col. d. dr. ed. eds. fig. gen. jan. feb. mar. apr. jun. jul. aug.
    sep. sept. oct. nov. dec. lt. mr. mrs. ms. no. nos. p. pp. prof. rev. st. vol. vols. vs.""".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of plain text and the line of the source text it starts on (1-based).

    `links` holds the explicit entity links of the Markdown (`[[slug|text]]`) as
    `(start, end, slug)` spans of `text`.
    """

    line: int
    text: str
    links: tuple[tuple[int, int, str], ...] = ()


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^(```|~~~)")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_BLOCKQUOTE = re.compile(r"^(?:>\s?)+")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*$")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]*\]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK = re.compile(r"(?<!\[)\[([^\[\]]+)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"\*{1,3}|`|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_ENTITY_LINK = re.compile(r"\[\[([a-z0-9][a-z0-9-]*)(?:\|([^\]]+))?\]\]")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """Split a Markdown article into sentences, each with the line it starts on.

    Front matter, directive lines (`::: kind` and `:::`), directive fields (except a debate's
    text fields: title, argument, evidence, archives), the bodies of quoted directives
    (`quote`, `source`), code blocks, footnote definitions and HTML comments are left out. Headings and list items are sentences of their own. Inline Markdown is reduced
    to its text: `[[slug|text]]` becomes `text` (the link is kept in `Sentence.links`),
    footnote references `[^x]` disappear.
    """
    sentences: list[Sentence] = []
    for block in _blocks(_prose_lines(text)):
        sentences.extend(_split_block(block))
    return sentences


def _prose_lines(text: str) -> Iterator[tuple[int, str] | None]:
    """Yield `(line number, line)` for the prose of an article; None marks a block boundary."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                start = index + 1
                break
    in_fence = False
    directive: str | None = None
    in_fields = False
    debate_text = False  # inside a debate's fields: whether the current field is prose
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if in_fence or _FENCE.match(stripped):
            in_fence = in_fence != bool(_FENCE.match(stripped))
            yield None
            continue
        if stripped.startswith(":::"):
            kind = stripped[3:].strip()
            if directive is None and kind:
                directive = kind.split()[0]
                in_fields = _has_fields(lines, index + 1)
            else:
                directive = None
            yield None
            continue
        if directive is not None:
            if in_fields and directive == "debate" and stripped != "---":
                # Each text field a paragraph: `argument: >-` and the lines folded under it.
                key = _YAML_KEY.match(lines[index])
                if key:
                    yield None
                    debate_text = key.group(1) in DEBATE_TEXT_FIELDS
                    value = key.group(2).strip().strip("'\"")
                    if debate_text and value not in _YAML_BLOCK_MARKS:
                        yield index + 1, value
                elif debate_text and stripped:
                    yield index + 1, stripped
                continue
            if in_fields:
                in_fields = stripped != "---"
                continue
            if directive in QUOTED_DIRECTIVES:
                continue
        yield index + 1, lines[index]


#: The fields of a `::: debate` directive (YAML) that are the writer's own prose; historians'
#: names, works (with years of publication) and source slugs are left out.
DEBATE_TEXT_FIELDS = frozenset({"title", "argument", "evidence", "archives"})
_YAML_KEY = re.compile(r"^\s*(?:-\s+)?([a-z_]+):\s*(.*)$")
_YAML_BLOCK_MARKS = frozenset({"", ">", ">-", "|", "|-"})


def _has_fields(lines: list[str], start: int) -> bool:
    """Whether the directive opened just before `start` has a `---` line before its end."""
    for line in lines[start:]:
        stripped = line.strip()
        if stripped == "---":
            return True
        if stripped.startswith(":::"):
            return False
    return False


def _blocks(lines: Iterable[tuple[int, str] | None]) -> Iterator[list[tuple[int, str]]]:
    """Group prose lines into blocks (paragraphs, headings, list items, table rows)."""
    current: list[tuple[int, str]] = []
    for item in lines:
        stripped = item[1].strip() if item else ""
        if item is None or not stripped or _RULE.match(stripped):
            if current:
                yield current
            current = []
            continue
        line_number = item[0]
        if _FOOTNOTE_DEFINITION.match(stripped) or _TABLE_RULE.match(stripped):
            continue
        heading = _HEADING.match(stripped)
        if heading:
            if current:
                yield current
            yield [(line_number, heading.group(1))]
            current = []
            continue
        stripped = _BLOCKQUOTE.sub("", stripped)
        if stripped.startswith("|"):
            if current:
                yield current
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            yield [(line_number, ": ".join(cell for cell in cells if cell))]
            current = []
            continue
        item_start = _LIST_ITEM.match(stripped)
        if item_start:
            if current:
                yield current
            current = []
            stripped = stripped[item_start.end() :]
        current.append((line_number, stripped))
    if current:
        yield current


def _clean_inline(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Reduce one line of inline Markdown to text; return it with its entity link spans."""
    line = html.unescape(line).replace("\u00a0", " ").replace("\u202f", " ")
    line = _FOOTNOTE_REF.sub("", line)
    line = _IMAGE.sub("", line)
    line = _MARKDOWN_LINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = re.sub(r"\s+", " ", line).strip()
    out: list[str] = []
    links: list[tuple[int, int, str]] = []
    position = 0
    length = 0
    for match in _ENTITY_LINK.finditer(line):
        before = line[position : match.start()]
        out.append(before)
        length += len(before)
        slug = match.group(1)
        shown = match.group(2) or slug.replace("-", " ").title()
        links.append((length, length + len(shown), slug))
        out.append(shown)
        length += len(shown)
        position = match.end()
    out.append(line[position:])
    return "".join(out), links


def _split_block(block: list[tuple[int, str]]) -> Iterator[Sentence]:
    """Split one block of lines into sentences."""
    parts: list[str] = []
    line_starts: list[tuple[int, int]] = []  # (offset in the joined text, line number)
    links: list[tuple[int, int, str]] = []
    offset = 0
    for line_number, raw in block:
        text, line_links = _clean_inline(raw)
        if not text:
            continue
        if parts:
            offset += 1  # the joining space
        line_starts.append((offset, line_number))
        links.extend((offset + start, offset + end, slug) for start, end, slug in line_links)
        parts.append(text)
        offset += len(text)
    joined = " ".join(parts)
    start = 0
    for boundary in _sentence_boundaries(joined):
        yield from _sentence(joined, start, boundary, line_starts, links)
        start = boundary
    yield from _sentence(joined, start, len(joined), line_starts, links)


def _sentence_boundaries(text: str) -> Iterator[int]:
    """Offsets where a new sentence starts."""
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == ".":
            word = text[: match.start() + 1].rsplit(" ", 1)[-1].lstrip("(\"'“‘[")
            if (
                word.lower() in ABBREVIATIONS
                or re.fullmatch(r"[A-Z]\.", word)
                or re.fullmatch(r"(?:[A-Za-z]\.){2,}", word)
            ):
                continue
        yield match.end()


def _sentence(
    text: str,
    start: int,
    end: int,
    line_starts: list[tuple[int, int]],
    links: list[tuple[int, int, str]],
) -> Iterator[Sentence]:
    """The sentence text[start:end], trimmed, with its line and links; nothing if empty."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not re.search(r"[A-Za-z0-9]", piece):
        return
    first = start + lead
    line = next(number for offset, number in reversed(line_starts) if offset <= first)
    own_links = tuple(
        (s - first, e - first, slug)
        for s, e, slug in links
        if s >= first and e <= first + len(piece)
    )
    yield Sentence(line, piece, own_links)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"


def _d(group: str) -> str:
    return rf"(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?"


def _m(group: str) -> str:
    return rf"(?P<{group}>{_MONTH_NAMES}|(?:{_MONTH_ABBREVIATIONS})\.?)(?![a-z])"


def _y(group: str) -> str:
    return rf"(?P<{group}>[1-9]\d{{2,3}})(?![\d])"


#: A four-digit year of the common era, 1000-2099 (bare numbers outside it are not years).
_YEAR = r"1\d{3}|20\d\d"
_PART = (
    r"(?P<part>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of))"
)
_NS_LABEL = r"(?:(?i:N\.\s?S\.|New\s+Style)[:,]?\s*)?"

#: (form, pattern); tried together, the longest match at the leftmost position wins.
_DATE_FORMS: list[tuple[str, re.Pattern[str]]] = [
    # 23–27 February (8–12 March) 1917
    (
        "dual-range",
        re.compile(
            rf"\b{_d('d1')}\s*[–—-]\s*{_d('d3')}\s+{_m('m1')}\s*\(\s*{_NS_LABEL}{_d('d2')}\s*[–—-]\s*"
            rf"{_d('d4')}\s+{_m('m2')}\s*\),?\s+{_y('y1')}"
        ),
    ),
    # 1–18 March 1921, 1 to 18 March 1921, 30 July – 23 August 1903
    (
        "day-range",
        re.compile(
            rf"\b{_d('d1')}(?:\s+{_m('m1')})?\s*(?:[–—-]|\s(?i:to|until|till)\s)\s*{_d('d3')}\s+"
            rf"{_m('m3')},?\s+{_y('y1')}"
        ),
    ),
    # 3 (16) December 1905
    ("dual-day", re.compile(rf"\b{_d('d1')}\s*\(\s*{_d('d2')}\s*\)\s+{_m('m1')},?\s+{_y('y1')}")),
    # 3/16 December 1905
    ("dual-day", re.compile(rf"\b{_d('d1')}\s*/\s*{_d('d2')}\s+{_m('m1')},?\s+{_y('y1')}")),
    # 25 October (7 November) 1917
    (
        "dual-month",
        re.compile(
            rf"\b{_d('d1')}\s+{_m('m1')}\s*\(\s*{_NS_LABEL}{_d('d2')}\s+{_m('m2')}\s*\),?\s+{_y('y1')}"
        ),
    ),
    # 31 December 1904 (13 January 1905); 25 October 1917 (7 November)
    (
        "dual-year",
        re.compile(
            rf"\b{_d('d1')}\s+{_m('m1')},?\s+{_y('y1')}\s*\(\s*{_NS_LABEL}{_d('d2')}\s+{_m('m2')}"
            rf"(?:,?\s+{_y('y2')})?\s*\)"
        ),
    ),
    # October 25 (November 7), 1917
    (
        "dual-month",
        re.compile(
            rf"\b{_m('m1')}\s+{_d('d1')}\s*\(\s*{_NS_LABEL}{_m('m2')}\s+{_d('d2')}\s*\),?\s+{_y('y1')}"
        ),
    ),
    # December 3 (16), 1905
    ("dual-day", re.compile(rf"\b{_m('m1')}\s+{_d('d1')}\s*\(\s*{_d('d2')}\s*\),?\s+{_y('y1')}")),
    # 25 October 1917, the 25th of October 1917
    ("day", re.compile(rf"\b(?:(?i:the)\s+)?{_d('d1')}(?:\s+of)?\s+{_m('m1')},?\s+{_y('y1')}")),
    # October 25, 1917
    ("day", re.compile(rf"\b{_m('m1')}\s+{_d('d1')},?\s+{_y('y1')}")),
    # early October 1917, October 1917, October of 1917
    ("month", re.compile(rf"(?:\b{_PART}[\s-]+)?\b{_m('m1')}(?:,|\s+of)?\s+{_y('y1')}")),
    # the 1920s, the early 1920s, the mid-1920s
    (
        "decade",
        re.compile(r"(?:\b(?P<part>(?i:early|mid|late))[\s-]+)?\b(?P<y1>1\d\d|20\d)0['’]?s\b"),
    ),
    # between 1918 and 1921, from 1918 to 1921
    (
        "range",
        re.compile(
            rf"\b(?i:between)\s+(?P<y1>{_YEAR})\s+and\s+(?P<y2>{_YEAR})\b"
            rf"|\b(?i:from)\s+(?P<y3>{_YEAR})\s+(?:to|until|till)\s+(?P<y4>{_YEAR})\b"
        ),
    ),
    # 1918–1921, 1918-21
    (
        "range",
        re.compile(rf"(?<![\w./-])(?P<y1>{_YEAR})\s*[–—-]\s*(?P<y2>{_YEAR}|\d{{2}})(?![\w-])"),
    ),
    # early 1905, mid-1905
    ("year", re.compile(rf"\b(?P<part>(?i:early|mid|late))[\s-]+(?P<y1>{_YEAR})(?![\w-])")),
    # the summer of 1917, spring 1921
    (
        "year",
        re.compile(
            rf"\b(?:(?i:the)\s+)?(?P<part>(?i:spring|summer|autumn|fall))(?:\s+of)?\s+"
            rf"(?P<y1>{_YEAR})(?![\w-])"
        ),
    ),
    # 1917 (accepted only where the context makes it a year: see _is_year)
    ("year", re.compile(rf"(?<![\w.,/-])(?P<y1>{_YEAR})(?![\w-]|[.,]\d)")),
]

_CALENDAR_MARK = re.compile(
    r"\s*,?\s*(?P<open>\()?\s*(?:(?:in|by|according\s+to)\s+the\s+)?"
    r"(?P<mark>O\.\s?S\.|N\.\s?S\.|(?i:old[\s-]style|new[\s-]style|julian|gregorian))"
    r"(?:\s+(?i:calendar))?(?(open)\s*\))"
)
_RELATION = re.compile(
    r"\b(?P<rel>before|by|until|till|prior\s+to|up\s+to|after|since|from|as\s+early\s+as|"
    r"(?:by|before)\s+the\s+(?:start|beginning|end|close|middle)\s+of|"
    r"as\s+late\s+as|no\s+later\s+than|not\s+until)\s+(?:the\s+)?$",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|never|n't)\b", re.I)
_AFTER_WORDS = frozenset({"after", "since", "from", "as early as"})
_APPROXIMATE = re.compile(
    r"(?:\bc\.|\bca\.|\bcirca|\baround|\babout|\bapproximately|\broughly|\bsome\s?time\s+in)\s*$",
    re.I,
)

#: Words that make a following four-digit number a year ("in 1917", "of 1905").
YEAR_CUES = frozenset(
    """in of during by since until till from to before after circa c. ca. early late mid
    spring summer autumn winter year""".split()
)
#: Words after which a number is a year only if nothing countable follows ("about 1902").
APPROXIMATE_CUES = frozenset("about around approximately roughly".split())
#: Nouns that a year can qualify: "the 1905 Revolution", "the 1921 famine".
EVENT_NOUNS = frozenset(
    """revolution revolutions uprising rising insurrection congress election elections
    constitution famine war crisis coup putsch treaty manifesto strike strikes census purge
    purges plenum conference campaign reform reforms decree trial trials mutiny rebellion
    offensive invasion massacre""".split()
)
_FUNCTION_WORDS = frozenset(
    """and or but when he she it they the a an in on at to for with by as after before while
    who which that was were had his her its their""".split()
)

_PART_DAYS = {"early": (1, 13), "mid": (8, 23), "late": (18, 31)}
_PART_MONTHS = {
    "early": (1, 5),
    "mid": (4, 9),
    "late": (8, 12),
    # seasons, a month either side for writers who stretch them (winter straddles two years)
    "spring": (2, 6),
    "summer": (5, 9),
    "autumn": (8, 12),
}
_PART_DECADE = {"early": (0, 3), "mid": (3, 7), "late": (6, 9)}
_APPROXIMATE_SLACK = {"day": 3, "month": 31, "year": 366, "decade": 731}

Span = tuple[date, date]


def _calendar_day(year: int, month: int, day: int, reading: str) -> date | None:
    """The Gregorian day of year-month-day read in `reading` ('gregorian' or 'julian')."""
    if reading == "julian":
        if not (1 <= month <= 12 and 1 <= day <= days_in_month(year, month, in_julian=True)):
            return None
        return julian_to_gregorian(year, month, day)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_length(year: int, month: int, reading: str) -> int:
    return days_in_month(year, month, in_julian=reading == "julian")


@dataclass(frozen=True)
class DateExpression:
    """A temporal expression as written, at the precision it is written at.

    `year`, `month` and `day` are the figures on the page (for a dual date, the Old Style
    part; `new_style` holds the bracketed New Style part). `precision` is 'day', 'month',
    'year' or 'decade'; `end_year` closes a range ("1918–1921") or a decade. `part` is
    'early', 'mid' or 'late'. `calendar` is 'unmarked', 'os' or 'ns' (an explicit marker) or
    'dual'. A range of days keeps its last day in `until` (month, day). `relation` is 'at', or
    'before'/'after' for "by 1921", "after 1905", or 'until' for
    "until 1917" (such bounds are not point claims, though "until" may close a span, and "not
    until 1917" is 'at').
    """

    text: str
    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None
    precision: str = "year"
    end_year: int | None = None
    part: str | None = None
    calendar: str = "unmarked"
    new_style: tuple[int, int, int] | None = None
    relation: str = "at"
    approximate: bool = False
    #: the last day of a range of days ("1–18 March 1921", "30 July – 23 August 1903"), and
    #: of its bracketed New Style part ("23–27 February (8–12 March) 1917")
    until: tuple[int, int] | None = None
    new_style_until: tuple[int, int, int] | None = None

    def span(self, reading: str = "gregorian") -> Span | None:
        """First and last Gregorian day the written date covers when read in `reading`.

        `reading` is 'gregorian' (the figures are New Style) or 'julian' (they are Old Style).
        None if the figures are not a valid date in that calendar.
        """
        return _span(self, reading)

    def _span(self, reading: str) -> Span | None:
        year = self.year
        if self.precision == "day":
            first = last = _calendar_day(year, self.month, self.day, reading)
            if self.until:
                last = _calendar_day(year, *self.until, reading)
        elif self.precision == "month":
            low, high = _PART_DAYS.get(self.part, (1, 31))
            length = _month_length(year, self.month, reading)
            first = _calendar_day(year, self.month, low, reading)
            last = _calendar_day(year, self.month, min(high, length), reading)
        else:
            last_year = self.end_year or year
            if self.precision == "decade" and self.part:
                low, high = _PART_DECADE[self.part]
                year, last_year = self.year + low, self.year + high
            low_month, high_month = _PART_MONTHS.get(self.part, (1, 12))
            if self.precision == "decade":
                low_month, high_month = 1, 12
            first = _calendar_day(year, low_month, 1, reading)
            last = _calendar_day(
                last_year, high_month, _month_length(last_year, high_month, reading), reading
            )
        if first is None or last is None:
            return None
        if self.approximate:
            slack = timedelta(days=_APPROXIMATE_SLACK[self.precision])
            first, last = first - slack, last + slack
        return first, last

    def dual_consistent(self) -> bool:
        """Whether the two halves of a dual date name the same day (True if not dual)."""
        if self.new_style is None:
            return True
        return self.span("julian") is not None and self.span("julian") == self.new_style_span()

    def new_style_span(self) -> Span | None:
        """The day (or days) the bracketed New Style part of a dual date names, as a span."""
        return self._bracketed("gregorian")

    def new_style_as_julian_span(self) -> Span | None:
        """The bracketed part read as Old Style: how "12 (25) October 1917" names the 25th OS."""
        return self._bracketed("julian")

    def _bracketed(self, reading: str) -> Span | None:
        if self.new_style is None:
            return None
        first = _calendar_day(*self.new_style, reading)
        last = _calendar_day(*(self.new_style_until or self.new_style), reading)
        return (first, last) if first and last else None

    def old_style_edtf(self) -> str:
        """The written figures as an EDTF string (used for the Old Style part of a dual date)."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@lru_cache(maxsize=4096)
def _span(expression: DateExpression, reading: str) -> Span | None:
    """`DateExpression.span`, computed once per expression (the checker asks often)."""
    return expression._span(reading)


def find_dates(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[DateExpression]:
    """Find the temporal expressions in one sentence, left to right.

    Spans in `exclude` (for example a lifespan "(1879–1940)") are not searched.
    """
    blocked = list(exclude)
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for form, pattern in _DATE_FORMS:
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), form, match))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[DateExpression] = []
    taken_until = -1
    for start, end, form, match in candidates:
        if start < taken_until or any(start < e and s < end for s, e in blocked):
            continue
        expression = _expression(text, form, match)
        if expression is not None:
            found.append(expression)
            taken_until = expression.end
    return found


def _int(match: re.Match[str], *groups: str) -> int | None:
    for group in groups:
        value = match.groupdict().get(group)
        if value:
            return int(value)
    return None


def _month(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return MONTHS[value.rstrip(".").lower()] if value else None


def _part(match: re.Match[str]) -> str | None:
    value = match.groupdict().get("part")
    if not value:
        return None
    value = " ".join(value.lower().split())
    return {
        "the end of": "late",
        "the beginning of": "early",
        "the start of": "early",
        "the middle of": "mid",
        "fall": "autumn",
    }.get(value, value)


def _expression(text: str, form: str, match: re.Match[str]) -> DateExpression | None:
    """Build the DateExpression for one pattern match, or None if it is not a date."""
    start, end = match.start(), match.end()
    year = _int(match, "y1", "y3")
    fields: dict = {"year": year, "part": _part(match)}
    if form in ("day-range", "dual-range"):
        last_month = _month(match, "m3") or _month(match, "m1")
        month = _month(match, "m1") or last_month
        first, last = (month, _int(match, "d1")), (last_month, _int(match, "d3"))
        if last <= first:
            return None
        fields.update(month=month, day=first[1], until=last, precision="day")
        if form == "dual-range":
            new_month = _month(match, "m2")
            fields.update(
                calendar="dual",
                new_style=(year, new_month, _int(match, "d2")),
                new_style_until=(year, new_month, _int(match, "d4")),
            )
            if fields["new_style_until"] <= fields["new_style"]:
                # "(31 October – 13 November)" is not written with one month; a later bracket
                # month belongs to the end
                return None
    elif form in ("dual-day", "dual-month", "dual-year"):
        month = _month(match, "m1")
        new_month = _month(match, "m2") or month
        new_year = _int(match, "y2") or year
        if form == "dual-year" and new_month < month and not match.group("y2"):
            new_year = year + 1
        fields.update(
            month=month,
            day=_int(match, "d1"),
            precision="day",
            calendar="dual",
            new_style=(new_year, new_month, _int(match, "d2")),
        )
    elif form == "day":
        fields.update(month=_month(match, "m1"), day=_int(match, "d1"), precision="day")
    elif form == "month":
        fields.update(month=_month(match, "m1"), precision="month")
    elif form == "decade":
        fields.update(year=year * 10, end_year=year * 10 + 9, precision="decade")
    elif form == "range":
        last = _int(match, "y2", "y4")
        if last < 100:
            last += year // 100 * 100
        if last <= year:
            return None
        fields.update(end_year=last)
    elif form == "year" and not fields["part"] and not _is_year(text, start, end):
        return None
    if fields.get("day") and not _valid_day(fields):
        return None
    if fields.get("until") and not _valid_day(
        {
            **fields,
            "month": fields["until"][0],
            "day": fields["until"][1],
            "new_style": fields.get("new_style_until"),
        }
    ):
        return None
    if form in ("day", "month", "day-range"):
        mark = _CALENDAR_MARK.match(text, end)
        if mark:
            end = mark.end()
            label = mark.group("mark").lower().replace(" ", "").replace("-", "")
            fields["calendar"] = "os" if label in ("o.s.", "oldstyle", "julian") else "ns"
    before = text[:start]
    relation = _RELATION.search(before)
    if relation and form not in ("range", "day-range", "dual-range"):
        word = " ".join(relation.group("rel").lower().split())
        if word in ("until", "till", "not until"):
            # "the siege lasted until 27 January 1944" closes a span; "he did not speak until
            # 3 July" says when he spoke
            negated = word == "not until" or _NEGATION.search(before[-80:])
            fields["relation"] = "at" if negated else "until"
        else:
            fields["relation"] = "after" if word in _AFTER_WORDS else "before"
    fields["approximate"] = bool(_APPROXIMATE.search(before))
    return DateExpression(text=text[start:end], start=start, end=end, **fields)


def _valid_day(fields: dict) -> bool:
    """Whether the written day exists in either calendar (29 February 1900 is Julian only)."""
    year, month, day = fields["year"], fields["month"], fields["day"]
    longest = max(days_in_month(year, month), days_in_month(year, month, in_julian=True))
    if not 1 <= day <= longest:
        return False
    new_style = fields.get("new_style")
    if new_style:
        y, m, d = new_style
        return 1 <= d <= days_in_month(y, m)
    return True


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number at text[start:end] is a year, judged by its context."""
    before = text[:start].rstrip()
    after = text[end:]
    if not before:
        return True
    if before.endswith("(") and re.match(r"\s*\)", after):
        return True
    previous = re.search(r"([A-Za-z.]+|[’']s)\s*$", before)
    word = previous.group(1).lower() if previous else ""
    following = re.match(r"\s+([A-Za-z]+)", after)
    next_word = following.group(1) if following else ""
    if word in YEAR_CUES:
        return True
    if word in APPROXIMATE_CUES:
        return not next_word or next_word.lower() in _FUNCTION_WORDS
    if word in ("the", "a", "his", "her", "its", "their", "’s", "'s"):
        return bool(next_word) and (next_word[0].isupper() or next_word.lower() in EVENT_NOUNS)
    if word in ("and", "or"):
        return bool(re.search(r"\d{4}\)?,?\s+(?:and|or)$", before))
    return False


# --------------------------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------------------------

_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
}
_NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60})
_NUMBER = (
    r"\d{1,3}|(?:twenty|thirty|forty|fifty)-(?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
)
_UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"
_HEDGE = r"(?:(?P<hedge>about|some|nearly|almost|roughly|around|over|just\s+over|just\s+under)\s+)?"
_DURATION_FORMS = [
    re.compile(
        rf"\b{_HEDGE}(?P<n>{_NUMBER})\s+{_UNIT}\s+(?P<rel>later|afterwards|after|earlier|before)\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<rel>after|within)\s+(?:(?:just|only|another|a\s+further)\s+)?{_HEDGE}"
        rf"(?P<n>{_NUMBER})\s+{_UNIT}\b",
        re.I,
    ),
    re.compile(rf"\b(?:the\s+)?(?P<step>next|following)\s+{_UNIT}\b", re.I),
]
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
#: How the words of a duration place its other end ("after" in "after 4 days" means later).
_RELATIONS = {"later": "later", "afterwards": "later", "earlier": "earlier", "before": "before"}


@dataclass(frozen=True)
class Duration:
    """A relative time: "after 4 days", "six weeks later", "within a month", "the next day".

    `relation` says where the other end is: 'later' (an event told before: "six weeks
    later"), 'after' (the event named next: "four months after the revolution"), 'earlier'
    and 'before' likewise backwards, 'within' (no more than the amount). `step` marks "the
    next day" / "the following year", which count calendar steps, not elapsed time.
    """

    text: str
    start: int
    end: int
    amount: int
    unit: str
    relation: str
    step: bool = False
    approximate: bool = False

    def gap_days(self) -> tuple[float, float]:
        """The range of elapsed days the expression allows (for 'within', from zero)."""
        size = _UNIT_DAYS[self.unit]
        middle = self.amount * size
        if self.step and self.unit == "day":
            tolerance = 0.0
        elif self.unit == "day":
            tolerance = 1.0 + 0.1 * middle
        else:
            tolerance = size / 2 + 0.1 * middle
        if self.approximate:
            tolerance *= 2
        if self.relation == "within":
            return 0.0, middle + tolerance
        return max(0.0, middle - tolerance), middle + tolerance


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, ones = word.split("-")
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[ones]
    return _NUMBER_WORDS[word]


def find_durations(text: str) -> list[Duration]:
    """Find the relative time expressions in one sentence."""
    found: list[Duration] = []
    for pattern in _DURATION_FORMS:
        for match in pattern.finditer(text):
            if any(match.start() < d.end and d.start < match.end() for d in found):
                continue
            groups = match.groupdict()
            unit = groups["unit"].lower()
            step = bool(groups.get("step"))
            amount = 1 if step else _number(groups["n"])
            word = (groups.get("rel") or "later").lower()
            if word == "after":
                # "four months after the revolution", but "after four months"
                relation = "after" if match.re is _DURATION_FORMS[0] else "later"
            else:
                relation = _RELATIONS.get(word, word)
            if unit == "fortnight":
                unit, amount = "week", amount * 2
            found.append(
                Duration(
                    text=match.group(),
                    start=match.start(),
                    end=match.end(),
                    amount=amount,
                    unit=unit,
                    relation=relation,
                    step=step,
                    approximate=bool(groups.get("hedge")),
                )
            )
    return sorted(found, key=lambda d: d.start)


# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------


#: Entity kinds whose names name one thing; other kinds (glossary terms) are ordinary words.
NAMED_KINDS = frozenset({"person", "organisation", "place"})


class Named(Protocol):
    """What the extractor needs of an entity: its slug, kind ('person', ...) and names."""

    slug: str
    kind: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A name in a sentence and the entity slugs it may refer to."""

    start: int
    end: int
    text: str
    slugs: tuple[str, ...]
    possessive: bool = False
    term: bool = False  # a glossary term ("soviet"), a word rather than a name


class EntityIndex:
    """Finds entity names and aliases in sentences (whole words; "Lenin's" counts)."""

    def __init__(self, entities: Iterable[Named]):
        self._kinds: dict[str, str] = {}
        self._slugs_by_name: dict[str, set[str]] = {}
        alternatives: dict[str, str] = {}
        for entity in entities:
            self._kinds[entity.slug] = entity.kind
            for name in entity.names:
                name = " ".join(name.split())
                if not name:
                    continue
                self._slugs_by_name.setdefault(name.casefold(), set()).add(entity.slug)
                escaped = re.escape(name).replace(r"\ ", r"\s+")
                if name[0].islower():
                    # a term, not a name: "socialism in one country" is also written with
                    # capitals
                    escaped = f"(?i:{escaped})"
                alternatives[name] = escaped
        ordered = sorted(alternatives, key=len, reverse=True)
        body = "|".join(alternatives[name] for name in ordered) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def is_person(self, slug: str) -> bool:
        """Whether the entity with this slug is a person (who can act in a clause)."""
        return self._kinds.get(slug) == "person"

    def find(self, sentence: Sentence) -> list[Mention]:
        """The entities a sentence names: explicit links first, then names and aliases."""
        text = sentence.text
        mentions = [
            Mention(start, end, text[start:end], (slug,), _possessive(text, end), self._term(slug))
            for start, end, slug in sentence.links
        ]
        for match in self._pattern.finditer(text):
            if any(match.start() < m.end and m.start < match.end() for m in mentions):
                continue
            key = " ".join(match.group().split()).casefold()
            slugs = tuple(sorted(self._slugs_by_name.get(key, ())))
            if slugs:
                mentions.append(
                    Mention(
                        match.start(),
                        match.end(),
                        match.group(),
                        slugs,
                        _possessive(text, match.end()),
                        all(self._term(slug) for slug in slugs),
                    )
                )
        return sorted(mentions, key=lambda m: m.start)

    def _term(self, slug: str) -> bool:
        return self._kinds.get(slug) not in NAMED_KINDS


def _possessive(text: str, end: int) -> bool:
    after = text[end : end + 3]
    if re.match(r"['’]s\b", after):
        return True
    return text[end - 1 : end] == "s" and bool(re.match(r"['’](?!\w)", after))


# --------------------------------------------------------------------------------------------
# Happenings
# --------------------------------------------------------------------------------------------

#: Verb and noun forms and the kinds of event they name, most specific kind first. Event
#: kinds in the chronology match when they are one of these (see `KIND_WORDS`).
HAPPENING_FORMS: list[tuple[tuple[str, ...], str]] = [
    (("birth",), r"born|birth|birthplace"),
    (("death",), r"died|dies|die|death|dead|perished|passed\s+away|lost\s+(?:his|her)\s+life"),
    (
        ("assassination", "death"),
        r"assassinated|assassination|assassins?|murdered|murders?|ice[\s-]axe",
    ),
    (("death", "assassination", "execution", "massacre"), r"killed|killing"),
    (
        ("attempted assassination", "assassination"),
        r"attempt\s+on\s+(?:his|her|\w+['’]s)\s+life|assassination\s+attempt|"
        r"attempted\s+to\s+(?:kill|assassinate|murder)|wounded",
    ),
    (("attempted assassination", "assassination", "execution"), r"shot"),
    (("assassination", "attempted assassination", "battle"), r"attacked|attack"),
    (
        ("execution", "death"),
        r"executed|execution|shot\s+dead|put\s+to\s+death|firing\s+squad|hanged|hanging",
    ),
    (("funeral",), r"funeral|buried|burial|embalmed|lay\s+in\s+state"),
    (("arrest",), r"arrested|arrests?|detained|detention|imprisoned|imprisonment|jailed"),
    (("release",), r"released|release|freed|set\s+free"),
    (
        ("exile",),
        r"exiled|exile|deported|deportation|deport|banished|banishment|"
        r"expelled\s+from\s+(?:the\s+)?(?:country|Soviet\s+Union|USSR|Russia)",
    ),
    (("escape",), r"escaped|escapes?|fled|flee|flight"),
    (
        ("return",),
        r"returned|returns?|arrived|arrival|came\s+back|reached|got\s+(?:back\s+)?to|"
        r"came\s+home|hurried\s+(?:back|home)",
    ),
    (("election", "appointment"), r"elected|re-elected|elections?|voted|vote"),
    (
        ("appointment", "election"),
        r"appointed|appointment|became|named|made\s+(?:the\s+)?(?:general\s+secretary|"
        r"first\s+secretary|chairman|head|leader|commander|president|prime\s+minister|"
        r"premier|commissar|marshal)",
    ),
    (
        ("dismissal", "expulsion", "resignation"),
        r"dismissed|dismissal|removed|removal|ousted|sacked|lost\s+(?:his|her)\s+post",
    ),
    (("resignation", "dismissal"), r"resigned|resignation|stepped\s+down"),
    (("expulsion", "dismissal", "exile"), r"expelled|expulsion"),
    (
        ("founding",),
        r"founded|foundation|formed|formation|established|establishment|set\s+up|created|creation|"
        r"inaugurated",
    ),
    (
        ("dissolution",),
        r"dissolved|dissolution|disbanded|dispersed|closed\s+down|shut\s+down|abolished|abolition",
    ),
    (("treaty", "decree"), r"treaty|signed|signing|peace|armistice|ceasefire"),
    (
        ("decree", "policy"),
        r"decree|decreed|issued|manifesto|proclaimed|proclamation|announced|ordered",
    ),
    (("policy", "decree", "founding"), r"introduced|introduction|launched|adopted|policy"),
    (
        ("revolution", "uprising", "coup"),
        r"revolutions?|seized\s+power|seizure\s+of\s+power|took\s+power|taking\s+power|"
        r"came\s+to\s+power|overthrew|overthrow|overthrown|stormed|storming",
    ),
    (
        ("uprising", "rebellion", "mutiny", "revolution"),
        r"uprising|insurrection|rising|rose\s+up|revolt|revolted|rebellion|rebelled|rebels",
    ),
    (("mutiny", "rebellion", "uprising"), r"mutiny|mutinied|mutineers|mutinous"),
    (("coup", "uprising"), r"coup|putsch"),
    (("abdication",), r"abdicated|abdication|abdicate|renounced\s+the\s+throne"),
    (("massacre",), r"massacre|massacred|fired\s+on|opened\s+fire|shot\s+down"),
    (("battle", "war"), r"battle|fought|defeated|defeat|captured|capture|besieged|siege|victory"),
    (("war", "battle"), r"war|declared\s+war|mobilisation|mobilization|invaded|invasion"),
    (("meeting", "congress"), r"met|meeting|meet"),
    (("congress", "meeting"), r"congress|conference|plenum|convened|session"),
    (("split", "congress"), r"split|schism|broke\s+with"),
    (("joining",), r"joined|join|joining"),
    (("strike",), r"strike|strikes|strikers"),
    (("stroke", "illness"), r"strokes?|paralysed|incapacitated|illness|fell\s+ill"),
    (("renaming",), r"renamed|renaming"),
    (("publication", "decree"), r"published|publication|wrote|written"),
    (("speech",), r"speech|spoke|addressed"),
    (("marriage",), r"married|marriage|wedding"),
    (("famine",), r"famine"),
    (("relocation",), r"moved|transferred|relocated"),
    (("opening", "congress"), r"opened|opening|gathered|assembled"),
    (("trial",), r"tried|trial|sentenced|convicted"),
    (("independence", "declaration"), r"declared\s+independence|independence"),
    (("strike", "protest"), r"walked\s+out|walkout"),
    (("protest", "strike"), r"protests?|protested|protesters|demonstration|demonstrators|banners?"),
    (("law", "decree", "constitution"), r"law|amended|amendment"),
    (("constitution", "law"), r"constitution"),
    (("census",), r"census"),
    (("referendum",), r"referendum"),
    (("purge",), r"purged|purges?"),
    (("pogrom", "massacre"), r"pogroms?"),
    (("battle", "campaign", "war"), r"offensive|retook|recaptured|fell\s+to"),
    (("launch", "policy"), r"launch"),  # "launched" is named above
    (("award",), r"awarded|award"),
    (("accession",), r"accession|ascended|succeeded\s+to\s+the\s+throne"),
    (("deportation", "exile"), r"deportations"),  # "deported", "deportation": exile, above
    (("intervention", "war"), r"intervention|intervened"),
    (("withdrawal",), r"withdrawal|withdrew"),
    (("annexation",), r"annexed|annexation|annex|incorporated"),
]
_HAPPENING_PATTERNS = [
    (kinds, re.compile(rf"\b(?:{forms})\b", re.I)) for kinds, forms in HAPPENING_FORMS
]

#: Every event kind the happening forms can name.
KIND_WORDS = frozenset(kind for kinds, _ in HAPPENING_FORMS for kind in kinds)


@dataclass(frozen=True)
class Happening:
    """A word or phrase naming what happened, with the event kinds it can mean."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...]


def find_happenings(text: str) -> list[Happening]:
    """Find the happening words of a sentence (the longest form wins where forms overlap)."""
    candidates = [
        Happening(match.start(), match.end(), match.group(), kinds)
        for kinds, pattern in _HAPPENING_PATTERNS
        for match in pattern.finditer(text)
    ]
    candidates.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[Happening] = []
    for happening in candidates:
        if not any(happening.start < h.end and h.start < happening.end for h in chosen):
            chosen.append(happening)
    return sorted(chosen, key=lambda h: h.start)


# --------------------------------------------------------------------------------------------
# Clauses and analysed sentences
# --------------------------------------------------------------------------------------------

#: Past-tense and auxiliary verbs that can open a predicate ("... and escaped in 1907").
_VERBS = (
    r"[a-z]+ed|was|were|had|has|is|became|began|led|fled|won|took|fought|wrote|met|left|made|"
    r"rose|fell|came|went|gave|held|broke|saw|sent|spoke|ran|drove|stood|brought|sought|lost|"
    r"set|put|split|shot|struck|chose|knew|grew|told|said|built|did|got|kept|found|"
    r"returns|dies|joins|signs|leads"
)
_CLAUSE_BREAK = re.compile(
    r"\s*[;:,()]\s*|\s+[–—]\s+|\s+-\s+"
    r"|\s+(?=(?:who|whom|whose|which|where|while|whereas|although|though|because|but|when)\b)"
    # "and" starts a clause before a verb, a pronoun or a time; not between two names
    rf"|\s+(?=and\s+(?:(?:{_VERBS}|he|she|they|then|later|soon|in|on|during)\b"
    rf"|(?:{_NUMBER})\s+(?:day|week|fortnight|month|year)s?\b))",
)
_INTRODUCTORY = re.compile(
    r"(?:in|on|at|during|by|from|after|before|within|early|late|around|about|then|later)\b"
    r"|\d",
    re.I,
)
_PASSIVE = re.compile(
    r"\s*(?:\w+ly\s+)?(?:was|were|is|are|had\s+been|has\s+been|have\s+been|being)\s+"
    r"(?:\w+ly\s+)?(?:\w+ed|\w+en|born|shot|sent|put|made|held|hit|struck|thrown|taken|caught|"
    r"brought|built|cut|found|kept|led|left|lost|set|split|sold|told|won)\b",
    re.I,
)
#: A verb group: "was annulled", "had been arrested", "took place", "signed".
_VERB_GROUP = re.compile(
    r"\b(?:(?:was|were|is|are|had|has|have)\s+(?:been\s+)?(?:\w+ly\s+)?(?:not\s+)?)?"
    rf"(?:took\s+place|broke\s+out|(?!hundred\b){_VERBS})\b"
)
#: Verbs that only say that something happened, leaving the noun to say what.
_GENERIC_VERB = re.compile(
    r"(?:(?:was|were|is|are)\s+)?(?:took\s+place|broke\s+out|happened|occurred|began|started|"
    r"ended|followed|came|fell|lasted|raged|continued|was|were|is|are|held)",
    re.I,
)
_RELATIVE = re.compile(r"(?:who|whom)\b", re.I)
_WHICH = re.compile(r"which\b", re.I)
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|became)\b", re.I)
_PRONOUN = re.compile(r"(?:he|she)\b", re.I)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)\b", re.I)
_HEAD_FILLER = re.compile(
    r"(?:\s|,|(?:(?i:and|but|then|later|also|finally|soon|eventually|the|in|on|at|during|by|"
    r"between|early|late|mid)"
    r"(?![\w-])))+"
)
_VERB_START = re.compile(
    r"^(?:(?:and|but|then|later|also|finally|soon|eventually|quickly|again|never|only|not|"
    r"\w+ly)\s+)*"
    rf"(?:{_VERBS})\b"
)
#: What may follow a clause's subject: its verb, an aside, a relative clause, "and ...".
_SUBJECT_END = re.compile(
    rf"\s*(?:$|[,;:(.–—]|(?:who|whom|and)\b|(?:(?:\w+ly|then|later|also|finally|soon|"
    rf"eventually|again|never|only|not)\s+)*(?:{_VERBS})\b)"
)
_STOPWORDS = frozenset(
    """a an the of in on at to by for from and or with as is was were be been his her its their
    he she it they this that who which""".split()
)


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a text without stopwords, a trailing plural 's' removed."""
    words = set()
    for word in re.findall(r"[^\W\d_][\w-]*(?:['’]s\b)?", text):
        word = re.sub(r"['’]s$", "", word.lower())
        if word in _STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


@dataclass(frozen=True)
class LifespanClaim:
    """A person's dates written after their name: "Trotsky (1879–1940)", "Lenin (b. 1870)"."""

    person: str
    text: str
    start: int
    end: int
    born: DateExpression | None
    died: DateExpression | None


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence and what it holds.

    `subjects` are the people acting in the clause; `subject_source` says how they were found:
    'explicit' (named at its start), 'relative' ("who ..."), 'inherited' (a clause that starts
    with its verb), 'pronoun' ("he", "she"), or '' (none). `predicate` is the offset (in the
    sentence) where what they did begins, `passive` whether it is in the passive voice ("was
    arrested"). `implied` are the people "his"/"her" refers to. `participants` are the people
    the clause shows taking part: its subjects, the people it names other than as owners
    ("Trotsky's son" is not Trotsky, "Lenin's death" is Lenin's), and the implied; `patients`
    those it shows undergoing what happened (not the subject of an active verb). `words` are
    the content words outside the clause's dates and durations, `free_words` those that are
    not part of a name either. `head` is where the clause proper begins (after an opening
    date), `verb` the span of its main verb and `verb_known` whether that verb is a happening
    or says only that something happened ("took place", "was").
    """

    start: int
    end: int
    text: str
    head: int
    predicate: int
    passive: bool
    verb: tuple[int, int] | None
    verb_known: bool
    dates: tuple[DateExpression, ...]
    durations: tuple[Duration, ...]
    happenings: tuple[Happening, ...]
    mentions: tuple[Mention, ...]
    subjects: tuple[str, ...]
    subject_source: str
    implied: tuple[str, ...]
    participants: frozenset[str]
    patients: frozenset[str]
    words: frozenset[str]
    free_words: frozenset[str]

    @cached_property
    def entities(self) -> frozenset[str]:
        """Every entity slug the clause names, with its subjects and implied people."""
        named = frozenset(s for m in self.mentions for s in m.slugs)
        return named | frozenset(self.subjects) | frozenset(self.implied)

    def timed_by_verb(self, when: DateExpression) -> bool:
        """Whether a date dates the clause's verb ("was annulled in 1918", "In 1918 it was
        annulled") rather than a noun before it ("the revolution of 1905 forced ...")."""
        if self.verb is None:
            return False
        return when.end <= self.head or (
            when.start >= self.verb[1]
            and not re.search(r"\bof\s*$", self.text[: when.start - self.start])
        )


@dataclass(frozen=True)
class AnalysedSentence:
    """A sentence split into clauses, with its lifespan claims and main subject."""

    sentence: Sentence
    clauses: tuple[Clause, ...]
    lifespans: tuple[LifespanClaim, ...]
    subjects: tuple[str, ...]

    def part(self, clause: Clause, start: int, end: int, with_subjects: bool = True) -> Clause:
        """The piece of `clause` between two offsets; its subjects kept if `with_subjects`."""
        mentions = [m for m in clause.mentions if start <= m.start < end]
        return _make_clause(
            self.sentence.text,
            (start, end, start, start),
            [d for d in clause.dates if start <= d.start < end],
            [d for d in clause.durations if start <= d.start < end],
            [h for h in clause.happenings if start <= h.start < end],
            mentions,
            clause.subjects if with_subjects else (),
            clause.subject_source if with_subjects else "",
            clause.implied if with_subjects else (),
        )


def analyse(
    text: str, entities: EntityIndex, previous_subjects: tuple[str, ...] = ()
) -> list[AnalysedSentence]:
    """Split an article into sentences and clauses and find what each clause claims.

    `previous_subjects` are the people "he" or "she" may refer to in the first sentence.
    """
    analysed: list[AnalysedSentence] = []
    subjects = previous_subjects
    for sentence in split_sentences(text):
        result = analyse_sentence(sentence, entities, subjects)
        analysed.append(result)
        if result.subjects:
            subjects = result.subjects
    return analysed


_LIFESPAN = re.compile(
    r"\s*\(\s*(?:(?:b\.|born)\s+(?P<b>\d{4})|(?:d\.|died)\s+(?P<d>\d{4})"
    r"|(?P<y1>\d{4})\s*[–—-]\s*(?P<y2>\d{4}|\d{2}))\s*\)"
)


# A bracketed range shorter than this after a name is a term of office, not a lifespan.
MIN_LIFESPAN_YEARS = 16


def find_lifespans(
    sentence: Sentence, mentions: list[Mention], entities: EntityIndex
) -> list[LifespanClaim]:
    """Lifespan parentheses right after a person's name: "(1879–1940)", "(b. 1870)"."""
    found: list[LifespanClaim] = []
    for mention in mentions:
        person = _person(mention, entities)
        match = _LIFESPAN.match(sentence.text, mention.end) if person else None
        if not match:
            full = _full_lifespan(sentence.text, mention.end) if person else None
            if full:
                found.append(LifespanClaim(person, *full))
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        born = _lifespan_year(match, "b") or _lifespan_year(match, "y1")
        died = _lifespan_year(match, "d") or _lifespan_year(match, "y2", born)
        if born and died and died.year - born.year < MIN_LIFESPAN_YEARS:
            continue  # "Andropov (1982-84)": a term of office, not a life
        found.append(
            LifespanClaim(
                person, sentence.text[start : match.end()], start, match.end(), born, died
            )
        )
    return found


_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)")
_BORN_DIED = re.compile(r"\b(?:(?P<b>b\.|born)|(?P<d>d\.|died))\s*$", re.I)
_DASH = re.compile(r"\s*(?:[–—-]|to)\s*$")


def _full_lifespan(
    text: str, after: int
) -> tuple[str, int, int, DateExpression | None, DateExpression | None] | None:
    """A lifespan of full dates in the brackets after a name: "(7 November 1879 – 21 August
    1940)", "(real name Bronstein; b. 26 October (7 November) 1879, Yanovka; d. 21 August
    1940)". Returns its text, start, end, and the birth and death dates, or None."""
    bracket = _PARENTHESIS.match(text, after)
    if not bracket:
        return None
    offset = bracket.start("inner")
    inner = bracket.group("inner")
    dates = [d for d in find_dates(inner) if d.precision in ("day", "month")]
    born = died = None
    for written in dates:
        marker = _BORN_DIED.search(inner[: written.start])
        if marker:
            if marker.group("b"):
                born = born or written
            else:
                died = died or written
    if born is None and died is None and len(dates) == 2:
        first, second = dates
        between = inner[first.end : second.start]
        if not inner[: first.start].strip() and _DASH.match(between):
            born, died = first, second
    if born is None and died is None:
        return None
    if born and died and died.year - born.year < MIN_LIFESPAN_YEARS:
        return None  # a term of office, not a life
    start = bracket.start() + len(bracket.group()) - len(bracket.group().lstrip())
    return (
        text[start : bracket.end()],
        start,
        bracket.end(),
        *(
            replace(d, start=d.start + offset, end=d.end + offset) if d else None
            for d in (born, died)
        ),
    )


def _lifespan_year(
    match: re.Match[str], group: str, born: DateExpression | None = None
) -> DateExpression | None:
    """One year of a lifespan match; a two-digit death year takes the birth year's century."""
    value = match.group(group)
    if not value:
        return None
    year = int(value)
    if year < 100 and born is not None:
        year += born.year // 100 * 100
        if year < born.year:
            year += 100
    return DateExpression(value, match.start(group), match.end(group), year)


def analyse_sentence(
    sentence: Sentence, entities: EntityIndex, previous_subjects: tuple[str, ...] = ()
) -> AnalysedSentence:
    """Find the dates, durations, happenings and entities of one sentence, clause by clause."""
    text = sentence.text
    mentions = entities.find(sentence)
    lifespans = find_lifespans(sentence, mentions, entities)
    dates = find_dates(text, exclude=[(ls.start, ls.end) for ls in lifespans])
    dates = [d for d in dates if not _bibliographic_year(text, d)]
    durations = find_durations(text)
    happenings = find_happenings(text)
    protected = [(d.start, d.end) for d in dates] + [(d.start, d.end) for d in durations]
    protected += [(m.start, m.end) for m in mentions] + [(ls.start, ls.end) for ls in lifespans]
    timings = [(d.start, d.end) for d in dates] + [(d.start, d.end) for d in durations]
    spans = _merge_clauses(text, _clause_spans(text, protected), happenings, dates, durations)

    clauses: list[Clause] = []
    main_subjects: tuple[str, ...] = ()
    subject_phrase = spans[0] if len(spans) > 1 and _is_subject_phrase(text, *spans[0]) else None
    for start, end in spans:
        inside = [m for m in mentions if start <= m.start < end]
        own_happenings = [h for h in happenings if start <= h.start < end]
        head = _clause_head(text, start, timings)
        own, predicate = _explicit_subjects(text, head, inside, entities)
        relative = _RELATIVE.match(text, start)
        pronoun = _PRONOUN.match(text, head)
        borrowed: tuple[int, int] | None = None
        if own:
            subjects, source = own, "explicit"
            main_subjects = main_subjects or own
        elif relative:
            before = [p for m in mentions if m.end <= start and (p := _person(m, entities))]
            subjects, source, predicate = tuple(before[-1:]), "relative", relative.end()
        elif pronoun:
            subjects, source = main_subjects or previous_subjects, "pronoun"
            predicate = pronoun.end()
        elif _VERB_START.match(text[head:end]):
            subjects, source = main_subjects, "inherited"
            if subject_phrase and subject_phrase[0] < start:
                # "The October Manifesto, drafted by Witte, was signed on ...": the predicate
                # is about the phrase that opened the sentence.
                borrowed = subject_phrase
                own_happenings += [h for h in happenings if _within(h, borrowed)]
        else:
            subjects = ()
        if _WHICH.match(text, start) and clauses:
            # "..., which was signed on ...": about what the clause before named
            borrowed = (clauses[-1].start, clauses[-1].end)
        if not subjects:
            source = ""
        if borrowed:
            inside = [m for m in mentions if _within(m, borrowed)] + inside
        implied: tuple[str, ...] = ()
        if not any(_person(m, entities) for m in inside) and _POSSESSIVE_PRONOUN.search(
            text, start, end
        ):
            implied = main_subjects or previous_subjects
        clauses.append(
            _make_clause(
                text,
                (start, end, head, predicate),
                [d for d in dates if start <= d.start < end],
                [d for d in durations if start <= d.start < end],
                own_happenings,
                inside,
                subjects,
                source,
                implied,
                borrowed,
            )
        )
    return AnalysedSentence(sentence, tuple(clauses), tuple(lifespans), main_subjects)


_BIBLIOGRAPHIC = re.compile(r"(?:[A-Z][\w'’-]*|[\"”’*])\s*\(\s*$")


def _bibliographic_year(text: str, when: DateExpression) -> bool:
    """Whether a bare year in brackets follows a title or an author ("Conquest's The Great
    Terror (1968)", "Service (2000)"): a publication year, not the date of what is named."""
    if when.precision != "year" or not re.match(r"\s*\)", text[when.end :]):
        return False
    return bool(_BIBLIOGRAPHIC.search(text[: when.start]))


def _within(item: Mention | Happening, span: tuple[int, int]) -> bool:
    return span[0] <= item.start < span[1]


def _is_subject_phrase(text: str, start: int, end: int) -> bool:
    """Whether a sentence's first clause is only its subject ("The October Manifesto,"), not
    a clause of its own ("Soviet tanks crushed the East German rising, and ...")."""
    return (
        not _INTRODUCTORY.match(text, start)
        and not _FINITE_VERB.search(text, start, end)
        and _main_verb(text, start, end, []) is None
    )


def _make_clause(
    text: str,
    span: tuple[int, int, int, int],
    dates: list[DateExpression],
    durations: list[Duration],
    happenings: list[Happening],
    mentions: list[Mention],
    subjects: tuple[str, ...],
    source: str,
    implied: tuple[str, ...],
    borrowed: tuple[int, int] | None = None,
) -> Clause:
    """Build a clause from its `span` (start, end, head, predicate) and what it holds; a
    `borrowed` span lends its words (the subject phrase of "The treaty, ..., was signed")."""
    start, end, head, predicate = span
    timings = [(d.start, d.end) for d in [*dates, *durations]]
    names = [(m.start, m.end) for m in mentions if not m.term]
    words = _words(text, start, end, timings)
    free_words = _words(text, start, end, timings + names)
    if borrowed:
        words |= _words(text, *borrowed, [])
        free_words |= _words(text, *borrowed, names)
    passive = bool(_PASSIVE.match(text, predicate)) if subjects else False
    verb = _main_verb(text, predicate if subjects else head, end, timings + names)
    owners_of_happenings = {
        slug
        for mention in mentions
        if mention.possessive and _owns_happening(text, mention, happenings)
        for slug in mention.slugs
    }
    named = {slug for m in mentions if not m.possessive for slug in m.slugs}
    objects = named - set(subjects)
    return Clause(
        start=start,
        end=end,
        text=text[start:end],
        head=head,
        predicate=predicate,
        passive=passive,
        verb=verb,
        verb_known=verb is not None
        and (
            bool(_GENERIC_VERB.fullmatch(text[verb[0] : verb[1]]))
            or any(h.start < verb[1] and verb[0] < h.end for h in happenings)
        ),
        dates=tuple(dates),
        durations=tuple(durations),
        happenings=tuple(happenings),
        mentions=tuple(mentions),
        subjects=subjects,
        subject_source=source,
        implied=implied,
        participants=frozenset(subjects) | named | owners_of_happenings | frozenset(implied),
        patients=frozenset(subjects if passive else ())
        | objects
        | owners_of_happenings
        | frozenset(implied),
        words=words,
        free_words=free_words,
    )


def _words(text: str, start: int, end: int, blanks: list[tuple[int, int]]) -> frozenset[str]:
    """The content words of text[start:end] outside the `blanks` spans."""
    characters = list(text[start:end])
    for blank_start, blank_end in blanks:
        for index in range(max(blank_start, start), min(blank_end, end)):
            characters[index - start] = " "
    return content_words("".join(characters))


def _main_verb(
    text: str, start: int, end: int, skip: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The span of the first verb group in text[start:end] outside the `skip` spans."""
    for match in _VERB_GROUP.finditer(text, start, end):
        if not any(s < match.end() and match.start() < e for s, e in skip):
            return match.span()
    return None


def _owns_happening(text: str, mention: Mention, happenings: list[Happening]) -> bool:
    """Whether a possessive names whose happening it is: "Lenin's death", "Lenin's first
    stroke" (but not "Trotsky's son")."""
    return any(
        re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+)?", text[mention.end : h.start]) for h in happenings
    )


def _person(mention: Mention, entities: EntityIndex) -> str | None:
    """The person a mention names, if it names exactly one person."""
    people = [s for s in mention.slugs if entities.is_person(s)]
    return people[0] if len(people) == 1 else None


def _clause_spans(text: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a sentence into clause spans at punctuation and clause-opening words.

    A break inside a date ("October 25, 1917"), a duration or a name is no break.
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in protected):
            continue
        if match.start() > position:
            spans.append((position, match.start()))
        position = max(position, match.end())
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip(" .!?\"'“”‘’")]


def _merge_clauses(
    text: str,
    spans: list[tuple[int, int]],
    happenings: list[Happening],
    dates: list[DateExpression],
    durations: list[Duration],
) -> list[tuple[int, int]]:
    """Join phrases that are not clauses of their own to their neighbours.

    A date standing alone ("Bloody Sunday, 9 January 1905, began ...") joins the clause before
    it; an introductory phrase without a happening ("In 1917,", "Six weeks later,") joins the
    clause after it, passing over an aside that opens with a duration ("In 1925, a year after
    Lenin's death, Trotsky ...").
    """
    timings = [(d.start, d.end) for d in [*dates, *durations]]
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for index, (start, end) in enumerate(spans):
        has_happening = any(start <= h.start < end for h in happenings)
        if pending is not None and has_happening and any(d.start == start for d in durations):
            merged.append((start, end))
            continue
        begin = pending if pending is not None else start
        pending = None
        bare = _bare_timing(text, start, end, timings)
        if bare and merged:
            merged[-1] = (merged[-1][0], end)
            continue
        introductory = bare or (_INTRODUCTORY.match(text[start:end]) and not has_happening)
        if introductory and index + 1 < len(spans):
            pending = begin
            continue
        merged.append((begin, end))
    return merged


def _bare_timing(text: str, start: int, end: int, timings: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] is nothing but dates or durations (and prepositions)."""
    inside = [(s, e) for s, e in timings if start <= s < end]
    if not inside:
        return False
    rest = text[start:end]
    for s, e in sorted(inside, reverse=True):
        rest = rest[: s - start] + rest[e - start :]
    return not re.sub(r"(?i)\b(?:on|in|of|the|during)\b", "", rest).strip(" ,.;:")


def _clause_head(text: str, start: int, leading: list[tuple[int, int]]) -> int:
    """Where a clause's subject would stand: after conjunctions, fillers and the `leading`
    spans (dates, durations) that open it."""
    position = start
    while True:
        skip = _HEAD_FILLER.match(text, position)
        if skip and skip.end() > position:
            position = skip.end()
            continue
        span_end = next((e for s, e in leading if s == position), None)
        if span_end is None:
            return position
        position = span_end


def _explicit_subjects(
    text: str, head: int, mentions: list[Mention], entities: EntityIndex
) -> tuple[tuple[str, ...], int]:
    """People named at the head of a clause ("Lenin and Trotsky ..."), not possessive, and
    where their predicate begins (`head` if there are none)."""
    subjects: list[str] = []
    position = predicate = head
    for mention in mentions:
        if not mention.start <= position < mention.end:  # "the Tsar" starts before its head
            continue
        person = _person(mention, entities)
        if person is None or mention.possessive:
            return (), head
        subjects.append(person)
        predicate = mention.end
        joint = re.match(r"\s+and\s+", text[mention.end :])
        if not joint:
            break
        position = mention.end + joint.end()
    if subjects and not _SUBJECT_END.match(text, predicate):
        return (), head  # a name used as a modifier: "the Kornilov affair", "Stolypin reforms"
    return tuple(subjects), predicate

"""Historical dates: EDTF in the Gregorian calendar, at the precision the source gives, with a
flag for dates that the source gave in the Julian calendar (Old Style, Russia before 1918).

Pure Python: no Django. `HistoricalDate` is a value; everything else is derived from its EDTF.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from convertdate import julian

MONTHS = (
    "January February March April May June July August September October November December"
).split()
POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")
# The last Julian day in use in Russia: 31 January 1918 (Julian) = 13 February 1918 (Gregorian).
LAST_OLD_STYLE_DAY = datetime.date(1918, 2, 13)


class DateError(ValueError):
    """A date that cannot be read; the message names the field it came from."""

    def __init__(self, field, message):
        self.field = field
        self.reason = message
        super().__init__(f"{field}: {message}")


def julian_to_gregorian(year, month, day):
    """The Gregorian day of a Julian calendar date."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def gregorian_to_julian(day):
    """The Julian calendar (year, month, day) of a Gregorian date."""
    return tuple(julian.from_gregorian(day.year, day.month, day.day))


def days_in_month(year, month, in_julian=False):
    if in_julian and month == 2:
        return 29 if year % 4 == 0 else 28  # every fourth year is a leap year in the Julian calendar
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class Point:
    """One end of a date: a year, a month or a day, perhaps approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self):
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self, in_julian=False):
        if in_julian:
            return julian_to_gregorian(self.year, self.month or 1, self.day or 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self, in_julian=False):
        month = self.month or 12
        day = self.day or days_in_month(self.year, month, in_julian)
        return julian_to_gregorian(self.year, month, day) if in_julian else datetime.date(self.year, month, day)

    def edtf(self):
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text + ("%" if self.approximate and self.uncertain else "~" if self.approximate else "?" if self.uncertain else "")


def read_point(text, field, in_julian=False):
    match = POINT.match(text)
    if not match:
        raise DateError(field, f'"{text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (EDTF)')
    year, month, day, mark = match.groups()
    year, month, day = int(year), int(month) if month else None, int(day) if day else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(field, f'"{text}": month {month} does not exist')
    if day is not None and not 1 <= day <= days_in_month(year, month, in_julian):
        raise DateError(field, f'"{text}": {MONTHS[month - 1]} {year} has no day {day}')
    return Point(year, month, day, approximate=mark in "~%" and mark != "", uncertain=mark in "?%" and mark != "")


@lru_cache(maxsize=4096)
def read(text, field="date", in_julian=False):
    """(start, end, is_interval) of an EDTF string; an open end is None."""
    if not isinstance(text, str) or not text.strip():
        raise DateError(field, f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (EDTF)")
    text = text.strip()
    if "/" not in text:
        point = read_point(text, field, in_julian)
        return point, point, False
    first, _, last = text.partition("/")
    start = read_point(first, field, in_julian) if first not in ("", "..") else None
    end = read_point(last, field, in_julian) if last not in ("", "..") else None
    if start is None and end is None:
        raise DateError(field, f'"{text}": an interval needs at least one end')
    if start and end and end.last_day(in_julian) < start.first_day(in_julian):
        raise DateError(field, f'"{text}": the interval ends before it starts')
    return start, end, True


def name(point, with_year=True):
    parts = []
    if point.day:
        parts.append(str(point.day))
    if point.month:
        parts.append(MONTHS[point.month - 1])
    if with_year:
        parts.append(str(point.year))
    return " ".join(parts)


def span(start, end):
    """'16–20 July 1917', '30 July – 2 August 1917', 'July–August 1917', '1929–1940'."""
    if start == end:
        return name(start)
    if start.year == end.year and start.precision == end.precision != "year":
        if start.precision == "day" and start.month == end.month:
            return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        separator = "–" if start.precision == "month" else " – "
        return f"{name(start, with_year=False)}{separator}{name(end)}"
    left, right = name(start), name(end)
    return f"{left}–{right}" if " " not in left + right else f"{left} – {right}"


def qualify(text, point):
    if point.approximate:
        text = f"c. {text}"
    if point.uncertain:
        text = f"{text}?"
    return text


@dataclass(frozen=True)
class HistoricalDate:
    """A date at its own precision. `edtf` is Gregorian; `old_style` says the source used the
    Julian calendar, so the date is shown in both: "25 October (7 November) 1917"."""

    edtf: str
    old_style: bool = False

    # Reading ----------------------------------------------------------------------------------

    @classmethod
    def parse(cls, value, field="date"):
        """A New Style (Gregorian) date from EDTF."""
        start, end, interval = read(value if not isinstance(value, int) else str(value), field)
        return cls(canonical(start, end, interval))

    @classmethod
    def from_julian(cls, value, field="date"):
        """An Old Style date, given in the Julian calendar, stored as its Gregorian equivalent."""
        text = value if not isinstance(value, int) else str(value)
        start, end, interval = read(text, field, in_julian=True)
        if (end or start).last_day(in_julian=True) > LAST_OLD_STYLE_DAY:
            raise DateError(field, f'"{text}": Old Style was not used after 31 January 1918')
        if not interval and start.precision == "year":
            return cls(start.edtf(), old_style=True)  # a year is the same year in both calendars
        if not interval and start.precision == "day":
            return cls(replace_day(start, start.first_day(in_julian=True)).edtf(), old_style=True)
        # A Julian month or interval covers days that straddle Gregorian months: keep them as days.
        first = replace_day(start, start.first_day(in_julian=True)) if start else None
        last = replace_day(end, end.last_day(in_julian=True)) if end else None
        return cls(canonical(first, last, True), old_style=True)

    @classmethod
    def from_pack(cls, value, field="date"):
        """A date as a content pack writes it: a Gregorian string or year, {"date": ...} or {"os": ...}."""
        if isinstance(value, bool) or value is None:
            raise DateError(field, f"{value!r} is not a date")
        if isinstance(value, (str, int)):
            return cls.parse(str(value), field)
        if isinstance(value, dict) and set(value) == {"os"}:
            return cls.from_julian(str(value["os"]), field)
        if isinstance(value, dict) and set(value) == {"date"}:
            return cls.parse(str(value["date"]), field)
        raise DateError(field, f"{value!r} is not a date: write an EDTF date, or {{os: YYYY-MM-DD}} for Old Style")

    def __post_init__(self):
        start, end, interval = read(self.edtf)
        if self.old_style and (end or start) and (end or start).first_day() > LAST_OLD_STYLE_DAY:
            raise DateError("date", f'"{self.edtf}": Old Style was not used after 31 January 1918')

    def to_pack(self):
        return {"os": self.julian_edtf} if self.old_style else self.edtf

    # Derived values --------------------------------------------------------------------------

    @property
    def parts(self):
        return read(self.edtf)

    @property
    def earliest(self):
        start, _, _ = self.parts
        return start.first_day() if start else datetime.date(1, 1, 1)

    @property
    def latest(self):
        _, end, _ = self.parts
        return end.last_day() if end else datetime.date(9999, 12, 31)

    @property
    def is_interval(self):
        return self.parts[2] and not self.julian_single

    @property
    def precision(self):
        if self.julian_single:
            return self.julian_single.precision
        start, end, _ = self.parts
        return (start or end).precision

    @property
    def approximate(self):
        return any(p and p.approximate for p in self.parts[:2])

    @property
    def uncertain(self):
        return any(p and p.uncertain for p in self.parts[:2])

    @property
    def julian_parts(self):
        """(start, end) as Julian points at day precision (years stay years)."""
        start, end, _ = self.parts

        def to_julian(point, last):
            if point is None:
                return None
            if point.precision == "year":
                return point
            day = point.last_day() if last else point.first_day()
            year, month, day_of_month = gregorian_to_julian(day)
            return Point(year, month, day_of_month, point.approximate, point.uncertain)

        return to_julian(start, False), to_julian(end, True)

    @property
    def julian_single(self):
        """The Julian month an Old Style interval stands for, when it covers exactly one; else None."""
        if not self.old_style or not self.parts[2]:
            return None
        start, end = self.julian_parts
        if (
            start and end and start.precision == end.precision == "day"
            and (start.year, start.month) == (end.year, end.month)
            and start.day == 1 and end.day == days_in_month(end.year, end.month, in_julian=True)
        ):
            return Point(start.year, start.month, None, start.approximate, start.uncertain)
        return None

    @property
    def julian_edtf(self):
        """The same date written in the Julian calendar, for an Old Style date; otherwise None."""
        if not self.old_style:
            return None
        if self.julian_single:
            return self.julian_single.edtf()
        start, end = self.julian_parts
        if not self.parts[2]:
            return start.edtf()
        return canonical(start, end, True)

    # Showing ---------------------------------------------------------------------------------

    def display(self):
        """The date for a reader, at its precision; Old Style dates with New Style in brackets."""
        start, end, interval = self.parts
        if self.old_style and self.precision != "year":
            return self.display_old_style()
        if interval:
            if start is None:
                return f"until {qualify(name(end), end)}"
            if end is None:
                return f"from {qualify(name(start), start)}"
            text = span(start, end)
            return qualify(text, start) if start.approximate or start.uncertain else qualify(text, end)
        return qualify(name(start), start)

    def display_old_style(self):
        if self.julian_single:
            return qualify(f"{name(self.julian_single)} (Old Style)", self.julian_single)
        old_start, old_end = self.julian_parts
        new_start, new_end, interval = self.parts
        if not interval:
            old, new = old_start, new_start
            if old.year != new.year:
                text = f"{name(old)} ({name(new)})"
            elif old.month != new.month:
                text = f"{old.day} {MONTHS[old.month - 1]} ({new.day} {MONTHS[new.month - 1]}) {new.year}"
            else:
                text = f"{old.day} ({new.day}) {MONTHS[new.month - 1]} {new.year}"
            return qualify(text, old)
        if None in (old_start, old_end):
            return f"{HistoricalDate(self.edtf).display()} (Old Style)"
        old_text, new_text = span(old_start, old_end), span(new_start, new_end)
        year = str(new_end.year)
        if old_start.year == old_end.year == new_start.year == new_end.year and old_text.endswith(year):
            return f"{old_text[: -len(year)].strip()} ({new_text[: -len(year)].strip()}) {year}"
        return f"{old_text} ({new_text})"

    def schema_org(self):
        """ISO 8601 at the precision known (schema.org has no way to say 'circa')."""
        start, end, interval = self.parts
        plain = [p.edtf().rstrip("~?%") if p else "" for p in (start, end)]
        return plain[0] if not interval else f"{plain[0]}/{plain[1]}" if plain[0] and plain[1] else plain[0] or plain[1]

    # Comparing -------------------------------------------------------------------------------

    def contains(self, other):
        return self.earliest <= other.earliest and other.latest <= self.latest

    def overlaps(self, other):
        return self.earliest <= other.latest and other.earliest <= self.latest

    def sort_key(self):
        return (self.earliest, self.latest, self.edtf)

    def __lt__(self, other):
        return self.sort_key() < other.sort_key()

    def __le__(self, other):
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other):
        return self.sort_key() > other.sort_key()

    def __ge__(self, other):
        return self.sort_key() >= other.sort_key()

    def __str__(self):
        return self.display()


def replace_day(point, day):
    """`point` moved to the Gregorian `day`, keeping its qualifiers, at day precision."""
    return Point(day.year, day.month, day.day, point.approximate, point.uncertain)


def canonical(start, end, interval):
    if not interval:
        return start.edtf()
    return f"{start.edtf() if start else ''}/{end.edtf() if end else ''}"

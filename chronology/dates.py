"""Historical dates: EDTF at the precision the source gives, in either calendar.

A `HistoricalDate` is an EDTF string in the (proleptic) Gregorian calendar plus a flag,
`old_style`, recording that the source gave the date in the Julian calendar, as Russia did until
31 January 1918 (the next day was 14 February 1918). The flag describes the source, not a display
setting: an Old Style date is shown in both calendars, "25 October (7 November) 1917".

The EDTF read here: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate),
? (uncertain) or % (both), and START/END intervals whose ends may be open ("/1905", "1905/";
".." is read as an open end too).

An Old Style date is stored as the Gregorian days it covers. A Julian day is one Gregorian day,
but a Julian month or year is no Gregorian month or year, so it is stored as an interval of days
(Julian October 1917 is "1917-10-14/1917-11-13") and recognised again when read back: an Old Style
interval running from the first to the last day of Julian months (or years) is those months (or
years). That is what keeps the source's precision without inventing a day.

Pure Python, no Django: the pack validator, the models and the fact checker all use it.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache, total_ordering

from convertdate import julian

MONTHS = (
    "January February March April May June July August September October November December"
).split()
# datetime's years; Julian years whose every day falls within them once converted.
GREGORIAN_YEARS, JULIAN_YEARS = range(1, 10000), range(2, 9999)
# Russia's last Julian day, in each calendar; 14 February 1918 (Gregorian) came next.
LAST_JULIAN_DAY = (1918, 1, 31)
LAST_OLD_STYLE_DAY = datetime.date(1918, 2, 13)
OLD_STYLE_ENDED = "Old Style was not used after 31 January 1918"

_POINT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%]?)")
_MARKS = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}
_HOW_TO_WRITE = "write YYYY, YYYY-MM or YYYY-MM-DD (or START/END for an interval)"


class DateError(ValueError):
    """A date that cannot be read. `field` names where it came from; `reason` says what is wrong."""

    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


def julian_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Julian calendar date; ValueError if the Julian date does not exist."""
    return datetime.date(*julian.to_gregorian(year, month, day))


def gregorian_to_julian(day: datetime.date) -> tuple[int, int, int]:
    """The Julian calendar (year, month, day) of a Gregorian day."""
    return tuple(julian.from_gregorian(day.year, day.month, day.day))


def days_in_month(year: int, month: int, in_julian: bool = False) -> int:
    """The length of a month in the Gregorian calendar, or in the Julian one (1900 has 29 February)."""
    return julian.month_length(year, month) if in_julian else calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class _Point:
    """One end of a date in one calendar: a year, a month or a day, perhaps approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self):
        return "day" if self.day else "month" if self.month else "year"

    @property
    def qualifiers(self):
        return self.approximate, self.uncertain

    def at(self, precision):
        """The point cut down to `precision` ('year', 'month' or 'day')."""
        if precision == "year":
            return replace(self, month=None, day=None)
        return replace(self, day=None) if precision == "month" else self

    def first(self):
        """(year, month, day) of the first day the point covers, in its own calendar."""
        return self.year, self.month or 1, self.day or 1

    def last(self, in_julian=False):
        """(year, month, day) of the last day the point covers, in its own calendar."""
        month = self.month or 12
        return self.year, month, self.day or days_in_month(self.year, month, in_julian)

    def iso(self):
        return "-".join([f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n])

    def edtf(self):
        return self.iso() + _MARKS[self.qualifiers]


@dataclass(frozen=True)
class _Span:
    """A date as read: one point (`start` is `end`) or an interval whose ends may be open (None)."""

    start: _Point | None
    end: _Point | None
    interval: bool

    @property
    def ends(self):
        """The ends that are given."""
        return [p for p in (self.start, self.end) if p is not None]

    def edtf(self):
        if not self.interval:
            return self.start.edtf()
        return "/".join(p.edtf() if p else "" for p in (self.start, self.end))


@dataclass(frozen=True)
class _Reading:
    """A stored date taken apart: its Gregorian days, and the date as its source gave it."""

    gregorian: _Span
    shown: _Span  # in the Julian calendar for Old Style, at the source's precision


def _day(day, like):
    """A day-precision point for a `datetime.date`, with the qualifiers of the point `like`."""
    return _Point(day.year, day.month, day.day, like.approximate, like.uncertain)


def _read_point(part, text, field, in_julian):
    match = _POINT.fullmatch(part)
    if not match:
        raise DateError(field, f'"{text}" is not a date: {_HOW_TO_WRITE}')
    year, month, day = (int(g) if g else None for g in match.groups()[:3])
    years = JULIAN_YEARS if in_julian else GREGORIAN_YEARS
    if year not in years:
        raise DateError(field, f'"{text}": the year must be from {years[0]:04d} to {years[-1]}')
    if month is not None and not 1 <= month <= 12:
        raise DateError(field, f'"{text}": month {month} does not exist')
    if day is not None and not 1 <= day <= days_in_month(year, month, in_julian):
        calendar_name = " in the Julian calendar" if in_julian else ""
        raise DateError(
            field, f'"{text}": {MONTHS[month - 1]} {year} has no day {day}{calendar_name}'
        )
    mark = match.group(4)
    return _Point(year, month, day, approximate=mark in ("~", "%"), uncertain=mark in ("?", "%"))


@lru_cache(maxsize=4096)
def _read(text, field, in_julian=False):
    """The `_Span` of an EDTF string, checked in the Gregorian (or the Julian) calendar."""
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(field, f'"{text}" is not a date: {_HOW_TO_WRITE}')
    if len(parts) == 1:
        point = _read_point(text, text, field, in_julian)
        return _Span(point, point, False)
    start, end = (
        _read_point(p, text, field, in_julian) if p not in ("", "..") else None for p in parts
    )
    if start is None and end is None:
        raise DateError(field, f'"{text}": an interval needs at least one end')
    if start and end and end.last(in_julian) < start.first():
        raise DateError(field, f'"{text}": the interval ends before it starts')
    return _Span(start, end, True)


def _in_julian(days):
    """An Old Style date's Gregorian days as its source gave them: Julian days, months or years."""
    start, end = (
        _Point(*gregorian_to_julian(datetime.date(*p.first())), p.approximate, p.uncertain)
        if p
        else None
        for p in (days.start, days.end)
    )
    if not days.interval:
        return _Span(start, start, False)
    if start and end:  # days from the first to the last day of Julian years, or of months
        for precision in ("year", "month"):
            first, last = start.at(precision), end.at(precision)
            if (first.first(), last.last(in_julian=True)) == (start.first(), end.first()):
                return _Span(first, first, False) if first == last else _Span(first, last, True)
    return _Span(start, end, True)


@lru_cache(maxsize=4096)
def _analyse(edtf, old_style):
    """The `_Reading` of a stored date; DateError if the pair cannot be stored as it is."""
    days = _read(edtf, "date")
    if days.edtf() != edtf:
        raise DateError("date", f'"{edtf}" is not canonical EDTF: write "{days.edtf()}"')
    if not old_style:
        return _Reading(days, days)
    if any(p.precision != "day" for p in days.ends):
        raise DateError(
            "date",
            f'"{edtf}" is marked Old Style but is not given to the day: '
            f"give the date in the Julian calendar instead (os: {edtf})",
        )
    if max(datetime.date(*p.last()) for p in days.ends) > LAST_OLD_STYLE_DAY:
        raise DateError("date", f'"{edtf}": {OLD_STYLE_ENDED}')
    return _Reading(days, _in_julian(days))


def _as_text(value, field):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DateError(field, f"no date given: {_HOW_TO_WRITE}")
    if not isinstance(value, str):
        raise DateError(field, f"{value!r} is not a date: {_HOW_TO_WRITE}")
    return value.strip()


def _pack_text(value):
    """A pack value as EDTF text: YAML reads an unquoted year as an int."""
    return f"{value:04d}" if isinstance(value, int) and not isinstance(value, bool) else value


# Display ---------------------------------------------------------------------------------------


def _name(point, omit=0):
    """'7 November 1917', leaving out the last `omit` parts: 1 the year, 2 the month and year."""
    words = [str(point.day)] if point.day else []
    if point.month and omit < 2:
        words.append(MONTHS[point.month - 1])
    if omit < 1:
        words.append(str(point.year))
    return " ".join(words)


def _shared(points):
    """How many trailing parts all the points have in common: 2 (month and year), 1 (year) or 0.

    Only points of one precision share: "16–20 July 1917", but "1917 – November 1917".
    """
    first = points[0]
    if first.precision == "year" or any(
        p.precision != first.precision or p.year != first.year for p in points
    ):
        return 0
    return 2 if first.precision == "day" and all(p.month == first.month for p in points) else 1


def _qualify(text, approximate, uncertain):
    return f"{'c. ' if approximate else ''}{text}{'?' if uncertain else ''}"


def _range(start, end, omit=0):
    """'start–end' without its last `omit` parts, which the caller shows once."""
    if start == end:
        return _name(start, omit)
    if start.qualifiers != end.qualifiers:  # each end keeps its own, so nothing is shared
        left, right = (_qualify(_name(p, omit), *p.qualifiers) for p in (start, end))
        return f"{left} – {right}"
    inner = max(omit, _shared([start, end]))
    left, right = _name(start, inner), _name(end, inner)
    # A closed en dash joins single words ("1929–1940", "16–20"); a spaced one, phrases.
    dash = " – " if " " in left + right else "–"
    return f"{left}{dash}{_name(end, omit)}"


def _describe(start, end, gregorian=None):
    """start–end (one point twice for a single date); for an Old Style date to the day,
    `gregorian` gives the same days New Style, shown in brackets: "23–27 February (8–12 March) 1917".
    """
    if gregorian is None:
        text = _range(start, end)
    else:
        omit = _shared([start, end, *gregorian])
        shared = _name(end, 0)[len(_name(end, omit)) :]
        text = f"{_range(start, end, omit)} ({_range(*gregorian, omit)}){shared}"
    return _qualify(text, *start.qualifiers) if start.qualifiers == end.qualifiers else text


@total_ordering
@dataclass(frozen=True)
class HistoricalDate:
    """A date at the precision its source gives; `edtf` is Gregorian, `old_style` says the source
    used the Julian calendar. Equal by (edtf, old_style); ordered by earliest day, latest day, edtf.
    """

    edtf: str
    old_style: bool = False

    def __post_init__(self):
        if not isinstance(self.edtf, str):
            raise DateError("date", f"{self.edtf!r} is not a date: {_HOW_TO_WRITE}")
        _analyse(self.edtf, bool(self.old_style))  # DateError unless the pair can be stored

    # Reading ------------------------------------------------------------------------------------

    @classmethod
    def parse(cls, value: str, field: str = "date") -> "HistoricalDate":
        """A New Style date from Gregorian EDTF: '1917', '1917-11-07', '1902~', '1929/1940'."""
        return cls(_read(_as_text(value, field), field).edtf())

    @classmethod
    def from_julian(cls, value: str, field: str = "date") -> "HistoricalDate":
        """An Old Style date from Julian EDTF ('1917-10-25', '1917-10', '1917-02-23/1917-02-27'),
        stored as its Gregorian days."""
        text = _as_text(value, field)
        dates = _read(text, field, in_julian=True)
        if max(p.last(in_julian=True) for p in dates.ends) > LAST_JULIAN_DAY:
            raise DateError(field, f'"{text}": {OLD_STYLE_ENDED}')
        # Stored as days, an Old Style interval can only keep one precision for both its ends.
        if dates.interval and len({p.precision for p in dates.ends}) > 1:
            raise DateError(
                field, f'"{text}": give both ends of an Old Style interval to the same precision'
            )
        if dates.interval and len(dates.ends) == 1 and dates.ends[0].precision != "day":
            raise DateError(
                field, f'"{text}": give the known end of an open Old Style interval to the day'
            )
        start, end = dates.start, dates.end
        first = _day(julian_to_gregorian(*start.first()), start) if start else None
        last = _day(julian_to_gregorian(*end.last(in_julian=True)), end) if end else None
        days = _Span(first, first, False) if first == last else _Span(first, last, True)
        return cls(days.edtf(), old_style=True)

    @classmethod
    def from_pack(cls, value, field: str = "date") -> "HistoricalDate":
        """A date as the content pack writes it: a Gregorian EDTF string or a year,
        {"date": EDTF} (New Style) or {"os": EDTF} (Old Style, in the Julian calendar)."""
        if isinstance(value, dict):
            if set(value) == {"date"}:
                return cls.parse(_pack_text(value["date"]), field)
            if set(value) == {"os"}:
                return cls.from_julian(_pack_text(value["os"]), field)
            raise DateError(
                field, f'{dict(value)!r} is not a date: give one key, "date" or "os" (Old Style)'
            )
        return cls.parse(_pack_text(value), field)

    def to_pack(self):
        """The value `from_pack` reads back as this date: EDTF, or {"os": Julian EDTF}."""
        return {"os": self.julian_edtf} if self.old_style else self.edtf

    # Derived values -----------------------------------------------------------------------------

    @property
    def _reading(self):
        return _analyse(self.edtf, bool(self.old_style))

    @property
    def earliest(self) -> datetime.date:
        """The first day the date may be (Gregorian); `date.min` for an open start."""
        start = self._reading.gregorian.start
        return datetime.date(*start.first()) if start else datetime.date.min

    @property
    def latest(self) -> datetime.date:
        """The last day the date may be (Gregorian); `date.max` for an open end."""
        end = self._reading.gregorian.end
        return datetime.date(*end.last()) if end else datetime.date.max

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year', as the source gave it (of the start, for an interval)."""
        shown = self._reading.shown
        return (shown.start or shown.end).precision

    @property
    def approximate(self) -> bool:
        return any(p.approximate for p in self._reading.shown.ends)

    @property
    def uncertain(self) -> bool:
        return any(p.uncertain for p in self._reading.shown.ends)

    @property
    def is_interval(self) -> bool:
        """True for a span; an Old Style month or year is a single date though stored as days."""
        return self._reading.shown.interval

    @property
    def julian_edtf(self) -> str | None:
        """The date as its Old Style source gave it, in the Julian calendar; None for New Style."""
        return self._reading.shown.edtf() if self.old_style else None

    # Showing ------------------------------------------------------------------------------------

    def display(self) -> str:
        """The date for a reader, at its own precision: "1905", "c. 1902", "16–20 July 1917";
        Old Style days in both calendars, "25 October (7 November) 1917"; Old Style months and
        years, which straddle Gregorian ones, in the Julian calendar: "October 1917 (Old Style)".
        """
        shown, days = self._reading.shown, self._reading.gregorian
        both = self.old_style and self.precision == "day"
        if shown.start is None or shown.end is None:
            word, point, day = (
                ("until", shown.end, days.end)
                if shown.start is None
                else ("from", shown.start, days.start)
            )
            text = f"{word} {_describe(point, point, (day, day) if both else None)}"
        else:
            text = _describe(shown.start, shown.end, (days.start, days.end) if both else None)
        return f"{text} (Old Style)" if self.old_style and not both else text

    def schema_org(self) -> str:
        """ISO 8601 (Gregorian) to the precision known, without qualifiers, which schema.org
        cannot express: '1917', '1917-11-07', '1929/1940', '../1905'. An Old Style month or year
        becomes the Gregorian months or years it falls in: '1917-10/1917-11'."""
        days = self._reading.gregorian
        start, end = (
            (p.at(self.precision) if self.old_style else p).iso() if p else ".."
            for p in (days.start, days.end)
        )
        return start if start == end else f"{start}/{end}"

    def __str__(self):
        return self.display()

    # Comparing ----------------------------------------------------------------------------------

    def contains(self, other: "HistoricalDate") -> bool:
        """Every day `other` may be is a day this date may be: 1917-11 contains 1917-11-07."""
        return self.earliest <= other.earliest and other.latest <= self.latest

    def overlaps(self, other: "HistoricalDate") -> bool:
        """The two dates may share a day."""
        return self.earliest <= other.latest and other.earliest <= self.latest

    def _key(self):
        return self.earliest, self.latest, self.edtf, bool(self.old_style)

    def __lt__(self, other):
        if not isinstance(other, HistoricalDate):
            return NotImplemented
        return self._key() < other._key()

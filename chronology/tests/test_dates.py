"""HistoricalDate: parsing, precision, both calendars, display, ordering. No database needed."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.dates import DateError, HistoricalDate, gregorian_to_julian, julian_to_gregorian


@pytest.mark.parametrize(
    "julian, gregorian",
    [
        ((1861, 2, 19), datetime.date(1861, 3, 3)),  # the Emancipation Manifesto
        ((1881, 3, 1), datetime.date(1881, 3, 13)),  # Alexander II assassinated
        ((1879, 10, 26), datetime.date(1879, 11, 7)),  # Trotsky born
        ((1905, 1, 9), datetime.date(1905, 1, 22)),  # Bloody Sunday
        ((1917, 2, 23), datetime.date(1917, 3, 8)),
        ((1917, 10, 25), datetime.date(1917, 11, 7)),
        ((1918, 1, 31), datetime.date(1918, 2, 13)),  # the last Julian day in Russia
    ],
)
def test_known_anchors_convert_both_ways(julian, gregorian):
    assert julian_to_gregorian(*julian) == gregorian
    assert gregorian_to_julian(gregorian) == julian


@pytest.mark.parametrize(
    "julian, gregorian, gap",
    [
        ((1700, 2, 28), datetime.date(1700, 3, 10), 10),
        ((1700, 2, 29), datetime.date(1700, 3, 11), 11),  # a Julian leap day the Gregorian calendar skips
        ((1800, 2, 29), datetime.date(1800, 3, 12), 12),
        ((1900, 2, 28), datetime.date(1900, 3, 12), 12),
        ((1900, 2, 29), datetime.date(1900, 3, 13), 13),
        ((1900, 3, 1), datetime.date(1900, 3, 14), 13),
    ],
)
def test_the_gap_grows_at_the_century_boundaries(julian, gregorian, gap):
    assert julian_to_gregorian(*julian) == gregorian
    assert (gregorian - datetime.date(julian[0], julian[1], min(julian[2], 28))).days >= gap - 1


def test_31_january_1918_was_followed_by_14_february():
    last_julian = HistoricalDate.from_julian("1918-01-31")
    first_gregorian = HistoricalDate.parse("1918-02-14")
    assert (first_gregorian.earliest - last_julian.earliest).days == 1
    assert last_julian.display() == "31 January (13 February) 1918"


@pytest.mark.parametrize(
    "make, shown",
    [
        (lambda: HistoricalDate.from_julian("1905-12-03"), "3 (16) December 1905"),
        (lambda: HistoricalDate.from_julian("1917-02-23"), "23 February (8 March) 1917"),
        (lambda: HistoricalDate.from_julian("1917-10-25"), "25 October (7 November) 1917"),
        (lambda: HistoricalDate.from_julian("1899-12-31"), "31 December 1899 (12 January 1900)"),
        (lambda: HistoricalDate.from_julian("1917-02-23/1917-02-27"), "23–27 February (8–12 March) 1917"),
        (lambda: HistoricalDate.from_julian("1917-10"), "October 1917 (Old Style)"),
        (lambda: HistoricalDate.parse("1905"), "1905"),
        (lambda: HistoricalDate.parse("1905-12"), "December 1905"),
        (lambda: HistoricalDate.parse("1902~"), "c. 1902"),
        (lambda: HistoricalDate.parse("1917?"), "1917?"),
        (lambda: HistoricalDate.parse("1929/1940"), "1929–1940"),
        (lambda: HistoricalDate.parse("1917-07-16/1917-07-20"), "16–20 July 1917"),
        (lambda: HistoricalDate.parse("1917-07-30/1917-08-02"), "30 July – 2 August 1917"),
        (lambda: HistoricalDate.parse("/1905"), "until 1905"),
        (lambda: HistoricalDate.parse("1905/"), "from 1905"),
    ],
)
def test_display_follows_the_precision_and_the_calendar(make, shown):
    assert make().display() == shown


def test_precision_is_never_invented():
    year, month = HistoricalDate.parse("1917"), HistoricalDate.parse("1917-11")
    assert (year.precision, year.earliest, year.latest) == ("year", datetime.date(1917, 1, 1), datetime.date(1917, 12, 31))
    assert (month.precision, month.schema_org()) == ("month", "1917-11")
    assert year.schema_org() == "1917"
    assert month.contains(HistoricalDate.parse("1917-11-07")) and not month.contains(year)


def test_an_old_style_month_keeps_its_precision():
    october = HistoricalDate.from_julian("1917-10")
    assert october.precision == "month" and not october.is_interval
    assert (october.earliest, october.latest) == (datetime.date(1917, 10, 14), datetime.date(1917, 11, 13))
    assert october.to_pack() == {"os": "1917-10"}


@pytest.mark.parametrize(
    "value, message",
    [
        ("1917-13-40", "month 13 does not exist"),
        ("Octobr 1917", "is not a date"),
        ("1917-02-30", "February 1917 has no day 30"),
        ("", "is not a date"),
        (None, "is not a date"),
        ({"os": "1919-01-01"}, "Old Style was not used after 31 January 1918"),
        ({"bogus": 1}, "is not a date"),
    ],
)
def test_bad_input_is_an_error_naming_the_field(value, message):
    with pytest.raises(DateError) as caught:
        HistoricalDate.from_pack(value, field="born")
    assert caught.value.field == "born" and message in str(caught.value) and str(caught.value).startswith("born: ")


days = st.dates(min_value=datetime.date(1582, 10, 15), max_value=datetime.date(2100, 12, 31))
julian_days = st.dates(min_value=datetime.date(1600, 1, 1), max_value=datetime.date(1918, 1, 31))


@st.composite
def historical_dates(draw):
    day = draw(days)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    edtf = {"year": f"{day.year:04d}", "month": f"{day:%Y-%m}", "day": day.isoformat()}[precision]
    if draw(st.booleans()):
        other = draw(days)
        first, last = sorted([day, other])
        edtf = f"{first.isoformat()}/{last.isoformat()}" if precision == "day" else f"{first.year:04d}/{last.year:04d}"
    return HistoricalDate.parse(edtf + draw(st.sampled_from(["", "~", "?"])) if "/" not in edtf else edtf)


@given(historical_dates())
def test_pack_round_trip(date):
    assert HistoricalDate.from_pack(date.to_pack()) == date
    assert HistoricalDate.parse(date.edtf) == date


@given(julian_days)
def test_old_style_round_trip(day):
    date = HistoricalDate.from_julian(day.isoformat())
    assert HistoricalDate.from_pack(date.to_pack()) == date
    assert date.julian_edtf == day.isoformat()
    assert julian_to_gregorian(*gregorian_to_julian(date.earliest)) == date.earliest


@given(historical_dates(), historical_dates())
def test_ordering_agrees_with_earliest_and_latest(a, b):
    if a.earliest < b.earliest:
        assert a < b
    if a < b:
        assert (a.earliest, a.latest) <= (b.earliest, b.latest)
    assert a.earliest <= a.latest


@given(julian_days)
def test_the_julian_calendar_runs_behind_by_the_known_gap(day):
    gregorian = julian_to_gregorian(day.year, day.month, day.day)
    gap = (gregorian - day).days
    expected = 10 if day < datetime.date(1700, 2, 19) else 11 if day < datetime.date(1800, 2, 18) else 12 if day < datetime.date(1900, 2, 17) else 13
    assert abs(gap - expected) <= 1  # within a day of the leap-day switch-over

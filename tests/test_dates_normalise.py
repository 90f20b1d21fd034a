"""The date normaliser: expression text (+ the year of the context) -> ISO 8601 values."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from edition.dates import calendars
from edition.dates.normalise import attributes, normalise
from edition.dates.patterns import MONTHS, YEAR_MAX, YEAR_MIN

MONTH_NAMES = {n: name for name, n in MONTHS.items()}


def value(text, context_year=None):
    v = normalise(text, context_year)
    return None if v is None else attributes(v)


def bounds(text, context_year=None):
    """Only the values the evaluation compares: when, from, to."""
    got = value(text, context_year)
    return None if got is None else {k: v for k, v in got.items() if k in ("when", "from", "to")}


@pytest.mark.parametrize("text, expected", [
    ("7 november 1879", {"when": "1879-11-07"}),
    ("november 7, 1879", {"when": "1879-11-07"}),
    ("november 7 1879", {"when": "1879-11-07"}),
    ("7th of november 1879", {"when": "1879-11-07"}),
    ("1st may 1918", {"when": "1918-05-01"}),
    ("7 Nov. 1879", {"when": "1879-11-07"}),
    ("29 february 1904", {"when": "1904-02-29"}),
    ("january 1898", {"when": "1898-01"}),
    ("january, 1898", {"when": "1898-01"}),
    ("1905", {"when": "1905"}),
    ("2001", {"when": "2001"}),
])
def test_points(text, expected):
    assert bounds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("18791895", {"from": "1879", "to": "1895"}),
    ("19171918", {"from": "1917", "to": "1918"}),
    ("190407", {"from": "1904", "to": "1907"}),
    ("191920", {"from": "1919", "to": "1920"}),
    ("1917-1922", {"from": "1917", "to": "1922"}),
    ("1917\u20131922", {"from": "1917", "to": "1922"}),
    ("1917-22", {"from": "1917", "to": "1922"}),
    ("1917/18", {"from": "1917", "to": "1918"}),
    ("1899-02", {"from": "1899", "to": "1902"}),
    ("19171917", {"from": "1917", "to": "1917"}),
    ("1618 january 1924", {"from": "1924-01-16", "to": "1924-01-18"}),
    ("16-18 january 1924", {"from": "1924-01-16", "to": "1924-01-18"}),
    ("78 november 1917", {"from": "1917-11-07", "to": "1917-11-08"}),
    ("mayjune 1918", {"from": "1918-05", "to": "1918-06"}),
    ("may-june 1918", {"from": "1918-05", "to": "1918-06"}),
    ("1950s", {"from": "1950", "to": "1959"}),
    ("1910's", {"from": "1910", "to": "1919"}),
    ("20th century", {"from": "1901", "to": "2000"}),
    ("twentieth century", {"from": "1901", "to": "2000"}),
    ("19th-century", {"from": "1801", "to": "1900"}),
])
def test_ranges(text, expected):
    assert bounds(text) == expected


@pytest.mark.parametrize("text, expected, refined", [
    ("early 1897", {"when": "1897"}, ("1897-01", "1897-04")),
    ("mid-1923", {"when": "1923"}, ("1923-05", "1923-08")),
    ("mid 1923", {"when": "1923"}, ("1923-05", "1923-08")),
    ("late 1902", {"when": "1902"}, ("1902-09", "1902-12")),
    ("end of 1939", {"when": "1939"}, ("1939-09", "1939-12")),
    ("beginning of 1920", {"when": "1920"}, ("1920-01", "1920-04")),
    ("summer of 1899", {"when": "1899"}, ("1899-06-01", "1899-08-31")),
    ("spring 1918", {"when": "1918"}, ("1918-03-01", "1918-05-31")),
    ("autumn of 1905", {"when": "1905"}, ("1905-09-01", "1905-11-30")),
    ("winter of 1903", {"when": "1903"}, ("1903-12-01", "1904-02-29")),
    ("mid-july 1922", {"when": "1922-07"}, ("1922-07-11", "1922-07-20")),
    ("late february 1900", {"when": "1900-02"}, ("1900-02-21", "1900-02-28")),
    ("early october 1918", {"when": "1918-10"}, ("1918-10-01", "1918-10-10")),
])
def test_qualifiers_keep_the_value_and_refine_it(text, expected, refined):
    got = value(text)
    assert {k: v for k, v in got.items() if k in ("when", "from", "to")} == expected
    assert (got["notBefore-custom"], got["notAfter-custom"]) == refined
    assert got["datingMethod"] == "#gregorian"
    assert "notBefore" not in got and "notAfter" not in got   # TEI: not together with @when


@pytest.mark.parametrize("text, expected", [
    ("late 19181919", {"from": "1918", "to": "1919"}),
    ("winter of 191920", {"from": "1919", "to": "1920"}),
    ("early 1920s", {"from": "1920", "to": "1929"}),
])
def test_qualified_ranges_keep_their_bounds(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize("text, year, expected", [
    ("24 september", 1905, {"when": "1905-09-24"}),
    ("2 december", 1905, {"when": "1905-12-02"}),
    ("may", 1905, {"when": "1905-05"}),
    ("34 july", 1919, {"from": "1919-07-03", "to": "1919-07-04"}),
    ("24 september", None, {"when": "--09-24"}),
    ("may", None, {"when": "--05"}),
    ("7 november 1879", 1950, {"when": "1879-11-07"}),     # an own year beats the context
])
def test_year_from_context(text, year, expected):
    assert value(text, year) == expected


def test_context_year_is_flagged():
    assert normalise("24 september", 1905).year_from_context
    assert not normalise("24 september 1905", 1999).year_from_context


@pytest.mark.parametrize("text", [
    "31 june 1905", "29 february 1905", "0 may 1905", "32 may 1905",
    "18951879",          # second year before the first
    "140000", "2182-90", "13-2200",
    "10001999",          # more than a lifetime
    "0999", "2500", "1234567",
    "four years", "two months", "the following day", "5th congress", "200 members",
    "", "   ", "maybe 1905", "summer of may 1905",
    "junemay 1918",      # a month range runs forwards
    "45th century",
])
def test_not_dates(text):
    assert normalise(text) is None


@pytest.mark.parametrize("text, expected", [
    ("26 october 1879", {"when": "1879-11-07", "when-custom": "1879-10-26"}),
    ("3 january 1905", {"when": "1905-01-16", "when-custom": "1905-01-03"}),
    ("25 october 1917", {"when": "1917-11-07", "when-custom": "1917-10-25"}),
    ("29 february 1900", {"when": "1900-03-13", "when-custom": "1900-02-29"}),
    ("january 1905", {"notBefore": "1905-01-14", "notAfter": "1905-02-13", "when-custom": "1905-01"}),
])
def test_old_style_values(text, expected):
    got = attributes(normalise(text, calendar="julian"), old_style=True)
    assert got["calendar"] == "#julian" and got["datingMethod"] == "#julian"
    assert {k: got[k] for k in expected} == expected


def test_a_julian_leap_day_is_no_gregorian_date():
    assert normalise("29 february 1900") is None
    assert normalise("29 february 1900", calendar="julian") is not None


def test_julian_to_gregorian_known_dates():
    assert calendars.julian_to_gregorian(1582, 10, 5) == (1582, 10, 15)     # the reform
    assert calendars.julian_to_gregorian(1918, 1, 31) == (1918, 2, 13)     # Russia's switch
    assert calendars.julian_to_gregorian(1700, 2, 19) == (1700, 3, 1)     # Sweden's leap


# --------------------------------------------------------------------------- properties

dates = st.dates(min_value=dt.date(YEAR_MIN, 1, 1), max_value=dt.date(YEAR_MAX, 12, 31))


@given(dates, st.sampled_from(["{d} {m} {y}", "{d} {m}, {y}", "{m} {d}, {y}", "{d}th of {m} {y}"]))
def test_any_written_date_normalises_to_its_iso_value(date, form):
    if "th of" in form and date.day in (1, 2, 3, 21, 22, 23, 31):
        form = form.replace("th of", " of")
    text = form.format(d=date.day, m=MONTH_NAMES[date.month], y=date.year)
    assert bounds(text) == {"when": date.isoformat()}


@given(dates)
def test_month_and_year(date):
    assert bounds(f"{MONTH_NAMES[date.month]} {date.year}") == {"when": date.isoformat()[:7]}


@given(st.integers(YEAR_MIN, YEAR_MAX), st.integers(0, 150))
def test_glued_year_ranges_split(y1, span):
    y2 = y1 + span
    if y2 > YEAR_MAX:
        assert normalise(f"{y1}{y2}") is None
    else:
        assert bounds(f"{y1}{y2}") == {"from": str(y1), "to": str(y2)}


@given(st.integers(YEAR_MIN, YEAR_MAX), st.integers(1, 98))
def test_glued_two_digit_ranges_complete_the_century(y1, add):
    y2 = y1 + add
    if y2 // 100 != y1 // 100:
        return
    assert bounds(f"{y1}{y2 % 100:02d}") == {"from": str(y1), "to": str(y2)}


@given(st.dates(min_value=dt.date(1000, 3, 1), max_value=dt.date(2099, 12, 31)))
def test_julian_conversion_is_a_fixed_shift_within_a_century(date):
    g = dt.date(*calendars.julian_to_gregorian(date.year, date.month, date.day)) \
        if calendars.is_valid(date.year, date.month, date.day, "julian") else None
    if g is None:
        return
    shift = (g - date).days
    century = date.year // 100
    expected = century - century // 4 - 2
    # the shift grows on the Julian 29 February of a century not divisible by 400
    assert shift in (expected, expected - 1)

"""Calendar arithmetic: month lengths and Julian (old style) -> Gregorian conversion.

Conversion goes through the Julian Day Number (the count of days since
1 January 4713 BC, Julian), with the integer formulas of Fliegel and Van
Flandern; every date is proleptic where the calendar did not yet apply.
"""

from __future__ import annotations

MONTH_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_leap(year: int, calendar: str = "gregorian") -> bool:
    if calendar == "julian":
        return year % 4 == 0
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int, calendar: str = "gregorian") -> int:
    if month == 2 and is_leap(year, calendar):
        return 29
    return MONTH_LENGTHS[month - 1]


def is_valid(year: int, month: int, day: int, calendar: str = "gregorian") -> bool:
    return 1 <= month <= 12 and 1 <= day <= month_length(year, month, calendar)


def julian_day_number(year: int, month: int, day: int) -> int:
    """JDN of a date of the Julian calendar."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def gregorian_from_jdn(jdn: int) -> tuple[int, int, int]:
    """(year, month, day) of the Gregorian calendar for a Julian Day Number."""
    a = jdn + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian (new style) date of a Julian (old style) date."""
    return gregorian_from_jdn(julian_day_number(year, month, day))

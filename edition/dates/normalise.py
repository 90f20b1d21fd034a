"""The value of a date expression: ``normalise(text, context_year)`` -> :class:`DateValue`.

A pure function over the tables of :mod:`.patterns`. The text is one date
expression as found in a source ("7 november 1879", "summer of 1899",
"18791895", "1618 january 1924", "mayjune 1918", "20th century"); an
expression without a year ("24 september", "may") takes *context_year*.
Anything that is not a date, or not a possible one, gives ``None``.

:func:`attributes` turns a value into TEI att.datable attributes: ``@when``
for a point, ``@from``/``@to`` for a range; old-style (Julian) dates keep the
written value in ``@when-custom`` (``@datingMethod="#julian"``) and get the
Gregorian value in ``@when`` (or ``@notBefore``/``@notAfter`` when coarser
than a day). A qualifier or season keeps the value of what it qualifies
("early 1897" -> when="1897"); its narrower interval goes to
``@notBefore-custom``/``@notAfter-custom`` with ``@datingMethod="#gregorian"``,
because TEI does not allow ``@when`` together with ``@notBefore``/``@notAfter``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import calendars
from . import patterns as P


@dataclass(frozen=True)
class Point:
    """A date at year, month or day precision; year None = unknown (no context)."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.year is None:  # XML Schema gMonthDay / gMonth
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    def first_day(self) -> Point:
        return Point(self.year, self.month or 1, self.day or 1)

    def last_day(self, calendar: str = "gregorian") -> Point:
        month = self.month or 12
        day = self.day or calendars.month_length(self.year, month, calendar)
        return Point(self.year, month, day)


@dataclass(frozen=True)
class DateValue:
    start: Point
    end: Point | None = None            # a range when set
    not_before: Point | None = None     # refinement by a qualifier or season
    not_after: Point | None = None
    year_from_context: bool = False

    @property
    def is_range(self) -> bool:
        return self.end is not None

    @property
    def year(self) -> int | None:
        return self.start.year


# --------------------------------------------------------------------------- parsing

_SPACE = re.compile(r"\s+")
_QUALIFIER = re.compile(rf"^({P._alternation(P.QUALIFIERS)})(?:\s*-\s*|\s+)")
_SEASON = re.compile(rf"^({P._alternation(P.SEASONS)})(?:\s+of)?\s+")
_FEAST = re.compile(rf"^({P._alternation(P.FEASTS)})(?:\s+of)?\s+(\d{{4}})$")
_MONTH_NAMES = {**P.MONTHS, **P.MONTH_ABBREVIATIONS}
_M = rf"(?:{P._alternation(P.MONTHS)}|(?:{P._alternation(P.MONTH_ABBREVIATIONS)})\.?)"
_ORD = P.ORDINAL_SUFFIX

FORMS: list[tuple[str, re.Pattern]] = [
    ("day month year", re.compile(
        rf"^(?P<days>\d{{1,2}}{_ORD}?(?:\s?[-\u2013\u2014]\s?\d{{1,2}}{_ORD}?)?|\d{{3,4}})(?:\s+day)?(?:\s+of)?"
        rf"\s+(?P<month>{_M})(?:,?\s+{P.ERA}(?P<year>\d{{4}}))?$")),
    ("month day year", re.compile(
        rf"^(?P<month>{_M})\s+(?P<days>\d{{1,2}}){_ORD}?(?:,?\s+{P.ERA}(?P<year>\d{{4}}))?$")),
    ("month year", re.compile(
        rf"^(?P<month>{_M})(?:\s?[-\u2013\u2014/]\s?(?P<month2>{_M})|(?P<month2g>{_M}))?"
        rf"(?:,?\s+(?P<year>\d{{4}}))?$")),
    ("years", re.compile(r"^(?P<y1>\d{4})(?:(?P<sep>[-\u2013\u2014/])?(?P<y2>\d{4}|\d{2}))?$")),
    ("decade", re.compile(r"^(?P<decade>\d{3}0)['\u2019]?s$")),
    ("century", re.compile(rf"^(?P<ordinal>\d{{1,2}}){_ORD}[\s-]+centur(?:y|ies)$|"
                           rf"^(?P<word>{P._alternation(P.ORDINAL_WORDS)})[\s-]+centur(?:y|ies)$")),
]


def _plausible_year(y: int) -> bool:
    return P.YEAR_MIN <= y <= P.YEAR_MAX


def _month(word: str) -> int:
    return _MONTH_NAMES[word.rstrip(".")]


def _day_range(digits: str) -> tuple[int, int] | None:
    """A day, or a day range whose dash was lost: "7" -> (7, 7); "78" -> (7, 8); "1618" -> (16, 18)."""
    digits = re.sub(_ORD, "", digits)
    parts = re.split(r"\s?[-\u2013\u2014]\s?", digits)
    if len(parts) == 2:
        a, b = int(parts[0]), int(parts[1])
        return (a, b) if 1 <= a < b <= 31 else None
    if len(digits) <= 2 and 1 <= int(digits) <= 31:
        return int(digits), int(digits)
    for i in range(1, len(digits)):
        if digits[i] == "0":
            continue
        a, b = int(digits[:i]), int(digits[i:])
        if 1 <= a < b <= 31:
            return a, b
    return None


def _year_range(y1: str, sep: str | None, y2: str | None) -> tuple[int, int] | None:
    start = int(y1)
    if not _plausible_year(start):
        return None
    if y2 is None:
        return start, start
    glued = sep is None
    if len(y2) == 2:                       # the second half completes the century
        end = start // 100 * 100 + int(y2)
        if end <= start and not glued:     # "1899-02"; glued digits never cross a century
            end += 100
    else:
        end = int(y2)
    # a lost dash between equal years is kept as written (from = to), except for the
    # six-digit form, where "140000" is far likelier a count than "1400-1400"
    if not _plausible_year(end) or end < start or (glued and len(y2) == 2 and end == start):
        return None
    if end - start > P.MAX_RANGE_YEARS:
        return None
    return start, end


def _parse_body(body: str, context_year: int | None, calendar: str) -> DateValue | None:
    for name, rx in FORMS:
        m = rx.match(body)
        if m:
            return _BUILDERS[name](m, context_year, calendar)
    return None


def _year_or_context(m: re.Match, context_year: int | None) -> tuple[int | None, bool] | None:
    if m.group("year"):
        year = int(m.group("year"))
        return (year, False) if _plausible_year(year) else None
    return context_year, True


def _build_day_month_year(m, context_year, calendar):
    got = _year_or_context(m, context_year)
    days = _day_range(m.group("days"))
    if got is None or days is None:
        return None
    year, from_context = got
    month = _month(m.group("month"))
    check_year = year if year is not None else 2000       # a leap year: 29 february may stand
    if not all(calendars.is_valid(check_year, month, d, calendar) for d in days):
        return None
    start = Point(year, month, days[0])
    end = Point(year, month, days[1]) if days[1] != days[0] else None
    return DateValue(start, end, year_from_context=from_context)


def _build_month_year(m, context_year, calendar):
    got = _year_or_context(m, context_year)
    if got is None:
        return None
    year, from_context = got
    first = _month(m.group("month"))
    second = m.group("month2") or m.group("month2g")
    if second:
        last = _month(second)
        if last <= first:
            return None
        return DateValue(Point(year, first), Point(year, last), year_from_context=from_context)
    return DateValue(Point(year, first), year_from_context=from_context)


def _build_years(m, context_year, calendar):
    years = _year_range(m.group("y1"), m.group("sep"), m.group("y2"))
    if years is None:
        return None
    start, end = years
    return DateValue(Point(start), Point(end) if m.group("y2") else None)


def _build_decade(m, context_year, calendar):
    start = int(m.group("decade"))
    if not _plausible_year(start):
        return None
    return DateValue(Point(start), Point(start + 9))


def _build_century(m, context_year, calendar):
    n = int(m.group("ordinal")) if m.group("ordinal") else P.ORDINAL_WORDS[m.group("word").replace(" ", "-")]
    if not 1 <= n <= 21:
        return None
    first, last = P.century_bounds(n)
    return DateValue(Point(first), Point(last))


_BUILDERS = {
    "day month year": _build_day_month_year,
    "month day year": _build_day_month_year,
    "month year": _build_month_year,
    "years": _build_years,
    "decade": _build_decade,
    "century": _build_century,
}


def _qualify(value: DateValue, qualifier: str) -> DateValue:
    """Keep the value; refine a year or a month by the qualifier's table entry."""
    if value.is_range or value.start.year is None or value.start.day:
        return value
    months, days = P.QUALIFIERS[qualifier]
    y, mo = value.start.year, value.start.month
    if mo is None:
        return replace(value, not_before=Point(y, months[0]), not_after=Point(y, months[1]))
    last = days[1] or calendars.month_length(y, mo)
    return replace(value, not_before=Point(y, mo, days[0]), not_after=Point(y, mo, last))


def _in_season(value: DateValue, season: str) -> DateValue | None:
    if value.start.month is not None:
        return None                        # "summer of may 1905" is no date
    if value.is_range or value.start.year is None:
        return value
    (m1, d1), (m2, d2), offset = P.SEASONS[season]
    y = value.start.year
    end_year = y + offset
    last = d2 or calendars.month_length(end_year, m2)
    return replace(value, not_before=Point(y, m1, d1), not_after=Point(end_year, m2, last))


def normalise(text: str, context_year: int | None = None,
              calendar: str = "gregorian") -> DateValue | None:
    """The value of one date expression, or None if it is not a (possible) date.

    *calendar* ("gregorian" or "julian") is the calendar the text is written in;
    it decides which days exist (29 february 1900 is a Julian date only).
    """
    body = _SPACE.sub(" ", text.strip().lower()).replace("\u2019", "'")
    feast = _FEAST.match(body)
    if feast:
        (month, day), year = P.FEASTS[feast.group(1)], int(feast.group(2))
        return DateValue(Point(year, month, day)) if _plausible_year(year) else None
    qualifier = season = None
    q = _QUALIFIER.match(body)
    if q:
        qualifier, body = _SPACE.sub(" ", q.group(1)), body[q.end():]
    s = _SEASON.match(body)
    if s:
        season, body = s.group(1), body[s.end():]
    value = _parse_body(body, context_year, calendar)
    if value is None:
        return None
    if season:
        value = _in_season(value, season)
        if value is None:
            return None
    if qualifier and not season:
        value = _qualify(value, qualifier)
    return value


# --------------------------------------------------------------------------- TEI attributes

def _bounds_attributes(value: DateValue) -> dict[str, str]:
    if value.is_range:
        return {"from": value.start.iso(), "to": value.end.iso()}
    return {"when": value.start.iso()}


def _gregorian(point: Point, last: bool = False) -> Point:
    day = point.last_day("julian") if last else point.first_day()
    return Point(*calendars.julian_to_gregorian(day.year, day.month, day.day))


def _old_style_attributes(value: DateValue) -> dict[str, str]:
    out = {"calendar": "#julian", "datingMethod": "#julian"}
    if value.is_range:
        out["from-custom"], out["to-custom"] = value.start.iso(), value.end.iso()
    else:
        out["when-custom"] = value.start.iso()
    if value.start.year is None:
        return out
    start, end = value.start, value.end or value.start
    if not value.is_range and start.day:
        out["when"] = _gregorian(start).iso()
    elif value.is_range:
        out["from"], out["to"] = _gregorian(start).iso(), _gregorian(end, last=True).iso()
    else:
        out["notBefore"], out["notAfter"] = _gregorian(start).iso(), _gregorian(end, last=True).iso()
    return out


def attributes(value: DateValue, old_style: bool = False) -> dict[str, str]:
    """TEI att.datable attributes of a value (Gregorian @when/@from/@to always)."""
    if old_style:
        return _old_style_attributes(value)
    out = _bounds_attributes(value)
    if value.not_before and value.not_after:
        out["notBefore-custom"] = value.not_before.iso()
        out["notAfter-custom"] = value.not_after.iso()
        out["datingMethod"] = "#gregorian"
    return out

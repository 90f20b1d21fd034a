"""The tables of the dates module: words, their values, and the expression patterns.

Everything language- or convention-specific lives here, as data; the code in
:mod:`.normalise` and :mod:`.find` only combines these tables. Patterns are
compiled case-insensitively: the bundled text is lowercased, others are not.
"""

from __future__ import annotations

import functools
import re

# --------------------------------------------------------------------------- words

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
#: abbreviations, accepted only inside a full date (with a day and a year)
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

#: qualifiers stay inside the date span; the value keeps what they qualify and
#: they refine it: (first, last) month of a year, (first, last) day of a month
#: (None = the month's last day)
QUALIFIERS = {
    "early": ((1, 4), (1, 10)),
    "beginning of": ((1, 4), (1, 10)),
    "start of": ((1, 4), (1, 10)),
    "mid": ((5, 8), (11, 20)),
    "middle of": ((5, 8), (11, 20)),
    "late": ((9, 12), (21, None)),
    "end of": ((9, 12), (21, None)),
}

#: meteorological seasons (northern hemisphere): (first month, first day),
#: (last month, last day or None for the month's end), years added to the end.
#: Winter of Y runs from December Y to the end of February Y+1.
SEASONS = {
    "spring": ((3, 1), (5, 31), 0),
    "summer": ((6, 1), (8, 31), 0),
    "autumn": ((9, 1), (11, 30), 0),
    "fall": ((9, 1), (11, 30), 0),
    "winter": ((12, 1), (2, None), 1),
}

#: named days with a fixed place in the year: (month, day)
FEASTS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "may day": (5, 1),
}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

#: years a bare number may stand for; anything else is a count or an identifier
YEAR_MIN, YEAR_MAX = 1000, 2099
#: a range written as one token ("18791895") spans at most this many years
MAX_RANGE_YEARS = 150


def century_bounds(n: int) -> tuple[int, int]:
    """Years of the n-th century, counted as written: the 20th century is 1901-2000.

    An ordinal century counts from year 1 (there is no year 0), so its first year
    ends in 01; this is the exact interval that @from/@to state. (The popular
    reading 1900-1999 is what a decade-like "1900s" means, and that is tagged as
    a decade.)
    """
    return (n - 1) * 100 + 1, n * 100


# --------------------------------------------------------------------------- contexts

#: words before a number that make it an identifier, a page or an amount
NUMBER_PREFIXES = ("no.", "no", "nos.", "nr.", "number", "p.", "pp.", "page", "pages", "vol.",
                   "volume", "#", "$", "\u00a3", "\u20ac", "art.", "article", "section", "fig.",
                   "figure", "table", "tel.", "phone", "room", "flat", "apartment", "route", "bus",
                   "height", "altitude", "elevation")
#: words after a number that make it a count or a measure, not a year
COUNT_NOUNS = frozenset("""
    people persons men women children members workers strikers soldiers troops sailors
    delegates deputies votes voters copies pages volumes prisoners deaths dead wounded
    casualties victims refugees demonstrators participants supporters students officers
    guns rifles tanks ships aircraft planes horses cattle acres hectares
    km kilometres kilometers miles metres meters feet ft m cm mm kg tons tonnes
    hours minutes seconds days weeks months years times
    rubles roubles dollars pounds marks francs kopecks
    strong in-number pieces items letters articles books issues words
""".split())
#: words that follow a house number ("1522 vyse avenue")
STREET_WORDS = frozenset("""
    avenue ave street st road rd lane boulevard blvd square place drive way terrace
    calle avenida rue strasse ulitsa prospekt
""".split())

#: words before a bare month name that make it a date ("in may", "by march")
MONTH_TRIGGERS = ("in", "by", "since", "until", "till", "during", "throughout", "before",
                  "after", "from", "most of", "all of", "rest of", "part of", "month of")

# --------------------------------------------------------------------------- regex fragments


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


MONTH = rf"(?<![a-z])(?:{_alternation(MONTHS)})(?![a-z])"
MONTH_ANY = rf"(?<![a-z])(?:{_alternation(MONTHS)}|(?:{_alternation(MONTH_ABBREVIATIONS)})\.?)(?![a-z])"
#: a month, or two run together or joined by a dash ("mayjune", "may-june")
MONTHS_SPAN = rf"(?<![a-z])(?:{_alternation(MONTHS)})(?:\s?[-\u2013\u2014/]\s?(?:{_alternation(MONTHS)}))?(?![a-z])"
#: two months run together lost their dash
MONTH_PAIR_GLUED = rf"(?<![a-z])(?:{_alternation(MONTHS)})(?:{_alternation(MONTHS)})(?![a-z])"
#: "1st", "2nd", and the older "2d", "3d", "23d" of 19th-century letters and documents
ORDINAL_SUFFIX = r"(?:st|nd|rd|th|d)"
#: a day, a day range with a dash, or a day range whose dash was lost ("78", "1618")
DAYS = rf"(?<!\d)(?:\d{{1,2}}{ORDINAL_SUFFIX}?(?:\s?[-\u2013\u2014]\s?\d{{1,2}}{ORDINAL_SUFFIX}?)?|\d{{3,4}})(?:\s+day)?(?:\s+of)?(?!\d)"
DAY = rf"(?<!\d)\d{{1,2}}{ORDINAL_SUFFIX}?(?!\d)"
YEAR = r"(?<![\d.,/])(?<!\d-)\d{4}(?![\d])"
#: a year or a range of years: "1917", "1917-1922", "1917-22", "1917/18", "18791895", "190407"
YEARS = (r"(?<![\d.,/])(?<!\d-)\d{4}(?:[-\u2013\u2014/](?:\d{4}|\d{2})|\d{4}|\d{2})?"
         r"(?![\d]|[.,:/]\d|[-\u2013\u2014]\d)")
DECADE = r"(?<![\d.,/])\d{3}0['\u2019]?s(?![a-z])"
QUALIFIER = rf"(?:{_alternation(QUALIFIERS)})(?:\s*-\s*|\s+)"
SEASON = rf"(?:{_alternation(SEASONS)})(?:\s+of)?\s+"
FEAST = rf"(?<![a-z])(?:{_alternation(FEASTS)})(?:\s+of)?\s+"
ORDINAL = rf"(?:\d{{1,2}}{ORDINAL_SUFFIX}|{_alternation(ORDINAL_WORDS)})"
CENTURY = rf"(?<![a-z\d]){ORDINAL}[\s-]+centur(?:y|ies)(?![a-z])"
OLD_STYLE = r"(?:o\.\s?s\.?|old\s+style|julian(?:\s+calendar)?)"
#: a mark after a date saying it is old style: "(julian calendar)", "[o.s.]"
OLD_STYLE_MARK = rf"\s*[\[(]\s*{OLD_STYLE}\s*[\])]"
TRIGGER = rf"(?<![a-z])(?:{_alternation(MONTH_TRIGGERS)})\s+"
LEAD = rf"(?:{QUALIFIER}|{SEASON})?"

#: "A.D." before a year, as documents write it ("this 4th day of July, A.D. 1857")
ERA = r"(?:a\.\s?d\.\s*)?"
DMY = rf"{DAYS}\s+{MONTH_ANY}(?:,?\s+{ERA}{YEAR})?"
MDY = rf"{MONTH_ANY}\s+{DAY},?\s+{ERA}{YEAR}"
MY = rf"(?:{MONTHS_SPAN}|{MONTH_PAIR_GLUED}),?\s+{YEAR}"

# --------------------------------------------------------------------------- expression patterns

#: (name, regex, parts, old-style parts, cert). A match becomes one date span a
#: part: the named groups in *parts* (or the whole match, or group "span",
#: when parts is empty). A part without a year borrows the group "y", then the
#: year of another part of the match, then the year of the context.
EXPRESSIONS = (
    ("old-style bracket",
     rf"(?P<a>{DAYS}\s+{MONTH}(?:,?\s+{YEAR})?)\s*[\[(]\s*{OLD_STYLE}\s*(?P<b>{DAYS}\s+{MONTH}(?:,?\s+{YEAR})?)\s*[\])](?:,?\s*(?P<y>{YEAR}))?",
     ("a", "b"), ("b",), "high"),
    ("months and year",
     rf"(?P<a>{LEAD}{MONTH})\s+(?:and|or|to|until|through)\s+(?P<b>{LEAD}{MONTH}),?\s+(?P<y>{YEAR})",
     ("a", "b"), (), "high"),
    ("months in context",
     rf"{TRIGGER}(?P<a>{LEAD}{MONTH})\s+(?:and|or|to|until|through)\s+(?P<b>{LEAD}{MONTH})(?!\s*,?\s*\d)",
     ("a", "b"), (), "medium"),
    ("full date", rf"{LEAD}{DMY}", (), (), "high"),
    ("american date", rf"{LEAD}{MDY}", (), (), "high"),
    ("month and year", rf"{LEAD}{MY}", (), (), "high"),
    ("feast", rf"{FEAST}{YEAR}", (), (), "high"),
    ("month day", rf"(?<![a-z])on\s+(?P<span>{MONTH_ANY}\s+{DAY})(?![\d,]*\s*\d)", (), (), "medium"),
    ("qualified years", rf"(?:{QUALIFIER}|{SEASON}){YEARS}", (), (), "high"),
    ("decade", rf"{LEAD}{DECADE}", (), (), "high"),
    ("century", rf"{LEAD}{CENTURY}", (), (), "high"),
    ("years", YEARS, (), (), "high"),
    ("qualified month", rf"{QUALIFIER}{MONTH}", (), (), "medium"),
    ("month in context", rf"{TRIGGER}(?P<span>{MONTH})", (), (), "medium"),
)



def _first_words(*tables) -> tuple[str, ...]:
    """The first words of the phrases of *tables*, without those another one begins
    ("mid" finds "middle of" too)."""
    words = {re.match(r"[a-z]+", phrase).group() for table in tables for phrase in table}
    return tuple(sorted(w for w in words if not any(w != v and w.startswith(v) for v in words)))


LEAD_WORDS = _first_words(QUALIFIERS, SEASONS)
#: month names and their abbreviations: every month name begins with one of them, or is "may"
MONTH_WORDS = _first_words(MONTHS, MONTH_ABBREVIATIONS)

#: where a match of each expression can begin, so that the finder tries it only there
#: (:func:`edition.dates.find.scan_matches`): (at the first digit of a number, words that may
#: begin it anywhere, even inside a word, words that begin it at the start of a word). Every
#: expression begins with a number, a lead (qualifier or season: no boundary before them) or
#: a word after a boundary ``(?<![a-z])``; an expression missing here is tried everywhere.
STARTS = {
    "old-style bracket": (True, (), ()),
    "months and year": (False, LEAD_WORDS, MONTH_WORDS),
    "months in context": (False, (), _first_words(MONTH_TRIGGERS)),
    "full date": (True, LEAD_WORDS, ()),
    "american date": (False, LEAD_WORDS, MONTH_WORDS),
    "month and year": (False, LEAD_WORDS, MONTH_WORDS),
    "feast": (False, (), _first_words(FEASTS)),
    "month day": (False, (), ("on",)),
    "qualified years": (False, LEAD_WORDS, ()),
    "decade": (True, LEAD_WORDS, ()),
    "century": (True, LEAD_WORDS, _first_words(ORDINAL_WORDS)),
    "years": (True, (), ()),
    "qualified month": (False, _first_words(QUALIFIERS), ()),
    "month in context": (False, (), _first_words(MONTH_TRIGGERS)),
}



@functools.lru_cache(maxsize=None)
def compiled(rx: str) -> re.Pattern:
    """An expression compiled (case-insensitively), once per process and only when a text needs
    it: compiling all of them takes longer than scanning a short text."""
    return re.compile(rx, re.IGNORECASE)

OLD_STYLE_MARK_RE = re.compile(OLD_STYLE_MARK, re.IGNORECASE)

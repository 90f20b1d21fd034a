"""Scan running text for date expressions: spans, values, and the year of the context.

:class:`DateFinder` reads the blocks of a document in order and keeps the year
the text is talking about, so that "on 24 september" after "19 september 1905"
gets 1905. Every pattern of :data:`.patterns.EXPRESSIONS` proposes candidates;
candidates that are no possible date, or whose context rules a number out
(a count, an identifier, a house number), are dropped; of overlapping
candidates the longest wins (:func:`edition.selection.select`; on equal length the
earlier, then the pattern listed first). Every date found is an
:class:`~edition.selection.Span` of kind "date" whose ``attributes`` are its TEI
values and whose ``data`` is its :class:`~.normalise.DateValue`. Dates in parentheses inside running text (life
dates, years of publication) do not change the year of the context; dates in
headings do.
"""

from __future__ import annotations

import functools
import re
import string
from bisect import bisect_left
from dataclasses import dataclass

from ..selection import Span, select
from . import patterns as P
from .normalise import DateValue, attributes, normalise

#: a preposition before a number that makes it a year even before a count noun
#: ("in 1924 people ...")
_YEAR_PREPOSITIONS = frozenset(("in", "since", "until", "till", "during", "throughout"))
#: the word before a number (found by :func:`str.rsplit`, which reads the same whitespace)
_WORDS_AFTER = re.compile(r"\s*([^\W\d_][\w'.-]*)(?:\s+([^\W\d_][\w'.-]*))?(?:\s+([^\W\d_][\w'.-]*))?")
#: candidates are checked leniently: a leap year, and the Julian calendar (whose days
#: are a superset of the Gregorian ones); the final value is checked exactly
_VALIDATION_YEAR = 2000


#: certainty of an old-style (Julian) date, whatever its pattern says
OLD_STYLE_CERT = "medium"


@dataclass
class _Part:
    start: int
    end: int
    old_style: bool


@dataclass
class _Parts:
    """What a candidate (a Span of a pattern) holds: the dates it is made of, a shared year."""
    parts: list[_Part]
    year_hint: int | None = None


def _is_count_or_identifier(text: str, start: int, end: int) -> bool:
    """True if the number text[start:end] is an identifier, an amount or a house number."""
    before = text[:start]
    if before and before[-1] in "#$\u00a3\u20ac+":
        return True
    if text[end:end + 1] == "%":
        return True
    word = before.rstrip().rsplit(None, 1)        # the word before the number
    prev = word[-1].lower() if word else ""
    if prev in P.NUMBER_PREFIXES:
        return True
    after = _WORDS_AFTER.match(text, end)
    following = [w.lower().rstrip(".,;:") for w in after.groups() if w] if after else []
    if following and following[0] in P.COUNT_NOUNS and prev not in _YEAR_PREPOSITIONS:
        return True
    return any(w in P.STREET_WORDS for w in following)


def _in_parentheses(text: str, pos: int) -> bool:
    """More "(" than ")" (or "[" than "]") before *pos*: counted once a text (:class:`_Brackets`),
    not again for every number of a long block."""
    return _brackets(text).open_at(pos)


class _Brackets:
    """Where a text's brackets are, to count those before any position by halving."""

    def __init__(self, text: str):
        self.found = {c: [m.start() for m in re.finditer(re.escape(c), text)] for c in "()[]"}

    def open_at(self, pos: int) -> bool:
        f = self.found
        return (bisect_left(f["("], pos) > bisect_left(f[")"], pos)
                or bisect_left(f["["], pos) > bisect_left(f["]"], pos))


@functools.lru_cache(maxsize=8)          # the blocks being scanned (threads may convert at once)
def _brackets(text: str) -> _Brackets:
    return _Brackets(text)


#: the lowercase form of a text for finding where matches begin, the same length: ASCII letters
#: and the four other characters that the patterns' case-insensitive letters match
_FOLD = str.maketrans({**{c: c.lower() for c in string.ascii_uppercase},
                       "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_LETTERS = frozenset(string.ascii_lowercase)
_NUMBER = re.compile(r"\d+")
#: a digit or a word that some expression begins with (:data:`.patterns.STARTS`), anywhere in the
#: folded text: a block with none has no date (a short line often); only while every expression
#: has its starts (one without may begin anywhere)
_EVERY_STARTS = all(name in P.STARTS for name, *_ in P.EXPRESSIONS)
_ANY_START = re.compile("|".join([r"\d", *sorted({re.escape(w) for _, anywhere, at_word in P.STARTS.values()
                                                  for w in (*anywhere, *at_word)}, key=len, reverse=True)]))


class _Starts:
    """Where the expressions of :data:`.patterns.STARTS` can begin in one text."""

    def __init__(self, text: str):
        self.text = text
        self.fold = text.translate(_FOLD)
        self.found: dict[tuple[str, bool], list[int]] = {}
        self.unions: dict[tuple, list[int]] = {}       # STARTS entry -> of() (expressions share them)

    def _word(self, word: str, boundary: bool) -> list[int]:
        key = (word, boundary)
        if key not in self.found:
            fold, out = self.fold, []
            p = fold.find(word)
            while p >= 0:
                if not boundary or p == 0 or fold[p - 1] not in _LETTERS:
                    out.append(p)
                p = fold.find(word, p + 1)
            self.found[key] = out
        return self.found[key]

    def none(self) -> bool:
        """Whether no expression can begin anywhere in the text (:data:`_ANY_START`)."""
        return _EVERY_STARTS and _ANY_START.search(self.fold) is None

    def of(self, name: str) -> list[int] | None:
        """The sorted positions where expression *name* may match; None: anywhere."""
        spec = P.STARTS.get(name)
        if spec is None:
            return None
        if spec not in self.unions:
            self.unions[spec] = self._union(*spec)
        return self.unions[spec]

    def _union(self, numbers: bool, anywhere, at_word) -> list[int]:
        out: set[int] = set()
        if numbers:
            if ("", False) not in self.found:
                self.found["", False] = [m.start() for m in _NUMBER.finditer(self.text)]
            out.update(self.found["", False])
        for w in anywhere:
            out.update(self._word(w, False))
        for w in at_word:
            out.update(self._word(w, True))
        return sorted(out)


def scan_matches(name: str, source: str, text: str, starts: _Starts | None):
    """The matches of expression *name* (regex *source*) in *text*, as ``finditer`` gives them,
    trying only where the expression can begin (*starts*; None: the whole scan)."""
    where = starts.of(name) if starts is not None else None
    if where == []:
        return
    rx = P.compiled(source)
    if where is None:
        yield from rx.finditer(text)
        return
    end = 0
    for p in where:
        if p < end:
            continue
        m = rx.match(text, p)
        if m is not None:
            yield m
            end = max(m.end(), p + 1)


def _candidates(text: str, full_scan: bool = False) -> list[Span]:
    out = []
    starts = None if full_scan else _Starts(text)
    if starts is not None and starts.none():
        return out
    for name, source, part_groups, old_groups, cert in P.EXPRESSIONS:
        for m in scan_matches(name, source, text, starts):
            rx = m.re
            if part_groups:
                parts = [_Part(m.start(g), m.end(g), g in old_groups) for g in part_groups]
            elif "span" in rx.groupindex:
                parts = [_Part(m.start("span"), m.end("span"), False)]
            else:
                parts = [_Part(m.start(), m.end(), False)]
            hint = int(m.group("y")) if "y" in rx.groupindex and m.group("y") else None
            if name == "years" and _is_count_or_identifier(text, m.start(), m.end()):
                continue
            end = max(m.end(), *(p.end for p in parts))      # a shared year after the parts
            if all(normalise(text[p.start:p.end], _VALIDATION_YEAR, "julian") for p in parts):
                out.append(Span(parts[0].start, end, "date", name, cert, data=_Parts(parts, hint)))
    return out


@dataclass
class DateFinder:
    """Finds dates block by block, carrying the year of the context from one to the next."""

    context_year: int | None = None
    context_month: int | None = None

    def scan(self, text: str, heading: bool = False) -> list[Span]:
        found: list[Span] = []
        for cand in select(_candidates(text)):
            found.extend(self._resolve(text, cand, heading))
        return found

    def _resolve(self, text: str, cand: Span, heading: bool) -> list[Span]:
        parts = cand.data.parts
        own = [normalise(text[p.start:p.end], None, "julian") for p in parts]
        out = []
        for part, value, (year, cert) in zip(parts, own, self._years(text, cand, own)):
            part_text = text[part.start:part.end]
            old_style = part.old_style or (
                len(parts) == 1 and P.OLD_STYLE_MARK_RE.match(text, part.end) is not None)
            value = normalise(part_text, year, "julian" if old_style else "gregorian")
            if value is None:
                continue
            out.append(Span(part.start, part.end, "date", cand.source, OLD_STYLE_CERT if old_style else cert,
                            attributes=tuple(attributes(value, old_style=old_style).items()),
                            text=part_text, data=value))
            self._update_context(value, heading or not _in_parentheses(text, part.start))
        return out

    def _years(self, text: str, cand: Span, own: list) -> list[tuple[int | None, str]]:
        """The year (and cert) of each part: its own, the match's shared one, or the context's."""
        explicit = [v.year for v in own if v is not None and v.year is not None]
        shared = cand.data.year_hint or (explicit[0] if explicit else None)
        out = []
        for part, value in zip(cand.data.parts, own):
            if value is not None and value.year is not None:
                out.append((value.year, cand.cert))
            elif shared is not None:
                year = shared
                if part.old_style:
                    year = self._old_style_year(text[part.start:part.end], year, cand, text)
                out.append((year, cand.cert))
            else:
                out.append((self.context_year, "medium"))
        return self._across_new_year(cand, own, out, from_context=shared is None)

    def _across_new_year(self, cand, own, years, from_context: bool):
        """Two months whose second comes earlier in the year ("december and january")
        lie in two years: the first in the year before the second."""
        if len(own) != 2 or any(v is None or v.year is not None or v.start.day for v in own):
            return years
        (ya, ca), (yb, cb) = years
        if ya is None or own[0].start.month <= own[1].start.month:
            return years
        if from_context and not (self.context_month and self.context_month <= own[1].start.month):
            return [(ya, ca), (ya + 1, cb)]
        return [(yb - 1, ca), (yb, cb)]

    @staticmethod
    def _old_style_year(part_text: str, year: int, cand: Span, text: str) -> int:
        """An old-style date borrowing the year of its new-style partner lies up to 13 days
        earlier: across the new year ("10 january 1918 [o.s. 28 december]") it is a year earlier."""
        partners = [normalise(text[p.start:p.end], year) for p in cand.data.parts if not p.old_style]
        mine = normalise(part_text, year)
        if partners and mine and partners[0] and partners[0].start.month and mine.start.month:
            if mine.start.month > partners[0].start.month:
                return year - 1
        return year

    def _update_context(self, value: DateValue, counts: bool) -> None:
        if not counts or value.year is None or value.year_from_context:
            return
        end = value.end or value.start
        if end.year == value.start.year:
            self.context_year = value.start.year
            self.context_month = value.start.month


def find_dates(text: str, context_year: int | None = None) -> list[Span]:
    """The dates of one piece of text (a convenience over :class:`DateFinder`)."""
    return DateFinder(context_year).scan(text)

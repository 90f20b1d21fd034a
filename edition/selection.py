"""One span type and one overlap selection for every markup pass (names, dates, quotes, reading).

A pass asks its candidate sources for :class:`Span` objects (character offsets in
the text of one block, see :mod:`edition.spans`), keeps a non-overlapping set of
them with :func:`select`, and wraps each in its element with the attributes of
:func:`tei_attributes`. A span says what it is (``kind``), who proposed it
(``source``; ``resp`` when that is not the pass itself), how sure that is
(``cert``, and ``score`` for a statistical source) and what it points to
(``entry``, a register id).

The precedence of :func:`select`, the one rule every pass shares:

1. existing markup (``protected`` ranges) always wins: a span that overlaps it is dropped;
2. the longer span wins ("the boston city council" over the place "boston" inside it:
   rules build on shorter matches, so length comes first);
3. on equal length, the span of the better-ranked source (lower ``rank``; a pass ranks
   its sources in its table: the register before the rules);
4. then the earlier span; then the order in which the sources proposed them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of a block's text that a pass may wrap in an element."""

    start: int
    end: int
    #: what it is: person | place | org (names), date, quote
    kind: str
    #: the candidate source that proposed it (a row of the pass's table, or the rule within it:
    #: "register", "model", "title", "years", "inline" ...)
    source: str = ""
    #: how sure: high | medium | low (TEI @cert)
    cert: str = "low"
    #: the register entry it points to (TEI @ref="#entry"), if any
    entry: str | None = None
    #: a statistical source's confidence (0..1), from which it derives ``cert``
    score: float | None = None
    #: the @resp pointer of the agent that made it ("#edition-model"); None: the pass itself
    resp: str | None = None
    #: precedence of its source in the pass's table (lower wins a tie in length, see :func:`select`)
    rank: int = 0
    #: further TEI attributes, in order (a date's @when ...)
    attributes: tuple[tuple[str, str], ...] = ()
    #: the block the offsets refer to, where a pass collects spans over a whole document
    block: int = 0
    #: the text of the span, where a later step needs it
    text: str = ""
    #: what the reading text reads instead of the span (the regularisation pass: TEI ``reg``)
    reading: str | None = None
    #: what the source knows that later steps of its own pass use (a matched name form,
    #: a date's value, where a quotation's introduction ends); never written to the TEI
    data: Any = field(default=None, compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def overlaps_any(start: int, end: int, ranges: Iterable[Sequence[int] | Span]) -> bool:
    """Does [start, end) overlap one of *ranges* (spans or (start, end, ...) tuples)?"""
    for r in ranges:
        a, b = (r.start, r.end) if isinstance(r, Span) else (r[0], r[1])
        if start < b and a < end:
            return True
    return False


class RangeIndex:
    """Ranges (spans or (start, end, ...) tuples) asked many times whether [start, end) overlaps
    one of them: :func:`overlaps_any` in O(log n) instead of a walk over all of them (a block of
    a long text without paragraphs holds thousands of names)."""

    def __init__(self, ranges: Iterable[Sequence[int] | Span]):
        pairs = sorted((r.start, r.end) if isinstance(r, Span) else (r[0], r[1]) for r in ranges)
        self.starts = [a for a, _ in pairs]
        #: the furthest end of the ranges up to each one (sorted by start)
        self.reach = list(accumulate((b for _, b in pairs), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)          # the ranges that start before *end* ...
        return i > 0 and self.reach[i - 1] > start  # ... one of which ends after *start*

    def covers(self, point: int) -> bool:
        """Whether a range starts at or before *point* and ends at or after it (its ends count)."""
        i = bisect_right(self.starts, point)
        return i > 0 and self.reach[i - 1] >= point


def precedence(span: Span) -> tuple[int, int, int]:
    """The order in which :func:`select` considers spans: longest, best-ranked, earliest."""
    return (-span.length, span.rank, span.start)


def select(spans: Iterable[Span], protected: Iterable[Sequence[int] | Span] = ()) -> list[Span]:
    """Non-overlapping spans by :func:`precedence` (stable: ties keep their order), in text order.

    A span that overlaps a *protected* range (existing markup) is never kept.
    """
    guard = RangeIndex(protected)
    kept: list[Span] = []
    starts: list[int] = []          # the kept spans' starts and ends, in text order: they do not
    ends: list[int] = []            # overlap, so the last one that starts before an end decides
    for span in sorted(spans, key=precedence):
        start, end = span.start, span.end
        if end <= start or guard.overlaps(start, end):
            continue
        i = bisect_left(starts, end)
        if i and ends[i - 1] > start:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def tei_attributes(span: Span, resp: str) -> dict[str, str]:
    """@ref (if it points to an entry), @resp (its own or the pass's *resp*), @cert, then the rest."""
    attrib = {"ref": "#" + span.entry} if span.entry else {}
    attrib["resp"] = span.resp or resp
    attrib["cert"] = span.cert
    attrib.update(span.attributes)
    return attrib


#: how a statistical score becomes a TEI @cert: the first threshold it reaches
CERT_OF_SCORE = ((0.9, "high"), (0.6, "medium"), (0.0, "low"))


def cert_of_score(score: float) -> str:
    """"high" from 0.9, "medium" from 0.6, "low" below (see :data:`CERT_OF_SCORE`)."""
    return next(cert for threshold, cert in CERT_OF_SCORE if score >= threshold)

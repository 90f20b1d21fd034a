"""The dates pass: every calendar expression becomes ``<date>`` with an ISO 8601 value.

Blocks are read in document order by one :class:`~edition.dates.find.DateFinder`,
so a date without a year ("on 24 september") takes the year the text is
talking about. Each span is wrapped with :func:`edition.spans.wrap` (the text
never changes; the date nests inside existing markup where it can); a span
that overlaps an existing ``<date>`` is left alone, so running the pass twice
adds nothing. Values: see :func:`edition.dates.normalise.attributes`.
"""

from __future__ import annotations

from lxml import etree

from .. import T
from ..resp import resp
from ..dates.find import DateFinder
from ..selection import RangeIndex, Span, tei_attributes
from ..spans import blocks, element_spans, segments, text_of, wrap
from . import Context

RESP = resp("dates")
DATE = T + "date"
#: blocks whose dates set the year of the context even inside parentheses
HEADING_TAGS = {T + "head"}


def date_attributes(found: Span) -> dict[str, str]:
    """@resp, @cert and the values of a date (the finder made them: :mod:`edition.dates.find`)."""
    return tei_attributes(found, RESP)


def _existing_dates(block: etree._Element) -> list[tuple[int, int]]:
    return [(s, e) for el, s, e in element_spans(block) if el.tag == DATE]


def _inside_date(block: etree._Element) -> bool:
    return any(a.tag == DATE for a in block.iterancestors())


def mark_dates(root: etree._Element, ctx: Context) -> None:
    """Wrap the dates of every block of *root* in ``<date>`` elements."""
    finder = DateFinder()
    for block in blocks(root):
        if _inside_date(block):
            continue
        text = text_of(block)
        taken = RangeIndex(_existing_dates(block))
        found = [f for f in finder.scan(text, heading=block.tag in HEADING_TAGS)
                 if not taken.overlaps(f.start, f.end)]
        if not found:
            continue
        with segments(block) as segs:   # the strings cut are written into the block at the end
            for f in reversed(found):   # right to left: the segments before a wrap stay as they were
                wrap(block, f.start, f.end, DATE, date_attributes(f), segs=segs)

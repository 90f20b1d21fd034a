"""Put the passes' suggestions into the edited document, where nothing of their kind is yet.

A suggestion is left out when its fingerprint is in the document's record (made
before: still there, or removed by hand, or rejected in review), when it overlaps
markup of its kind that was there before this run (any ``@resp``), or when it
would cross an element. The only change to an existing element: a machine name
without ``@ref`` over exactly the words of a new suggestion of the same element
with a register entry gets that ``@ref`` (linked).
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from lxml import etree

from .. import T
from ..reading.encode import encoded
from ..selection import RangeIndex, Span
from ..spans import element_spans, segments, wrap
from .record import KIND_OF_TAG, Record, context, is_machine
from .suggest import Suggestion


@dataclass
class Added:
    suggestion: Suggestion
    element: etree._Element
    how: str = "added"        # added | linked


@dataclass
class Outcome:
    added: list[Added] = field(default_factory=list)
    removed_by_hand: list[Suggestion] = field(default_factory=list)
    refused: int = 0          # rejected before, or made before
    crossing: int = 0         # would cross markup

    @property
    def changed(self) -> bool:
        return bool(self.added)


def existing(block: etree._Element) -> "Existing":
    """The markup of *block* as it is now, for the suggestions to be checked against."""
    return Existing([(KIND_OF_TAG[el.tag], a, b, el) for el, a, b in element_spans(block)
                      if el.tag in KIND_OF_TAG])


class Existing:
    """The markup of one block that was there before this run, by kind, asked for every suggestion
    of the block whether it clashes (in O(log n): a long block without paragraphs holds thousands
    of names) and which machine name it would link."""

    def __init__(self, markup):
        """*markup*: (kind, start, end, element) of every element of a kind (:func:`existing`)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        self.exact: dict[tuple[int, int, object], list[etree._Element]] = {}
        for kind, a, b, el in markup:
            spans.setdefault(kind, []).append((a, b))
            self.exact.setdefault((a, b, el.tag), []).append(el)
        #: kind -> (the ranges that hold text, the places of the empty ones, sorted)
        self.kinds = {kind: (RangeIndex([r for r in ranges if r[0] < r[1]]),
                             sorted(a for a, b in ranges if a == b)) for kind, ranges in spans.items()}

    def clashes(self, s: Suggestion) -> bool:
        """Whether *s* overlaps markup of its kind; where either is empty (a gap), touching it is
        overlapping it."""
        if s.kind not in self.kinds:
            return False
        ranges, empty = self.kinds[s.kind]
        if bisect_right(empty, s.end) > bisect_left(empty, s.start):
            return True                         # an empty one at s.start .. s.end
        return ranges.covers(s.start) if s.start == s.end else ranges.overlaps(s.start, s.end)

    def link(self, s: Suggestion) -> etree._Element | None:
        """The machine name without @ref over exactly the words of *s* (same element), if *s*
        links it."""
        if s.kind != "name" or not s.attrib.get("ref"):
            return None
        return next((el for el in self.exact.get((s.start, s.end, s.tag), ())
                     if is_machine(el) and not el.get("ref")), None)


def _set_ref(el: etree._Element, s: Suggestion) -> None:
    """@ref first (as the converter writes it), the other attributes as they were, cert the pass's."""
    attrib = [("ref", s.attrib["ref"]), *[(k, v) for k, v in el.attrib.items()]]
    el.attrib.clear()
    for k, v in attrib:
        el.set(k, v)
    el.set("resp", s.attrib.get("resp", el.get("resp")))
    if s.attrib.get("cert"):
        el.set("cert", s.attrib["cert"])


def _reading(s: Suggestion) -> Span:
    """The change a reading suggestion writes (:func:`edition.reading.encode.encoded`)."""
    return Span(s.start, s.end, s.attrib.get("type", "gap") if s.tag == T + "reg" else "gap",
                cert=s.attrib.get("cert", "low"), reading=s.reading)


def _place(s: Suggestion) -> etree._Element | None:
    """Wrap the suggestion into its block; the new element, or None where it would cross markup."""
    block = s.block
    if s.kind == "reading":
        return encoded(block, _reading(s))
    if s.speaker is not None:
        cit = wrap(block, s.start, s.end, T + "cit")
        if cit is None:
            return None
        quote = wrap(block, s.start, s.end, s.tag, s.attrib)
        if quote is None or quote.getparent() is not cit:
            return quote
        etree.SubElement(cit, T + "ptr", s.speaker)
        return quote
    return wrap(block, s.start, s.end, s.tag, s.attrib)


def apply(suggestions: list[Suggestion], record: Record) -> Outcome:
    """Apply *suggestions* (in their order) to the document their blocks belong to."""
    out = Outcome()
    blocks: dict[etree._Element, Existing] = {}
    refused = record.refused
    rejected = {r.get("fingerprint") for r in record.rejected}
    results: list = [None] * len(suggestions)       # per suggestion: Added, "crossing" or None
    todo: list[int] = []                            # the suggestions to place, in their order
    for n, s in enumerate(suggestions):
        before = blocks.get(s.block)
        if before is None:          # read once a block: the markup there before this run
            before = blocks[s.block] = existing(s.block)
        target = before.link(s)
        if target is not None:
            _set_ref(target, s)
            results[n] = Added(s, target, "linked")
        elif before.clashes(s):
            continue
        elif s.fingerprint in refused:
            out.refused += 1
            if s.fingerprint in record.suggested and s.fingerprint not in rejected:
                out.removed_by_hand.append(s)
        else:
            todo.append(n)
    for group in _runs(suggestions, todo):
        for n, el in _placed(suggestions, group):
            results[n] = Added(suggestions[n], el) if el is not None else "crossing"
    out.added = [r for r in results if isinstance(r, Added)]
    out.crossing = results.count("crossing")
    return out


def _runs(suggestions: list[Suggestion], todo: list[int]) -> list[list[int]]:
    """*todo* cut into runs of one kind in one block (the order puts them next to each other)."""
    runs: list[list[int]] = []
    for n in todo:
        s = suggestions[n]
        if runs and (suggestions[runs[-1][0]].kind, suggestions[runs[-1][0]].block) == (s.kind, s.block):
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _placed(suggestions: list[Suggestion], run: list[int]):
    """(index, new element or None) for each suggestion of *run*. Wraps and readings that do not
    overlap (nor touch, where one is empty: an insertion at a place) are written from right to
    left through the block's segments read once (each read the whole block again: minutes for
    the thousands of names of a letter on one line); the tree is the one they make written in
    order. Quotations with a speaker and overlapping spans are placed one by one, in order."""
    items = [suggestions[n] for n in run]
    apart = all(a.end < b.start if a.start == a.end or b.start == b.end else a.end <= b.start
                for a, b in zip(items, items[1:]))
    if not apart or len(items) == 1 or any(s.speaker is not None for s in items):
        return [(n, _place(suggestions[n])) for n in run]
    block = items[0].block
    with segments(block) as segs:
        placed = [(n, encoded(block, _reading(s), segs) if s.kind == "reading"
                   else wrap(block, s.start, s.end, s.tag, s.attrib, segs=segs))
                  for n, s in zip(reversed(run), reversed(items))]
    return placed[::-1]


def rejection(s: Suggestion, by: str, when: str | None = None) -> dict:
    """The record of a rejected suggestion (see :mod:`edition.annotate.record`)."""
    before, after = context(s.text, s.start, s.end)
    return {"element": etree.QName(s.tag).localname, "text": s.words, "before": before, "after": after,
            "fingerprint": s.fingerprint, "by": by, "when": when or _dt.date.today().isoformat()}

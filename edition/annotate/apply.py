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
from dataclasses import dataclass, field

from lxml import etree

from .. import T
from ..reading.encode import encode
from ..selection import Span
from ..spans import element_spans, wrap
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


def _existing(block: etree._Element) -> list[tuple[str, int, int, etree._Element]]:
    return [(KIND_OF_TAG[el.tag], s, e, el) for el, s, e in element_spans(block) if el.tag in KIND_OF_TAG]


def _clashes(s: Suggestion, existing) -> bool:
    for kind, a, b, _ in existing:
        if kind != s.kind:
            continue
        if s.start == s.end or a == b:
            if a <= s.end and s.start <= b:
                return True
        elif a < s.end and s.start < b:
            return True
    return False


def _link(s: Suggestion, existing) -> etree._Element | None:
    """The machine name without @ref over exactly the words of *s* (same element), if *s* links it."""
    if s.kind != "name" or not s.attrib.get("ref"):
        return None
    for kind, a, b, el in existing:
        if (a, b) == (s.start, s.end) and el.tag == s.tag and is_machine(el) and not el.get("ref"):
            return el
    return None


def _set_ref(el: etree._Element, s: Suggestion) -> None:
    """@ref first (as the converter writes it), the other attributes as they were, cert the pass's."""
    attrib = [("ref", s.attrib["ref"]), *[(k, v) for k, v in el.attrib.items()]]
    el.attrib.clear()
    for k, v in attrib:
        el.set(k, v)
    el.set("resp", s.attrib.get("resp", el.get("resp")))
    if s.attrib.get("cert"):
        el.set("cert", s.attrib["cert"])


def _place(s: Suggestion) -> etree._Element | None:
    """Wrap the suggestion into its block; the new element, or None where it would cross markup."""
    block = s.block
    if s.kind == "reading":
        span = Span(s.start, s.end, s.attrib.get("type", "gap") if s.tag == T + "reg" else "gap",
                    cert=s.attrib.get("cert", "low"), reading=s.reading)
        before = set(block.iter(T + "choice", T + "gap"))
        if not encode(block, span):
            return None
        return next((el for el in block.iter(T + "choice", T + "gap") if el not in before), block)
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
    existing: dict[etree._Element, list] = {}
    refused = record.refused
    rejected = {r.get("fingerprint") for r in record.rejected}
    for s in suggestions:
        before = existing.setdefault(s.block, _existing(s.block))
        target = _link(s, before)
        if target is not None:
            _set_ref(target, s)
            out.added.append(Added(s, target, "linked"))
            continue
        if _clashes(s, before):
            continue
        if s.fingerprint in refused:
            out.refused += 1
            if s.fingerprint in record.suggested and s.fingerprint not in rejected:
                out.removed_by_hand.append(s)
            continue
        el = _place(s)
        if el is None:
            out.crossing += 1
        else:
            out.added.append(Added(s, el))
    return out


def rejection(s: Suggestion, by: str, when: str | None = None) -> dict:
    """The record of a rejected suggestion (see :mod:`edition.annotate.record`)."""
    before, after = context(s.text, s.start, s.end)
    return {"element": etree.QName(s.tag).localname, "text": s.words, "before": before, "after": after,
            "fingerprint": s.fingerprint, "by": by, "when": when or _dt.date.today().isoformat()}

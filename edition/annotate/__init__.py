"""Markup passes on a TEI document a person has edited, without undoing any of their work.

:func:`annotate` runs the passes of :data:`edition.pipeline.PASSES` on a copy of the
document (:mod:`.suggest`) and puts into the document only what is new
(:mod:`.apply`): markup where the text has none of that kind, never over the
suggestions the document's record (:mod:`.record`) says were made before or
rejected. Existing elements are never removed, moved, retyped or changed, with one
exception: a machine name without ``@ref`` is linked when the register now has its
entry. It runs until the passes have nothing more to add, so a second run adds
nothing.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from .. import T, XML_ID, __version__
from .apply import Added, apply, rejection
from .record import Record, machine_fingerprints, read, write
from .suggest import Suggestion, suggest

#: rounds of the passes at most: what one round adds can be the context of more (a name found once)
MAX_ROUNDS = 3
#: who the annotation's revisionDesc/change names
WHO = "#edition-structure"


@dataclass
class Report:
    added: list[Added] = field(default_factory=list)
    removed_by_hand: list[Suggestion] = field(default_factory=list)
    refused: int = 0
    crossing: int = 0
    had_record: bool = True
    changed: bool = False

    def counts(self) -> Counter:
        return Counter(etree.QName(a.suggestion.tag).localname + (" linked" if a.how == "linked" else "")
                       for a in self.added)


def annotate(root: etree._Element, ctx, today: _dt.date | None = None) -> Report:
    """Add to *root* what the passes find now and the document lacks (see the module)."""
    record = read(root)
    report = Report(had_record=record.found)
    if not record.found:
        record.suggested |= set(machine_fingerprints(root).values())
    seen: set[str] = set()
    for round_ in range(MAX_ROUNDS):
        outcome = apply(suggest(root, ctx), record)
        report.added.extend(outcome.added)
        if round_ == 0:
            report.refused, report.crossing = outcome.refused, outcome.crossing
        for s in outcome.removed_by_hand:
            if s.fingerprint not in seen:
                seen.add(s.fingerprint)
                report.removed_by_hand.append(s)
        if not outcome.added:
            break
    when = (today or _dt.date.today()).isoformat()
    for s in report.removed_by_hand:
        record.reject({**rejection(s, "", when), "how": "removed by hand"})
    record.suggested |= set(machine_fingerprints(root).values())
    if report.added:
        add_entries(root, ctx.register)
        note_change(root, _summary(report), when)
    report.changed = write(root, record) or bool(report.added)
    return report


def _summary(report: Report) -> str:
    counts = report.counts()
    parts = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
    return f"Annotated again by edition {__version__}: {parts}; existing markup kept as it was."


def append_like(parent: etree._Element, new: etree._Element) -> None:
    """Append *new* as the last child of *parent*, with the line breaks its siblings have."""
    if len(parent):
        last = parent[-1]
        new.tail = last.tail
        last.tail = parent[-2].tail if len(parent) > 1 else parent.text
    parent.append(new)


def note_change(root: etree._Element, text: str, when: str, who: str = WHO) -> None:
    """A ``revisionDesc/change`` saying what a run did (revisionDesc made if the header has none)."""
    header = root.find(T + "teiHeader")
    if header is None:
        return
    rev = header.find(T + "revisionDesc")
    if rev is None:
        rev = etree.Element(T + "revisionDesc")
        append_like(header, rev)
    change = etree.Element(T + "change", {"when": when, "who": who})
    change.text = text
    append_like(rev, change)


def add_entries(root: etree._Element, register) -> list[str]:
    """Copy into the document's standOff the register entries its names point to and it lacks."""
    from ..register import KIND_OF_NAME
    pointed = {ref[1:] for el in root.iter(*(T + n for n in KIND_OF_NAME))
               for ref in (el.get("ref") or "").split() if ref.startswith("#")}
    standoff = root.find(T + "standOff")
    present = {el.get(XML_ID) for el in standoff.iter()} if standoff is not None else set()
    missing = [e for e in register.entries if e.id in pointed - present]
    if not missing:
        return []
    if standoff is None:
        standoff = etree.Element(T + "standOff")
        header = root.find(T + "teiHeader")
        standoff.tail = header.tail
        header.addnext(standoff)
    for entry in missing:
        append_like(kind_list(standoff, entry.kind), copy.deepcopy(entry.element))
    return [e.id for e in missing]


def kind_list(standoff: etree._Element, kind: str) -> etree._Element:
    """The standOff's list of entries of *kind* (listPerson, listPlace…), appended if it has none."""
    from ..register import KINDS
    list_tag = KINDS[kind][0]
    lst = standoff.find(T + list_tag)
    if lst is None:
        lst = etree.Element(T + list_tag)
        append_like(standoff, lst)
    return lst

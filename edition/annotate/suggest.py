"""What the markup passes would add to a document now: they run on a copy, the new elements are read off it.

The passes of :data:`edition.pipeline.PASSES` run unchanged on a deep copy of the
document. Every element of the copy that was not in the document is a suggestion:
its element, attributes and character offsets in its block (the text never changes,
so the offsets are those of the document's block too). Machine names without
``@ref`` are taken out of the copy first, so that the names pass decides them again
with the register as it is now: a suggestion over the same words with a register
entry links the existing element.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from .. import T
from ..spans import blocks, element_spans, text_of
from .record import fingerprint, is_machine

NAMES = {T + "persName", T + "placeName", T + "orgName"}
#: the order the suggestions are applied in: the passes' order (widest first; an equal span nests inside)
ORDER = {"quote": 0, "name": 1, "date": 2, "reading": 3}


@dataclass
class Suggestion:
    block: etree._Element     # the document's block (not the copy's)
    kind: str                 # name | date | quote | reading
    tag: str                  # the element (T+reg for a reading change, T+gap for a gap)
    start: int
    end: int
    attrib: dict[str, str]
    text: str                 # the block's text
    reading: str | None = None               # a reg's text
    speaker: dict[str, str] | None = None    # a new quote's ptr[@type=speaker] (grouped in a cit)
    fingerprint: str = field(default="")

    def __post_init__(self) -> None:
        self.fingerprint = fingerprint(self.tag, self.text, self.start, self.end)

    @property
    def words(self) -> str:
        return " ".join(self.text[self.start:self.end].split())


def _unwrap(el: etree._Element) -> None:
    """Replace *el* by its content (text and children), in place."""
    parent = el.getparent()
    index = parent.index(el)
    prev = el.getprevious()
    text = el.text or ""
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    children = list(el)
    tail = el.tail or ""
    parent.remove(el)
    for n, child in enumerate(children):
        parent.insert(index + n, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index > 0:
        parent[index - 1].tail = (parent[index - 1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def unwrap_all(elements) -> None:
    """Replace each of *elements* by its content, in place: what :func:`_unwrap` of each in
    document order does, with each parent's children rebuilt once (one by one, every unwrap
    walked the parent's children and copied the growing string before it: minutes for the
    thousands of names of a letter on one line). Inner parents first, so an element inside
    another of *elements* is gone when that one's content moves. A string that took in an
    unwrapped element's text or tail is set even when empty, as :func:`_unwrap` sets it."""
    by_parent: dict = {}
    for el in elements:
        by_parent.setdefault(el.getparent(), []).append(el)
    for parent in sorted(by_parent, key=lambda p: sum(1 for _ in p.iterancestors()), reverse=True):
        gone = set(by_parent[parent])
        children = list(parent)
        head = slot = [parent.text, False]      # [the strings of a text or tail ..., merged into]
        kept: list = []                         # (child, its tail's slot)
        for child in children:
            if child in gone:
                slot[-1] = True
                slot.insert(-1, child.text)
                for grand in child:
                    slot = [grand.tail, False]
                    kept.append((grand, slot))
                slot[-1] = True
                slot.insert(-1, child.tail)
            else:
                slot = [child.tail, False]
                kept.append((child, slot))
        for child in children:
            parent.remove(child)
        parent.text = _joined(head)
        for child, tail in kept:
            parent.append(child)
            child.tail = _joined(tail)


def _joined(slot: list) -> str | None:
    """A slot's strings joined (a string when anything was merged into it, else as it was)."""
    *parts, merged = slot
    if not merged:
        return parts[0]
    return "".join(part or "" for part in parts)


def _new_elements(block: etree._Element, known) -> list[Suggestion]:
    target = known[block]
    text = text_of(block)
    out: list[Suggestion] = []
    for el, s, e in element_spans(block):
        if el in known:
            continue
        if el.tag in NAMES or el.tag == T + "date":
            kind = "name" if el.tag in NAMES else "date"
            out.append(Suggestion(target, kind, el.tag, s, e, dict(el.attrib), text))
        elif el.tag == T + "quote":
            out.append(Suggestion(target, "quote", el.tag, s, e, dict(el.attrib), text, speaker=_speaker(el, known)))
        elif el.tag == T + "choice":
            reg = el.find(T + "reg")
            if reg is not None:
                out.append(Suggestion(target, "reading", T + "reg", s, e, dict(reg.attrib), text,
                                      reading=reg.text or ""))
        elif el.tag == T + "gap":
            out.append(Suggestion(target, "reading", el.tag, s, e, dict(el.attrib), text))
    return out


def _speaker(quote: etree._Element, known) -> dict[str, str] | None:
    cit = quote.getparent()
    if cit is None or cit.tag != T + "cit" or cit in known:
        return None
    ptr = cit.find(T + "ptr")
    return dict(ptr.attrib) if ptr is not None else None


def suggest(root: etree._Element, ctx, passes=None) -> list[Suggestion]:
    """The elements the passes would add to *root* now, in the order to apply them."""
    from ..pipeline import PASSES
    work = copy.deepcopy(root)
    known = {w: o for o, w in zip(root.iter(), work.iter())}
    unwrap_all([e for e in work.iter(*NAMES) if is_machine(e) and not e.get("ref")])
    for _, run in (PASSES if passes is None else passes):
        run(work, ctx)
    out: list[Suggestion] = []
    order = {}
    for block in blocks(work):
        if block in known:
            order[known[block]] = len(order)
            out.extend(_new_elements(block, known))
    return sorted(out, key=lambda s: (ORDER[s.kind], order[s.block], s.start, -(s.end - s.start)))

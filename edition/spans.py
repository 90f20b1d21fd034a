"""Wrap spans of a block's text in new elements without touching the text.

Every markup pass works the same way: it reads the text of a block (a ``p``,
``head``, ``item`` or block ``quote``) as one string, finds spans in it by
character offsets, and asks :func:`wrap` to put an element around a span.
``wrap`` splits text nodes and moves existing children as needed; the
characters of the document never change. A span that would cross the
boundary of an existing element is refused (``None``), never forced.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

from lxml import etree

from . import T, nfc
from .conventions import HEADING

#: elements whose content is not part of the diplomatic text
NON_DIPLOMATIC = {T + n for n in ("note", "reg", "corr", "expan", "ex", "supplied", "figDesc")}
#: elements that hold running text
BLOCK_TAGS = {T + n for n in ("p", "head", "item", "quote", "l", "ab", "label", "cell", "bibl")}


def blocks(root: etree._Element) -> Iterator[etree._Element]:
    """The outermost text-bearing elements under ``text`` (document order)."""
    for text in root.iter(T + "text"):
        yield from _outer_blocks(text)


def _outer_blocks(el: etree._Element) -> Iterator[etree._Element]:
    for child in el:
        if not isinstance(child.tag, str) or child.tag in NON_DIPLOMATIC:
            continue
        if child.tag in BLOCK_TAGS:
            yield child
        else:
            yield from _outer_blocks(child)


@dataclass
class _Seg:
    node: etree._Element   # owner of the string
    attr: str              # "text" or "tail"
    start: int             # offset of the string in the block text
    value: str
    #: 0 for container.text, i+1 for the tail of container[i], read as the block is walked (the
    #: changes written from right to left never move an element before them; asked of the
    #: container at each use, it walked the children before the node: a long paragraph's
    #: thousands of names made that quadratic)
    slot: int = 0

    @property
    def container(self) -> etree._Element:
        return self.node if self.attr == "text" else self.node.getparent()


def _segments(block: etree._Element) -> list[_Seg]:
    segs: list[_Seg] = []
    _segment_walk(block, segs, 0)
    return segs


# the walks are functions of their own, not closures: a closure that calls itself is a cycle,
# and would keep what it holds (the block's elements, segments, spans) until a collection
def _segment_walk(el: etree._Element, segs: list[_Seg], pos: int) -> int:
    if el.text:
        segs.append(_Seg(el, "text", pos, el.text))
        pos += len(el.text)
    for n, child in enumerate(el, 1):
        if isinstance(child.tag, str) and child.tag not in NON_DIPLOMATIC:
            pos = _segment_walk(child, segs, pos)
        if child.tail:
            segs.append(_Seg(child, "tail", pos, child.tail, n))
            pos += len(child.tail)
    return pos


def _raw_parts(el: etree._Element, parts: list[str]) -> None:
    """The strings of :func:`_segments`, in order, added to *parts* (no segments made)."""
    if el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in NON_DIPLOMATIC:
            _raw_parts(child, parts)
        if child.tail:
            parts.append(child.tail)


def raw_text_of(block: etree._Element) -> str:
    """The diplomatic text of a block exactly as it stands."""
    parts: list[str] = []
    _raw_parts(block, parts)
    return "".join(parts)


def text_of(block: etree._Element) -> str:
    """The text of a block as the passes match on it and :func:`wrap` counts it: its NFC form.

    For a text in NFC (nearly every one) this is the diplomatic text itself; for
    a decomposed one, offsets are mapped back by :mod:`edition.nfc`.
    """
    raw = raw_text_of(block)
    view = nfc.view(raw)
    return view.text if view else raw


def element_spans(block: etree._Element) -> list[tuple[etree._Element, int, int]]:
    """(element, start, end) for every element inside the block, in document order."""
    return text_and_element_spans(block)[1]


def text_and_element_spans(block: etree._Element) -> tuple[str, list[tuple[etree._Element, int, int]]]:
    """:func:`text_of` and :func:`element_spans` of a block, read in one walk."""
    out: list[list] = []
    parts: list[str] = []
    _element_walk(block, out, parts, 0)
    raw = "".join(parts)
    view = nfc.view(raw)
    if view:
        return view.text, [(el, view.nfc(s), view.nfc(e)) for el, s, e in out]
    return raw, [tuple(e) for e in out]  # type: ignore[misc]


def _element_walk(el: etree._Element, out: list[list], parts: list[str], pos: int) -> int:
    if el.text:
        parts.append(el.text)
        pos += len(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in NON_DIPLOMATIC:
            entry = [child, pos, pos]
            out.append(entry)
            pos = entry[2] = _element_walk(child, out, parts, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


class _Segments(list):
    """A block's segments (:func:`segments`) with their offsets and text, read once for the
    several changes written into the block from right to left.

    The strings those changes cut are kept here (:attr:`pending`) and written into the block
    once, by :meth:`flush` (or the end of a ``with`` block): lxml copies a whole string each
    time one is read or set, so cutting a long paragraph at each of its thousand names was
    quadratic."""

    def __init__(self, segs: list[_Seg]) -> None:
        super().__init__(segs)
        self.starts = [s.start for s in segs]
        self.view = nfc.view("".join([s.value for s in segs]))
        #: (element, "text" or "tail") -> the string it is to hold
        self.pending: dict[tuple[etree._Element, str], str] = {}

    def flush(self) -> None:
        """Write the strings cut so far into the block."""
        for (node, attr), value in self.pending.items():
            setattr(node, attr, value or None)
        self.pending.clear()

    def __enter__(self) -> "_Segments":
        return self

    def __exit__(self, *exc) -> None:
        self.flush()


def _owner(container: etree._Element, slot: int, known=None) -> tuple[etree._Element, str]:
    """The element and attribute holding a slot's string (*known*: already found, from a segment:
    ``container[slot - 1]`` walks the children)."""
    if known is not None:
        return known
    return (container, "text") if slot == 0 else (container[slot - 1], "tail")


def _get_slot(container, slot, pending: dict | None = None, known=None) -> str:
    node, attr = _owner(container, slot, known)
    if pending and (node, attr) in pending:
        return pending[node, attr]
    return getattr(node, attr) or ""


def _set_slot(container, slot, value, pending: dict | None = None, known=None) -> None:
    node, attr = _owner(container, slot, known)
    if pending is not None:
        pending[node, attr] = value
    else:
        setattr(node, attr, value or None)


def _slot_len(container: etree._Element, slot: int, pending: dict | None = None, known=None) -> int:
    return len(_get_slot(container, slot, pending, known))


def _insert(container: etree._Element, slot: int, new: etree._Element, known=None) -> None:
    """*new* at *slot* of *container* (after the element whose tail the slot is)."""
    node, attr = _owner(container, slot, known)
    if attr == "text":
        container.insert(0, new)
    else:
        node.addnext(new)           # the same as container.insert(slot, new), without the walk


def _view(segs) -> nfc.View | None:
    return segs.view if isinstance(segs, _Segments) else nfc.view("".join([s.value for s in segs]))


def _seg_at(segs, offset: int, after: bool) -> _Seg | None:
    """The segment that holds the character at *offset* (*after*: the one before it). The
    segments are contiguous and none is empty, so at most one does."""
    starts = segs.starts if isinstance(segs, _Segments) else [s.start for s in segs]
    i = (bisect_left(starts, offset) if after else bisect_right(starts, offset)) - 1
    if i < 0:
        return None
    s = segs[i]
    end = s.start + len(s.value)
    return s if (offset <= end if after else offset < end) else None


def _pending(segs) -> dict | None:
    return segs.pending if isinstance(segs, _Segments) else None


def _start_points(block, segs, start):
    """Where a span starting at *start* may begin: (container, slot, offset, owner of the slot's
    string or None), from the innermost out."""
    s = _seg_at(segs, start, False)
    if s is None:
        return []
    point = (s.container, s.slot, start - s.start, (s.node, s.attr))
    points = [point]
    el, slot, off, _ = point
    while slot == 0 and off == 0 and el is not block:
        parent = el.getparent()
        i = parent.index(el)
        el, slot, off = parent, i, _slot_len(parent, i, _pending(segs))
        points.append((el, slot, off, None))
    return points


def _end_points(block, segs, end):
    """Where a span ending at *end* may end, as :func:`_start_points`."""
    s = _seg_at(segs, end, True)
    if s is None:
        return []
    point = (s.container, s.slot, end - s.start, (s.node, s.attr))
    points = [point]
    el, slot, off, owner = point
    # the string's length first: len(el) walks the children, and an end inside a string ends here
    while off == _slot_len(el, slot, _pending(segs), owner) and slot == len(el) and el is not block:
        parent = el.getparent()
        el, slot, off, owner = parent, parent.index(el) + 1, 0, (el, "tail")
        points.append((el, slot, off, owner))
    return points


def segments(block: etree._Element) -> list[_Seg]:
    """The text segments of a block, for several calls of :func:`wrap` or :func:`insert` that go
    from right to left: a change at an offset leaves the segments before it as they were."""
    return _Segments(_segments(block))


def wrap(block: etree._Element, start: int, end: int, tag: str,
         attrib: dict[str, str] | None = None, segs: list[_Seg] | None = None) -> etree._Element | None:
    """Wrap text[start:end] of *block* in a new element; None if the span crosses markup.

    Where several nestings are possible (the span equals an existing element),
    the new element goes innermost. *segs* (from :func:`segments`) saves walking the
    block again when the spans of one block are wrapped from right to left.
    """
    if not 0 <= start < end:
        return None
    segs = _segments(block) if segs is None else segs
    view = _view(segs)
    if view:
        if end >= len(view.to_raw):
            return None
        start, end = view.raw(start), view.raw(end)
    starts = _start_points(block, segs, start)
    ends = _end_points(block, segs, end)
    depth = {}
    choice = None
    for sc, si, sk, so in starts:
        for ec, ej, ek, eo in ends:
            if sc is not ec or (si, sk) > (ej, ek):
                continue
            d = depth.setdefault(id(sc), sum(1 for _ in sc.iterancestors()))
            if choice is None or d > choice[0]:
                choice = (d, sc, si, sk, so, ej, ek, eo)
    if choice is None:
        return None
    _, container, i, k, owner_i, j, m, owner_j = choice
    pending = _pending(segs)
    new = etree.Element(tag, attrib or {})
    first = _get_slot(container, i, pending, owner_i)
    if i == j:
        before, inside, after = first[:k], first[k:m], first[m:]
        new.text = inside or None
        _set_slot(container, i, before, pending, owner_i)
        _insert(container, i, new, owner_i)
        new.tail = after or None
        return new
    last = _get_slot(container, j, pending, owner_j)
    before, inside_first = first[:k], first[k:]
    inside_last, after = last[:m], last[m:]
    moved = list(container)[i:j]
    _set_slot(container, j, inside_last, pending, owner_j)        # the tail of moved[-1]
    _set_slot(container, i, before, pending, owner_i)
    new.text = inside_first or None
    for child in moved:
        new.append(child)
    container.insert(i, new)
    new.tail = after or None
    return new


def insert(block: etree._Element, pos: int, new: etree._Element, segs: list[_Seg] | None = None) -> bool:
    """Put *new* (an element with no diplomatic text) at offset *pos* of the block's text:
    right after the character before it (at the start, before the first). False if *pos*
    is outside the text. *segs*: as for :func:`wrap`."""
    segs = _segments(block) if segs is None else segs
    view = _view(segs)
    if view:
        if pos > len(view.to_raw) - 1:
            return False
        pos = view.raw(pos)
    seg = _seg_at(segs, pos, True)
    if seg is None:
        seg = segs[0] if segs and pos == 0 else None
    if seg is None:
        return False
    container, slot, cut, owner = seg.container, seg.slot, pos - seg.start, (seg.node, seg.attr)
    pending = _pending(segs)
    value = _get_slot(container, slot, pending, owner)
    _set_slot(container, slot, value[:cut], pending, owner)
    _insert(container, slot, new, owner)
    new.tail = value[cut:] or None
    return True


def diplomatic_text(root: etree._Element) -> str:
    """The diplomatic text of every ``text`` element: all text but that of non-diplomatic elements."""
    return "".join(raw_text_of(text) for text in root.iter(T + "text"))


def same_text(source: str, diplomatic: str) -> bool:
    """True if *diplomatic* is *source* apart from whitespace and the '=' of wiki headings."""
    squeeze = lambda s: "".join(s.split())
    return squeeze(diplomatic) == squeeze(_strip_heading_marks(source))


def _strip_heading_marks(source: str) -> str:
    return "\n".join(m.group(2) if (m := HEADING.match(line)) else line for line in source.split("\n"))

"""The plain text of a TEI document in one of its two views, one block a line.

* ``diplomatic``: the source's text exactly: every ``orig``, no ``reg``, no gap,
  a page break as the form feed it was (the lines equal the source's lines, apart
  from blank lines and the ``==`` of wiki headings);
* ``reading``: ``reg`` instead of its ``orig``, a gap as "[…]".

Blocks are those of :func:`edition.spans.blocks` (paragraphs, headings, list items,
block quotations), in document order; notes are left out of both views.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .. import T
from ..spans import NON_DIPLOMATIC, blocks

VIEWS = ("reading", "diplomatic")
#: what the reading view shows for text the source lost
GAP_MARK = "[\u2026]"
REG, ORIG, GAP, PB = T + "reg", T + "orig", T + "gap", T + "pb"


def _has_reg(orig: etree._Element) -> bool:
    parent = orig.getparent()
    return parent is not None and parent.find(REG) is not None


def _parts(el: etree._Element, view: str) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str):
            yield from _child(child, view)
        if child.tail:
            yield child.tail


def _child(child: etree._Element, view: str) -> Iterator[str]:
    if child.tag == REG:
        if view == "reading":
            yield "".join(_parts(child, view))
    elif child.tag == ORIG and view == "reading" and _has_reg(child):
        return
    elif child.tag == GAP:
        if view == "reading":
            yield GAP_MARK
    elif child.tag == PB:
        if view == "diplomatic":
            yield "\f"
    elif child.tag not in NON_DIPLOMATIC:
        yield from _parts(child, view)


def block_text(block: etree._Element, view: str = "reading") -> str:
    """The text of one block in *view*."""
    return "".join(_parts(block, view))


def lines(root: etree._Element, view: str = "reading") -> Iterator[str]:
    """The blocks of the document in *view*, one string each."""
    if view not in VIEWS:
        raise ValueError(f"no view {view!r}: one of {', '.join(VIEWS)}")
    for block in blocks(root):
        yield block_text(block, view)

"""The changes of the reading text as TEI, around the diplomatic text they leave as it is.

* a replacement: ``<choice><orig>ramn mercader</orig><reg type="letters" resp="#edition-reading"
  cert="high">Ramón Mercader</reg></choice>``, inside the innermost element that holds the span
  (so inside the ``persName``);
* an insertion (a space or a dash the source lost): ``<choice><orig/><reg type="space"> </reg></choice>``;
* text lost with its characters: ``<gap reason="lost" resp="#edition-reading" cert="medium"/>``.

``reg/@type`` says what changed: ``case`` (capitals only), ``letters`` (letters the source
lost, restored), ``dash``, ``space``. A span that would cross existing markup is left out.
"""

from __future__ import annotations

from lxml import etree

from .. import T
from ..resp import resp
from ..selection import Span
from ..spans import insert, segments, wrap

RESP = resp("reading")
#: gap/@reason of text the source lost with its characters
LOST = "lost"


def _reg(span: Span) -> etree._Element:
    reg = etree.Element(T + "reg", {"type": span.kind, "resp": RESP, "cert": span.cert})
    reg.text = span.reading
    return reg


def encode_all(block: etree._Element, changes: list[Span]) -> list[Span]:
    """Write the changes of one block (non-overlapping) into it; those written."""
    with segments(block) as segs:       # the strings cut are written into the block at the end
        done = [span for span in sorted(changes, key=lambda s: (s.start, s.end), reverse=True)
                if encode(block, span, segs)]
    return done[::-1]


def encode(block: etree._Element, span: Span, segs=None) -> bool:
    """Write one change into *block*; False where it cannot be written without crossing markup.
    *segs*: the block's segments, when the changes are written from right to left."""
    return encoded(block, span, segs) is not None


def encoded(block: etree._Element, span: Span, segs=None) -> etree._Element | None:
    """:func:`encode`, the element it wrote (a ``choice`` or a ``gap``), or None."""
    if span.kind == "gap":
        gap = etree.Element(T + "gap", {"reason": LOST, "resp": RESP, "cert": span.cert})
        return gap if insert(block, span.start, gap, segs) else None
    if span.start == span.end:
        choice = etree.Element(T + "choice")
        etree.SubElement(choice, T + "orig")
        choice.append(_reg(span))
        return choice if insert(block, span.start, choice, segs) else None
    choice = wrap(block, span.start, span.end, T + "choice", segs=segs)
    if choice is None:
        return None
    orig = etree.Element(T + "orig")
    orig.text, choice.text = choice.text, None
    for child in list(choice):
        orig.append(child)
    choice.append(orig)
    choice.append(_reg(span))
    return choice

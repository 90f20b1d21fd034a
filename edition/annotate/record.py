"""What the machine has suggested in a document, and what its editors rejected.

A person may delete a machine's tag by hand; the text stays and leaves no trace. So
that ``edition annotate`` never puts such a tag back, the document keeps a record of
every suggestion the machine ever made in it: a fingerprint of each (its element, its
words and the words around it, see :func:`fingerprint`). A suggestion whose
fingerprint is in the record is never made again; one that is no longer in the text
was removed by hand and counts as rejected. Suggestions rejected in ``edition review``
are listed in full (element, words, context, who, when).

The record is TEI's place for the data of an application, ``teiHeader/xenoData``
(``@type="edition-markup"``), holding a JSON object::

    {"format": "edition-markup", "version": 1,
     "suggested": ["3fa9c21b 0c1d...", ...],            # fingerprints, a dozen a line
     "rejected": [{"element": "placeName", "text": "jordan", "before": "...", "after": "...",
                   "fingerprint": "3fa9c21b", "by": "#ed-project", "when": "2026-12-02"}]}
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from lxml import etree

from .. import T
from ..resp import MACHINE_RESP
from ..spans import blocks, text_and_element_spans

XENO_TYPE = "edition-markup"
FORMAT_VERSION = 1
#: characters of context either side of a suggestion in its fingerprint
CONTEXT = 20
PER_LINE = 12
MACHINE = {"#" + rid for rid, _ in MACHINE_RESP}
#: the elements of each kind of markup: a suggestion is not made where its kind is
KIND_OF_TAG = {T + "persName": "name", T + "placeName": "name", T + "orgName": "name", T + "name": "name",
               T + "date": "date", T + "quote": "quote", T + "choice": "reading", T + "orig": "reading",
               T + "reg": "reading", T + "gap": "reading", T + "cit": "quote", T + "ptr": "quote"}


def is_machine(el: etree._Element) -> bool:
    return el.get("resp") in MACHINE


def context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    return " ".join(text[max(0, start - width):start].split()), " ".join(text[end:end + width].split())


_LOCAL_NAMES: dict[str, str] = {}


def fingerprint(tag: str, text: str, start: int, end: int) -> str:
    """8 hex digits for a suggestion of element *tag* over text[start:end] of a block."""
    before, after = context(text, start, end)
    local = _LOCAL_NAMES.get(tag)
    if local is None:
        local = _LOCAL_NAMES.setdefault(tag, etree.QName(tag).localname)
    key = "\x1f".join((local, " ".join(text[start:end].split()).lower(), before.lower(), after.lower()))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def marked_element(el: etree._Element) -> etree._Element:
    """The element whose span a piece of markup covers: a reg's choice (its orig's text)."""
    if el.tag == T + "reg" and el.getparent() is not None and el.getparent().tag == T + "choice":
        return el.getparent()
    return el


@dataclass
class Markup:
    """One piece of machine markup: the element with @resp, its block, and the words it marks."""
    element: etree._Element
    block: etree._Element
    text: str                 # the block's text
    start: int
    end: int
    fingerprint: str


def machine_markup(root: etree._Element) -> list[Markup]:
    """Every piece of machine markup in the text of *root*, in document order."""
    out: list[Markup] = []
    for block in blocks(root):
        text, spans = text_and_element_spans(block)
        where = {el: (s, e) for el, s, e in spans}
        for el in block.iter(etree.Element):
            if el.get("resp") not in MACHINE:
                continue
            span_el = marked_element(el)
            if el is block:
                s, e = 0, len(text)
            elif span_el in where:
                s, e = where[span_el]
            else:
                continue
            tag = span_el.tag if span_el.tag != T + "choice" else T + "reg"
            out.append(Markup(el, block, text, s, e, fingerprint(tag, text, s, e)))
        out.extend(_speakers_of_block(block, text))
    return out


def _speakers_of_block(block: etree._Element, text: str) -> list[Markup]:
    """The machine's speaker pointer of a block quotation (beside it in its cit, outside every block)."""
    cit = block.getparent()
    if cit is None or cit.tag != T + "cit":
        return []
    return [Markup(p, block, text, 0, len(text), fingerprint(p.tag, text, 0, len(text)))
            for p in cit.findall(T + "ptr") if is_machine(p)]


def machine_fingerprints(root: etree._Element) -> dict[etree._Element, str]:
    """The fingerprint of every piece of machine markup in the text (the reviewable element ->)."""
    return {m.element: m.fingerprint for m in machine_markup(root)}


@dataclass
class Record:
    suggested: set[str] = field(default_factory=set)
    rejected: list[dict] = field(default_factory=list)
    found: bool = False                     # the document had a record

    @property
    def refused(self) -> set[str]:
        return self.suggested | {r["fingerprint"] for r in self.rejected if r.get("fingerprint")}

    def reject(self, entry: dict) -> None:
        if not any(r.get("fingerprint") == entry["fingerprint"] for r in self.rejected):
            self.rejected.append(entry)


def _xeno(root: etree._Element) -> etree._Element | None:
    header = root.find(T + "teiHeader")
    if header is None:
        return None
    return next((x for x in header.findall(T + "xenoData") if x.get("type") == XENO_TYPE), None)


def read(root: etree._Element) -> Record:
    """The document's record (an empty one, ``found`` False, if it has none or cannot be read)."""
    xeno = _xeno(root)
    if xeno is None or not (xeno.text or "").strip():
        return Record()
    try:
        data = json.loads(xeno.text)
        suggested = {fp for line in data.get("suggested", []) for fp in str(line).split()}
        rejected = [r for r in data.get("rejected", []) if isinstance(r, dict)]
    except (ValueError, AttributeError, TypeError):
        return Record()
    return Record(suggested, rejected, True)


def _payload(record: Record) -> str:
    fps = sorted(record.suggested)
    lines = [" ".join(fps[i:i + PER_LINE]) for i in range(0, len(fps), PER_LINE)]
    data = {"format": XENO_TYPE, "version": FORMAT_VERSION,
            "about": "the machine's markup suggestions in this document (fingerprints: element, words, "
                     "context) and those its editors rejected; edition annotate never makes them again",
            "suggested": lines, "rejected": record.rejected}
    return "\n" + json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(root: etree._Element, record: Record) -> bool:
    """Put *record* into the header (before revisionDesc); False if it was there already as it is."""
    header = root.find(T + "teiHeader")
    if header is None:
        return False
    payload = _payload(record)
    xeno = _xeno(root)
    if xeno is not None:
        if xeno.text == payload:
            return False
        xeno.text = payload
        return True
    xeno = etree.Element(T + "xenoData", {"type": XENO_TYPE})
    xeno.text = payload
    rev = header.find(T + "revisionDesc")
    anchor = rev.getprevious() if rev is not None else (header[-1] if len(header) else None)
    if anchor is None:
        header.insert(0, xeno)
        return True
    xeno.tail = anchor.tail
    anchor.addnext(xeno)
    return True


def remember(root: etree._Element) -> None:
    """Record every machine suggestion of *root* (the converter calls this after its passes)."""
    record = read(root)
    record.suggested |= set(machine_fingerprints(root).values())
    write(root, record)

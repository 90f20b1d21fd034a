"""The reader: plain text -> TEI document structure (div/head/p/list/quote).

The source is taken line by line; a non-blank line is a block. Wiki headings
(``== x ==``, ``=== x ===``, ``==== x ====``) open nested ``div``s; the lines of
list-like sections ("see also", "external links", ...) become ``list/item``;
a line ending in a colon may introduce a short list (several short lines in
a row, or as many lines as the colon line announces: "in three areas:"). Which
paragraphs are block quotations (after "... wrote:", or in the first person) is
decided by the quotes pass (:mod:`edition.passes.quotes`), not here. The text of every
block is kept exactly as it stands in the source, apart from the whitespace
around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from . import T, XML_ID
from .plaintext import FORM_FEED, split_lines
from .conventions import DEFAULT_LIST_SECTIONS, HEADING
from .quotes.voice import colon_line

#: a colon-introduced run of at least this many lines, each at most LIST_ITEM_MAX long, is a list
LIST_MIN_ITEMS = 2
LIST_ITEM_MAX = 160


@dataclass
class ReaderOptions:
    list_sections: tuple[str, ...] = DEFAULT_LIST_SECTIONS
    id_prefix: str = "sec-"


@dataclass
class _Line:
    number: int
    text: str
    #: offsets in *text* of the page breaks (form feeds) that stood there
    breaks: tuple[int, ...] = ()


@dataclass
class _Section:
    level: int
    element: etree._Element
    kids: list = field(default_factory=list)


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "section"


def _lines(text: str) -> list[_Line]:
    """The lines of the text, stripped; a form feed becomes a page break of the next block.

    Line ends are LF, CRLF or CR (see :mod:`edition.plaintext`). A form feed
    inside a line is a page break at that point of its block; one before the
    text of a line, or on a line of its own, goes to the start of the next
    block; one after the last block, to its end.
    """
    lines: list[_Line] = []
    pending = 0                       # page breaks waiting for the next block
    for number, raw in enumerate(split_lines(text), 1):
        stripped = raw.strip()
        if not stripped.replace(FORM_FEED, "").strip():
            pending += raw.count(FORM_FEED)
            lines.append(_Line(number, ""))
            continue
        lead = raw[:len(raw) - len(raw.lstrip())].count(FORM_FEED)
        trail = raw[len(raw.rstrip()):].count(FORM_FEED)
        breaks = [0] * (pending + lead)
        pieces = stripped.split(FORM_FEED)
        kept = pieces[0]
        for piece in pieces[1:]:
            breaks.append(len(kept))
            kept += piece
        lines.append(_Line(number, kept, tuple(breaks)))
        pending = trail
    if pending:
        last = next((ln for ln in reversed(lines) if ln.text), None)
        if last is not None:
            last.breaks += (len(last.text),) * pending
    return lines


def _fill(el: etree._Element, line: _Line, start: int = 0, end: int | None = None) -> None:
    """Set the text of *el* to line.text[start:end], with a ``pb`` at each page break."""
    end = len(line.text) if end is None else end
    text = line.text[start:end]
    offsets = [min(max(b - start, 0), len(text)) for b in line.breaks]
    el.text = text[:offsets[0]] if offsets else text
    for i, at in enumerate(offsets):
        pb = etree.SubElement(el, T + "pb")
        following = offsets[i + 1] if i + 1 < len(offsets) else len(text)
        pb.tail = text[at:following] or None


def _is_list_section(head: str, options: ReaderOptions) -> bool:
    return head.strip().lower() in options.list_sections


def _colon_run(lines: list[_Line], i: int) -> tuple[str, int, str]:
    """After a colon line at i-1: ('list', n, '') for n list lines, anything else for no list.

    Only lists are made here; a quotation after a colon line is made by the quotes pass.

    The decision (speech cues, announced counts, runs of short lines) is made by
    :func:`edition.quotes.voice.colon_line`.
    """
    j = i
    while j < len(lines) and not lines[j].text:
        j += 1
    following = []
    while j < len(lines) and lines[j].text and not HEADING.match(lines[j].text):
        following.append(lines[j].text)
        j += 1
    return colon_line(lines[i - 1].text, following, LIST_ITEM_MAX, LIST_MIN_ITEMS)


def read(text: str, options: ReaderOptions | None = None) -> etree._Element:
    """Build ``<text><body>…</body></text>`` from a plain text."""
    options = options or ReaderOptions()
    text_el = etree.Element(T + "text")
    body = etree.SubElement(text_el, T + "body")
    stack = [_Section(0, body)]
    ids: set[str] = set()
    in_list_section = False
    current_list = None
    lines = _lines(text)
    pending: tuple[str, int, str] = ("", 0, "")  # what the previous colon line announced

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text:
            if not in_list_section:
                current_list = None
            i += 1
            continue
        m = HEADING.match(line.text)
        if m:
            level = len(m.group(1)) - 1
            while stack[-1].level >= level:
                stack.pop()
            div = etree.SubElement(stack[-1].element, T + "div")
            div.set("type", "section" if level == 1 else "subsection")
            div.set(XML_ID, _unique(options.id_prefix + slug(m.group(2)), ids))
            head = etree.SubElement(div, T + "head")
            _fill(head, line, m.start(2), m.end(2))
            stack.append(_Section(level, div))
            in_list_section = _is_list_section(m.group(2), options)
            current_list = None
            pending = ("", 0, "")
            i += 1
            continue
        parent = stack[-1].element
        kind, count, _ = pending
        if in_list_section or kind == "list":
            if current_list is None:
                current_list = etree.SubElement(parent, T + "list")
            item = etree.SubElement(current_list, T + "item")
            _fill(item, line)
            if kind == "list":
                pending = ("list", count - 1, "") if count > 1 else ("", 0, "")
                if count <= 1:
                    current_list = None
            i += 1
            continue
        current_list = None
        block = etree.SubElement(parent, T + "p")
        _fill(block, line)
        pending = _colon_run(lines, i + 1) if line.text.endswith(":") else ("", 0, "")
        i += 1
    _indent(text_el, 1)
    return text_el


def _unique(candidate: str, ids: set[str]) -> str:
    n, value = 1, candidate
    while value in ids:
        n += 1
        value = f"{candidate}-{n}"
    ids.add(value)
    return value


STRUCTURAL = {T + n for n in ("text", "body", "div", "list", "front", "back")}


def _indent(el: etree._Element, level: int) -> None:
    """Pretty-print structural elements only: the text inside blocks is never touched."""
    if el.tag not in STRUCTURAL or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level

"""Line and column of every element (and attribute) in the source file.

lxml knows the line of an element but not its column. The start tags of a
well-formed document appear in the text in the same order as the elements in
document order, so one scan over the text, skipping comments, CDATA sections,
processing instructions and the DOCTYPE, pairs every element with the
position of its ``<``.
"""

from __future__ import annotations

import re

from lxml import etree

#: (opening, closing) of the markup that is not a start tag, in the order they are tried
_SKIPPED = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("</", ">"))
_NAME = re.compile(r"[^\s/>]+")


def _doctype_end(text: str, at: int) -> int:
    """The index after the DOCTYPE starting at *at* (an internal subset in [...] included)."""
    bracket = text.find("[", at)
    close = text.find(">", at)
    if bracket != -1 and bracket < close:
        end = text.find("]", bracket)
        close = text.find(">", end if end != -1 else bracket)
    return close + 1 if close != -1 else len(text)


def _start_tags(text: str):
    """Yield the offset of each start tag's ``<`` in document order."""
    at = text.find("<")
    while at != -1:
        for opening, closing in _SKIPPED:
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                at = len(text) if end == -1 else end + len(closing)
                break
        else:
            if text.startswith("<!", at):
                at = _doctype_end(text, at)
            else:
                yield at
                at += 1
        at = text.find("<", at)


class Positions:
    """Maps elements of one parsed tree to (line, column) in its source text."""

    def __init__(self, tree: etree._ElementTree, source: bytes | str | None):
        self._offsets: dict[etree._Element, int] = {}
        self._text = ""
        self._line_starts: list[int] = [0]
        if source is None:
            return
        text = source.decode("utf-8", errors="replace") if isinstance(source, bytes) else source
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        # pair each element read from this text with its start tag: same name, and the line
        # libxml2 gives it (where the start tag ends). Elements added after parsing (no
        # line, or a line of another file) find no tag and are skipped, and so are the tags
        # of elements removed since; the lines of tags only grow, which bounds the search.
        tags = []
        for offset in _start_tags(text):
            name = _NAME.match(text, offset + 1)
            tags.append((offset, name.group().rpartition(":")[2] if name else "",
                         self._line_col(max(text.find(">", offset), 0))[0]))
        i = 0
        for el in tree.getroot().iter(etree.Element):
            line = el.sourceline
            if line is None:
                continue
            local = etree.QName(el).localname
            j = i
            while j < len(tags) and tags[j][2] <= line:
                if tags[j][2] == line and tags[j][1] == local:
                    self._offsets[el] = tags[j][0]
                    i = j + 1
                    break
                j += 1

    def _line_col(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self._line_starts[lo] + 1

    def of(self, el: etree._Element | None, attribute: str | None = None) -> tuple[int | None, int | None]:
        """(line, column) of *el*'s start tag, or of its *attribute* (local name) when given."""
        if el is None:
            return None, None
        offset = self._offsets.get(el)
        if offset is None:
            return el.sourceline, None
        if attribute:
            end = self._text.find(">", offset)
            tag = self._text[offset:end if end != -1 else len(self._text)]
            m = re.search(r"\s((?:[\w.\-]+:)?%s)\s*=" % re.escape(attribute), tag)
            if m:
                offset += m.start(1)
        return self._line_col(offset)


def xpath_of(el: etree._Element, places: dict | None = None) -> str:
    """A readable XPath: local names, with a position where a name repeats among siblings.
    *places*: (parent, tag) -> {child: its position among the parent's children of that tag},
    kept for all the paths of one check (a name among 5,000 in one long block: its siblings are
    listed once, not once a diagnostic)."""
    places = {} if places is None else places
    steps = []
    while el is not None:
        name = etree.QName(el).localname
        parent = el.getparent()
        if parent is None:
            steps.append(name)
            break
        key = (parent, el.tag)
        if key not in places:
            places[key] = {child: n for n, child in enumerate(parent.iterchildren(el.tag), 1)}
        same = places[key]
        steps.append(f"{name}[{same[el]}]" if len(same) > 1 else name)
        el = parent
    return "/" + "/".join(reversed(steps))

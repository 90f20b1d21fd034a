"""Where FOP laid out each mention, and the index's page lists made of it.

FOP's worker lays the book out once: :func:`split_after` cuts the FO after the text's page
sequence, FOP lays out the part before the cut, and :func:`index_rest` writes the rest with its
page lists filled from where the text's names are (:mod:`edition.fopworker`). With the ``fop``
command there are two passes: :func:`text_only` is the FO pass 1 lays out (the text's page
sequence alone), whose area tree :func:`page_numbers` reads. Either way :func:`fill_index` turns
each page list of the index into its merged pages (:func:`page_runs`), every page a link to the
first mention on it. See :mod:`edition.pdf`.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

FO_NS = "http://www.w3.org/1999/XSL/Format"
FO = "{%s}" % FO_NS
NS = {"fo": FO_NS}
#: the text's page sequence (the cut, or what pass 1 lays out), and the prefix of the index's page lists (xslt/fo.xsl)
TEXT_SEQUENCE = "seq-text"
PAGE_LIST = "pages-"
EN_DASH = "\u2013"


def page_numbers(area_tree: Path, wanted: set[str]) -> dict[str, tuple[int, str]]:
    """id -> (page number, page label) of the first page where FOP's area tree places it."""
    found: dict[str, tuple[int, str]] = {}
    page = (0, "")
    for event, el in etree.iterparse(str(area_tree), events=("start", "end"), huge_tree=True,
                                     resolve_entities=False, no_network=True):
        local = etree.QName(el).localname
        if event == "start":
            if local == "pageViewport":
                page = (int(el.get("nr") or 0), el.get("formatted-nr") or el.get("nr") or "")
            else:
                pid = el.get("prod-id")
                if pid in wanted and pid not in found:
                    found[pid] = page
        elif local == "pageViewport":
            el.clear()
    return found


def text_only(root: etree._Element) -> etree._Element:
    """A copy of the FO with only the text's page sequence (pass 1 lays out nothing else)."""
    copy = etree.fromstring(etree.tostring(root))
    for el in copy:
        if el.tag == f"{FO}bookmark-tree" or (el.tag == f"{FO}page-sequence" and el.get("id") != TEXT_SEQUENCE):
            copy.remove(el)
    return copy


def split_after(fo: bytes, sequence: str = TEXT_SEQUENCE) -> tuple[bytes, etree._Element, bytes] | None:
    """*fo* cut after its page sequence *sequence*: the document up to the cut (not closed: the
    root's end tag taken off), the root's children after it (moved into an element of their own)
    and the root's end tag; None when there is no such page sequence, or page lists before it."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    root = etree.fromstring(fo, parser)
    children = list(root)
    cut = next((n for n, el in enumerate(children)
                if el.tag == f"{FO}page-sequence" and el.get("id") == sequence), None)
    if cut is None:
        return None
    rest = etree.Element(root.tag, nsmap=root.nsmap)
    for el in children[cut + 1:]:
        rest.append(el)                      # moved: the part before the cut stays in root
    if page_lists(root):
        return None
    head = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    end = head.rindex(b"</")
    # a comment after the cut: the parser reads past the sequence's end tag (which makes FOP lay
    # the sequence out) before it asks for the rest
    return head[:end] + b"<!-- -->", rest, head[end:]


def wanted_ids(rest: etree._Element) -> list[str]:
    """The ids the page lists under *rest* cite, each once, sorted."""
    return sorted({c.get("ref-id") for el in page_lists(rest) for c in el.iter(f"{FO}page-number-citation")})


def index_rest(rest: etree._Element, pages: dict[str, tuple[int, str]], end: bytes) -> bytes:
    """The part of an FO after the cut (:func:`split_after`), its page lists filled from *pages*,
    and the root's end tag."""
    fill_index(rest, pages)
    return b"".join(etree.tostring(el, encoding="UTF-8") for el in rest) + end


def page_runs(numbers: list[tuple[int, str, str]]) -> list[tuple[str, str, str]]:
    """(number, label, ref) in text order -> (first label, last label, ref of the first mention)
    for each run of consecutive pages: [(3,…), (5,…), (12,…), (13,…), (14,…)] -> 3, 5, 12–14."""
    first_ref: dict[int, tuple[str, str]] = {}
    for number, label, ref in numbers:
        first_ref.setdefault(number, (label, ref))
    runs: list[list[int]] = []
    for number in sorted(first_ref):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return [(first_ref[r[0]][0], first_ref[r[-1]][0], first_ref[r[0]][1]) for r in runs]


def page_lists(root: etree._Element) -> list[etree._Element]:
    """The index's page lists still to fill (an FO rendered before has its pages written)."""
    return root.xpath(f"//fo:inline[starts-with(@id, '{PAGE_LIST}')][.//fo:page-number-citation]",
                      namespaces=NS)


def fill_index(root: etree._Element, pages: dict[str, tuple[int, str]]) -> int:
    """Replace each page list by its merged pages; the number of mentions without a page."""
    unplaced = 0
    for inline in page_lists(root):
        refs = [c.get("ref-id") for c in inline.iter(f"{FO}page-number-citation")]
        placed = [(*pages[r], r) for r in refs if r in pages]
        unplaced += len(refs) - len(placed)
        for el in list(inline):
            inline.remove(el)
        inline.text = None
        previous = None
        for first, last, ref in page_runs(placed):
            link = etree.SubElement(inline, f"{FO}basic-link", {"internal-destination": ref})
            link.text = first if first == last else f"{first}{EN_DASH}{last}"
            if previous is not None:
                previous.tail = ", "
            previous = link
    return unplaced

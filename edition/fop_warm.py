"""Documents that warm FOP up: small books of invented words, laid out while the build converts.

A JVM that has just started interprets FOP's code; the first real document then pays for
compiling it (the bundled edition's book, laid out once, takes ~2.8 s in a fresh worker, its
JVM's start included, ~1 s in a warm one; with the two passes of before, ~3.2 and ~1.6 s).
:func:`documents` makes a few small FO documents with the constructs ``xslt/fo.xsl`` uses — page
masters for odd and even pages, running heads from markers, a contents list with
leaders and page citations, headings kept with their paragraphs, paragraphs of hyphenated
text in the PDF's families with bold and italic inlines, links to ids, an index of page
lists, bookmarks — so that laying them out compiles the code the real document needs. The
text is made of invented syllables: the same bytes on every machine, no one's text.

The FOP worker lays them out one after another until a real job arrives
(:mod:`edition.fopworker`), so a small build never waits for more than one of them.
"""

from __future__ import annotations

from lxml import etree

FO_NS = "http://www.w3.org/1999/XSL/Format"
FO = "{%s}" % FO_NS
#: how many documents, and the sections and paragraphs of each: three pages or so (a real job
#: waits for the one in progress); the first, of one section and one paragraph, loads FOP's
#: classes (laid out at once, see pdf.warm_up)
DOCUMENTS = 8
SECTIONS = 2
PARAGRAPHS = 3
WORDS = 70
_SYLLABLES = ("ka", "lo", "mer", "tan", "si", "vo", "rel", "din", "ga", "su", "pra", "nel",
              "tor", "be", "mi", "quan", "do", "ris", "fen", "ul")


def _words(seed: int, count: int) -> list[str]:
    """*count* invented words (a linear congruential sequence over the syllables)."""
    state, out = seed * 7919 + 13, []
    for _ in range(count):
        state = (state * 1103515245 + 12345) % 2 ** 31
        length = 1 + state % 4
        word = "".join(_SYLLABLES[(state >> (4 * k)) % len(_SYLLABLES)] for k in range(length))
        out.append(word)
    return out


def _el(parent, name: str, text: str | None = None, **attrs) -> etree._Element:
    el = etree.SubElement(parent, FO + name, {k.replace("_", "-"): v for k, v in attrs.items()})
    el.text = text
    return el


def _masters(root: etree._Element) -> None:
    masters = _el(root, "layout-master-set")
    for side in ("odd", "even"):
        page = _el(masters, "simple-page-master", master_name=f"page-{side}", page_width="148mm",
                   page_height="210mm", margin_top="12mm", margin_bottom="12mm",
                   margin_left="18mm" if side == "odd" else "14mm",
                   margin_right="14mm" if side == "odd" else "18mm")
        _el(page, "region-body", margin_top="10mm", margin_bottom="10mm")
        _el(page, "region-before", extent="8mm", region_name="head")
        _el(page, "region-after", extent="8mm", region_name="foot")
    sequence = _el(masters, "page-sequence-master", master_name="pages")
    alternatives = _el(sequence, "repeatable-page-master-alternatives")
    for side in ("odd", "even"):
        _el(alternatives, "conditional-page-master-reference", master_reference=f"page-{side}",
            odd_or_even=side)


def _sequence(root: etree._Element, ident: str, families: str) -> etree._Element:
    seq = _el(root, "page-sequence", master_reference="pages", id=ident)
    head = _el(seq, "static-content", flow_name="head")
    _el(_el(head, "block", font_family=families, font_size="8pt", text_align="center"),
        "retrieve-marker", retrieve_class_name="section")
    foot = _el(_el(seq, "static-content", flow_name="foot"), "block", text_align="center",
               font_size="8pt", font_family=families)
    _el(foot, "page-number")
    return _el(seq, "flow", flow_name="xsl-region-body", font_family=families, font_size="10pt",
               line_height="1.35")


def _paragraph(flow, words: list[str], doc: int, section: int, number: int) -> None:
    block = _el(flow, "block", text_indent="1.2em", text_align="justify", hyphenate="true",
                space_after="2pt", role="P")
    block.text = " ".join(words[:20]) + " "
    bold = _el(block, "inline", " ".join(words[20:23]), font_weight="bold")
    bold.tail = " " + " ".join(words[23:40]) + " "
    link = _el(block, "basic-link", " ".join(words[40:42]),
               internal_destination=f"w{doc}-s{section}-n0", border_after_style="dotted",
               border_after_width="0.4pt", padding_after="0.5pt")
    link.tail = " "
    mention = _el(block, "inline", words[42], id=f"w{doc}-s{section}-n{number}", font_style="italic")
    mention.tail = " " + " ".join(words[43:]) + "."


def text_sequence(doc: int) -> str:
    """The id of the text's page sequence of warm-up book *doc* (the worker lays the book out once,
    its index filled after that sequence, as for a real book: edition.pdf.warm_up)."""
    return f"text-{doc}"


def document(doc: int, families: str, sections: int = SECTIONS, paragraphs: int = PARAGRAPHS) -> etree._Element:
    """One warm-up book: contents, the text, an index."""
    root = etree.Element(FO + "root", nsmap={"fo": FO_NS})
    _masters(root)
    tree = _el(root, "bookmark-tree")
    front = _sequence(root, f"front-{doc}", families)
    text = _sequence(root, text_sequence(doc), families)
    index = _sequence(root, f"index-{doc}", families)
    contents = _el(front, "list-block", provisional_distance_between_starts="2em")
    for section in range(sections):
        words = _words(doc * 100 + section, WORDS * paragraphs + 4)
        title, ident = " ".join(words[:3]), f"w{doc}-s{section}"
        item = _el(contents, "list-item")
        _el(_el(item, "list-item-label", end_indent="label-end()"), "block", str(section + 1))
        line = _el(_el(item, "list-item-body", start_indent="body-start()"), "block",
                   text_align_last="justify")
        _el(line, "basic-link", title, internal_destination=ident)
        _el(line, "leader", leader_pattern="dots")
        _el(line, "page-number-citation", ref_id=ident)
        _el(_el(tree, "bookmark", internal_destination=ident), "bookmark-title", title)
        heading = _el(text, "block", font_size="13pt", font_weight="bold", space_before="8pt",
                      id=ident, role="H2", **{"keep-with-next.within-page": "always"})
        _el(heading, "marker", title, marker_class_name="section").tail = title
        for number in range(1, paragraphs + 1):
            _paragraph(text, words[4 + WORDS * (number - 1):4 + WORDS * number], doc, section, number)
        entry = _el(index, "block", words[3] + ", ", start_indent="1em", text_indent="-1em")
        pages = _el(entry, "inline", id=f"pages-w{doc}-{section}")
        for number in range(1, paragraphs + 1):
            link = _el(pages, "basic-link", internal_destination=f"w{doc}-s{section}-n{number}")
            _el(link, "page-number-citation", ref_id=f"w{doc}-s{section}-n{number}")
            link.tail = ", " if number < paragraphs else None
    return root


def documents(lang: str, families: tuple[str, ...]) -> list[bytes]:
    """The warm-up documents, serialised, their language *lang*."""
    out = []
    for doc in range(DOCUMENTS):
        root = document(doc, ", ".join(families), *((1, 1) if doc == 0 else ()))
        root.set("language", lang)
        out.append(etree.tostring(root, encoding="UTF-8", xml_declaration=True))
    return out

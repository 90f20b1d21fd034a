"""Every paragraph of the HTML edition has a stable anchor: its xml:id, else its section's id and its
number among the blocks of its kind there (not counting the blocks around it; one inside another of
its kind is numbered inside that one, else the two had one id). The numbers are
found by halving among the section's blocks, so that a text of thousands of paragraphs costs no
more a paragraph than a short one; here they are checked against the plain rule, and so are the
section numbers (found the same way). The texts are a ship's log and journal of the 1790s,
invented."""

from __future__ import annotations

import lxml.html
from lxml import etree

from edition import pipeline, register

TEI_NS = "http://www.tei-c.org/ns/1.0"
LOG = "\n\n".join(
    ["== The outward passage =="]
    + [f"Day {n}: wind from the north-west, the Resolution made {n + 40} leagues." for n in range(1, 40)]
    + ["== At the Cape =="]
    + [f"Water and wood taken aboard at Table Bay, the {n}th day." for n in range(1, 25)]
) + "\n"


def expected_ids(root: etree._Element) -> list[str]:
    """The plain rule, for every p and ab of the text in document order."""
    def where(el):
        div = next(el.iterancestors(f"{{{TEI_NS}}}div"), None)
        if div is None:
            return "text"
        return div.get("{http://www.w3.org/XML/1998/namespace}id") or None
    blocks = root.findall(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}p") + root.findall(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}ab")
    order = {el: i for i, el in enumerate(root.iter())}
    blocks.sort(key=order.get)
    out, ids = [], {}
    for block in blocks:
        if block.get("{http://www.w3.org/XML/1998/namespace}id"):
            out.append(block.get("{http://www.w3.org/XML/1998/namespace}id"))
            ids[block] = out[-1]
            continue
        ancestors = set(block.iterancestors())
        name = etree.QName(block).localname
        inside = [el for el in block.iterancestors(block.tag) if where(el) == where(block)]
        if inside:      # numbered inside the nearest block of its kind around it
            around = inside[0]
            same = [el for el in around.iter(block.tag) if el is not around and order[el] < order[block]
                    and el not in ancestors]
            out.append(f"{ids[around]}-{name}{len(same) + 1}")
        else:
            same = [el for el in root.iter(block.tag) if order[el] < order[block] and el not in ancestors
                    and where(el) == where(block)]
            out.append(f"{where(block)}-{name}{len(same) + 1}")
        ids[block] = out[-1]
    return out


def test_block_anchors_follow_the_plain_rule(transformer, config):
    tree = pipeline.convert(LOG, config, "log", register=register.empty())
    root = tree.getroot()
    body_divs = root.findall(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert len(body_divs) == 2
    for div in body_divs:
        div.set("{http://www.w3.org/XML/1998/namespace}id", "sec-" + ("passage" if div is body_divs[0] else "cape"))
    # a note with a paragraph of its own inside a paragraph, an ab, a paragraph with an id
    first = body_divs[0].findall(f"{{{TEI_NS}}}p")
    note = etree.SubElement(first[2], f"{{{TEI_NS}}}note")
    etree.SubElement(note, f"{{{TEI_NS}}}p").text = "The master's hand: a squall at four bells."
    first[5].tag = f"{{{TEI_NS}}}ab"
    first[7].set("{http://www.w3.org/XML/1998/namespace}id", "log-day-8")
    want = expected_ids(root)
    page = lxml.html.document_fromstring(transformer.html(tree))
    got = page.xpath("//main//p[@id]/@id")
    assert got == want
    assert "sec-passage-p3" in got and "sec-passage-p3-p1" in got and "sec-passage-ab1" in got and "log-day-8" in got and "sec-cape-p24" in got
    assert len(got) == len(set(got))


JOURNAL = """\
== Outward ==
The Resolution left Plymouth with the tide.
=== The Channel ===
Fog off the Lizard.
=== Madeira ===
== A section with nothing in it ==
== Southward ==
Trade winds for eleven days.
=== The Line ===
Crossed with the usual ceremonies.
=== The Cape ===
Water taken at Table Bay.
==== The anchorage ====
Good holding ground in eight fathoms.
"""


def expected_numbers(root: etree._Element) -> dict[str, str]:
    """xsl:number level="multiple" over the sections that are not empty, written out plainly."""
    def empty(div):
        return not (div.text or "").strip() and all(
            etree.QName(c).localname == "head" or (etree.QName(c).localname == "div" and empty(c)) for c in div)
    out = {}
    for div in root.iter(f"{{{TEI_NS}}}div"):
        levels = [d for d in [*reversed(list(div.iterancestors(f"{{{TEI_NS}}}div"))), div] if not empty(d)]
        out[div.get("{http://www.w3.org/XML/1998/namespace}id")] = ".".join(
            str(1 + sum(1 for s in d.itersiblings(f"{{{TEI_NS}}}div", preceding=True) if not empty(s)))
            for d in levels)
    return out


def test_section_numbers_count_the_sections_that_are_not_empty(transformer, config):
    tree = pipeline.convert(JOURNAL, config, "journal", register=register.empty())
    for n, div in enumerate(tree.getroot().iter(f"{{{TEI_NS}}}div")):
        div.set("{http://www.w3.org/XML/1998/namespace}id", f"s{n}")
    want = expected_numbers(tree.getroot())
    page = lxml.html.document_fromstring(transformer.html(tree))
    shown = {el.get("id"): el.xpath("string(./*[1]/span[contains(@class, 'secnum')])")
             for el in page.xpath("//main//section[@id]")}      # an empty section is not shown
    assert shown == {sid: want[sid] for sid in shown}
    assert sorted(shown.values()) == ["1", "1.1", "2", "2.1", "2.2", "2.2.1"]

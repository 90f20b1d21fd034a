"""Shared helpers for the tests of the names pass and `edition candidates`."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from edition import T, TEI_NS, register
from edition.passes import Context
from edition.passes.names import mark_names
from edition.reader import read

FIXTURES = Path(__file__).parent / "fixtures"
NS = {"t": TEI_NS}
NAME_XPATH = "//t:text//t:persName | //t:text//t:placeName | //t:text//t:orgName"


@functools.lru_cache(maxsize=1)
def small_register():
    """Loaded once: the name index is cached per register object, and the tests never change it."""
    return register.load(FIXTURES / "names-register.xml")


def document(text: str) -> etree._Element:
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    etree.SubElement(root, T + "teiHeader")
    root.append(read(text))
    return root


def tagged(text: str, reg=None) -> etree._Element:
    root = document(text)
    mark_names(root, Context(register=reg if reg is not None else small_register()))
    return root


NOREG = FIXTURES / "noregister"


def noreg(text: str) -> etree._Element:
    """The names pass over *text* with no register: general resources and rules only."""
    return tagged(text, register.empty())


def noreg_file(name: str) -> etree._Element:
    return noreg((NOREG / name).read_text(encoding="utf-8"))


def names(root, kind: str = "*") -> list[str]:
    """Texts of the name elements of one kind (persName, placeName, orgName) in order."""
    if kind == "*":
        els = root.xpath(NAME_XPATH, namespaces=NS)
    else:
        els = root.xpath(f"//t:text//t:{kind}", namespaces=NS)
    return ["".join(e.itertext()) for e in els]


def refs(root, kind: str) -> list[str | None]:
    return [e.get("ref") for e in root.xpath(f"//t:text//t:{kind}", namespaces=NS)]

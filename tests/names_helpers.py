"""Shared helpers for the tests of the names pass and `edition candidates`."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from edition import T, TEI_NS, lexicon, register
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


@functools.lru_cache(maxsize=1)
def small_lexicon():
    """The lexicon that goes with the small register (its world's odd words), loaded once."""
    return lexicon.load(FIXTURES / "names-lexicon.toml")


def document(text: str) -> etree._Element:
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    etree.SubElement(root, T + "teiHeader")
    root.append(read(text))
    return root


def tagged(text: str, reg=None, lex=None, model: bool = False) -> etree._Element:
    """The names pass over *text*: with the small register and its lexicon unless told otherwise
    (a register given without a lexicon: no lexicon); the register and the rules only, unless
    *model* (the trained recogniser has tests of its own)."""
    root = document(text)
    if reg is None:
        reg, lex = small_register(), lex if lex is not None else small_lexicon()
    mark_names(root, Context(register=reg, lexicon=lex if lex is not None else lexicon.empty(), model=model))
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

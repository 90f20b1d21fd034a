"""The edition's register of persons, places and organizations (TEI data).

The register is a TEI file (``source/register.xml``) with ``listPerson``,
``listPlace`` and ``listOrg`` in a ``standOff``. Each entry has an ``xml:id``,
a main name, the name forms found in texts and authority identifiers. Texts
point to entries with ``@ref="#id"``; a converted document carries a copy of
the entries it points to in its own ``standOff``, refreshed at every build.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import T, XML_ID
from .xmlio import parse_xml

#: entity kind -> (list element, entry element, name element)
KINDS = {
    "person": ("listPerson", "person", "persName"),
    "place": ("listPlace", "place", "placeName"),
    "org": ("listOrg", "org", "orgName"),
}
#: entity kind -> name element in the text, and back
NAME_OF_KIND = {kind: name for kind, (_, _, name) in KINDS.items()}
KIND_OF_NAME = {name: kind for kind, name in NAME_OF_KIND.items()}


@dataclass
class Entry:
    id: str
    kind: str                       # person | place | org
    main: str                       # display name
    names: list[tuple[str, str]]    # (type, form) for every name element, main included
    element: etree._Element = field(repr=False)

    def idno(self, type_: str) -> str | None:
        el = self.element.find(f"{T}idno[@type='{type_}']")
        return el.text.strip() if el is not None and el.text else None


class Register:
    def __init__(self, entries: list[Entry], path: Path | None = None):
        self.entries = entries
        self.path = path
        self.by_id = {e.id: e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, id_: str) -> Entry | None:
        return self.by_id.get(id_.lstrip("#"))

    def standoff(self, ids: set[str]) -> etree._Element:
        """A ``standOff`` with copies of the entries *ids*, grouped by kind, in register order."""
        so = etree.Element(T + "standOff")
        for kind, (list_tag, _, _) in KINDS.items():
            chosen = [e for e in self.entries if e.kind == kind and e.id in ids]
            if chosen:
                lst = etree.SubElement(so, T + list_tag)
                for e in chosen:
                    lst.append(copy.deepcopy(e.element))
        return so


def from_tree(tree: etree._ElementTree, path: Path | None = None) -> Register:
    entries: list[Entry] = []
    root = tree.getroot()
    for kind, (_, entry_tag, name_tag) in KINDS.items():
        for el in root.iter(T + entry_tag):
            id_ = el.get(XML_ID)
            if not id_:
                continue
            names = [((n.get("type") or "variant"), "".join(n.itertext()).strip())
                     for n in el.findall(T + name_tag)]
            names = [(t, f) for t, f in names if f]
            main = next((f for t, f in names if t == "main"), names[0][1] if names else id_)
            entries.append(Entry(id_, kind, main, names, el))
    return Register(entries, path)


def load(path: str | Path) -> Register:
    path = Path(path)
    return from_tree(parse_xml(path), path)


_EMPTY = Register([])


def empty() -> Register:
    """The empty register: one shared object, so that what is built per register (the name
    index of :mod:`edition.names.cache`) is built once for every text without a register."""
    return _EMPTY


def attach(root: etree._Element, register: Register) -> None:
    """Put (or refresh) the ``standOff`` with the register entries the text points to."""
    ids = set()
    for el in root.iter(*(T + n for n in KIND_OF_NAME)):
        for ref in (el.get("ref") or "").split():
            if ref.startswith("#"):
                ids.add(ref[1:])
    for old in root.findall(T + "standOff"):
        root.remove(old)
    if not ids or not len(register):
        return
    so = register.standoff(ids)
    header = root.find(T + "teiHeader")
    header.addnext(so)

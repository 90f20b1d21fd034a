"""The register grows from the text: a candidate name becomes a register entry in one step.

:func:`take` makes an entry (``person``, ``place`` or ``org``) for a name that
``edition candidates`` lists: an ``xml:id`` made from the display name (unique in the
register), the display name as the ``type="main"`` name, every other form of the name
found in the text as a ``type="variant"`` name, and a note saying where it came from.
:func:`add` puts entries into the register file (its list of that kind, made if
missing), with the line breaks of their siblings; the file is written atomically,
a backup of it kept. ``edition annotate`` then links every mention.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import T, XML_ID
from .errors import EditionError
from .register import KIND_OF_NAME, KINDS, Register
from .spans import blocks, text_of


@dataclass
class Take:
    """One name to take into the register."""
    name: str                      # as edition candidates lists it (any case)
    element: str = ""              # persName | placeName | orgName (default: the candidate's)
    id: str = ""                   # default: made from the display name
    display: str = ""              # default: the most frequent form (capitalised in a lowercased text)
    where: str = ""                # file:line of a decisions file, for messages


@dataclass
class NewEntry:
    id: str
    kind: str
    display: str
    forms: list[str] = field(default_factory=list)

    def element(self, source: str, when: str) -> etree._Element:
        list_tag, entry_tag, name_tag = KINDS[self.kind]
        el = etree.Element(T + entry_tag)
        el.set(XML_ID, self.id)
        main = etree.SubElement(el, T + name_tag, {"type": "main"})
        main.text = self.display
        for form in self.forms:
            if form != self.display:
                etree.SubElement(el, T + name_tag, {"type": "variant"}).text = form
        note = etree.SubElement(el, T + "note")
        note.text = f"Taken into the register from {source} on {when} (edition candidates --take)."
        return el


def forms_in(root: etree._Element, name: str) -> Counter:
    """The forms of *name* (any case, any spacing) in the text of *root*, with their counts."""
    words = [re.escape(w) for w in name.split()]
    if not words:
        return Counter()
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    found: Counter = Counter()
    for block in blocks(root):
        for m in pattern.finditer(text_of(block)):
            found[" ".join(m.group(0).split())] += 1
    return found


def make_id(display: str, taken: set[str]) -> str:
    """An xml:id for *display*: ASCII letters, digits and hyphens, unique among *taken*."""
    ascii_ = unicodedata.normalize("NFKD", display).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "entry"
    if not base[0].isalpha():
        base = "n-" + base
    rid, n = base, 1
    while rid in taken:
        n += 1
        rid = f"{base}-{n}"
    return rid


def _display(forms: Counter, name: str) -> str:
    if not forms:
        return " ".join(w[:1].upper() + w[1:] for w in name.split())
    best = max(forms, key=lambda f: (forms[f], f != f.lower(), f))
    if best == best.lower():                     # a lowercased text: capitals for the display name
        return " ".join(w[:1].upper() + w[1:] for w in best.split())
    return best


def take(root: etree._Element, wanted: Take, candidates: dict[str, str], register: Register,
         taken_ids: set[str]) -> NewEntry:
    """The entry for *wanted* (*candidates*: lowercased name -> element, from edition candidates)."""
    key = " ".join(wanted.name.lower().split())
    element = wanted.element or candidates.get(key, "")
    if not element:
        raise EditionError(f"'{wanted.name}' is not a name edition candidates lists for this text: give its "
                           "kind too (--as persName, placeName or orgName)", wanted.where or None)
    if element not in KIND_OF_NAME:
        raise EditionError(f"'{element}' is not persName, placeName or orgName", wanted.where or None)
    forms = forms_in(root, key)
    display = wanted.display or _display(forms, key)
    rid = wanted.id or make_id(display, taken_ids)
    if rid in taken_ids or register.get(rid) is not None:
        raise EditionError(f"the register has an entry '{rid}' already: choose another id", wanted.where or None)
    taken_ids.add(rid)
    ordered = sorted(forms, key=lambda f: (-forms[f], f))
    return NewEntry(rid, KIND_OF_NAME[element], display, ordered)


def _append_like(parent: etree._Element, new: etree._Element) -> None:
    from .annotate import append_like
    append_like(parent, new)


def add(register_tree: etree._ElementTree, entries: list[NewEntry], source: str,
        today: _dt.date | None = None) -> None:
    """Put *entries* into the register document (its standOff, the list of each kind)."""
    root = register_tree.getroot()
    when = (today or _dt.date.today()).isoformat()
    standoff = root.find(T + "standOff")
    if standoff is None:
        standoff = etree.Element(T + "standOff")
        _append_like(root, standoff)
    for entry in entries:
        from .annotate import kind_list
        lst = kind_list(standoff, entry.kind)
        el = entry.element(source, when)
        depth = sum(1 for _ in lst.iterancestors()) + 1
        etree.indent(el, space="  ", level=depth)
        _append_like(lst, el)
        if lst.text is None or not lst.text.strip():
            lst.text = lst.text or "\n" + "  " * (depth)
        if el.tail is None:
            el.tail = "\n" + "  " * (depth - 1)


def ids_of(register_tree: etree._ElementTree) -> set[str]:
    return {el.get(XML_ID) for el in register_tree.getroot().iter() if isinstance(el.tag, str) and el.get(XML_ID)}


def register_file(path: Path | None) -> Path:
    if path is None:
        raise EditionError("no register to add to: run inside an edition whose edition.toml names one, or "
                           "give --register FILE")
    return path

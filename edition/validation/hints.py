"""Hints for diagnostics: "did you mean …?" over the ids and names a document has.

A table maps rule ids to the function that makes their hint, so a new rule
gets a hint by adding one line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from lxml import etree

from .. import T, XML_ID
from ..register import KINDS
from ..spans import raw_text_of

#: rule id -> (kind of register entry to suggest; None for "any id")
ENTRY_KIND = {
    "ref-person": "person", "ref-place": "place", "ref-org": "org",
    "ref-kind-person": "person", "ref-kind-place": "place", "ref-kind-org": "org",
}


def did_you_mean(word: str, candidates: Iterable[str], prefix: str = "") -> str | None:
    matches = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.6)
    if not matches:
        return None
    return prefix + "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"


class Hints:
    """Hints for one document: knows its standOff entries, respStmts and calendars."""

    def __init__(self, tree: etree._ElementTree, register=None):
        root = tree.getroot()
        self.entries: dict[str, dict[str, list[str]]] = {k: {} for k in KINDS}
        for kind, (_, entry_tag, name_tag) in KINDS.items():
            for so in root.iter(T + "standOff"):
                for el in so.iter(T + entry_tag):
                    if el.get(XML_ID):
                        self.entries[kind][el.get(XML_ID)] = [
                            " ".join("".join(n.itertext()).split()) for n in el.iter(T + name_tag)]
        if register is not None:
            for entry in register.entries:
                self.entries[entry.kind].setdefault(entry.id, [form for _, form in entry.names])
        self.ids_by_tag = {}
        for tag in ("respStmt", "calendar"):
            self.ids_by_tag[tag] = [el.get(XML_ID) for el in root.iter(T + tag) if el.get(XML_ID)]
        self.table = {
            **{rule: self._entry for rule in ENTRY_KIND},
            "resp-declared": lambda el, rule: self._pointer(el.get("resp"), "respStmt"),
            "who-declared": lambda el, rule: self._pointer(el.get("who"), "respStmt"),
            "calendar-declared": lambda el, rule: self._pointer(el.get("calendar"), "calendar"),
            "dating-method-declared": lambda el, rule: self._pointer(el.get("datingMethod"), "calendar"),
        }

    def hint(self, rule: str, el: etree._Element | None) -> str | None:
        make = self.table.get(rule)
        return make(el, rule) if make and el is not None else None

    def _pointer(self, value: str | None, tag: str) -> str | None:
        pointers = ["#" + i for i in self.ids_by_tag.get(tag, [])]
        return did_you_mean(value or "", pointers) or (
            f"declared: {', '.join(pointers)}" if pointers else None)

    def _entry(self, el: etree._Element, rule: str) -> str | None:
        kind = ENTRY_KIND[rule]
        entries = self.entries[kind]
        wanted = (el.get("ref") or "").lstrip("#")
        text = " ".join(raw_text_of(el).split()).casefold()
        by_name = [i for i, names in entries.items() if text and any(n.casefold() == text for n in names)]
        by_id = did_you_mean(wanted, entries)
        if by_id or by_name:
            return "; ".join(filter(None, (by_id, by_name and "the name '%s' is a name of %s" % (
                text, " or ".join(f"'{i}'" for i in by_name[:3])))))
        forms: dict[str, list[str]] = {}
        for id_, names in entries.items():
            for name in names:
                forms.setdefault(name.casefold(), []).append(id_)
        close = difflib.get_close_matches(text, list(forms), n=3, cutoff=0.75)
        ids = list(dict.fromkeys(i for form in close for i in forms[form]))
        return ("did you mean " + " or ".join(f"'{i}'" for i in ids) + "?") if ids else None

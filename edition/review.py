"""Reviewing the machine's markup: list what no editor has decided yet, and apply decisions.

The machine's markup is every element whose ``@resp`` points to one of the
converter's agents (:data:`edition.resp.MACHINE_RESP`). :func:`items` lists it,
lowest ``@cert`` first, each with an id (the fingerprint of its element, words and
context, :mod:`edition.annotate.record`: the same in every run while the text stays)
and the words around it. A decision (:class:`Decision`) makes it the editor's:

* ``accept``: ``@resp`` becomes the editor's, ``@cert`` theirs (``high`` unless given);
* ``reject``: the element is unwrapped, its text kept (a reading change goes back to
  the source's text, a block quotation becomes a paragraph again); the suggestion is
  recorded as rejected, so ``edition annotate`` never makes it again;
* ``retype``: a name becomes another kind of name (persName, placeName, orgName);
  its ``@ref`` goes, unless a new one is given;
* ``link``: a name points to a register entry (and becomes the entry's kind of name).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from . import T
from .annotate import add_entries, note_change
from .annotate.record import Record, context, machine_markup, read, write
from .annotate.suggest import NAMES, _unwrap
from .errors import EditionError
from .register import KIND_OF_NAME, NAME_OF_KIND

CERT_RANK = {"low": 0, "medium": 1, "high": 2}
DECISIONS = ("accept", "reject", "retype", "link")
CONTEXT_CHARS = 40


@dataclass
class Item:
    id: str
    element: etree._Element
    block: etree._Element
    text: str
    start: int
    end: int

    @property
    def tag(self) -> str:
        return etree.QName(self.element).localname

    @property
    def words(self) -> str:
        if self.element.tag == T + "reg":
            return " ".join(self.text[self.start:self.end].split()) + " -> " + (self.element.text or "")
        return " ".join(self.text[self.start:self.end].split())

    @property
    def cert(self) -> str:
        return self.element.get("cert") or ""

    @property
    def context(self) -> str:
        left = self.text[max(0, self.start - CONTEXT_CHARS):self.start]
        right = self.text[self.end:self.end + CONTEXT_CHARS]
        squeeze = lambda s: re.sub(r"\s+", " ", s)
        return f"{squeeze(left)}[{squeeze(self.text[self.start:self.end])}]{squeeze(right)}".strip()

    @property
    def line(self) -> int:
        return self.element.sourceline or self.block.sourceline or 0

    def as_dict(self) -> dict:
        return {"id": self.id, "element": self.tag, "text": self.words, "cert": self.cert,
                "resp": self.element.get("resp"), "ref": self.element.get("ref"),
                "line": self.line, "context": self.context}


def items(root: etree._Element) -> list[Item]:
    """The machine's markup of *root* no editor has decided, lowest @cert first, then in text order."""
    found: list[Item] = []
    seen: Counter = Counter()
    for m in machine_markup(root):
        seen[m.fingerprint] += 1
        n = seen[m.fingerprint]
        found.append(Item(m.fingerprint if n == 1 else f"{m.fingerprint}-{n}", m.element, m.block,
                          m.text, m.start, m.end))
    order = {id(i): n for n, i in enumerate(found)}
    return sorted(found, key=lambda i: (CERT_RANK.get(i.cert, -1), order[id(i)]))


@dataclass
class Decision:
    item: str                 # an Item's id
    decision: str             # accept | reject | retype | link
    value: str = ""           # retype: the element; link: the entry id; accept: the cert (optional)
    ref: str = ""             # retype: the new @ref (optional)
    where: str = ""           # where the decision was written (file:line), for messages


def _make_editors(el: etree._Element, editor: str, cert: str = "high") -> None:
    el.set("resp", editor)
    el.set("cert", cert)


def _remove_keeping_tail(el: etree._Element) -> None:
    tail = el.tail
    el.tail = None
    el.text = None
    for child in list(el):
        el.remove(child)
    if tail:
        el.text = tail          # the tail comes back as text, which unwrapping puts in place
    _unwrap(el)


def _unwrap_cit(cit: etree._Element) -> None:
    for ptr in cit.findall(T + "ptr"):
        _remove_keeping_tail(ptr)
    _unwrap(cit)


def _reject_element(el: etree._Element) -> None:
    """Take the machine's markup *el* out, keeping the text."""
    parent = el.getparent()
    if el.tag == T + "reg" and parent is not None and parent.tag == T + "choice":
        parent.remove(el) if el.tail is None else _remove_keeping_tail(el)
        orig = parent.find(T + "orig")
        if orig is not None:
            _unwrap(orig)
        _unwrap(parent)
    elif el.tag in (T + "gap", T + "ptr"):
        cit = parent if el.tag == T + "ptr" and parent is not None and parent.tag == T + "cit" else None
        _remove_keeping_tail(el)
        if cit is not None and not cit.findall(T + "ptr"):
            _unwrap(cit)
    elif el.tag == T + "quote":
        if parent is not None and parent.tag == T + "cit":
            _unwrap_cit(parent)
        if el.get("type") == "block":
            el.tag = T + "p"
            for name in ("type", "resp", "cert"):
                el.attrib.pop(name, None)
        else:
            _unwrap(el)
    else:
        _unwrap(el)


def _check(d: Decision, item: Item | None, register) -> str | None:
    """What is wrong with decision *d* (None: nothing)."""
    if item is None:
        return f"no unreviewed machine markup with id '{d.item}' (list them with edition review FILE --list)"
    if d.decision not in DECISIONS:
        return f"unknown decision '{d.decision}': one of {', '.join(DECISIONS)}"
    if d.decision in ("retype", "link") and item.element.tag not in NAMES:
        return f"{d.decision} applies to names only, and {item.id} is a {item.tag}: accept or reject it"
    if d.decision == "retype" and d.value not in KIND_OF_NAME:
        return f"retype to what? '{d.value}' is not one of {', '.join(KIND_OF_NAME)}"
    if d.decision == "link" and (not d.value or register.get(d.value) is None):
        return f"no register entry '{d.value}' to link {item.id} to"
    if d.decision == "accept" and d.value and d.value not in CERT_RANK:
        return f"cert '{d.value}' is not one of high, medium, low"
    return None


def check(decisions: list[Decision], listed: list[Item], register) -> list[EditionError]:
    by_id = {i.id: i for i in listed}
    problems = []
    decided: set[str] = set()
    for d in decisions:
        problem = _check(d, by_id.get(d.item), register)
        if problem is None and d.item in decided:
            problem = f"{d.item} is decided twice: keep one decision"
        decided.add(d.item)
        if problem:
            where, _, line = d.where.rpartition(":")
            problems.append(EditionError(problem, where or None, int(line) if line.isdigit() else None))
    return problems


def _set_ref_first(el: etree._Element, ref: str) -> None:
    attrib = [("ref", ref), *[(k, v) for k, v in el.attrib.items() if k != "ref"]]
    el.attrib.clear()
    for k, v in attrib:
        el.set(k, v)


def decide(item: Item, d: Decision, editor: str, record: Record, register, when: str) -> str:
    """Apply one checked decision; what was done (accepted, rejected, retyped, linked)."""
    el = item.element
    if el.getparent() is None:
        return "gone with another decision"       # a speaker pointer of a quotation rejected before
    if d.decision == "reject":
        before, after = context(item.text, item.start, item.end)
        record.reject({"element": item.tag, "text": " ".join(item.text[item.start:item.end].split()),
                       "before": before, "after": after, "fingerprint": item.id.split("-")[0],
                       "by": editor, "when": when, "how": "rejected in review"})
        _reject_element(el)
        return "rejected"
    if d.decision == "retype":
        el.tag = T + d.value
        el.attrib.pop("ref", None)
        if d.ref:
            _set_ref_first(el, "#" + d.ref.lstrip("#"))
    elif d.decision == "link":
        entry = register.get(d.value)
        el.tag = T + NAME_OF_KIND[entry.kind]
        _set_ref_first(el, "#" + entry.id)
    _make_editors(el, editor, d.value if d.decision == "accept" and d.value else "high")
    return {"accept": "accepted", "retype": "retyped", "link": "linked"}[d.decision]


def apply_decisions(root: etree._Element, decisions: list[Decision], editor: str, register,
                    today: _dt.date | None = None) -> Counter:
    """Check every decision first (an EditionError for each problem, nothing changed), then apply them."""
    listed = items(root)
    problems = check(decisions, listed, register)
    if problems:
        raise ReviewErrors(problems)
    by_id = {i.id: i for i in listed}
    record = read(root)
    when = (today or _dt.date.today()).isoformat()
    done: Counter = Counter()
    for d in decisions:
        done[decide(by_id[d.item], d, editor, record, register, when)] += 1
    if done:
        add_entries(root, register)
        parts = ", ".join(f"{n} {what}" for what, n in sorted(done.items()))
        note_change(root, f"Reviewed the machine's markup: {parts}.", when, editor)
        record.suggested |= {m.fingerprint for m in machine_markup(root)}
        write(root, record)
    return done


class ReviewErrors(EditionError):
    """Every problem of a decisions file, a line each."""

    def __init__(self, problems: list[EditionError]):
        first = problems[0]
        super().__init__(first.message, first.path, first.line)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

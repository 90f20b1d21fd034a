"""Resolution of the selected spans, in document order: which entry, which kind, how sure.

* A span of the register row (``source == "register"``, its ``data`` the matched form)
  takes the entry its form names. A form of several entries takes the one that existed
  in the year the passage is at (the last year its block names before it), when the
  register dates each of them (:func:`.index.period_of`; in the year a name passed from
  one to another, a newspaper closed and a new one took its title, the new one); else the
  one mentioned last ("the most recently mentioned"), else the only one
  whose full name the form is; a form that is also an English word ("hope", "north"),
  or a word of the edition's texts its lexicon names, counts only where the document
  shows it is used as a name (:meth:`Resolver._common_word_is_name`). A form of the
  general resources only (the gazetteer, the known places) points to no entry.
* Any other span (the model, the rules) takes the entry of the one register name
  inside it, if exactly one entry of its kind is there ("the university of leiden"
  holding the place "leiden" does not, the kinds differ), and keeps its own
  ``cert`` (at least "medium" with an entry) and ``resp``.

Existing markup with ``@ref`` counts as a mention too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..selection import Span
from . import context
from .index import PARTIAL_TYPES, Sense

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, DocumentNames

#: the source name of the spans of the register row (see :mod:`.sources`)
REGISTER_SOURCE = "register"
#: words after a common-word form that show it is not a name ("north of the river")
NOT_NAME_AFTER = {"of"}
#: certainty of a register match by name type (a single-word surname may be someone else)
CERT_OF_TYPE = {"main": "high", "birth": "high", "pseudonym": "high", "variant": "high",
                "abbreviation": "high", "surname": "high", "forename": "medium",
                "damaged": "medium"}
CERTS = ("high", "medium", "low")
#: a year written in a text (not part of a longer number: "19051907" is none)
YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")


def edges(b: Block, spans_) -> tuple[set[int], set[int]]:
    """Where names start and end in block *b*: *spans_* (start, end pairs) and the existing markup."""
    pairs = [*spans_, *b.protected]
    return {p[0] for p in pairs}, {p[1] for p in pairs}


class Resolver:
    def __init__(self, doc: DocumentNames):
        self.doc = doc
        self.index = doc.index
        self.last_mention: dict[str, int] = {}
        self.clock = 0
        #: the last year the blocks before the current one name
        self.year: int | None = None
        self._evidence()

    def _evidence(self) -> None:
        """Entries whose full name occurs somewhere; common-word forms the context shows as names."""
        self.full_present: set[str] = set()
        self.cued: set[str] = set()
        for b in self.doc.blocks:
            for m in b.matches:
                if " " in m.form or "-" in m.form:
                    self.full_present.update(s.entry for s in self.index.lookup(m.form) if s.entry)
            starts, ends = edges(b, ((s.start, s.end) for s in b.spans))
            for s in b.spans:
                if s.source == REGISTER_SOURCE and s.data in self.doc.common_words and \
                        context.supports_person(b.tokens, s.start, s.end, starts, ends):
                    self.cued.add(s.data)

    def mention(self, entry: str) -> None:
        self.clock += 1
        self.last_mention[entry] = self.clock

    def match(self, b: Block, m: Span) -> Span | None:
        form = m.data
        senses = self.index.lookup(form)
        reg = [s for s in senses if s.entry]
        if not reg:
            s = senses[0]
            return replace(m, kind=s.kind, entry=None, cert="low", source=s.source)
        if form in self.doc.common_words and not self._common_word_is_name(b, m, reg):
            return None
        entries = list(dict.fromkeys(s.entry for s in reg))
        dated = self._by_date(entries, self.year_at(b, m.start)) if len(entries) > 1 else None
        if dated is not None:
            entry, cert = dated, "medium"
        elif len(entries) > 1:
            mentioned = [e for e in entries if e in self.last_mention]
            if mentioned:
                entry = max(mentioned, key=self.last_mention.__getitem__)
                cert = "medium"
            else:
                whole = list(dict.fromkeys(s.entry for s in reg if s.name_type not in PARTIAL_TYPES))
                if len(whole) != 1:
                    kinds = {s.kind for s in reg}
                    if len(kinds) == 1 and kinds != {"person"}:
                        # a place or organization for sure, but which one is for the editor
                        return replace(m, kind=kinds.pop(), entry=None, cert="low")
                    return None
                entry, cert = whole[0], "medium"
        else:
            entry = entries[0]
            types = {s.name_type for s in reg}
            cert = min((CERT_OF_TYPE.get(t, "medium") for t in types), key=CERTS.index)
            if form in self.doc.common_words:
                cert = "medium"
        return replace(m, kind=self.index.entry_kind[entry], entry=entry, cert=cert)

    def year_at(self, b: Block, start: int) -> int | None:
        """The year the passage is at: the last one block *b* names before *start*, else the
        last one of the blocks before it, else the first one of *b*."""
        years = YEAR.findall(b.text, 0, start)
        if years:
            return int(years[-1])
        if self.year is not None:
            return self.year
        later = YEAR.search(b.text, start)
        return int(later.group()) if later else None

    def _by_date(self, entries: list[str], year: int | None) -> str | None:
        """The one of *entries* (every one dated by the register) that existed in *year*."""
        periods = [self.index.entry_period.get(e) for e in entries]
        if year is None or any(p is None for p in periods):
            return None
        alive = [(e, p) for e, p in zip(entries, periods) if p[0] <= year and (p[1] is None or year <= p[1])]
        if len(alive) == 1:
            return alive[0][0]
        new = [e for e, p in alive if p[0] == year]
        if len(new) == 1 and all(p[0] == year or p[1] == year for _, p in alive):
            return new[0]                   # the year the name passed on: the new bearer
        return None

    def _common_word_is_name(self, b: Block, m: Span, reg: list[Sense]) -> bool:
        if not any(s.kind == "person" and s.entry in self.full_present for s in reg):
            return False
        if context.blocked_by_word_before(b.tokens, m.start, m.end):
            return False
        if context.supports_person(b.tokens, m.start, m.end, *edges(b, ((s.start, s.end) for s in b.spans))):
            return True
        nxt = b.tokens.after(m.end, 1)
        return m.data in self.cued and not (nxt and nxt[0].word in NOT_NAME_AFTER)

    def candidate(self, b: Block, c: Span) -> Span:
        inner = {s.entry for m in _matches_within(b, c.start, c.end)
                 for s in self.index.lookup(m.form) if s.entry and s.kind == c.kind}
        entry = inner.pop() if len(inner) == 1 else None
        cert = min(c.cert, "medium", key=CERTS.index) if entry else c.cert
        return replace(c, entry=entry, cert=cert)


def _matches_within(b: Block, start: int, end: int) -> list:
    """The register forms matched inside [start, end) of block *b* (found by their ends, sorted
    once a block: a long block holds thousands)."""
    if "matches-by-end" not in b.memo:
        ordered = sorted(b.matches, key=lambda m: m.end)
        b.memo["matches-by-end"] = (ordered, [m.end for m in ordered])
    ordered, ends = b.memo["matches-by-end"]
    return [m for m in ordered[bisect_right(ends, start):bisect_right(ends, end)] if m.start >= start]


def resolve_document(doc: DocumentNames) -> list[Span]:
    """The selected spans of every block, resolved in document order (block index and text set)."""
    r = Resolver(doc)
    found: list[Span] = []
    for n, b in enumerate(doc.blocks):
        if n:
            r.year = r.year_at(doc.blocks[n - 1], len(doc.blocks[n - 1].text))
        items: list[tuple[int, int, object]] = [(s, e, ref) for s, e, ref in b.protected]
        items += [(s.start, s.end, s) for s in b.spans]
        for _, _, what in sorted(items, key=lambda x: (x[0], -x[1])):
            if not isinstance(what, Span):            # existing markup: a mention if it points
                if what:
                    r.mention(what)
                continue
            f = r.match(b, what) if what.source == REGISTER_SOURCE else r.candidate(b, what)
            if f is None:
                continue
            if f.entry:
                r.mention(f.entry)
            found.append(replace(f, block=n, text=b.text[f.start:f.end]))
    return found

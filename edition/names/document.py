"""Finding the names of a whole document: match, apply context rules, resolve, stay consistent.

The result is a list of :class:`Found` spans (block, offsets, kind, register id
or None, certainty); :mod:`edition.passes.names` wraps them, and
:mod:`edition.candidates` lists those without a register id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .. import spans
from . import context, cues, given, orgs, patterns, places
from .cache import index_and_matcher
from .forms import text_lower
from ..register import KIND_OF_NAME
from .index import PARTIAL_TYPES, Sense
from .match import Match, Matcher, longest_first
from .patterns import Candidate, looks_like_name
from .tokens import Tokens
from .wordlists import COMMON_WORDS, GIVEN_NAMES, SURNAME_WORDS

#: words after a common-word form that show it is not a name ("north of moscow")
NOT_NAME_AFTER = {"of"}
#: a surname found by a pattern is tagged alone elsewhere only from this length on
MIN_SURNAME = 4
#: certainty of a register match by name type (a single-word surname may be someone else)
CERT_OF_TYPE = {"main": "high", "birth": "high", "pseudonym": "high", "variant": "high",
                "abbreviation": "high", "surname": "high", "forename": "medium",
                "damaged": "medium"}


@dataclass(frozen=True)
class Found:
    block: int
    start: int
    end: int
    kind: str
    entry: str | None
    cert: str
    why: str        # register | gazetteer | a pattern name | consistency
    text: str = ""


@dataclass
class _Block:
    element: etree._Element
    text: str
    low: str
    tokens: Tokens
    protected: list[tuple[int, int, str | None]]   # existing names: start, end, ref
    raw: list[Match] = field(default_factory=list)
    spans: list = field(default_factory=list)        # Match | Candidate, chosen, in text order


def _overlaps(a: int, b: int, ranges) -> bool:
    return any(a < y and x < b for x, y, *_ in ranges)


def _edges(b: _Block, spans_) -> tuple[set[int], set[int]]:
    """Where names start and end in block *b*: *spans_* (start, end pairs) and the existing markup."""
    pairs = [*spans_, *b.protected]
    return {p[0] for p in pairs}, {p[1] for p in pairs}


def _load_blocks(root: etree._Element) -> list[_Block]:
    out = []
    for el in spans.blocks(root):
        text = spans.text_of(el)
        low = text_lower(text)
        protected = [(s, e, (child.get("ref") or "").lstrip("#").split(" ")[0] or None)
                     for child, s, e in spans.element_spans(el)
                     if etree.QName(child).localname in KIND_OF_NAME]
        out.append(_Block(el, text, low, Tokens(low), protected))
    return out


class DocumentNames:
    def __init__(self, root: etree._Element, register):
        self.index, self.matcher = index_and_matcher(register)
        self.blocks = _load_blocks(root)
        self.last_mention: dict[str, int] = {}
        self.clock = 0

    # -- step 1: matches and candidates per block ---------------------------------
    def _choose(self, b: _Block) -> None:
        b.raw = self.matcher.all_matches(b.low)
        free = [m for m in b.raw if not _overlaps(m.start, m.end, b.protected)]
        chosen = longest_first(free, key=lambda m: (m.start, m.end))
        kept: list = []
        for m in chosen:
            senses = self.index.lookup(m.form)
            if all(s.kind == "person" for s in senses):
                thing = context.thing_after_person(b.tokens, m.start, m.end)
                if thing is not None:
                    kind, end = thing
                    if kind:
                        kept.append(Candidate(m.start, end, kind, "thing-name"))
                    continue
                if context.thing_before_person(b.tokens, m.start):
                    continue
            kept.append(m)

        def kind_at(pos: int) -> set[str]:
            """Kinds the register gives a name starting at pos (general resources do not count)."""
            return {s.kind for m in kept if isinstance(m, Match) and m.start == pos
                    for s in self.index.lookup(m.form) if s.entry}

        place_matches = [m for m in kept if isinstance(m, Match)
                         and any(s.kind == "place" for s in self.index.lookup(m.form))]

        def place_span_ending(pos: int) -> int | None:
            return next((m.start for m in place_matches if m.end == pos), None)

        def place_span_starting(pos: int) -> int | None:
            return next((m.end for m in place_matches if m.start == pos), None)

        match_starts = {m.start for m in kept if isinstance(m, Match)}
        person_ends = {m.end for m in kept if isinstance(m, Match)}
        cands = patterns.person_candidates(b.tokens, lambda p: bool(kind_at(p) - {"person"}),
                                           person_ends.__contains__, self.things)
        known = [(m.start, m.end) for m in kept]

        def overlaps_known(start: int, end: int) -> bool:
            return _overlaps(start, end, known)

        cands += given.person_candidates(b.tokens, overlaps_known, self.things)
        cands += given.speaker_candidates(b.tokens, overlaps_known)
        cands += patterns.org_candidates(b.tokens, place_span_ending)

        cands += orgs.institution_candidates(b.tokens, place_span_starting)
        cands += orgs.named_institution_candidates(b.tokens, overlaps_known)
        cands += places.place_candidates(b.tokens, place_span_ending, match_starts.__contains__)
        cands += cues.alias_candidates(b.tokens) + cues.double_name_candidates(b.tokens)
        cands += cues.newspaper_candidates(b.tokens) + cues.acronym_definitions(b.tokens)
        cands = [self._thing_or_person(b, c) for c in cands if not _overlaps(c.start, c.end, b.protected)]
        cands = [c for c in cands if c is not None]
        # longest wins; on equal length the index (register) match wins
        ranked = sorted(kept + cands, key=lambda s: (-(s.end - s.start), isinstance(s, Candidate), s.start))
        taken, chosen2 = [], []
        for s in ranked:
            if _overlaps(s.start, s.end, taken):
                continue
            taken.append((s.start, s.end))
            chosen2.append(s)
        b.spans = sorted(chosen2, key=lambda s: s.start)

    @staticmethod
    def _thing_or_person(b: _Block, c: Candidate) -> Candidate | None:
        """"ivan franko national university": a person candidate that names a thing."""
        if c.kind != "person":
            return c
        thing = context.thing_after_person(b.tokens, c.start, c.end)
        if thing is None:
            return c
        kind, end = thing
        return Candidate(c.start, end, kind, "thing-name") if kind else None

    # -- step 2: evidence over the whole document ---------------------------------
    def _evidence(self) -> None:
        self.full_present: set[str] = set()
        self.cued: set[str] = set()
        for b in self.blocks:
            for m in b.raw:
                if " " in m.form or "-" in m.form:
                    self.full_present.update(s.entry for s in self.index.lookup(m.form) if s.entry)
            starts, ends = _edges(b, ((s.start, s.end) for s in b.spans))
            for s in b.spans:
                if isinstance(s, Match) and s.form in COMMON_WORDS and \
                        context.supports_person(b.tokens, s.start, s.end, starts, ends):
                    self.cued.add(s.form)

    # -- step 3: resolution in document order -------------------------------------
    def _resolve_match(self, b: _Block, m: Match) -> Found | None:
        senses = self.index.lookup(m.form)
        reg = [s for s in senses if s.entry]
        if not reg:
            s = senses[0]
            return Found(0, m.start, m.end, s.kind, None, "low", s.source)
        if m.form in COMMON_WORDS and not self._common_word_is_name(b, m, reg):
            return None
        entries = list(dict.fromkeys(s.entry for s in reg))
        if len(entries) > 1:
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
                        return Found(0, m.start, m.end, kinds.pop(), None, "low", "register")
                    return None
                entry, cert = whole[0], "medium"
        else:
            entry = entries[0]
            types = {s.name_type for s in reg}
            cert = min((CERT_OF_TYPE.get(t, "medium") for t in types), key=["high", "medium", "low"].index)
            if m.form in COMMON_WORDS:
                cert = "medium"
        kind = self.index.entry_kind[entry]
        return Found(0, m.start, m.end, kind, entry, cert, "register")

    def _common_word_is_name(self, b: _Block, m: Match, reg: list[Sense]) -> bool:
        if not any(s.kind == "person" and s.entry in self.full_present for s in reg):
            return False
        if context.blocked_by_word_before(b.tokens, m.start, m.end):
            return False
        if context.supports_person(b.tokens, m.start, m.end, *_edges(b, ((s.start, s.end) for s in b.spans))):
            return True
        nxt = b.tokens.after(m.end, 1)
        return m.form in self.cued and not (nxt and nxt[0].word in NOT_NAME_AFTER)

    def _resolve_candidate(self, b: _Block, c: Candidate) -> Found:
        inner = {s.entry for m in b.raw if c.start <= m.start and m.end <= c.end
                 for s in self.index.lookup(m.form) if s.entry and s.kind == c.kind}
        entry = inner.pop() if len(inner) == 1 else None
        return Found(0, c.start, c.end, c.kind, entry, "medium" if entry else "low", c.why)

    def find(self) -> list[Found]:
        self.things: set[str] = set()
        for b in self.blocks:
            self.things |= patterns.things_named(b.tokens)
        for b in self.blocks:
            self._choose(b)
        self._evidence()
        found: list[Found] = []
        for n, b in enumerate(self.blocks):
            items = [(s, e, ref) for s, e, ref in b.protected]
            items += [(s.start, s.end, s) for s in b.spans]
            for _, _, what in sorted(items, key=lambda x: (x[0], -x[1])):
                if what is None or isinstance(what, str):   # existing markup
                    if what:
                        self._mention(what)
                    continue
                f = (self._resolve_match(b, what) if isinstance(what, Match)
                     else self._resolve_candidate(b, what))
                if f is None:
                    continue
                if f.entry:
                    self._mention(f.entry)
                found.append(Found(n, f.start, f.end, f.kind, f.entry, f.cert, f.why,
                                   b.text[f.start:f.end]))
        acronyms = [a for a in self._acronyms(found)
                    if not any(f.block == a.block and f.start < a.end and a.start < f.end for f in found)]
        found += acronyms
        found += self._consistency(found)
        found = self._surnames_are_persons(found)
        return sorted(found, key=lambda f: (f.block, f.start))

    def _mention(self, entry: str) -> None:
        self.clock += 1
        self.last_mention[entry] = self.clock

    # -- step 4: names found by a pattern are tagged wherever they recur -----------
    def _recurring_forms(self, found: list[Found]) -> dict[str, str]:
        """Form -> kind of every name a pattern found that stands for itself elsewhere too."""
        forms: dict[str, str] = {}
        self.cued_surnames: set[str] = set()
        for f in found:
            if f.entry:
                continue
            form = f.text.lower()
            if f.why in ("title", "given-name"):
                forms.setdefault(form, f.kind)
                last = form.split()[-1]
                if " " in form and looks_like_name(last) and len(last) >= MIN_SURNAME \
                        and last not in GIVEN_NAMES and last not in self.index:
                    forms.setdefault(last, f.kind)
                elif " " in form and last in SURNAME_WORDS and f.kind == "person":
                    self.cued_surnames.add(last)
                    forms.setdefault(last, f.kind)
            elif f.why in cues.PROPAGATED or f.why in ("acronym", "speaker"):
                forms.setdefault(form, f.kind)
            elif f.why in places.PROPAGATED:
                word = places.propagated_form(form, Candidate(0, len(form), f.kind, f.why))
                if word and len(word) >= MIN_SURNAME:
                    forms.setdefault(word, f.kind)
        return forms

    def _acronyms(self, found: list[Found]) -> list[Found]:
        """"russian social democratic labour party (rsdlp)": the acronym names the same thing."""
        out = []
        for f in found:
            if f.kind == "person":
                continue
            b = self.blocks[f.block]
            hit = cues.acronym_after(b.low, f.start, f.end)
            if hit and not _overlaps(*hit, b.protected):
                out.append(Found(f.block, hit[0], hit[1], f.kind, f.entry, "low", "acronym",
                                 b.text[hit[0]:hit[1]]))
        return out

    def _consistency(self, found: list[Found]) -> list[Found]:
        forms = self._recurring_forms(found)
        if not forms:
            return []
        matcher = Matcher(forms)
        taken: dict[int, list[tuple[int, int]]] = {}
        for f in found:
            taken.setdefault(f.block, []).append((f.start, f.end))
        extra = []
        for n, b in enumerate(self.blocks):
            busy = taken.get(n, []) + [(p[0], p[1]) for p in b.protected] + \
                [(m.start, m.end) for m in b.spans]
            for m in longest_first(matcher.all_matches(b.low), key=lambda m: (m.start, m.end)):
                if forms[m.form] == "person" and (
                        context.thing_after_person(b.tokens, m.start, m.end) is not None
                        or context.thing_before_person(b.tokens, m.start)):
                    continue
                if m.form in self.cued_surnames and not self._cued(b, m, taken.get(n, [])):
                    continue
                if not _overlaps(m.start, m.end, busy):
                    extra.append(Found(n, m.start, m.end, forms[m.form], None, "low",
                                       "consistency", b.text[m.start:m.end]))
        return extra

    @staticmethod
    def _cued(b: _Block, m: Match, spans_: list[tuple[int, int]]) -> bool:
        """A surname that is also a common word ("north") is a name only where the context says so."""
        if context.blocked_by_word_before(b.tokens, m.start, m.end):
            return False
        return context.supports_person(b.tokens, m.start, m.end, *_edges(b, spans_))

    def _surnames_are_persons(self, found: list[Found]) -> list[Found]:
        """A town that is also the surname of a person in the text ("kirov") is the person."""
        surnames = {f.text.lower().split()[-1] for f in found
                    if f.kind == "person" and " " in f.text.strip()}
        return [Found(f.block, f.start, f.end, "person", None, "low", "consistency", f.text)
                if f.kind == "place" and not f.entry and f.text.lower() in surnames else f
                for f in found]


def find_names(root: etree._Element, register) -> tuple[list[Found], list[etree._Element]]:
    """Every name the pass would add to *root*, and the blocks their offsets refer to."""
    doc = DocumentNames(root, register)
    return doc.find(), [b.element for b in doc.blocks]

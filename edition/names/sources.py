"""The candidate sources of the names pass: one table, one signature.

:data:`SOURCES` lists the sources in the order they run, each a :class:`Row`
``(name, find, rank)``. ``find(block, doc) -> list[Span]`` proposes persons,
places and organizations (``kind`` "person", "place" or "org") in one block
(:class:`~.document.Block`: its text, lowercase text, words, existing markup, the
matches of the name index, and what the rows before it proposed, by row name,
in ``block.proposed``); *doc* (:class:`~.document.DocumentNames`) is the
per-document state (the name index, the blocks, words used as names of things).
Each source owns its data: the register's name index, the model's weights, a rule's
word tables.

How the rows work together:

* Everything proposed goes into one selection (:func:`edition.selection.select`):
  the longest span wins, then the row ranked first (``rank``: :data:`REGISTER` <
  :data:`RULES` < :data:`MODEL`), then the earliest. The model's row comes last and
  proposes only where the rows before it leave a gap (:mod:`.model_source`). A span ranks with its row; a row
  may rank a span of its own lower (a larger number), never higher.
* A span's ``source`` names the rule that found it (a rule row may hold several:
  "title" and "given-name"); the document steps use it (:mod:`.consistency`).
* A span may carry its own ``resp`` and ``cert`` (and ``score``): the model's spans
  point to the model's ``respStmt`` (``resp("model")``) with a cert from its score;
  the others get the names pass's ``@resp``, and ``cert`` "low" until resolution
  (:mod:`.resolve`) finds a register entry.

To add a rule: write ``find(block, doc)`` (use :func:`rule_spans` to drop what
overlaps existing markup and to turn "X museum" from a person into a place), and
add a row. A new rule is a new row, not a new branch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ..selection import RangeIndex, Span, select
from . import context, cues, given, honorifics, orgs, patterns, places
from .model_source import model_candidates
from .resolve import REGISTER_SOURCE

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, DocumentNames

#: ranks of the rows (lower wins a tie in length)
REGISTER, RULES, MODEL = 0, 1, 2


class Row(NamedTuple):
    name: str
    find: Callable[[Block, DocumentNames], list[Span]]
    rank: int = RULES


# -- the register (and the general name index) --------------------------------------

def register_matches(b: Block, doc: DocumentNames) -> list[Span]:
    """Forms of the name index: the register's names (and the well-known places and
    organizations and the gazetteer's places, which point to no entry), the longest of
    overlapping forms first. A person's name that is part of a thing's ("the nobel
    prize", "the cult of napoleon", "the goethe institute") is not the person."""
    free = [m for m in b.matches if not b.guard.overlaps(m.start, m.end)]
    chosen = select(Span(m.start, m.end, doc.index.lookup(m.form)[0].kind, REGISTER_SOURCE, data=m.form)
                    for m in free)
    out = []
    for s in chosen:
        if all(sense.kind == "person" for sense in doc.index.lookup(s.data)):
            thing = context.thing_after_person(b.tokens, s.start, s.end)
            if thing is not None:
                kind, end = thing
                if kind:
                    out.append(Span(s.start, end, kind, "thing-name", rank=RULES))
                continue
            if context.thing_before_person(b.tokens, s.start, doc.things_before_person):
                continue
        out.append(s)
    return out


# -- what the rules know of the register's matches ----------------------------------

class Known:
    """The register row's spans in one block, as the rules ask about them."""

    def __init__(self, b: Block, doc: DocumentNames):
        kept = b.proposed.get("register", [])
        matches = [s for s in kept if s.source == REGISTER_SOURCE]
        self.spans = RangeIndex((s.start, s.end) for s in kept)
        self.starts = {s.start for s in matches}
        self.ends = {s.end for s in matches}
        self._entry_kinds: dict[int, set[str]] = {}
        for s in matches:
            self._entry_kinds.setdefault(s.start, set()).update(
                sense.kind for sense in doc.index.lookup(s.data) if sense.entry)
        self._ending: dict[int, int] = {}           # where a register place ends -> its start
        self._starting: dict[int, int] = {}         # where one starts -> its end (the first in order)
        for s in matches:
            if any(x.kind == "place" for x in doc.index.lookup(s.data)):
                self._ending.setdefault(s.end, s.start)
                self._starting.setdefault(s.start, s.end)

    def other_kind_at(self, pos: int) -> bool:
        """Does a register name of another kind than person start at pos?"""
        return bool(self._entry_kinds.get(pos, set()) - {"person"})

    def place_ending(self, pos: int) -> int | None:
        return self._ending.get(pos)

    def place_starting(self, pos: int) -> int | None:
        return self._starting.get(pos)

    def overlaps(self, start: int, end: int) -> bool:
        return self.spans.overlaps(start, end)


def known(b: Block, doc: DocumentNames) -> Known:
    if "known" not in b.memo:
        b.memo["known"] = Known(b, doc)
    return b.memo["known"]


def rule_spans(b: Block, spans: list[Span]) -> list[Span]:
    """A rule's spans without those over existing markup; a person that names a thing
    ("ada lovelace building") becomes the thing, or nothing."""
    out = []
    for c in spans:
        if b.guard.overlaps(c.start, c.end):
            continue
        if c.kind == "person":
            thing = context.thing_after_person(b.tokens, c.start, c.end)
            if thing is not None:
                kind, end = thing
                if kind:
                    out.append(Span(c.start, end, kind, "thing-name"))
                continue
        out.append(c)
    return out


# -- the rules, one row each ---------------------------------------------------------

def titled_and_given_names(b: Block, doc: DocumentNames) -> list[Span]:
    """"colonel playfair", "sir walter elford", "charles dickens" (curated given names)."""
    k = known(b, doc)
    return rule_spans(b, patterns.person_candidates(b.tokens, k.other_kind_at, k.ends.__contains__,
                                                    doc.things))


def honorific_names(b: Block, doc: DocumentNames) -> list[Span]:
    """"Mr. Milman", "mrs. hofland", "Sir W. Elford": a name after an honorific."""
    k = known(b, doc)
    return rule_spans(b, [s for s in honorifics.honorific_persons(b.tokens, b.text, doc.cased)
                          if not k.overlaps(s.start, s.end)])


def more_given_names(b: Block, doc: DocumentNames) -> list[Span]:
    """A given name of the large dictionary and a surname: "septimus cook"."""
    return rule_spans(b, given.person_candidates(b.tokens, known(b, doc).overlaps, doc.things))


def speakers(b: Block, doc: DocumentNames) -> list[Span]:
    """"humboldt remarked": an unknown word before a speech verb."""
    return rule_spans(b, given.speaker_candidates(b.tokens, known(b, doc).overlaps))


def organization_heads(b: Block, doc: DocumentNames) -> list[Span]:
    """"the central committee", "the boston city council"."""
    return rule_spans(b, patterns.org_candidates(b.tokens, known(b, doc).place_ending))


def institutions_of(b: Block, doc: DocumentNames) -> list[Span]:
    """"the university of edinburgh", "the academy of sciences"."""
    return rule_spans(b, orgs.institution_candidates(b.tokens, known(b, doc).place_starting))


def named_institutions(b: Block, doc: DocumentNames) -> list[Span]:
    """"harvard university", "the smithsonian institution"."""
    return rule_spans(b, orgs.named_institution_candidates(b.tokens, known(b, doc).overlaps))


def bodies_of(b: Block, doc: DocumentNames) -> list[Span]:
    """"the ministry of finance", "the league of nations", "the bank of england"."""
    return rule_spans(b, orgs.body_of_candidates(b.tokens, known(b, doc).place_starting))


def portfolios(b: Block, doc: DocumentNames) -> list[Span]:
    """"the war office", "the foreign ministry"."""
    return rule_spans(b, orgs.portfolio_before_candidates(b.tokens))


def firms(b: Block, doc: DocumentNames) -> list[Span]:
    """"the turkish petroleum company", "the ottoman bank"."""
    return rule_spans(b, orgs.firm_candidates(b.tokens, known(b, doc).place_ending))


def place_rules(b: Block, doc: DocumentNames) -> list[Span]:
    """"lake titicaca", "montgomery county", "at winchester" ..."""
    k = known(b, doc)
    return rule_spans(b, places.place_candidates(b.tokens, k.place_ending, k.starts.__contains__))


def aliases(b: Block, doc: DocumentNames) -> list[Span]:
    """"the pen name boz"."""
    return rule_spans(b, cues.alias_candidates(b.tokens))


def double_names(b: Block, doc: DocumentNames) -> list[Span]:
    return rule_spans(b, cues.double_name_candidates(b.tokens))


def newspapers(b: Block, doc: DocumentNames) -> list[Span]:
    return rule_spans(b, cues.newspaper_candidates(b.tokens))


def acronym_definitions(b: Block, doc: DocumentNames) -> list[Span]:
    return rule_spans(b, cues.acronym_definitions(b.tokens))


def model(b: Block, doc: DocumentNames) -> list[Span]:
    """The trained recogniser's names (a person that names a thing is the thing, as for the rules)."""
    return rule_spans(b, model_candidates(b, doc))


#: the candidate sources of the names pass, in the order they run
SOURCES: tuple[Row, ...] = (
    Row("register", register_matches, REGISTER),
    Row("titles and given names", titled_and_given_names),
    Row("honorifics", honorific_names),
    Row("more given names", more_given_names),
    Row("speakers", speakers),
    Row("organization heads", organization_heads),
    Row("institutions of", institutions_of),
    Row("named institutions", named_institutions),
    Row("bodies of", bodies_of),
    Row("portfolios", portfolios),
    Row("firms", firms),
    Row("place rules", place_rules),
    Row("aliases", aliases),
    Row("double names", double_names),
    Row("newspapers", newspapers),
    Row("acronym definitions", acronym_definitions),
    # the trained recogniser fills the gaps the register and the rules leave (edition.names.model_source)
    Row("model", model, MODEL),
)
#: the table without the trained recogniser: the register and the rules only
RULE_SOURCES: tuple[Row, ...] = tuple(row for row in SOURCES if row.name != "model")

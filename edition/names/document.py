"""Finding the names of a whole document: candidate sources, one selection, then document steps.

1. Per block, every row of the table :data:`.sources.SOURCES` proposes
   :class:`~edition.selection.Span` candidates (the register's forms, the trained
   model, the rules); a row sees what the rows before it proposed for the block.
2. Per block, one selection (:func:`edition.selection.select`) keeps non-overlapping
   spans: existing name markup is protected, the longer span wins, then the row
   ranked first (the register before the model before the rules).
3. In document order, each kept span is resolved (:mod:`.resolve`): which register
   entry, which kind, how sure ("the most recently mentioned" decides between two
   entries of one form).
4. The document-level steps of :data:`.consistency.DOCUMENT_STEPS` run on the result,
   in order: acronyms, then "one document, one reading" (a name found once is
   found wherever it recurs; a town that is a person's surname is the person).

The result is a list of spans with ``block`` (an index into the blocks), offsets,
``kind``, ``entry`` (a register id or None), ``cert`` and ``resp`` (None: the names
pass itself); :mod:`edition.passes.names` wraps them, and :mod:`edition.candidates`
lists those without a register id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from lxml import etree

from .. import lexicon as lexicon_mod
from .. import spans
from ..ner.features import is_cased
from ..register import KIND_OF_NAME
from ..selection import RangeIndex, Span, select
from . import consistency, patterns, resolve
from .sources import RULE_SOURCES, SOURCES
from .cache import index_and_matcher
from .forms import text_lower
from .match import Match, Matcher
from .tokens import Tokens
from .wordlists import COMMON_WORDS, THING_HEADS_BEFORE_PERSON


@dataclass
class Block:
    """One text block as the sources of the names pass see it."""
    element: etree._Element
    text: str
    low: str                                          # lowercased, same offsets
    tokens: Tokens
    protected: list[tuple[int, int, str | None]]      # existing names: start, end, ref
    matches: list[Match] = field(default_factory=list)    # every form of the name index, overlaps included
    proposed: dict[str, list[Span]] = field(default_factory=dict)   # row name -> its spans
    spans: list[Span] = field(default_factory=list)   # the selection, in text order
    memo: dict = field(default_factory=dict)          # what rows derive once per block
    index: int = 0                                    # its place among the document's blocks

    @cached_property
    def guard(self) -> RangeIndex:
        """The existing names, asked whether a span overlaps one (in O(log n): a long block of a
        hand-edited file holds thousands)."""
        return RangeIndex(self.protected)


def _load_blocks(root: etree._Element, matcher: Matcher) -> list[Block]:
    out = []
    for el in spans.blocks(root):
        text, elements = spans.text_and_element_spans(el)
        low = text_lower(text)
        protected = [(s, e, (child.get("ref") or "").lstrip("#").split(" ")[0] or None)
                     for child, s, e in elements
                     if etree.QName(child).localname in KIND_OF_NAME]
        out.append(Block(el, text, low, Tokens(low), protected, matcher.all_matches(low), index=len(out)))
    return out


class DocumentNames:
    """The per-document state the sources and steps share (one reading per document)."""

    def __init__(self, root: etree._Element, register, lexicon=None, sources=None, recogniser=None):
        self.lexicon = lexicon if lexicon is not None else lexicon_mod.empty()
        self.index, self.matcher = index_and_matcher(register, self.lexicon)
        #: register names that are also English words (or words of this edition's texts)
        self.common_words = COMMON_WORDS | self.lexicon.common_words
        #: word sequences before a person's name that make it part of a thing's name
        self.things_before_person = THING_HEADS_BEFORE_PERSON + self.lexicon.things_before_person
        self.blocks = _load_blocks(root, self.matcher)
        self.sources = SOURCES if sources is None else sources
        #: whether the document keeps its capitals (decided once, over the words of all its blocks)
        self.cased = is_cased(b.text[t.start:t.end] for b in self.blocks for t in b.tokens.items)
        #: the model's mentions of the blocks, found beside (edition.ner.beside), or None
        self.beside = None
        if recogniser is not None and self.cased and self.sources is SOURCES:
            self.beside = recogniser.submit([b.text for b in self.blocks], self.cased)
        #: words used as the name of a thing somewhere ("the steamer hope"): persons nowhere
        self.things: set[str] = set()
        for b in self.blocks:
            self.things |= patterns.things_named(b.tokens)

    def propose(self, b: Block) -> list[Span]:
        """Every row's spans for block *b*, in table order, ranked with their row (a row may
        rank a span of its own lower than itself, never higher)."""
        out: list[Span] = []
        for row in self.sources:
            found = [s if s.rank >= row.rank else replace(s, rank=row.rank) for s in row.find(b, self)]
            b.proposed[row.name] = found
            out.extend(found)
        return out

    def find(self) -> list[Span]:
        for b in self.blocks:
            b.spans = select(self.propose(b), b.protected)
        if self.beside is not None:
            self.beside.stop()                  # the rest is found: the process beside stops
        found = resolve.resolve_document(self)
        for _, step in consistency.DOCUMENT_STEPS:
            found = step(self, found)
        return sorted(found, key=lambda f: (f.block, f.start))


def find_names(root: etree._Element, register, lexicon=None, model: bool = True, recogniser=None
               ) -> tuple[list[Span], list[etree._Element]]:
    """Every name the pass would add to *root* (with the edition's *lexicon*, if any), and the
    blocks their offsets refer to (*recogniser*: :class:`edition.ner.beside.Recogniser`)."""
    doc = DocumentNames(root, register, lexicon, None if model else RULE_SOURCES, recogniser)
    return doc.find(), [b.element for b in doc.blocks]

"""The trained statistical recogniser's row of the names pass (see :data:`.sources.SOURCES`).

:func:`model_candidates` has the signature of every candidate source,
``(block, doc) -> list[Span]``. It tags the block's text as written, so the model
uses capitals where the text has them (whether a document keeps its capitals is
decided once for the whole document, ``doc.cased``), and proposes
persons, places and organizations with:

* ``source="model"``, ``score`` the model's confidence (0..1), ``cert`` from it
  (:func:`edition.selection.cert_of_score`), and ``resp=resp("model")``: the
  header has a ``respStmt`` "edition-model" for it, so an editor can tell the
  model's suggestions from the rules' and review them;
* no ``entry``: resolution (:mod:`.resolve`) links a model span to the one
  register entry of its kind inside it, if there is exactly one.

The row runs after the register and the rules, and yields to them: where the
register or a rule proposes a name (their own selection), the model proposes
nothing that overlaps it, unless its mention contains that name and is longer
("Eliza Jordan" over the gazetteer's "Jordan"). The model fills the gaps the rules
leave; measured on GUM's development documents this is better than letting the
longer span win everywhere.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain
from typing import TYPE_CHECKING

from ..ner import recognise
from ..resp import resp
from ..selection import Span, cert_of_score, select
from .english import is_english_word

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, DocumentNames

SOURCE = "model"
RESP = resp("model")
#: in a text without capitals, a single English word ("board") is a name only from this score
MIN_WORD_SCORE = 0.6


def _yields(m, taken: list[Span], starts: list[int]) -> bool:
    """Whether a mention gives way to the others' names: it overlaps one that it does not contain
    ("Eliza Jordan" contains the gazetteer's "Jordan" and wins; it is a longer reading). *taken*:
    the block's selection (in text order, no two overlapping), *starts* their starts."""
    j = bisect_left(starts, m.end) - 1            # the last that starts before the mention ends
    while j >= 0 and taken[j].end > m.start:      # ... back to the first that ends after it starts
        t = taken[j]
        if not (m.start <= t.start and t.end <= m.end and t.length < m.end - m.start):
            return True
        j -= 1
    return False


def model_candidates(block: Block, doc: DocumentNames) -> list[Span]:
    """The model's persons, places and organizations in *block*, where nothing else stands."""
    taken = select(chain.from_iterable(block.proposed.values()), block.protected)
    starts = [t.start for t in taken]
    cased = doc.cased
    out = []
    found = doc.beside.get(block.index, block.text) if doc.beside is not None else None
    for m in found if found is not None else recognise.mentions(block.text, cased):
        if block.guard.overlaps(m.start, m.end) or _yields(m, taken, starts):
            continue
        if not cased and m.score < MIN_WORD_SCORE and is_english_word(block.low[m.start:m.end]):
            continue
        out.append(Span(m.start, m.end, m.kind, SOURCE, cert=cert_of_score(m.score),
                        score=round(m.score, 3), resp=RESP))
    return out

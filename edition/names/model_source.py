"""The trained statistical recogniser's row of the names pass (see :data:`.sources.SOURCES`).

The trained recogniser plugs in here: :func:`model_candidates` has the signature of
every candidate source, ``(block, doc) -> list[Span]``. Until the model is wired in
it proposes nothing.

What its spans should carry (see :class:`edition.selection.Span`):

* ``kind`` "person", "place" or "org", offsets into ``block.text`` (``block.low`` is
  the same text lowercased, with the same offsets);
* ``source="model"``, ``score`` the model's confidence (0..1), ``cert`` from it
  (:func:`edition.selection.cert_of_score`), and ``resp=resp("model")`` (from
  :mod:`edition.resp`): the header has a ``respStmt`` "edition-model" for it, so an
  editor can tell the model's suggestions from the rules' and review them;
* no ``entry``: resolution (:mod:`.resolve`) links a model span to the one register
  entry of its kind inside it, if there is exactly one.

The row ranks after the register and before the rules (:data:`.sources.MODEL`): on
equal length the register's span wins over the model's, the model's over a rule's.
``block.proposed["register"]`` holds the register row's spans, if the model wants to
leave them alone; ``doc`` is the per-document state (for one reading per document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..selection import Span

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, DocumentNames


def model_candidates(block: Block, doc: DocumentNames) -> list[Span]:
    """The trained recogniser's persons, places and organizations in *block* (none yet)."""
    return []

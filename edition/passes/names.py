"""The names pass: persName, placeName and orgName, linked to the register.

Every mention of a person, place or organization the register knows is wrapped
in its element with ``@ref="#id"``; names found only by general resources or
patterns get ``@cert="low"`` and no ``@ref``; the trained model's suggestions carry
its own ``@resp``. The work is done in :mod:`edition.names` (a table of candidate
sources, :mod:`edition.names.sources`); this module only wraps what it found. Spans inside
existing name markup are never touched, so the pass can run again safely.
"""

from __future__ import annotations

from .. import T
from ..resp import resp
from .. import spans
from ..names.document import find_names
from ..register import NAME_OF_KIND
from ..selection import Span, tei_attributes

RESP = resp("names")


def attributes(found: Span) -> dict[str, str]:
    """@ref (a register entry), @resp (the pass's, or the span's own: the model's), @cert."""
    return tei_attributes(found, RESP)


def mark_names(root, ctx) -> None:
    found, blocks = find_names(root, ctx.register, ctx.lexicon, model=ctx.model, recogniser=ctx.recogniser)
    # right to left inside a block, so earlier offsets stay valid and the block's text
    # segments are read once (a wrap leaves the segments before it as they were)
    segs: dict[int, list] = {}
    for f in sorted(found, key=lambda f: (f.block, -f.start)):
        block = blocks[f.block]
        if f.block not in segs:
            segs[f.block] = spans.segments(block)
        spans.wrap(block, f.start, f.end, T + NAME_OF_KIND[f.kind], attributes(f), segs=segs[f.block])
    for cut in segs.values():       # the strings the wraps cut, written into the blocks once
        cut.flush()

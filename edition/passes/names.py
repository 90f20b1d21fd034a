"""The names pass: persName, placeName and orgName, linked to the register.

Every mention of a person, place or organization the register knows is wrapped
in its element with ``@ref="#id"``; names found only by general resources or
patterns get ``@cert="low"`` and no ``@ref``. The work is done in
:mod:`edition.names`; this module only wraps what it found. Spans inside
existing name markup are never touched, so the pass can run again safely.
"""

from __future__ import annotations

from .. import T
from ..resp import resp
from .. import spans
from ..names.document import Found, find_names
from ..register import NAME_OF_KIND

RESP = resp("names")


def attributes(found: Found) -> dict[str, str]:
    attrib = {}
    if found.entry:
        attrib["ref"] = "#" + found.entry
    attrib["resp"] = RESP
    attrib["cert"] = found.cert
    return attrib


def mark_names(root, ctx) -> None:
    found, blocks = find_names(root, ctx.register)
    # right to left inside a block, so earlier offsets stay valid (wrap keeps them anyway)
    for f in sorted(found, key=lambda f: (f.block, -f.start)):
        spans.wrap(blocks[f.block], f.start, f.end, T + NAME_OF_KIND[f.kind], attributes(f))

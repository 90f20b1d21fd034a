"""Names the machine found that the register does not have: what to add to the register.

:func:`suggest` runs the name finder over a copy of a TEI document and collects
every name without ``@ref``: those the names pass would add now, and those an
earlier run already tagged (machine markup, ``@resp="#edition-names"`` or the trained model's
``#edition-model``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from . import spans
from .register import KIND_OF_NAME, NAME_OF_KIND

CONTEXT_CHARS = 40
MAX_CONTEXTS = 3


@dataclass
class Suggestion:
    name: str                 # the form as the text has it (lowercased for grouping)
    type: str                 # persName | placeName | orgName
    count: int = 0
    contexts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "count": self.count,
                "contexts": self.contexts}


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    left = text[max(0, start - width):start].split("\n")[-1]
    right = text[end:end + width].split("\n")[0]
    return f"{left}[{text[start:end]}]{right}".strip()


def suggest(root: etree._Element, register, max_contexts: int = MAX_CONTEXTS,
            lexicon=None) -> list[Suggestion]:
    """Machine-suggested names without a register entry, most frequent first (*lexicon*: the
    edition's, see :mod:`edition.lexicon`)."""
    from .names.document import find_names          # the name finder, loaded only when used
    from .passes.names import RESP
    from .resp import resp
    work = copy.deepcopy(root)
    found, blocks = find_names(work, register, lexicon)
    by_key: dict[tuple[str, str], Suggestion] = {}

    def note(element: str, text: str, start: int, end: int) -> None:
        name = " ".join(text[start:end].lower().split())
        s = by_key.setdefault((element, name), Suggestion(name, element))
        s.count += 1
        if len(s.contexts) < max_contexts:
            s.contexts.append(_context(text, start, end))

    texts = [spans.text_of(b) for b in blocks]
    for f in found:
        if f.entry is None:
            note(NAME_OF_KIND[f.kind], texts[f.block], f.start, f.end)
    for n, block in enumerate(blocks):
        for el, start, end in spans.element_spans(block):
            local = etree.QName(el).localname
            if local in KIND_OF_NAME and not el.get("ref") and el.get("resp") in (RESP, resp("model")):
                note(local, texts[n], start, end)
    return sorted(by_key.values(), key=lambda s: (-s.count, s.type, s.name))

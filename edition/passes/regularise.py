"""The regularisation pass: the reading text of a damaged source, every change recorded.

For a text that lost its capitals (and with them, often, its non-ASCII letters), every
change the reading text makes is written into the TEI as ``choice``/``orig``/``reg`` with
``@resp="#edition-reading"`` and a ``@cert`` (see :mod:`edition.reading.encode`); text
lost with its characters becomes a ``gap``. The diplomatic text stays exactly as it is.
A text that keeps its capitals is left alone: its reading text is its diplomatic text.
The header's ``normalization`` says what was done and how often.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from .. import T
from ..ner.features import is_cased
from ..reading.damage import lost_letters
from ..reading.document import one_reading
from ..reading.edits import Reading, block_words, finish, truecaser_text
from ..reading.encode import encode_all
from ..spans import blocks, text_of
from . import Context

#: what each kind of change is, for the header's declaration
KIND_LABELS = (
    ("case", "capitals restored"),
    ("letters", "letters the source lost restored"),
    ("dash", "dashes the source lost restored"),
    ("space", "spaces lost between sentences restored"),
    ("gap", "places where the source lost text marked as gaps"),
)


def damaged_document(texts: list[str]) -> bool:
    """A source regularised here: one that lost its capitals."""
    return not is_cased(word for t in texts for word in t.split())


def recase_beside(root: etree._Element, sidecar):
    """Send the texts the truecaser will read to *sidecar* (:class:`edition.truecase.beside.Sidecar`)
    when *root* (read, before the passes) is a damaged document long enough: the answers to come
    (:attr:`Context.truecased`), or None."""
    if sidecar is None:
        return None
    texts = [text_of(b) for b in blocks(root)]
    if not sidecar.worth(sum(map(len, texts))) or not damaged_document(texts):
        return None
    return sidecar.submit([truecaser_text(t) for t in texts])


def regularise(root: etree._Element, ctx: Context) -> Counter:
    """Record the reading text of *root* beside its diplomatic text; the changes by kind."""
    todo = list(blocks(root))
    texts = [text_of(b) for b in todo]
    done: Counter = Counter()
    # (answers from the truecaser beside: found damaged already, on the same texts)
    if ctx.truecased is None and not damaged_document(texts):
        return done
    reading = Reading(ctx.register, letters_lost=lost_letters(texts), truecased=ctx.truecased)
    found = [block_words(block, reading) for block in todo]
    one_reading([words for _, words, _, _ in found])
    for block, (_, words, fixed, inserts) in zip(todo, found):
        for span in encode_all(block, finish(words, fixed, inserts)):
            done[span.kind] += 1
    declare(root, done)
    return done


def declare(root: etree._Element, done: Counter) -> None:
    """Say in ``encodingDesc/editorialDecl/normalization`` what the reading text changes."""
    if not done:
        return
    decl = root.find(f"{T}teiHeader/{T}encodingDesc/{T}editorialDecl")
    if decl is None:
        return
    norm = decl.find(T + "normalization")
    if norm is None:
        norm = etree.Element(T + "normalization")
        after = decl.find(T + "correction")
        if after is not None:
            after.addnext(norm)
        else:
            decl.insert(0, norm)
    counts = "; ".join(f"{label}: {done[kind]:,}" for kind, label in KIND_LABELS if done[kind])
    p = etree.SubElement(norm, T + "p")
    p.text = ("The source lost its capitals. A reading text is recorded beside the diplomatic text, "
              "which is kept exactly: each change is a choice of orig (the source) and reg (the reading "
              "text), with resp=\"#edition-reading\", a cert, and a type (case, letters, dash, space); "
              "text the source lost with its characters is a gap. Capitals come from the register's "
              "forms of the names, the general lists and a statistical truecaser; sentence starts, "
              f"headings and the pronoun I by rule. Changes: {counts}.")

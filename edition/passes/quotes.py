"""The quotes pass: block and inline quotations, quotations after a colon, and who is quoted.

The reader leaves every line of the source a paragraph (or a list item). This pass
first makes whole paragraphs block quotations (``<quote type="block">``, see
:func:`mark_block_quotations`):

* a paragraph after a line ending in a colon that the reader did not take for the
  start of a list ("... wrote:"; cert high where the line reports speech);
* a paragraph that speaks in the first person in a text that mostly does not
  (its introduction was lost; cert low).

Then it adds, inside every text block:

* ``<quote>`` around the text inside quotation marks that gives someone's words
  (the marks stay outside); names, titles, translations, labels and scare quotes
  are left alone (see :mod:`edition.quotes.inline`);
* ``<quote>`` around the rest of a paragraph after a colon that introduces
  someone's words ("the soviet issued a proclamation which included the following
  statement ...: the autocracy never enjoyed ...").

Every quotation made here carries ``@resp="#edition-quotes"`` and ``@cert``.
An existing quotation over the same span is never duplicated.

:func:`attribute_quotes` links machine-made quotations to their speaker: where
the introducing clause names a person (``persName[@ref]``, tagged by the names
pass) as the one who wrote or said the words, the quotation is grouped with a
pointer to the register entry: ``<cit><quote>…</quote><ptr type="speaker"
target="#id" resp="#edition-quotes" cert="medium"/></cit>`` (TEI P5 4.3 has no ``@who`` on ``quote``; ``cit`` groups a
quotation with a reference to its source, and the empty ``ptr`` adds no text). It
has to run after the names pass; :func:`mark_quotes` calls it too, for documents
whose names are already tagged.
"""

from __future__ import annotations

from lxml import etree

from .. import T
from ..resp import resp
from ..quotes import attribution
from ..quotes.inline import clause_before, colon_quotation, inline_quotations
from ..selection import Span, tei_attributes
from ..quotes.voice import first_person, introduces_quotation
from ..spans import blocks, element_spans, text_of, wrap
from . import Context

RESP = resp("quotes")
QUOTE = T + "quote"
#: blocks whose text can hold quotations (headings cannot)
QUOTING_BLOCKS = {T + n for n in ("p", "quote", "item", "l", "ab", "cell")}
#: blocks where a colon may introduce a quotation that runs to the end of the block
COLON_BLOCKS = {T + "p"}
#: how sure the speaker found by :mod:`edition.quotes.attribution` is
ATTRIBUTION_CERT = "medium"
#: the blocks the reader makes of the lines of the source, headings apart
LINE_BLOCKS = {T + n for n in ("p", "item", "quote")}
#: certainty of a block quotation found by its first-person voice alone (no colon line before it)
FIRST_PERSON_CERT = "low"
#: a first-person paragraph is a quotation only in a text that mostly speaks in the third person:
#: where more than this share of the paragraphs say "i" and "we", the text itself is the speaker
#: (a memoir, a letter) and its paragraphs stay paragraphs
FIRST_PERSON_SHARE_MAX = 0.2


def mark_block_quotations(root: etree._Element) -> None:
    """Make the paragraphs that are someone's words ``<quote type="block">`` (the text stays)."""
    lines = [b for b in blocks(root) if b.tag in LINE_BLOCKS]
    voiced = {id(b) for b in lines if first_person(text_of(b))}
    if len(voiced) > FIRST_PERSON_SHARE_MAX * len(lines):
        voiced = set()
    for block in lines:
        if block.tag != T + "p":
            continue
        cert = _after_colon_line(block)
        if cert is None and id(block) in voiced:
            cert = FIRST_PERSON_CERT
        if cert is not None:
            block.tag = QUOTE
            for name, value in (("type", "block"), ("resp", RESP), ("cert", cert)):
                block.set(name, value)


def _after_colon_line(block: etree._Element) -> str | None:
    """The cert of *block* as a quotation introduced by the block before it, or None."""
    intro = block.getprevious()
    if intro is None or not (intro.tag == T + "p" or (intro.tag == QUOTE and intro.get("type") == "block")):
        return None
    text = text_of(intro)
    return introduces_quotation(text) if text.endswith(":") else None


def mark_quotes(root: etree._Element, ctx: Context | None = None) -> None:
    mark_block_quotations(root)
    for block in list(blocks(root)):
        if block.tag not in QUOTING_BLOCKS:
            continue
        text = text_of(block)
        found: list[Span] = []
        if block.tag in COLON_BLOCKS:
            colon = colon_quotation(text)
            if colon is not None:
                found.append(colon)
        found.extend(inline_quotations(text))
        for f in found:                       # the widest (colon) first: inline ones nest inside
            if not _has_quote(block, f.start, f.end):
                wrap(block, f.start, f.end, QUOTE, tei_attributes(f, RESP))
    attribute_quotes(root, ctx)


def _has_quote(block: etree._Element, start: int, end: int) -> bool:
    if block.tag == QUOTE and (start, end) == (0, len(text_of(block).rstrip())):
        return True
    return any(el.tag == QUOTE and (s, e) == (start, end) for el, s, e in element_spans(block))


def attribute_quotes(root: etree._Element, ctx: Context | None = None) -> None:
    """Group each machine-made quotation with a pointer to its speaker, where the text names one."""
    for quote in list(root.iter(QUOTE)):
        if quote.get("resp") != RESP or _parent_tag(quote) == T + "cit":
            continue
        clause, names = _introduction(quote)
        refs = attribution.speakers(clause, names) if clause else []
        if refs:
            _group_with_speaker(quote, refs)


def _parent_tag(el: etree._Element) -> str | None:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def _introduction(quote: etree._Element) -> tuple[str, list[tuple[str, int, int]]]:
    """The clause that introduces *quote*, and the persons named in it (ref, start, end)."""
    container = _enclosing_block(quote)
    if container is None:                      # a block quotation: the colon line before it
        intro = quote.getprevious()
        if intro is None or intro.tag not in QUOTING_BLOCKS:
            return "", []
        text = text_of(intro).rstrip()
        if not text.endswith(":"):
            return "", []
        return _clause_and_names(intro, text, len(text))
    text = text_of(container)
    start = next(s for el, s, _ in element_spans(container) if el is quote)
    return _clause_and_names(container, text, start)


def _clause_and_names(block, text: str, end: int):
    clause = clause_before(text, end, limit=None)
    offset = end - len(clause)
    names = [(el.get("ref").split()[0].lstrip("#"), s - offset, e - offset)
             for el, s, e in element_spans(block)
             if el.tag == T + "persName" and el.get("ref") and s >= offset and e <= end]
    return clause, names


def _enclosing_block(quote: etree._Element) -> etree._Element | None:
    for ancestor in quote.iterancestors():
        if ancestor.tag in QUOTING_BLOCKS or ancestor.tag == T + "head":
            return ancestor
    return None


def _group_with_speaker(quote: etree._Element, refs: list[str]) -> None:
    parent = quote.getparent()
    index = parent.index(quote)
    tail, quote.tail = quote.tail, None
    cit = etree.Element(T + "cit")
    cit.append(quote)
    etree.SubElement(cit, T + "ptr", {"type": "speaker", "target": " ".join("#" + r for r in refs),
                                      "resp": RESP, "cert": ATTRIBUTION_CERT})
    cit.tail = tail
    parent.insert(index, cit)

"""Whole paragraphs and colon lines: is this someone speaking?

* :func:`first_person` -- a paragraph of a third-person text that speaks in the
  first person (``i``, ``me``, ``we``, ``our`` ...) outside any quotation marks is
  itself a quotation whose introduction was lost (``in the provinces of kaluga ...
  some of our men tried to dissuade me``).
* :func:`colon_line` -- what a line ending in a colon introduces: a list
  (``their criticism was concentrated in three areas:``) or a quotation
  (``the minister wrote:``), and how sure that is; the reader uses it for lists,
  the quotes pass (:func:`introduces_quotation`) for quotations.
"""

from __future__ import annotations

from . import cues
from .inline import clause_before, colon_quotation
from .marks import quoted_spans

#: a paragraph needs this many first-person words, of at least FIRST_PERSON_FORMS forms
FIRST_PERSON_MIN = 4
FIRST_PERSON_FORMS = 2


def first_person(text: str) -> bool:
    """True if *text* speaks in the first person outside quotation marks."""
    colon = colon_quotation(text)
    if colon is not None:
        text = text[:colon.data]                  # the words before the colon that introduces it
    kept = list(text)
    for span in quoted_spans(text):
        if span.mark == '"':
            kept[span.open:span.close + 1] = " " * (span.close + 1 - span.open)
    tokens = [t for t in cues.words("".join(kept)) if t in cues.FIRST_PERSON]
    return len(tokens) >= FIRST_PERSON_MIN and len(set(tokens)) >= FIRST_PERSON_FORMS


def introduces_quotation(intro: str) -> str:
    """The certainty with which the colon line *intro* introduces the paragraph after it as a
    quotation, once the reader has ruled a list out (see :func:`colon_line`): high where it
    reports speech or writing, medium otherwise."""
    return "high" if cues.speech_cue(clause_before(intro, len(intro))) else "medium"


def colon_line(intro: str, following: list[str], item_max: int, min_items: int) -> tuple[str, int, str]:
    """What the colon line *intro* introduces, given the lines after it.

    *following* are the consecutive non-blank lines after the intro (up to a blank
    line or a heading). Returns ('list', n, '') for n list items, ('quote', 1, cert)
    for a block quotation of the next line, ('', 0, '') for nothing:

    1. the intro announces a number of items ("three areas:") -> a list of that many
       lines (or of the run of short lines, if longer);
    2. the intro reports speech or writing ("lenin wrote:", "a conciliatory speech:")
       -> a quotation, cert high;
    3. at least *min_items* short lines (at most *item_max* characters) -> a list;
    4. otherwise -> a quotation, cert medium.
    """
    if not following:
        return "", 0, ""
    clause = clause_before(intro, len(intro))
    short_run = 0
    while short_run < len(following) and len(following[short_run]) <= item_max:
        short_run += 1
    announced = cues.announces_list(clause)
    if announced and len(following) >= min_items:
        return "list", max(short_run, min(announced, len(following))), ""
    if cues.speech_cue(clause):
        return "quote", 1, "high"
    if short_run >= min_items:
        return "list", short_run, ""
    return "quote", 1, "medium"

"""What a damaged text lost besides its capitals, found in the text of one block.

* dashes of ranges: "18791895" in a date the dates pass read as 1879 to 1895 is
  "1879–1895", "190407" is "1904–07"; "1882  1962" (a spaced dash deleted, its
  spaces left) is "1882 – 1962";
* text lost with its characters: "leon trotsky ()" held the Russian name, so the
  parentheses hold a gap;
* spaces lost between sentences: "kamenev.some" is "kamenev. some", "1905.just" "1905. just";
* a dash lost after a closing quotation mark: '"trotsky"the name' is '"trotsky"—the name';
* English words written with letters outside ASCII: "ne" is "née", "migrs" "émigrés".

Each finding is a :class:`~edition.selection.Span` over offsets of the block's text, its
``kind`` one of dash, gap, space, letters and its ``reading`` what the reading text reads
instead; an insertion has ``start == end``.
"""

from __future__ import annotations

import re
from .. import T
from ..selection import Span

DATE = T + "date"
EN_DASH, EM_DASH = "\u2013", "\u2014"

#: two years run together: "18791895", or a year and two digits: "190407"
RUN_TOGETHER = re.compile(r"(?<!\d)(\d{4})(\d{4}|\d{2})(?!\d)")
#: a spaced dash deleted between numbers: "1882  1962", "7 november 1879  21 august 1940"
SPACED_DASH = re.compile(r"(?<=\d) {2}(?=\d)")
#: parentheses that lost all they held, or their first part: "()", "( )", "(; born ...", "(, "
EMPTY_PARENS = re.compile(r"\((?=\s?\))|\((?=[;,])")
#: a sentence end glued to the next word: "chaplain.in", "kamenev.some"
GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=\b\d{4})|(?<=\b\d{4}s))[.?!](?=[a-z]{2})")
#: the stretch of text (no white space) a glued full stop stands in
CHUNK = re.compile(r"\S+")
#: such a stretch is an address, a file name or an abbreviation, not two sentences
NOT_SENTENCES = re.compile(r"[/@:]|www|\.(?:com|org|net|edu|gov|html?|pdf|xml|txt|ru|uk|de|fr)\b"
                          r"|^[a-z]{1,3}\.[a-z]{1,3}\.|\.[a-z]\.|\d[.,:]\d")
#: "née" that lost its accents, where it introduces a birth name: "(ne zhivotovskaya,"
NEE = re.compile(r"(?:(?<=\()|(?<=, ))ne(?= [a-z])")
#: a closing quotation mark followed at once by a word: '"trotsky"the name'
QUOTE_THEN_WORD = re.compile(r'(?<=[^\s"])"(?=[a-z])')


def range_dashes(text: str, elements) -> list[Span]:
    """Dashes lost in the ranges the dates pass read ("18791895" -> "1879–1895")."""
    out = []
    for el, start, end in elements:
        if el.tag != DATE or not (el.get("from") and el.get("to")):
            continue
        low, high = el.get("from")[:4], el.get("to")[:4]
        for m in RUN_TOGETHER.finditer(text, start, end):
            first, second = m.group(1), m.group(2)
            last = first[:4 - len(second)] + second
            if first == low and last == high and first < last:
                out.append(Span(m.start(), m.end(), "dash", "rules", "high", reading=first + EN_DASH + second))
    return out


def spaced_dashes(text: str) -> list[Span]:
    """A spaced dash lost between two numbers ("1882  1962" -> "1882 – 1962")."""
    return [Span(m.start(), m.end(), "dash", "rules", "medium", reading=f" {EN_DASH} ")
            for m in SPACED_DASH.finditer(text)]


def gaps(text: str) -> list[Span]:
    """Parentheses whose content was lost with its characters: a gap inside them."""
    return [Span(m.end(), m.end(), "gap", "rules", "medium", reading="") for m in EMPTY_PARENS.finditer(text)]


def glued_sentences(text: str, abbreviations: frozenset[str]) -> list[Span]:
    """A space lost after a sentence end ("chaplain.in 1900" -> "chaplain. in 1900")."""
    out = []
    for m in GLUED.finditer(text):
        chunk = next(c for c in CHUNK.finditer(text) if c.start() <= m.start() < c.end())
        word_before = re.findall(r"[a-z]+$", text[chunk.start():m.start()])
        if NOT_SENTENCES.search(chunk.group()) or (word_before and word_before[0] in abbreviations):
            continue
        out.append(Span(m.end(), m.end(), "space", "rules", "high", reading=" "))
    return out


def quote_dashes(text: str) -> list[Span]:
    """A dash lost after a closing quotation mark ('"trotsky"the' -> '"trotsky"—the')."""
    return [Span(m.end(), m.end(), "dash", "rules", "low", reading=EM_DASH) for m in QUOTE_THEN_WORD.finditer(text)
            if text.count('"', 0, m.start()) % 2 == 1]


def birth_names(text: str) -> list[Span]:
    """"née" that lost its letters before a birth name ("anna (ne zhivotovskaya)")."""
    return [Span(m.start(), m.end(), "letters", "rules", "medium", reading="n\u00e9e")
            for m in NEE.finditer(text)]

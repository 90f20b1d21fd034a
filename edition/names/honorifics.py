"""Persons after an honorific: "Mr. Milman", "mrs. hofland", "Sir W. Elford", "colonel playfair".

An honorific of :data:`HONORIFICS` (abbreviated with a full stop or not) followed by a
name: initials ("w.", "j.") and words that look like names. The honorific stays
outside the span (the conventions keep titles and roles outside the name).

Which words may follow depends on the text:

* in a text that keeps its capitals, a capitalised word ("Mr. Cook", "Colonel Young":
  an English word is a surname here);
* in a lowercased text, a word that no general resource knows as an English word,
  a place or a title ("mr. milman"; not "the general strike", "sir, i write").

Titles that are also ordinary words ("general", "major", "father") count only before
a word that is no English word in either case.
"""

from __future__ import annotations

from ..selection import Span
from .patterns import looks_like_name
from .english import is_english_word
from .resources import place_words
from .tokens import Tokens
from .wordlists import data_words, word_set

#: honorifics that are hardly anything else before a name (a data file naming its source)
HONORIFICS = data_words("honorifics.txt")
#: titles that are ordinary words too ("the general strike", "a major problem")
WORD_TITLES = word_set("general major father brother sister mother professor prof judge bishop")
#: the most words a name after an honorific runs to
MAX_WORDS = 4
SOURCE = "honorific"


def _gap_ok(tokens: Tokens, i: int, abbreviated: bool) -> bool:
    """Word i and word i+1 stand one space apart, or, after an abbreviation or an initial,
    a full stop and a space ("mr. milman", "w. elford"; not "elford. mrs.")."""
    a, b = tokens[i], tokens[i + 1]
    gaps = (" ", ". ", ".") if abbreviated else (" ",)
    return not a.possessive and tokens.gap(a.end, b.start) in gaps


def _initial(tokens: Tokens, k: int) -> bool:
    t = tokens[k]
    return len(t.word) == 1 and t.word.isalpha() and tokens.gap(t.end, t.end + 1) == "."


def _name_word(word: str, capitalised: bool, cased: bool) -> bool:
    if cased:
        return capitalised and word.replace("-", "").replace("'", "").isalpha()
    return looks_like_name(word) and not is_english_word(word) and word not in place_words()


def honorific_persons(tokens: Tokens, text: str, cased: bool) -> list[Span]:
    """The names after honorifics in one block (*text*: the block as written, same offsets)."""
    out = []
    items = tokens.items
    for i, tok in enumerate(items[:-1]):
        strict = tok.word in WORD_TITLES
        if not (tok.word in HONORIFICS or strict) or not _gap_ok(tokens, i, True):
            continue
        k = i + 1
        last = None
        while k < len(items) and k - i <= MAX_WORDS:
            w = items[k].word
            cap = text[items[k].start].isupper()
            initial = _initial(tokens, k)
            if not initial:
                if not _name_word(w, cap, cased) or (strict and is_english_word(w)):
                    break
                last = k
            if k + 1 >= len(items) or not _gap_ok(tokens, k, initial):
                break
            k += 1
        if last is not None:
            out.append(Span(items[i + 1].start, items[last].end, "person", SOURCE))
    return out

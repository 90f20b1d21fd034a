"""Words whose capitals need no model: closed classes and what stands beside a name.

* always capitalised: adjectives of nationality and their plurals, months and days,
  continents, religions (``data/proper-words.txt``) and peoples (``data/peoples.txt``);
  "may", "march" and "august" only inside a date; both parts of a hyphenated name of
  peoples ("west-saxons");
* a title before a capitalised word: "king alfred" reads "King Alfred", "mr. sheply"
  "Mr. Sheply"; "mr", "dr" and their kind always; a title of a place: "the duke of york"
  reads "the Duke of York" (the place too, when it is no English word);
* letters joined by full stops: "a.d." reads "A.D." (not "e.g.", "i.e.", "a.m.", "p.m.");
* an initial before a capitalised word: "w. elford" reads "W. Elford";
* a roman numeral after a capitalised word or a word that numbers ("chapter xvi",
  "henry viii") is upper case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names.honorifics import HONORIFICS
from ..ner.tokenize import ABBREVIATIONS
from ..names.wordlists import TITLES, data_words
from ..selection import Span
from .damage import capitalised
from .lists import data_lines, is_english

MONTHS_ALSO_WORDS = frozenset({"may", "march", "august"})
_NATIONALITIES = data_words("nationalities.txt")
PROPER = (frozenset(w for name in ("proper-words.txt", "peoples.txt") for line in data_lines(name)
                    for w in line.split())
          | _NATIONALITIES | {w + "s" for w in _NATIONALITIES if w.endswith("an")})
_TITLE_LINES = data_lines("title-words.txt")
#: titles written with a capital even with no name after them
ALWAYS_TITLES = frozenset(_TITLE_LINES[0].split())
TITLE_WORDS = TITLES | HONORIFICS | frozenset(w for line in _TITLE_LINES for w in line.split())
#: first parts of compound names of peoples ("west-saxons", "anglo-saxon")
COMPOUND_FIRSTS = frozenset("west east north south anglo franco austro indo sino greco judeo afro".split())
#: words after which a roman numeral counts ("chapter xvi")
NUMBERING = frozenset("chapter book part volume vol letter canto section act scene psalm article "
                      "appendix plate".split())
ROMAN = re.compile(r"(?=[mdclxvi]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
DOTTED = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}(?!\w)")
LOWER_DOTTED = frozenset({"e.g.", "i.e.", "a.m.", "p.m."})
#: what may stand between a title and its name: a space, or a full stop and a space after an
#: abbreviation ("mr. sheply"; after "general." a sentence ends)
TITLE_GAP = re.compile(r"\s{1,2}")
ABBREVIATED_GAP = re.compile(r"\.?\s{1,2}")


@dataclass
class Word:
    """A word of a block and what the reading text makes of it."""

    start: int
    end: int
    text: str
    form: str
    kind: str = "case"
    cert: str = "high"
    source: str = ""
    #: a name the names pass marked (its form is the name's)
    name: bool = False
    in_date: bool = False
    #: the first word of a sentence (its capital says nothing of the word)
    sentence_start: bool = False

    @property
    def capital(self) -> bool:
        return self.form[:1].isupper()


def class_form(word: str, in_date: bool) -> str | None:
    """The capitalised form of a word of a closed class, or None."""
    if word in PROPER or word in ALWAYS_TITLES or (in_date and word in MONTHS_ALSO_WORDS):
        return capitalised(word)
    return None


def dotted(text: str) -> list[Span]:
    """Letters joined by full stops, upper case: "a.d. 866" -> "A.D. 866"."""
    return [Span(m.start(), m.end(), "case", "rules", "high", reading=m.group().upper())
            for m in DOTTED.finditer(text) if m.group() not in LOWER_DOTTED]


def _roman(word: str) -> bool:
    return len(word) >= 2 and bool(ROMAN.fullmatch(word)) and not (len(word) >= 3 and is_english(word))


def _title_of(text: str, words: list[Word], i: int, caps: list[bool]) -> bool:
    """"duke of york": a title, "of", and a place that is capitalised or no English word."""
    if i + 2 >= len(words) or words[i + 1].text != "of":
        return False
    place = words[i + 2]
    return (text[words[i].end:words[i + 1].start] == " " == text[words[i + 1].end:place.start]
            and not place.name and (caps[i + 2] or not is_english(place.text)))


def _change(words: list[Word], caps: list[bool], i: int, form: str) -> None:
    w = words[i]
    w.form, w.source, w.cert = form, "rules", "medium"
    caps[i] = form[:1].isupper()


def in_context(text: str, words: list[Word]) -> None:
    """Titles before capitalised words, roman numerals after them (in place)."""
    caps = [w.form[:1].isupper() for w in words]      # Word.capital, kept up to date
    last = len(words) - 1
    for i, word in enumerate(words):
        nxt = words[i + 1] if i < last else None
        cap, next_cap = caps[i], i < last and caps[i + 1]   # read before any change
        if cap and word.text not in TITLE_WORDS:
            continue                                  # no rule changes it
        gap = TITLE_GAP if word.text not in ABBREVIATIONS else ABBREVIATED_GAP
        if (not cap and word.text in TITLE_WORDS and next_cap
                and gap.fullmatch(text[word.end:nxt.start])):
            _change(words, caps, i, capitalised(word.form))
        elif (not cap and len(word.text) == 1 and next_cap
              and text[word.end:nxt.start] == ". "):
            _change(words, caps, i, word.form.upper())     # an initial
        elif (not cap and word.text in COMPOUND_FIRSTS and next_cap
              and text[word.end:nxt.start] == "-"):
            _change(words, caps, i, capitalised(word.form))
        elif word.text in TITLE_WORDS and _title_of(text, words, i, caps):
            for k in (i, i + 2):
                _change(words, caps, k, capitalised(words[k].form))
        elif (not cap and i and _roman(word.text) and text[words[i - 1].end:word.start] == " "
              and (caps[i - 1] or words[i - 1].text in NUMBERING)):
            _change(words, caps, i, word.form.upper())

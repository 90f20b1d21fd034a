"""What a word says about its capitals by itself, wherever it stands: its identity, kind of
characters, spelling, and the classes the general resources give it.

* :mod:`edition.ner.lexicon`: given name, place, city, town, English word (the dictionary's
  lowercase words), title, kin, month, demonym, function word (``stop``) ...;
* :mod:`.resources`: written with a capital in the dictionary (``cap``) or both ways (``both``),
  a language, a region (any subdivision of a country); a headword of the older dictionary
  (``word-g``: ``box``, ``proud``, also ``london``); for a word neither has, whether it is still
  English: an inflected, British or long-s form (``word-i``: ``studies``, ``colours``,
  ``themfelves``), a spoken form or a function word that lost the apostrophe of its clitic
  (``word-c``: ``gonna``, ``isnt``), two words in one (``word-2``: ``website``, and many
  surnames); else ``unknown``. The sorted classes together are one more feature (``cs=``), so
  that the model can tell ``given`` alone from ``given`` and ``word``.

Suffixes and a prefix are features only of words the dictionary lacks: they stand in for the
identity of words not seen in training, and common words would only teach them noise.
"""

from __future__ import annotations

import functools
import re

from ..ner.lexicon import lexicon
from .resources import (COLLOQUIAL, bases, compound, contraction, dictionary_case, gcide_words,
                        language_words, region_words, spelled_out)

_VOWELS = frozenset("aeiouy")
_ROMAN = re.compile(r"[ivxlcdm]+")
_ROMAN_VALID = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
#: classes of words whose affixes are no features
ENGLISH = frozenset({"c=word", "c=word-i", "c=word-c", "c=stop"})


def kind(w: str) -> str:
    """``a`` letters, ``d`` digits, ``ad`` both, ``p`` neither, ``a.`` letters and a stop ..."""
    if w.isalpha():
        return "a"
    if not any(c.isalpha() for c in w):
        return "d" if any(c.isdigit() for c in w) else "p"
    if any(c.isdigit() for c in w):
        return "ad"
    return "a" + "".join(sorted({c for c in w if not c.isalpha()}))[:3]


def spelling(w: str) -> list[str]:
    """Hints that a word is an abbreviation read letter by letter (``nkvd``, ``dh``) or a foreign
    name (consonants no English word has in their place, :func:`.resources.spelled_out`), or a
    Roman numeral (``xiv``)."""
    out = []
    letters = w.rstrip(".")
    if letters.isalpha() and letters.isascii():
        if not any(c in _VOWELS for c in letters):
            out.append("novowel")
        elif spelled_out(letters):
            out.append("alien" if len(letters) > 4 else "alien-short")
        if len(letters) >= 2 and _ROMAN.fullmatch(letters) and _ROMAN_VALID.fullmatch(letters):
            out.append("roman")
    return out


def _in(table: dict, cls: str):
    return lambda w: cls in table.get(w, ())


def english(key: str, table: dict) -> str:
    """How a word the dictionary lacks is still English: ``word-i``, ``word-c``, ``word-2``
    (see the module) or ``""``."""
    if key in COLLOQUIAL:
        return "word-c"
    gcide = gcide_words()
    if any("word" in table.get(b, ()) or b in gcide for b in bases(key)):
        return "word-i"
    if contraction(key, _in(table, "stop")):
        return "word-c"
    return "word-2" if compound(key, _in(table, "word")) else ""


def classes(key: str) -> list[str]:
    """The classes of a lowercase word (without a final stop), ending with their signature."""
    table, case = lexicon()[0], dictionary_case()
    out = ["c=" + c for c in table.get(key, ())]
    if key in case:
        out.append("d=" + case[key])
    if key in language_words():
        out.append("c=lang")
    if key in region_words():
        out.append("c=region")
    if key.isalpha():
        if key in gcide_words():
            out.append("c=word-g")
        elif "c=word" not in out and (how := english(key, table)):
            out.append("c=" + how)
        if key not in case:
            out.extend(sorted({f"d={case[b]}-i" for b in bases(key) if b in case})[:1])
        if not out:
            out.append("c=unknown")
    out.append("cs=" + "|".join(sorted(c.partition("=")[2] for c in out)))
    return out


@functools.lru_cache(maxsize=100_000)
def word_features(w: str, resources: bool = True) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the features of word *w* itself, its classes, which are also its neighbours' features;
    with *resources* False, no classes)."""
    f = ["w=" + w, "k=" + kind(w)]
    if len(w) <= 3:
        f.append("short")
    f.extend(spelling(w))
    found = classes(w.rstrip(".")) if resources else []
    if not ENGLISH.intersection(found):
        f.extend(("s3=" + w[-3:], "s2=" + w[-2:], "p2=" + w[:2]))
    f.extend(found)
    return tuple(f), tuple(found)

"""Large general resources, loaded lazily once: given names of many countries and an
English word list.

* given names: the name dictionary of ``gender-guesser`` (``nam_dict.txt``, about
  48,000 first names with their frequency in some 50 countries). Each name is folded
  to the forms a text may show (lowercase; diacritics folded, or deleted as in a
  damaged text: "Bronisława" -> "bronislawa", "bronisawa").
* English words: the words that the Webster's word list of ``english-words`` writes
  in lowercase ("rose", "will", "mark"; "Marie" and "Albert" are written capitalised
  there, so they are names, not words).

These give the second tier of given names (see :mod:`.given`): a name in it that is
also an English word, a stopword, a title, a demonym or a place never counts.
"""

from __future__ import annotations

from importlib import resources

from .. import derived
from .forms import variants
from .gazetteer import place_names, town_names
from .known import KNOWN_ORGS, KNOWN_PLACES
from .wordlists import (
    ACTOR_AFTER,
    CALENDAR_WORDS,
    COMMON_WORDS,
    DEMONYMS,
    ENGLISH_ENDINGS,
    GIVEN_NAMES,
    KINSHIP,
    ORG_HEADS,
    ORG_MODIFIERS,
    STOPWORDS,
    SURNAME_WORDS,
    TITLES,
)

#: a name is used only if it reaches this frequency in one country at least
#: (nam_dict's scale: 1 "isolated cases" .. 13 "very common")
MIN_NAME_FREQUENCY = 3
#: the shortest given name of the second tier (short forms are too often words of a language)
MIN_GIVEN_NAME = 4
#: columns of the frequency digits in nam_dict.txt
FREQUENCY_COLUMNS = slice(30, 85)
#: words no general resource may make a name of
NEVER_NAMES = (COMMON_WORDS | STOPWORDS | TITLES | DEMONYMS | ACTOR_AFTER | KINSHIP
               | SURNAME_WORDS | ORG_MODIFIERS | frozenset(ORG_HEADS))


def _frequency(digits: str) -> int:
    return max((int(c, 16) for c in digits if c.strip() and c in "0123456789ABCDEFabcdef"), default=0)


@derived.cached(frozenset)
def english_words() -> frozenset[str]:
    """Words an English dictionary writes in lowercase (empty if the package is missing)."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    return frozenset(w for w in get_english_words_set(["web2"], alpha=True, lower=False) if w.islower())


@derived.cached(set)
def _raw_given_names() -> set[str]:
    try:
        text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a declared dependency
        return set()
    out = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2 or _frequency(line[FREQUENCY_COLUMNS]) < MIN_NAME_FREQUENCY:
            continue
        out.add(parts[1].replace("+", "-"))
    return out


@derived.cached(frozenset)
def place_words() -> frozenset[str]:
    """Every lowercase form of a place or organization in the general resources."""
    out = set(town_names())
    for name in (*place_names(), *KNOWN_PLACES, *KNOWN_ORGS):
        for v in variants(name):
            out.add(v)
            if " " in v:
                out.add(v.split()[0])
    return frozenset(out)


@derived.cached(frozenset)
def more_given_names() -> frozenset[str]:
    """The second tier: given names of the dictionary that cannot be anything else."""
    english, places = english_words(), place_words()
    out = set()
    for name in _raw_given_names():
        for v in variants(name):
            if len(v) < MIN_GIVEN_NAME or not v.replace("-", "").isalpha():
                continue
            if v in NEVER_NAMES or v in CALENDAR_WORDS or v in english or _inflected(v, english) \
                    or v in places or v.endswith(ENGLISH_ENDINGS):
                continue
            out.add(v)
    return frozenset(out - GIVEN_NAMES)


def _inflected(word: str, english) -> bool:
    """"lies", "boxes": a plural or third-person form of a word of the list."""
    return (word.endswith("s") and word[:-1] in english) or (word.endswith("es") and word[:-2] in english)

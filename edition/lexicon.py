"""The edition's lexicon: words and names only this edition's texts need.

General lists (given names, places, organizations, words that are also names)
ship with the toolkit (``edition/names/data/``). What only one edition needs, its
local bodies, the odd words of its texts, lives with the edition, beside its
register, in a TOML file that ``edition.toml`` names (``[edition] lexicon =
"source/lexicon.toml"``). It is loaded once per run (:func:`load`), and the names
pass uses it on every text of the edition:

.. code-block:: toml

    [names]
    # forms of organizations, places and persons that point to no register entry
    orgs = ["the mechanics' institute"]
    places = ["the long meadow"]
    persons = []

    [words]
    # names of the register that are also words of these texts: a name only where the
    # context says so ("in service" is no person, "service's claims" is)
    common_words = ["service"]
    # words before a person's name that make it part of the name of a thing
    # ("the order of st. olaf": no person)
    things_before_person = ["order of"]

Every key is optional; an unknown key or a value that is not a list of strings is
an error (``file:line:col: error: ...``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import EditionError

#: the keys a lexicon may have: table -> keys
KEYS = {"names": ("orgs", "places", "persons"), "words": ("common_words", "things_before_person")}
#: kind of the name forms of each key of [names]
KIND_OF_KEY = {"orgs": "org", "places": "place", "persons": "person"}


@dataclass(frozen=True)
class Lexicon:
    #: (form, kind) of the names that point to no register entry
    names: tuple[tuple[str, str], ...] = ()
    #: register names that are also words of the texts (lowercase)
    common_words: frozenset[str] = frozenset()
    #: word sequences before a person's name that make it part of a thing's name
    things_before_person: tuple[tuple[str, ...], ...] = ()
    path: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.names or self.common_words or self.things_before_person)


_EMPTY = Lexicon()


def empty() -> Lexicon:
    """The lexicon of an edition that has none (one shared object)."""
    return _EMPTY


def _strings(data: dict, table: str, key: str, path: Path) -> list[str]:
    value = data.get(table, {}).get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise EditionError(f"[{table}] {key} must be a list of non-empty strings", path)
    return [" ".join(v.lower().split()) for v in value]


def load(path: str | Path) -> Lexicon:
    """Read a lexicon file (TOML); one located error for anything it cannot take."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EditionError(f"cannot read the lexicon: {exc.strerror or exc}", path) from None
    except UnicodeDecodeError:
        raise EditionError("the lexicon is not UTF-8 text", path) from None
    except tomllib.TOMLDecodeError as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        raise EditionError(f"not valid TOML: {str(exc).split(' (at line')[0]}", path, line, col) from None
    for table, value in data.items():
        if table not in KEYS or not isinstance(value, dict):
            raise EditionError(f"unknown table [{table}] (a lexicon has [names] and [words])", path)
        for key in value:
            if key not in KEYS[table]:
                raise EditionError(f"unknown key {key!r} in [{table}] (known: {', '.join(KEYS[table])})", path)
    names = tuple((form, KIND_OF_KEY[key]) for key in KEYS["names"]
                  for form in _strings(data, "names", key, path))
    return Lexicon(names=names,
                   common_words=frozenset(_strings(data, "words", "common_words", path)),
                   things_before_person=tuple(tuple(p.split()) for p in
                                              _strings(data, "words", "things_before_person", path)),
                   path=path)

"""One name index and matcher per register (building them is the slow part)."""

from __future__ import annotations

from .. import derived
from .gazetteer import place_names
from .index import NameIndex, Sense, from_register
from .known import KNOWN_ORGS, KNOWN_PLACES
from .match import Matcher

_CACHE: dict[tuple[int, int], tuple[object, object, NameIndex, Matcher]] = {}
GAZETTEER_SENSE = Sense("place", None, "main", "gazetteer")
KNOWN_SENSES = ((KNOWN_PLACES, Sense("place", None, "main", "wordlist")),
                (KNOWN_ORGS, Sense("org", None, "main", "wordlist")))
#: general resources name nothing shorter ("d", left of "d'ivoire" by a damaged-text variant)
MIN_GENERAL_FORM = 3
#: the senses of the forms general resources add, numbered for :func:`general_forms`
GENERAL_SENSES = (*(sense for _, sense in KNOWN_SENSES), GAZETTEER_SENSE)


@derived.cached()
def general_forms() -> dict[str, int]:
    """Every form the word lists and the gazetteer add to an index -> its sense (a position
    in GENERAL_SENSES); the first source that gives a form wins. Derived once, kept on disk."""
    probe = NameIndex()
    for names, sense in KNOWN_SENSES:
        for name in names:
            probe.add_if_new(name, sense)
    for name in place_names():
        probe.add_if_new(name, GAZETTEER_SENSE)
    return {form: GENERAL_SENSES.index(senses[0]) for form, senses in probe.senses.items()
            if len(form) >= MIN_GENERAL_FORM}


def build_index(register, use_gazetteer: bool = True, lexicon=None) -> NameIndex:
    """The register's forms, then the edition lexicon's names, then the general resources'."""
    index = from_register(register)
    for form, kind in (lexicon.names if lexicon else ()):
        index.add_if_new(form, Sense(kind, None, "main", "lexicon"))
    if use_gazetteer:
        senses = index.senses
        for form, n in general_forms().items():
            if form not in senses:             # the register's own forms come first
                senses[form] = [GENERAL_SENSES[n]]
    return index


def index_and_matcher(register, lexicon=None) -> tuple[NameIndex, Matcher]:
    key = (id(register), id(lexicon))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is register and hit[1] is lexicon:
        return hit[2], hit[3]
    index = build_index(register, lexicon=lexicon)
    matcher = Matcher(index.senses)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = (register, lexicon, index, matcher)
    return index, matcher

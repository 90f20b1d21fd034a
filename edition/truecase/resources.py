"""What a general English dictionary says about the capitals of a word.

``english-words``' ``web2`` list (Webster's Second International, public domain) writes proper
nouns and adjectives with their capital (``Russian``, ``January``, ``Bolshevik``) and common words
in lowercase; a word listed both ways (``mary`` and ``Mary``, ``god`` and ``God``) is ``both``.
``pycountry``'s subdivisions give regions, its ISO 639-1 languages give the names of languages (``dutch``, ``bengali``), which
are also the adjectives of many peoples. The word classes of :mod:`edition.ner.lexicon` (given names, places, titles ...) are the other
general resource the truecaser reads.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .. import derived

#: the class of a word that the dictionary writes with a capital only / both ways
CAPITAL, BOTH = "cap", "both"


@derived.cached(dict)
def dictionary_case() -> dict[str, str]:
    """Lowercase word -> ``cap`` or ``both``, for the words ``web2`` writes with a capital."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    words = get_english_words_set(["web2"], alpha=True, lower=False)
    lower = {w for w in words if w.islower()}
    out = {}
    for w in words:
        if w[:1].isupper():
            low = w.lower()
            out[low] = BOTH if low in lower else CAPITAL
    return out


@derived.cached(frozenset)
def gcide_words() -> frozenset[str]:
    """The lowercased headwords of ``english-words``' ``gcide`` list (the GNU Collaborative
    International Dictionary of English, from Webster's 1913) that ``web2`` lacks in lowercase:
    common words it misses (``box``, ``proud``, ``cookie``) and some names (``london``)."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    from ..names.resources import english_words
    return frozenset(get_english_words_set(["gcide"], alpha=True, lower=True)) - english_words()


@derived.cached(frozenset)
def language_words() -> frozenset[str]:
    """The lowercase names of the ISO 639-1 languages (the last word of a longer name:
    ``scottish gaelic`` gives ``gaelic``)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    out = set()
    for lang in pycountry.languages:
        if hasattr(lang, "alpha_2"):
            words = [w for w in lang.name.lower().replace(";", " ").split() if w.isalpha()]
            if words:
                out.add(words[-1])
    return frozenset(out)


@derived.cached(frozenset)
def region_words() -> frozenset[str]:
    """The lowercase one-word names of ``pycountry``'s subdivisions of every kind (the recogniser's
    lexicon has states, provinces and regions; this adds ``england``, ``harrow``, ``bavaria`` ...)."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    out = set()
    for sub in pycountry.subdivisions:
        name = sub.name.split("[")[0].split(",")[0].strip().lower()
        if name.isalpha():
            out.add(name)
    return frozenset(out)


#: inflectional endings and what may stand in their place in the base form ("studies" -> "study")
ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("ier", ("y",)), ("iest", ("y",)), ("ily", ("y",)),
           ("ves", ("f", "fe")), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")),
           ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e")), ("ly", ("", "le")),
           ("en", ("", "e")), ("n", ("",)))
#: British spellings and their American forms, which the dictionary has (colour, theatre, realise)
BRITISH = (("our", "or"), ("tre", "ter"), ("ise", "ize"), ("isa", "iza"), ("lled", "led"),
           ("lling", "ling"), ("ogue", "og"), ("ae", "e"), ("oe", "e"))
#: irregular forms the dictionary lacks (its lowercase words hold most: "went", "children")
IRREGULAR = {"women": "woman", "feet": "foot", "paid": "pay", "began": "begin", "held": "hold",
             "heard": "hear", "has": "have", "woken": "wake"}
#: spoken forms written as one word, which no dictionary lists
COLLOQUIAL = frozenset("gonna wanna gotta kinda sorta dunno lemme gimme cuz coz okay ok yeah yep "
                       "nope uh um hmm huh duh wow".split())
#: clitics whose apostrophe a damaged text lost ("isnt", "youre", "hes")
CLITICS = ("nt", "re", "ll", "ve", "s", "d", "m")
MIN_BASE = 3
#: no word of a dictionary is longer (the longest of the big English ones has 45 letters): a
#: longer run of letters (a damaged text may lose every space of a page) is derived from no
#: other word and made of no two, and is not taken apart (each of its letters f read as a long s,
#: every split in two: work that grows with the square of its length)
LONGEST_WORD = 45


#: the endings by their last letter, in the order of :data:`ENDINGS` (a word is tried on those only)
_ENDINGS_BY_LAST = {c: tuple(x for x in ENDINGS if x[0][-1] == c) for c in {x[0][-1] for x in ENDINGS}}


def bases(word: str, depth: int = 2) -> list[str]:
    """The forms *word* may be inflected or respelled from (``workers`` -> ``worker``, ``work``;
    ``stopped`` -> ``stop``; ``colours`` -> ``colors``, ``color``): candidates, to be looked up
    in a word list."""
    return list(_bases(word, depth)) if len(word) <= LONGEST_WORD else []


@functools.lru_cache(maxsize=100_000)
def _bases(word: str, depth: int) -> tuple[str, ...]:
    """:func:`bases`, kept per word (a word's classes read them twice, inflected words share them)."""
    out: list[str] = [IRREGULAR[word]] if word in IRREGULAR else []
    for british, american in BRITISH:
        if british in word:
            out.append(word.replace(british, american))
    if "f" in word and depth > 1:     # the long s of old printing, read as f ("themfelves")
        out.append(word.replace("f", "s"))
        out.extend(word[:k] + "s" + word[k + 1:] for k, c in enumerate(word) if c == "f")
    for ending, replacements in _ENDINGS_BY_LAST.get(word[-1:], ()):
        if not word.endswith(ending) or len(word) - len(ending) < MIN_BASE - 1:
            continue
        stem = word[:-len(ending)]
        for r in replacements:
            if len(stem + r) >= MIN_BASE:
                out.append(stem + r)
        if len(stem) > MIN_BASE and stem[-1] == stem[-2] and ending in ("ed", "ing", "er", "est", "en"):
            out.append(stem[:-1])       # a doubled consonant
    if depth > 1:
        out += [b for first in list(out) for b in _bases(first, depth - 1)]
    return tuple(dict.fromkeys(out))


def contraction(word: str, is_function_word: Callable[[str], bool]) -> bool:
    """Whether *word* is a function word with a clitic that lost its apostrophe (``isnt``,
    ``youre``, ``theyll``, ``hes``)."""
    return any(word.endswith(c) and is_function_word(word[:-len(c)]) for c in CLITICS)


def compound(word: str, is_word: Callable[[str], bool]) -> bool:
    """Whether *word* is two words of three letters or more (``website``; ``online`` is not:
    ``on``); a word longer than two of the longest is none."""
    if len(word) > 2 * LONGEST_WORD:
        return False
    return any(is_word(word[:k]) and is_word(word[k:]) for k in range(MIN_BASE, len(word) - MIN_BASE + 1))


_VOWELS = frozenset("aeiouy")


def clusters(word: str) -> tuple[str, list[str], str]:
    """The consonants before a word's first vowel, between its vowels, and after its last."""
    runs, current, seen_vowel, onset = [], "", False, None
    for c in word:
        if c in _VOWELS:
            if onset is None:
                onset = current
            elif current:
                runs.append(current)
            current, seen_vowel = "", True
        else:
            current += c
    if onset is None:       # no vowel at all
        return word, [], ""
    return onset, runs, current


@derived.cached(lambda stored: tuple(frozenset(s) for s in stored))
def spelling_clusters() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(onsets, inner clusters, codas) of consonants in the English dictionary's lowercase words:
    a word with a cluster outside them is hardly English (``nkvd``, ``ussr``, ``wwii``)."""
    from ..names.resources import english_words
    onsets, inner, codas = set(), set(), set()
    for w in english_words():
        if w.isascii() and w.isalpha() and len(w) > 2:
            o, runs, c = clusters(w)
            onsets.add(o)
            inner.update(runs)
            codas.add(c)
    return frozenset(onsets), frozenset(inner), frozenset(codas)


def spelled_out(word: str) -> bool:
    """Whether *word* (lowercase letters) has a consonant cluster no English word has in its place:
    an abbreviation read letter by letter, or a foreign name."""
    onsets, inner, codas = spelling_clusters()
    o, runs, c = clusters(word)
    return o not in onsets or c not in codas or any(r not in inner for r in runs)

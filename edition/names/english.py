"""Whether a word is English: the general list of :func:`.resources.english_words`, read from
the recogniser's lexicon (its class "word" holds exactly that list, and every conversion loads
the lexicon anyway), with the common words, the stopwords and plural or third-person forms.

A module of its own because the lexicon is made from :mod:`.resources`' lists: reading it back
from there would make the two import each other.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from ..ner.lexicon import lexicon
from .resources import _inflected
from .wordlists import COMMON_WORDS, STOPWORDS


class _LexiconWords:
    """The words of :func:`english_words`, read from the recogniser's lexicon (they are its
    class "word"), which every conversion loads anyway: the list itself is not read again."""

    __slots__ = ("table",)

    def __init__(self, table: Mapping[str, tuple[str, ...]]) -> None:
        self.table = table

    def __contains__(self, word: str) -> bool:
        return "word" in self.table.get(word, ())


@functools.lru_cache(maxsize=1)
def _english() -> _LexiconWords:
    return _LexiconWords(lexicon()[0])


def is_english_word(word: str) -> bool:
    english = _english()
    return word in COMMON_WORDS or word in STOPWORDS or word in english or _inflected(word, english)

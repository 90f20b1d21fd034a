"""The general word lists of the reading text (``data/``; each file names its source)."""

from __future__ import annotations

from functools import lru_cache

from ..names.wordlists import data_file_lines
from .damage import damaged


def data_lines(name: str) -> list[str]:
    """The lines of a data file of the reading text, without comments and blank lines."""
    return data_file_lines(name, __package__)


#: words that stay lower case inside a name unless they open it ("Bank of England")
PARTICLES = frozenset(w for line in data_lines("particles.txt") for w in line.split())


@lru_cache(maxsize=1)
def accented_words() -> dict[str, str]:
    """damaged form -> English word with letters outside ASCII, where the damaged form is no word."""
    from ..names.english import is_english_word
    out = {}
    for word in data_lines("accented-words.txt"):
        low = damaged(word)
        if low and low != word and not is_english_word(low):
            out[low] = word
    return out


@lru_cache(maxsize=100_000)
def is_english(word: str) -> bool:
    """A word of the general English lists, inflected forms included ("activities", "carried")."""
    from ..names.english import is_english_word
    if is_english_word(word):
        return True
    for ending, stem_end in (("ies", "y"), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(ending) and len(word) > len(ending) + 2 and is_english_word(word[:-len(ending)] + stem_end):
            return True
    return False

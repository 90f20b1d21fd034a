"""What a damaged text lost: its capitals and every character outside ASCII.

The bundled source reads "ramn mercader" for "Ramón Mercader" and "18791895" for
"1879–1895". :func:`damaged` makes that form of any string, so a form of the
register or of a general list can be compared with what the text shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")


def damaged(text: str) -> str:
    """*text* as a damaged source shows it: lowercased, non-ASCII characters deleted."""
    low = text.lower()
    return low if low.isascii() else "".join(c for c in low if ord(c) < 128)


def key(text: str) -> str:
    """The damaged form with runs of white space made one space (for comparing names)."""
    return _SPACES.sub(" ", damaged(text)).strip()


def lost_letters(text: Iterable[str]) -> bool:
    """True if the text may have lost its non-ASCII characters: it holds none at all."""
    return all(chunk.isascii() for chunk in text)


def capitalised(word: str) -> str:
    """*word* with its first letter upper case ("o'brien" -> "O'brien"; digits stay)."""
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.upper() + word[i + 1:]
    return word

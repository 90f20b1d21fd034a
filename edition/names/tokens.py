"""Words of a lowercase text with their offsets (possessive "'s" set apart)."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*(?P<poss>['\u2019]s\b|['\u2019](?!\w))?")


class Token(NamedTuple):      # a named tuple: made for every word of every block, quickly
    start: int
    end: int          # end of the word without a possessive ending
    word: str
    possessive: bool  # followed by "'s" or a bare "'"
    raw_end: int      # end including the possessive ending


class Tokens:
    def __init__(self, low: str):
        self.low = low
        self.items: list[Token] = []
        add = self.items.append
        for m in WORD.finditer(low):
            start, raw_end = m.span()
            poss = m.group("poss")
            # a bare "'" after a plural ("workers'") belongs to the word
            if poss is None or not poss.endswith("s"):
                add(Token(start, raw_end, m.group(), False, raw_end))
            else:
                end = m.start("poss")
                add(Token(start, end, low[start:end], True, raw_end))
        self._starts = [t.start for t in self.items]
        self._ends = [t.end for t in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> Token:
        return self.items[i]

    def index_starting(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._starts, pos)
        return i if i < len(self.items) and self.items[i].start == pos else None

    def index_ending(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._ends, pos)
        return i if i < len(self.items) and self.items[i].end == pos else None

    def before(self, pos: int, n: int = 1) -> list[Token]:
        """Up to n words ending at or before pos, nearest last."""
        i = bisect.bisect_right(self._ends, pos)
        return self.items[max(0, i - n):i]

    def after(self, pos: int, n: int = 1) -> list[Token]:
        """Up to n words starting at or after pos."""
        i = bisect.bisect_left(self._starts, pos)
        return self.items[i:i + n]

    def gap(self, a: int, b: int) -> str:
        """The characters between two offsets (punctuation check)."""
        return self.low[a:b]

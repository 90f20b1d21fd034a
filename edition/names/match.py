"""Multi-pattern matching of name forms in a text (Aho-Corasick).

All occurrences of all forms are found in one scan; only those on word
boundaries are kept (a hyphen between letters joins words, so "anti-slavery"
does not contain "slavery" and "smith-jones" is one name). Which of overlapping
matches are kept is for :func:`edition.selection.select` to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import ahocorasick


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    form: str


def is_word_char(c: str) -> bool:
    return c.isalnum()


def _joined(text: str, i: int, step: int) -> bool:
    """Is there a hyphen at i joining letters (i.e. a word continues through it)?"""
    j = i + step
    return 0 <= i < len(text) and text[i] == "-" and 0 <= j < len(text) and text[j].isalnum()


def on_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and (is_word_char(text[start - 1]) or _joined(text, start - 1, -1)):
        return False
    if end < len(text) and (is_word_char(text[end]) or _joined(text, end, 1)):
        return False
    return True


class Matcher:
    """All forms of a :class:`~edition.names.index.NameIndex`, ready to scan texts."""

    def __init__(self, forms_: Iterable[str]):
        self._auto = ahocorasick.Automaton()
        count = 0
        for form in forms_:
            if form:
                self._auto.add_word(form, form)
                count += 1
        self._empty = count == 0
        if not self._empty:
            self._auto.make_automaton()

    def all_matches(self, text: str) -> list[Match]:
        """Every occurrence of every form on word boundaries (overlaps included)."""
        if self._empty:
            return []
        out = []
        for end_idx, form in self._auto.iter(text):
            start, end = end_idx - len(form) + 1, end_idx + 1
            if on_boundaries(text, start, end):
                out.append(Match(start, end, form))
        return out

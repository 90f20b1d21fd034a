"""Words and punctuation of a text with their character offsets, close to the tokenisation of
the training corpora (Penn Treebank style: "Jordan" "'s", "do" "n't", "Mr." as one token).

The recogniser tags these tokens; offsets let the names pass wrap the original characters.
"""

from __future__ import annotations

import functools
import re

#: abbreviations that keep their full stop (titles and initials are handled below)
ABBREVIATIONS = frozenset("""
    mr mrs ms messrs dr st rev capt col gen lt sgt maj adm gov hon esq jr sr prof mt ft
    co corp inc ltd bros no vol fig ch pp vs etc viz
    """.split())

TOKEN = re.compile(r"""
    (?P<word>[^\W\d_]+(?:[-\u2010][^\W\d_]+)*)(?P<stop>\.)?   # a word, maybe hyphenated
  | (?P<num>\d+(?:[.,:/]\d+)*)                               # a number
  | (?P<clitic>['\u2019](?:s|d|ll|re|ve|m)\b)                # 's 'd 'll ...
  | (?P<other>\S)                                            # any other sign
""", re.VERBOSE | re.IGNORECASE)

NEGATION = re.compile(r"n['\u2019]t$", re.IGNORECASE)


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of *text*, in order (kept for the last texts: the names pass and
    the truecaser of the reading text tokenize the same blocks)."""
    return list(_tokenize(text))


@functools.lru_cache(maxsize=1024)
def _tokenize(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    negation = False
    for m in TOKEN.finditer(text):
        start, end = m.span()
        word = m.group("word")
        if word is None:
            out.append((start, end))
            continue
        if m.group("stop"):
            low = word.lower()
            keep = low in ABBREVIATIONS or len(word) == 1
            if not keep:
                end -= 1
        w_end = m.end("word")
        # "don't": "do" + "n't" (the clitic group takes the apostrophe forms that follow)
        if text[w_end:w_end + 2].lower() in ("'t", "\u2019t") and word.lower().endswith("n"):
            out.append((start, w_end - 1))
            out.append((w_end - 1, w_end + 2))
            negation = True
            continue
        out.append((start, end))
        if m.group("stop") and end < m.end():
            out.append((end, m.end()))
    # only a negation's tokens overlap what the pattern finds next
    return tuple(_merge_negations(text, out) if negation else out)


def _merge_negations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # the "n't" case above may leave a stray clitic token for the "'t": drop overlaps
    cleaned: list[tuple[int, int]] = []
    for s, e in spans:
        if cleaned and s < cleaned[-1][1]:
            continue
        cleaned.append((s, e))
    return cleaned

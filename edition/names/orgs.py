"""Institutions the gazetteers do not give whole: rules over words, driven by the tables
of :mod:`.known`.

* "HEAD of PLACE" and "HEAD of FIELD": "university of paris", "academy of sciences",
  "royal swedish academy of sciences", "institute of technology";
* a name-like word before an institution head: "harvard university", "pasteur institute"
  (not an English word, a demonym or a place: "the flying university" is left alone).

An award is not an organization: "nobel prize" matches none of these.
"""

from __future__ import annotations

from collections.abc import Callable

from .known import (
    INSTITUTION_FIELDS,
    INSTITUTION_HEADS,
    INSTITUTION_MODIFIERS,
    NAMED_INSTITUTION_HEADS,
)
from .patterns import close, looks_like_name
from .resources import is_english_word, place_words
from ..selection import Span
from .tokens import Tokens
from .wordlists import DEMONYMS, ORG_MODIFIERS, STOPWORDS


def _field_end(tokens: Tokens, j: int) -> int | None:
    """Last word of "sciences", "fine arts", "physics and chemistry" starting at word j."""
    if tokens[j].word not in INSTITUTION_FIELDS:
        return None
    k = j
    while k + 2 < len(tokens) and close(tokens, k) and close(tokens, k + 1) \
            and tokens[k + 1].word == "and" and tokens[k + 2].word in INSTITUTION_FIELDS:
        k += 2
    if tokens[k].word == "fine":
        return k + 1 if k + 1 < len(tokens) and close(tokens, k) and tokens[k + 1].word == "arts" else None
    return k


def _town_like(tokens: Tokens, j: int) -> bool:
    w = tokens[j].word
    return (looks_like_name(w) and w not in DEMONYMS and not is_english_word(w)
            and (j + 1 >= len(tokens) or tokens.gap(tokens[j].raw_end, tokens[j + 1].start).strip() != ""
                 or tokens[j + 1].word in STOPWORDS))


def _modifiers_start(tokens: Tokens, i: int) -> int:
    """First word of the name ending with the head at word i ("royal swedish academy")."""
    j = i
    while j > 0 and close(tokens, j - 1) and (tokens[j - 1].word in INSTITUTION_MODIFIERS
                                              or tokens[j - 1].word in ORG_MODIFIERS):
        j -= 1
    return j


def institution_candidates(tokens: Tokens, place_span_starting: Callable[[int], int | None]
                           ) -> list[Span]:
    out = []
    for i, tok in enumerate(tokens.items[:-2]):
        if tok.word not in INSTITUTION_HEADS or tokens[i + 1].word != "of" or tok.possessive \
                or not close(tokens, i) or not close(tokens, i + 1):
            continue
        j = i + 2
        end = place_span_starting(tokens[j].start)
        if end is None and tok.word == "university" and _town_like(tokens, j):
            end = tokens[j].end     # "university of jena": a town the gazetteers do not give whole
        if end is None:
            k = _field_end(tokens, j)
            end = tokens[k].end if k is not None else None
        if end is not None:
            out.append(Span(tokens[_modifiers_start(tokens, i)].start, end, "org", "institution"))
    return out


def named_institution_candidates(tokens: Tokens, taken: Callable[[int, int], bool]) -> list[Span]:
    out = []
    for i, tok in enumerate(tokens.items[1:], start=1):
        if tok.word not in NAMED_INSTITUTION_HEADS or not close(tokens, i - 1):
            continue
        name = tokens[i - 1]
        w = name.word
        if (not looks_like_name(w) or w in DEMONYMS or w in place_words() or is_english_word(w)
                or taken(name.start, name.end)):
            continue
        out.append(Span(tokens[_modifiers_start(tokens, i - 1)].start, tok.end, "org", "institution"))
    return out

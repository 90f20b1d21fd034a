"""Place candidates the gazetteers do not give whole: rules over words, driven by the tables
of :mod:`.known`.

* a place name and a geographic head: "tver governorate", "the titicaca lake"
* a head and a name: "lake baikal", "mount elbrus", "avenida viena"
* "russian empire", "ottoman empire"
* a house number, a name and a street head: "48 doughty street" (the number left out)
* East European place-name endings: "pavlovka", "krasnoyarsk", "tarnopol"
* smaller towns (second gazetteer tier) right after a locative word: "at weimar"
"""

from __future__ import annotations

from collections.abc import Callable

from .gazetteer import town_names
from .known import (
    ADMIN_HEADS,
    EMPIRE_MODIFIERS,
    LOCATIVE_BEFORE,
    MIN_PLACE_ENDING_WORD,
    PLACE_ENDINGS,
    PLACE_HEADS_AFTER,
    PLACE_HEADS_BEFORE,
    STREET_HEADS,
)
from .patterns import close, looks_like_name
from ..selection import Span
from .tokens import Tokens
from .wordlists import ACTOR_AFTER, DEMONYMS, STOPWORDS

#: candidates found by these rules name the same place wherever the word recurs
PROPAGATED = frozenset({"place-ending", "town", "admin-head"})


def _name_word(word: str) -> bool:
    return looks_like_name(word) and word not in DEMONYMS


def _ends_phrase(tokens: Tokens, k: int) -> bool:
    """Is word k the last of a noun phrase (punctuation, a function word or the end after it)?"""
    if tokens[k].possessive:
        return False
    if k + 1 >= len(tokens):
        return True
    gap = tokens.gap(tokens[k].raw_end, tokens[k + 1].start)
    if gap.strip():
        return True
    nxt = tokens[k + 1].word
    return nxt in STOPWORDS and nxt not in ACTOR_AFTER


def _head_after(tokens: Tokens, i: int, place_start_ending: Callable[[int], int | None]):
    if i == 0 or not close(tokens, i - 1):
        return None
    start = place_start_ending(tokens[i - 1].end)
    if start is not None:
        return Span(start, tokens[i].end, "place", "place-head")
    if tokens[i].word in ADMIN_HEADS and _name_word(tokens[i - 1].word):
        return Span(tokens[i - 1].start, tokens[i].end, "place", "admin-head")
    return None


def _head_before(tokens: Tokens, i: int):
    k = i
    while k + 1 < len(tokens) and k - i < 2 and close(tokens, k) and _name_word(tokens[k + 1].word):
        k += 1
    if k == i:
        return None
    return Span(tokens[i].start, tokens[k].end, "place", "place-head")


def _street(tokens: Tokens, i: int):
    """Word i is a street head; a house number two or three words before it."""
    for n in (1, 2):
        j = i - n - 1
        if j < 0 or not tokens[j].word.isdigit():
            continue
        words = range(j + 1, i)
        if all(close(tokens, w - 1) and _name_word(tokens[w].word) for w in words) and close(tokens, i - 1):
            return Span(tokens[j + 1].start, tokens[i].end, "place", "street")
    return None


def place_candidates(tokens: Tokens, place_start_ending: Callable[[int], int | None],
                     known_at: Callable[[int], bool]) -> list[Span]:
    """Place names found by rules. *place_start_ending(pos)*: start of a known place ending at
    pos, or None; *known_at(pos)*: does a known name of any kind start at pos?"""
    out: list[Span] = []
    towns = town_names()
    for i, tok in enumerate(tokens.items):
        w = tok.word
        c = None
        if w in PLACE_HEADS_AFTER or w in PLACE_HEADS_BEFORE:
            c = _head_after(tokens, i, place_start_ending) if w in PLACE_HEADS_AFTER else None
            if c is None and w in PLACE_HEADS_BEFORE and i + 1 < len(tokens):
                c = _head_before(tokens, i)        # "the baikal lake" or "lake titicaca"
        elif w == "empire" and i > 0 and close(tokens, i - 1) and tokens[i - 1].word in EMPIRE_MODIFIERS:
            c = Span(tokens[i - 1].start, tok.end, "place", "empire")
        elif w in STREET_HEADS:
            c = _street(tokens, i)
        elif known_at(tok.start):
            continue
        elif len(w) >= MIN_PLACE_ENDING_WORD and w.endswith(PLACE_ENDINGS) and _name_word(w):
            c = Span(tok.start, tok.end, "place", "place-ending")
        elif w in towns and i > 0 and close(tokens, i - 1) and tokens[i - 1].word in LOCATIVE_BEFORE \
                and _ends_phrase(tokens, i):
            c = Span(tok.start, tok.end, "place", "town")
        if c is not None:
            out.append(c)
    return out


def propagated_form(tokens_text: str, c) -> str | None:
    """The word a place candidate lends to the rest of the document ("tver" of "tver governorate")."""
    if c.source not in PROPAGATED:
        return None
    form = tokens_text[c.start:c.end]
    if c.source == "admin-head":
        form = form.rsplit(" ", 1)[0]
    return form if " " not in form else None

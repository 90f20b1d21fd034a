"""Disambiguation from context: the rules are tables (:mod:`.wordlists`), applied here.

Every rule looks only at the lowercase words around a span, so it works the
same whether the text kept its capitals or not.
"""

from __future__ import annotations

from .tokens import Token, Tokens
from .wordlists import (
    ACTOR_AFTER,
    DEMONYMS,
    DERIVED_SUFFIXES,
    KINSHIP,
    NOT_NAME_BEFORE,
    ORG_MODIFIERS,
    POSSESSIVE,
    THING_HEADS_AFTER_PERSON,
    THING_HEADS_BEFORE_PERSON,
    TITLES,
    WEAK_NOT_NAME_BEFORE,
)


def _adjacent_before(tokens: Tokens, pos: int) -> Token | None:
    prev = tokens.before(pos, 1)
    if prev and not tokens.gap(prev[0].raw_end, pos).strip():
        return prev[0]
    return None


def _adjacent_after(tokens: Tokens, pos: int) -> Token | None:
    nxt = tokens.after(pos, 1)
    if nxt and not tokens.gap(pos, nxt[0].start).strip():
        return nxt[0]
    return None


def is_possessive(low: str, end: int) -> bool:
    return any(low.startswith(p, end) for p in POSSESSIVE)


def thing_after_person(tokens: Tokens, start: int, end: int):
    """"nobel prize", "monroe doctrine", "charles dickens museum".

    Returns None (a person), or (kind | None, end of the thing's name): the
    phrase names a thing of that kind (None: a thing that is not tagged).
    """
    if is_possessive(tokens.low, end):
        return None
    nxt = _adjacent_after(tokens, end)
    if nxt is not None and nxt.word in THING_HEADS_AFTER_PERSON:
        return THING_HEADS_AFTER_PERSON[nxt.word], nxt.end
    if nxt is not None and nxt.word in ORG_MODIFIERS:     # "john hopkins national university"
        head = _adjacent_after(tokens, nxt.raw_end)
        if head is not None and head.word in THING_HEADS_AFTER_PERSON:
            return THING_HEADS_AFTER_PERSON[head.word], head.end
    return None


def thing_before_person(tokens: Tokens, start: int,
                        phrases: tuple[tuple[str, ...], ...] = THING_HEADS_BEFORE_PERSON) -> bool:
    """"the cult of napoleon", "the works of ...": the name is part of the name of a thing
    (*phrases*: the general ones, and those of the edition's lexicon)."""
    for phrase in phrases:
        words = tokens.before(start, len(phrase))
        if len(words) == len(phrase) and tuple(w.word for w in words) == phrase \
                and not tokens.gap(words[-1].raw_end, start).strip():
            return True
    return False


def blocked_by_word_before(tokens: Tokens, start: int, end: int) -> bool:
    """"the north", "in hope", "a may day": a determiner or preposition before a common word."""
    prev = _adjacent_before(tokens, start)
    if prev is None:
        return False
    if prev.word in NOT_NAME_BEFORE:
        return True
    if prev.word in WEAK_NOT_NAME_BEFORE:
        nxt = _adjacent_after(tokens, end)
        return not (is_possessive(tokens.low, end) or (nxt is not None and nxt.word in ACTOR_AFTER))
    return False


def supports_person(tokens: Tokens, start: int, end: int, name_starts: set[int],
                    name_ends: set[int]) -> bool:
    """Capital-independent cues that a word is used as a person's name."""
    prev = _adjacent_before(tokens, start)
    if prev is not None and prev.word in TITLES:
        return True
    if is_possessive(tokens.low, end):
        return True
    kin = tokens.before(start, 1)
    if kin and kin[0].word in KINSHIP and tokens.gap(kin[0].raw_end, start).strip() in ("", ","):
        return True
    nxt = _adjacent_after(tokens, end)
    if nxt is not None and nxt.word in ACTOR_AFTER:
        return True
    if nxt is not None and nxt.word == "and":
        other = _adjacent_after(tokens, nxt.raw_end)
        if other is not None and other.start in name_starts:
            return True
    if prev is not None and prev.word == "and":
        other = _adjacent_before(tokens, prev.start)
        if other is not None and other.end in name_ends:
            return True
    return False


def is_derived_word(word: str) -> bool:
    """Demonyms and words derived from names (french, darwinism, jacobite)."""
    return word in DEMONYMS or word.endswith(DERIVED_SUFFIXES)

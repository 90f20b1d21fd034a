"""Persons found through the second tier of given names and through speech verbs.

* a given name of the large dictionary (:func:`.resources.more_given_names`) followed
  by a plausible surname: "marie curie", "albert einstein", "marie skodowska curie";
* such a given name alone where the context says "person": a kinship word before it
  ("her elder sister bronisawa", "his wife, olga");
* a single unknown word that speaks: "einstein is reported to have remarked",
  "meyer said" (not an English word, a place, a demonym; a clause opens before it).

The curated list (:data:`.wordlists.GIVEN_NAMES`) stays the first tier, handled by
:mod:`.patterns`. A second-tier name never counts right after a determiner ("the
julian calendar") and a surname that is also an English word ("curie") must end the
phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from .patterns import MAX_NAME_WORDS, close, looks_like_name, word_surname_follows
from .english import is_english_word
from .resources import more_given_names, place_words
from ..selection import Span
from .tokens import Tokens
from .wordlists import (
    ACTOR_AFTER,
    CALENDAR_WORDS,
    CLAUSE_OPENERS,
    DEMONYMS,
    GIVEN_NAMES,
    KINSHIP,
    NOT_NAME_BEFORE,
    SPEAKER_AFTER,
    STOPWORDS,
    THING_HEADS_AFTER_PERSON,
    VESSELS_AND_THINGS,
)

#: a speaker found by a speech verb alone is this long at least
MIN_SPEAKER = 4
_SPEAKER_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in SPEAKER_AFTER:
    _SPEAKER_BY_FIRST.setdefault(_cue[0], []).append(_cue)


def _unknown_name(word: str) -> bool:
    """A name-like word that no resource knows as anything else."""
    return (looks_like_name(word) and word not in DEMONYMS and word not in CALENDAR_WORDS
            and word not in place_words())


def _given(word: str) -> bool:
    return word in GIVEN_NAMES or word in more_given_names()


def _ends_phrase(tokens: Tokens, k: int) -> bool:
    """Punctuation, a function word or the end of the block after word k."""
    if tokens[k].possessive or k + 1 >= len(tokens):
        return True
    if tokens.gap(tokens[k].raw_end, tokens[k + 1].start).strip():
        return True
    nxt = tokens[k + 1].word
    return nxt in STOPWORDS or nxt in ACTOR_AFTER


def _name_end(tokens: Tokens, i: int, taken: Callable[[int, int], bool]) -> int:
    """Last word of the name that starts with the given name at word i (i: no surname)."""
    k = i
    while k + 1 < len(tokens) and k - i + 1 < MAX_NAME_WORDS and close(tokens, k):
        nxt = tokens[k + 1]
        if taken(nxt.start, nxt.end) or not _unknown_name(nxt.word) or nxt.word in THING_HEADS_AFTER_PERSON:
            break
        k += 1
        if is_english_word(nxt.word) and not _given(nxt.word):
            # "curie" is a word of the dictionary too: the name must end here
            return k if _ends_phrase(tokens, k) else max(i, k - 1)
    return k


def _clause_opens_before(tokens: Tokens, i: int) -> bool:
    if i == 0:
        return True
    gap = tokens.gap(tokens[i - 1].raw_end, tokens[i].start)
    if gap.strip() and not tokens[i - 1].possessive:
        return True
    return gap == " " and not tokens[i - 1].possessive and tokens[i - 1].word in CLAUSE_OPENERS


def _speaks(tokens: Tokens, i: int) -> bool:
    tok = tokens[i]
    if tok.possessive or i + 1 >= len(tokens) or tokens.gap(tok.raw_end, tokens[i + 1].start) != " ":
        return False
    for cue in _SPEAKER_BY_FIRST.get(tokens[i + 1].word, ()):
        words = tokens.items[i + 1:i + 1 + len(cue)]
        if tuple(t.word for t in words) == cue:
            return True
    return False


def _kin_before(tokens: Tokens, i: int) -> bool:
    """"her elder sister bronisawa", "his wife, olga"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return prev.word in KINSHIP and tokens.gap(prev.raw_end, tokens[i].start).strip() in ("", ",")


def person_candidates(tokens: Tokens, taken: Callable[[int, int], bool],
                      not_persons: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    """Persons of the second tier; *taken* says whether a span overlaps a known name."""
    more = more_given_names()
    out: list[Span] = []
    items = tokens.items
    i = 0
    while i < len(items):
        tok = items[i]
        if tok.word not in more or tok.word in not_persons:
            i += 1
            continue
        prev = items[i - 1] if i > 0 and close(tokens, i - 1) else None
        blocked = prev is not None and (prev.word in NOT_NAME_BEFORE or prev.word in VESSELS_AND_THINGS)
        if not blocked and not taken(tok.start, tok.end):
            k = _name_end(tokens, i, taken)
            if k == i and word_surname_follows(tokens, i, lambda pos: taken(pos, pos + 1)):
                k = i + 1
            if k > i or _kin_before(tokens, i) or _speaks(tokens, i):
                out.append(Span(tok.start, tokens[k].end, "person", "given-name"))
                i = k + 1
                continue
        i += 1
    return out


def speaker_candidates(tokens: Tokens, taken: Callable[[int, int], bool]) -> list[Span]:
    """"einstein is reported to have remarked": an unknown single word before a speech verb."""
    out = []
    items = tokens.items
    for i in range(len(items) - 1):
        if items[i + 1].word not in _SPEAKER_BY_FIRST:
            continue
        tok = items[i]
        w = tok.word
        if len(w) < MIN_SPEAKER or "-" in w or not _speaks(tokens, i) or not _clause_opens_before(tokens, i):
            continue
        if _given(w) or not _unknown_name(w) or is_english_word(w) or taken(tok.start, tok.end):
            continue
        out.append(Span(tok.start, tok.end, "person", "speaker"))
    return out

"""Name candidates the register does not know: persons after titles or given names,
organizations before their head word ("... party", "... committee").

A candidate is an :class:`~edition.selection.Span` (start, end, kind, and the
pattern that found it as its ``source``). Patterns are conservative: every word of a
person candidate must look like a name (see :func:`looks_like_name`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..selection import Span
from .context import is_derived_word
from .known import NATIONALITIES
from .resources import more_given_names
from .tokens import Tokens
from .wordlists import (
    ACTOR_AFTER,
    COMMON_WORDS,
    ENGLISH_ENDINGS,
    GIVEN_NAMES,
    NAME_SUFFIXES,
    NEWSPAPER_HEADS,
    NOT_SURNAME_AFTER,
    ORG_EVENT_HEADS,
    ORG_HEAD_AFTER,
    ORG_HEAD_ONLY,
    ORG_MODIFIERS,
    ORG_RULE_HEADS,
    ORG_SOLO_MODIFIERS,
    STOPWORDS,
    SURNAME_WORDS,
    THING_HEADS_AFTER_PERSON,
    TITLES,
    VESSELS_AND_THINGS,
)

ROMAN_NUMERAL = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")
NAME_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
MAX_NAME_WORDS = 4
#: words that may stand before an organization head: its modifiers and the nationalities
_BEFORE_HEAD = ORG_MODIFIERS | NATIONALITIES
_NATIONAL = NATIONALITIES


def looks_like_name(word: str) -> bool:
    if word in GIVEN_NAMES:
        return True
    return (len(word) >= 3 and bool(NAME_WORD.match(word))
            and word not in STOPWORDS and word not in COMMON_WORDS and word not in TITLES
            and word not in ACTOR_AFTER and not is_derived_word(word)
            and not word.endswith(ENGLISH_ENDINGS))


def _starts_name(word: str) -> bool:
    return word in GIVEN_NAMES or word in more_given_names() or (looks_like_name(word) and len(word) >= 5
                                   and word.endswith(NAME_SUFFIXES))


def close(tokens: Tokens, i: int) -> bool:
    """Are words i and i+1 separated by one space (or i an initial: "s. grant"), i not possessive?"""
    a, b = tokens[i], tokens[i + 1]
    if a.possessive or a.raw_end != a.end:
        return False
    gap = tokens.gap(a.end, b.start)
    return gap == " " or (gap == ". " and len(a.word) == 1)


def joined(tokens: Tokens, i: int) -> bool:
    """Like :func:`close`, and a possessive modifier counts too ("people's", "workers'")."""
    a = tokens[i]
    if a.possessive and a.word + "'s" in ORG_MODIFIERS:
        return tokens.gap(a.raw_end, tokens[i + 1].start) == " "
    return close(tokens, i)


def _is_initial(tokens: Tokens, i: int) -> bool:
    """A one-letter word followed by a full stop and another word: "p." in "ulysses s. grant"."""
    return (len(tokens[i].word) == 1 and tokens[i].word.isalpha() and i + 1 < len(tokens)
            and tokens.gap(tokens[i].end, tokens[i + 1].start) == ". ")


def _extend_name(tokens: Tokens, i: int, is_other_kind: Callable[[int], bool],
                 is_name_end: Callable[[int], bool]) -> int:
    """Last word index of a name starting at word i (it never runs past a known name)."""
    k = i
    while (k + 1 < len(tokens) and not is_name_end(tokens[k].end) and k - i + 1 < MAX_NAME_WORDS and close(tokens, k)
           and not is_other_kind(tokens[k + 1].start) and tokens[k + 1].word not in THING_HEADS_AFTER_PERSON
           and (looks_like_name(tokens[k + 1].word) or ROMAN_NUMERAL.match(tokens[k + 1].word)
                or _is_initial(tokens, k + 1))):
        k += 1
    return k


def word_surname_follows(tokens: Tokens, i: int, is_other_kind: Callable[[int], bool]) -> bool:
    """"anna wood said": a given name and a word that is also a surname ("north of ..." is not)."""
    if i + 1 >= len(tokens) or not close(tokens, i) or tokens[i + 1].word not in SURNAME_WORDS \
            or is_other_kind(tokens[i + 1].start):
        return False
    return not (i + 2 < len(tokens) and tokens[i + 2].word in NOT_SURNAME_AFTER
                and not tokens[i + 1].possessive)


def things_named(tokens: Tokens) -> set[str]:
    """Words used as the name of a thing somewhere ("the steamer hope"): not persons anywhere."""
    items = tokens.items
    return {items[i + 1].word for i in range(len(items) - 1)
            if items[i].word in VESSELS_AND_THINGS and close(tokens, i)}


def _names_a_thing(tokens: Tokens, i: int, not_persons) -> bool:
    return tokens[i].word in not_persons or (
        i > 0 and tokens[i - 1].word in VESSELS_AND_THINGS and close(tokens, i - 1))


def person_candidates(tokens: Tokens, is_other_kind: Callable[[int], bool],
                      is_name_end: Callable[[int], bool] = lambda pos: False,
                      not_persons: frozenset[str] | set[str] = frozenset()) -> list[Span]:
    """"father miguel hidalgo" -> "miguel hidalgo"; "charles dickens"; "general gordon"."""
    out: list[Span] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        titled = (tok.word in TITLES and i + 1 < len(tokens) and close(tokens, i)
                  and _starts_name(tokens[i + 1].word)
                  and not is_other_kind(tokens[i + 1].start))
        if titled:
            i += 1
        if titled or (tok.word in GIVEN_NAMES and not _names_a_thing(tokens, i, not_persons)
                      and not is_other_kind(tok.start)):
            k = _extend_name(tokens, i, is_other_kind, is_name_end)
            if k == i and not titled and word_surname_follows(tokens, i, is_other_kind):
                k = i + 1
            out.append(Span(tokens[i].start, tokens[k].end, "person",
                                 "title" if titled else "given-name"))
            i = k + 1
            continue
        i += 1
    return out


def _names_an_org(head: str, modifiers: list[str]) -> bool:
    if head in ORG_HEAD_AFTER:      # "air force", "the royal air force", "army corps"
        return modifiers[0] in ORG_HEAD_AFTER[head]
    if "<place>" in modifiers:
        return head not in ORG_HEAD_ONLY and head not in ORG_EVENT_HEADS
    if head in ORG_HEAD_ONLY:
        return all(m in ORG_HEAD_ONLY[head] for m in modifiers)
    if len(modifiers) >= 2:
        return not all(m in _NATIONAL for m in modifiers)
    solo = modifiers[0] in ORG_SOLO_MODIFIERS and head not in NEWSPAPER_HEADS
    return solo or modifiers[0] in ORG_RULE_HEADS[head]


def org_candidates(tokens: Tokens, place_span_ending: Callable[[int], int | None]) -> list[Span]:
    """"north american workers' union", "central committee", "boston city council".

    Walks left from a head word over organization modifiers and place names.
    """
    out: list[Span] = []
    for i, tok in enumerate(tokens.items):
        if tok.word not in ORG_RULE_HEADS:
            continue
        start, modifiers, j = tok.start, [], i - 1
        while j >= 0 and joined(tokens, j):
            place_start = place_span_ending(tokens[j].end)
            if place_start is not None:
                modifiers.append("<place>")
                start = place_start
                while j >= 0 and tokens[j].start >= place_start:
                    j -= 1
                continue
            if tokens[j].word in _BEFORE_HEAD or tokens[j].possessive:
                modifiers.append(tokens[j].word + ("'s" if tokens[j].possessive else ""))
                start = tokens[j].start
                j -= 1
                continue
            break
        translation = tok.word in NEWSPAPER_HEADS and tokens.low[start - 1:start] == "(" \
            and tokens.low[tok.end:tok.end + 1] == ")"
        if modifiers and _names_an_org(tok.word, modifiers) and not translation:
            out.append(Span(start, tok.end, "org", "org-head"))
    return out

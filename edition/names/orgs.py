"""Institutions the gazetteers do not give whole: rules over words, driven by the tables
of :mod:`.known`.

* "HEAD of PLACE" and "HEAD of FIELD": "university of paris", "academy of sciences",
  "royal swedish academy of sciences", "institute of technology";
* a name-like word before an institution head: "harvard university", "pasteur institute"
  (not an English word, a demonym or a place: "the flying university" is left alone);
* government bodies and their portfolios: "ministry of foreign affairs", "the war office",
  "board of trade" (:data:`.known.PORTFOLIOS`);
* bodies of a group: "league of nations", "chamber of deputies", "house of commons",
  "council of people's commissars", "confederation of mexican workers";
* bodies of a place or a quarter: "bank of england", "army of the north";
* firms after a nationality or a place: "the turkish petroleum company", "the ottoman bank".

An award is not an organization: "nobel prize" matches none of these.
"""

from __future__ import annotations

from collections.abc import Callable

from .known import (
    COMPASS,
    COMPASS_BODY_HEADS,
    FIRM_HEADS,
    FIRM_HEADS_AFTER_NATIONALITY,
    GROUP_BODY_HEADS,
    INSTITUTION_FIELDS,
    INSTITUTION_HEADS,
    INSTITUTION_MODIFIERS,
    NAMED_BODY_HEADS,
    NAMED_INSTITUTION_HEADS,
    NATIONALITIES,
    NOT_FIRM_BEFORE,
    PLACE_BODY_HEADS,
    PLACE_NAMED_BODY_HEADS,
    PORTFOLIO_HEADS,
    PORTFOLIOS,
)
from .patterns import close, joined, looks_like_name
from .english import is_english_word
from .resources import place_words
from ..selection import Span
from .tokens import Tokens
from .wordlists import DEMONYMS, ORG_MODIFIERS, STOPWORDS
from .known import BODY_GROUPS


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


def _run_end(tokens: Tokens, j: int, words: frozenset[str], limit: int = 4) -> int | None:
    """Last word of a run of *words* starting at word j ("foreign affairs", "war and marine",
    "mexican workers"), at most *limit* words, "and" between two of them allowed."""
    if j >= len(tokens) or tokens[j].word not in words:
        return None
    k = j
    while k + 1 < len(tokens) and k - j + 1 < limit and close(tokens, k) and not tokens[k].possessive:
        nxt = tokens[k + 1].word
        if nxt in words:
            k += 1
        elif nxt == "and" and k + 2 < len(tokens) and close(tokens, k + 1) and tokens[k + 2].word in words:
            k += 2
        else:
            break
    return k


def _after_of(tokens: Tokens, i: int) -> int | None:
    """Index of the word after "HEAD of (the)" for a head at word i, if "of" follows it."""
    if i + 2 >= len(tokens) or tokens[i + 1].word != "of" or tokens[i].possessive \
            or not close(tokens, i) or not close(tokens, i + 1):
        return None
    j = i + 2
    if tokens[j].word == "the" and j + 1 < len(tokens) and close(tokens, j):
        j += 1
    return j


def _group_end(tokens: Tokens, j: int, groups: frozenset[str]) -> int | None:
    """Last word of "(mexican) workers", "people's commissars", "nations" starting at word j."""
    k = j
    while k < len(tokens) - 1 and k - j < 2 and joined(tokens, k) and tokens[k].word not in groups \
            and (tokens[k].word in NATIONALITIES or tokens[k].word in ORG_MODIFIERS
                 or tokens[k].word + "'s" in ORG_MODIFIERS):
        k += 1
    return k if tokens[k].word in groups else None


def body_of_candidates(tokens: Tokens, place_span_starting: Callable[[int], int | None]) -> list[Span]:
    """"ministry of finance", "league of nations", "bank of england", "army of the north"."""
    out = []
    for i, tok in enumerate(tokens.items):
        w = tok.word
        if w not in PORTFOLIO_HEADS and w not in GROUP_BODY_HEADS and w not in PLACE_BODY_HEADS \
                and w not in COMPASS_BODY_HEADS:
            continue
        j = _after_of(tokens, i)
        if j is None:
            continue
        end = None
        if w in PORTFOLIO_HEADS:
            k = _run_end(tokens, j, PORTFOLIOS)
            end = tokens[k].end if k is not None else None
        if end is None and w in GROUP_BODY_HEADS:
            k = _group_end(tokens, j, GROUP_BODY_HEADS[w] or BODY_GROUPS)
            end = tokens[k].end if k is not None else None
        if end is None and w in PLACE_BODY_HEADS and tokens[j - 1].word == "of":
            end = place_span_starting(tokens[j].start)
        if end is None and w in COMPASS_BODY_HEADS and tokens[j].word in COMPASS:
            end = tokens[j].end
        if end is not None:
            out.append(Span(tokens[_modifiers_start(tokens, i)].start, end, "org", "body-of"))
    return out


def portfolio_before_candidates(tokens: Tokens) -> list[Span]:
    """"the war office", "the foreign ministry", "the navy department", "the home office"."""
    out = []
    for i, tok in enumerate(tokens.items[1:], start=1):
        if tok.word not in PORTFOLIO_HEADS or tok.word == "board" or not close(tokens, i - 1):
            continue
        j = i - 1
        while j > 0 and i - j < 3 and close(tokens, j - 1) and tokens[j - 1].word in PORTFOLIOS:
            j -= 1
        if tokens[j].word in PORTFOLIOS and tokens[j].word not in ("public", "national", "state"):
            out.append(Span(tokens[_modifiers_start(tokens, j)].start, tok.end, "org", "portfolio"))
    return out


def _firm_start(tokens: Tokens, i: int, place_span_ending: Callable[[int], int | None]) -> int | None:
    """Offset where a firm's name ending with the head at word i begins, or None: a nationality,
    a place or a name-like word, then at most two more words ("turkish petroleum company")."""
    best = None
    j = i - 1
    while j >= 0 and i - j <= 3 and close(tokens, j):
        w = tokens[j].word
        if w in STOPWORDS or tokens[j].possessive:
            break
        place_start = place_span_ending(tokens[j].end)
        alone = j == i - 1 and tokens[i].word not in FIRM_HEADS_AFTER_NATIONALITY
        if place_start is not None and not alone:
            best = place_start
        elif w in NATIONALITIES and not alone:
            best = tokens[j].start
        elif w not in DEMONYMS and looks_like_name(w) and not is_english_word(w) and w not in place_words():
            best = tokens[j].start
        j -= 1
    if best is not None:
        k = tokens.index_starting(best)
        if k is not None and k > 0 and tokens[k - 1].word in NOT_FIRM_BEFORE:
            return None
    return best


def firm_candidates(tokens: Tokens, place_span_ending: Callable[[int], int | None]) -> list[Span]:
    """"the turkish petroleum company", "the anglo-persian oil company", "the ottoman bank"."""
    out = []
    for i, tok in enumerate(tokens.items[1:], start=1):
        if tok.word not in FIRM_HEADS:
            continue
        start = _firm_start(tokens, i, place_span_ending)
        if start is not None:
            out.append(Span(start, tok.end, "org", "firm"))
    return out


def named_institution_candidates(tokens: Tokens, taken: Callable[[int, int], bool]) -> list[Span]:
    out = []
    for i, tok in enumerate(tokens.items[1:], start=1):
        if (tok.word not in NAMED_INSTITUTION_HEADS and tok.word not in NAMED_BODY_HEADS) \
                or not close(tokens, i - 1):
            continue
        n = i - 1
        while n > 0 and i - n <= 2 and close(tokens, n - 1) and (
                tokens[n].word in ORG_MODIFIERS or tokens[n].word in INSTITUTION_FIELDS):
            n -= 1      # "the whampoa military academy"
        name = tokens[n]
        w = name.word
        placed = w in place_words() and tok.word not in PLACE_NAMED_BODY_HEADS
        if (not looks_like_name(w) or w in DEMONYMS or placed or is_english_word(w)
                or taken(name.start, name.end)):
            continue
        out.append(Span(tokens[_modifiers_start(tokens, n)].start, tok.end, "org", "institution"))
    return out

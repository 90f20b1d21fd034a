"""Names a cue announces, outside the register and the gazetteers.

* other names of a person: "the pen name boz", "using the name "eliot"", "(née evans"
* double surnames: "rimsky-korsakov", "lutoslawska-mann" (not "anti-napoleon",
  not "the gorchakov-andrassy treaty")
* newspapers after "newspaper", "daily", "journal": "the liberal newspaper, figaro,"
* acronyms defined in parentheses after a name: "... educational association (wea)"
"""

from __future__ import annotations

import re

from .known import NEWSPAPER_BEFORE
from .patterns import close, looks_like_name
from ..selection import Span
from .tokens import Tokens
from .wordlists import (
    ALIAS_CUES,
    BIRTH_CUES,
    DEMONYMS,
    DOUBLE_NAME_ENDINGS,
    NOT_NAME_PREFIXES,
    ORG_HEADS,
    PAIR_THINGS,
    STOPWORDS,
)

QUOTES = "\"'\u201c\u201d\u2018\u2019"
#: names a cue announces are at most this many words long
MAX_CUED_WORDS = 2
#: candidates found by these rules name the same thing wherever the words recur
PROPAGATED = frozenset({"alias", "newspaper"})
#: words an acronym's letters skip ("united states of america (usa)")
ACRONYM_SKIPS = frozenset({"of", "and", "the", "for", "in", "on"})
ACRONYM = re.compile(r"\s*\(([a-z]{2,8})\)")
_CUES_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _cue, _quoted in ALIAS_CUES.items():
    _CUES_BY_LAST_WORD.setdefault(_cue[-1], []).append((_cue, _quoted))


def _name(word: str) -> bool:
    return looks_like_name(word) and word not in DEMONYMS


def _cue_ending_before(tokens: Tokens, i: int):
    """The cue (and whether it wants quotes) whose last word is word i - 1, if any."""
    for cue, quoted in _CUES_BY_LAST_WORD.get(tokens[i - 1].word, ()):
        n = len(cue)
        if i - n < 0 or tuple(t.word for t in tokens.items[i - n:i]) != cue:
            continue
        if any(tokens.gap(tokens[k].raw_end, tokens[k + 1].start) != " " for k in range(i - n, i - 1)):
            continue
        if cue in BIRTH_CUES:
            before = tokens.gap(tokens[i - n - 1].raw_end if i - n > 0 else 0, tokens[i - n].start)
            if not before.rstrip().endswith(("(", ",")):
                continue
        return cue, quoted
    return None


def alias_candidates(tokens: Tokens) -> list[Span]:
    out = []
    for i in range(1, len(tokens)):
        hit = _cue_ending_before(tokens, i)
        if hit is None or not _name(tokens[i].word):
            continue
        gap = tokens.gap(tokens[i - 1].raw_end, tokens[i].start)
        opened = any(q in gap for q in QUOTES)
        if gap.strip(" " + QUOTES) or (hit[1] and not opened):
            continue
        k = i
        while k + 1 < len(tokens) and k - i + 1 < MAX_CUED_WORDS and close(tokens, k) \
                and _name(tokens[k + 1].word):
            k += 1
        after = tokens.gap(tokens[k].end, tokens[k + 1].start if k + 1 < len(tokens) else len(tokens.low))
        if opened and not any(q in after[:1] for q in QUOTES):
            continue
        out.append(Span(tokens[i].start, tokens[k].end, "person", "alias"))
    return out


def double_name_candidates(tokens: Tokens) -> list[Span]:
    out = []
    for i, tok in enumerate(tokens.items):
        parts = tok.word.split("-")
        if len(parts) != 2 or parts[0] in NOT_NAME_PREFIXES:
            continue
        if not all(len(p) >= 4 and looks_like_name(p) for p in parts):
            continue
        if not any(p.endswith(DOUBLE_NAME_ENDINGS) for p in parts):
            continue
        nxt = tokens[i + 1].word if i + 1 < len(tokens) else ""
        if nxt in PAIR_THINGS:
            continue
        out.append(Span(tok.start, tok.end, "person", "double-name"))
    return out


def newspaper_candidates(tokens: Tokens) -> list[Span]:
    """"the newspaper figaro, (the barber,)": a name right after the word, then punctuation."""
    out = []
    for i, tok in enumerate(tokens.items[:-1]):
        if tok.word not in NEWSPAPER_BEFORE or tok.possessive:
            continue
        j = i + 1
        if tokens.gap(tok.end, tokens[j].start) not in (" ", ", ") or not _name(tokens[j].word):
            continue
        k = j
        while k + 1 < len(tokens) and k - j + 1 < MAX_CUED_WORDS + 1 and close(tokens, k) \
                and _name(tokens[k + 1].word):
            k += 1
        end_gap = tokens.gap(tokens[k].end, tokens[k + 1].start) if k + 1 < len(tokens) else "."
        if not end_gap.strip() or tokens[k].possessive:
            continue
        out.append(Span(tokens[j].start, tokens[k].end, "org", "newspaper"))
    return out


def acronym_after(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of "(abbr)" right after a name whose initials it spells, or None."""
    m = ACRONYM.match(low, end)
    if m is None:
        return None
    words = [w for w in re.split(r"[\s-]+", low[start:end]) if w and w not in ACRONYM_SKIPS]
    initials = "".join(w[0] for w in words)
    # the letters in another order: an acronym of the name in its own language ("national
    # revolutionary party (pnr)", Partido Nacional Revolucionario)
    if len(words) >= 2 and sorted(m.group(1)) == sorted(initials) and m.group(1) not in STOPWORDS:
        return m.start(1), m.end(1)
    return None


def acronym_definitions(tokens: Tokens) -> list[Span]:
    """"the russian chemical society (rcs)": words whose initials the acronym spells, the last an
    organization head, name an organization (the acronym itself follows via :func:`acronym_after`)."""
    out = []
    for m in ACRONYM.finditer(tokens.low):
        abbr = m.group(1)
        i = tokens.index_ending(m.start()) if tokens.low[m.start()] != " " else None
        if i is None:
            i = tokens.index_ending(len(tokens.low[:m.start()].rstrip()))
        if i is None or tokens[i].word not in ORG_HEADS or abbr in STOPWORDS:
            continue
        letters, k = [], i
        while k >= 0 and len(letters) < len(abbr):
            w = tokens[k].word
            if w not in ACRONYM_SKIPS:
                letters.append(w[0])
            if k < i and tokens.gap(tokens[k].raw_end, tokens[k + 1].start) != " ":
                break
            k -= 1
        if "".join(reversed(letters)) == abbr and len(abbr) >= 2 and tokens[k + 1].word not in ACRONYM_SKIPS:
            out.append(Span(tokens[k + 1].start, tokens[i].end, "org", "acronym-definition"))
    return out

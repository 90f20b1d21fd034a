"""Token features of the recogniser, the same at training and at tagging time.

A sentence is a list of token strings. Two kinds of text are told apart:

* **cased** text (capitals as written): the shape of each token ("Xx", "X.",
  "x") is a feature, with the word and its neighbours;
* **uncased** text (lowercased, as in a damaged source): no shape at all, so the
  model relies on the words, their neighbours and the general resources.

The model is trained on every sentence both ways (as written, and lowercased with
non-ASCII letters deleted), so one model serves both and uses capitals where a
text has them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .lexicon import MAX_PHRASE, fold_token, lexicon

SENTENCE_END = frozenset(".!?")
OPENERS = frozenset("\"'“‘([")
_SHAPE_RUNS = re.compile(r"(.)\1+")


def shape(token: str) -> str:
    """"Xx", "X.", "XX", "x-x", "d": capitals, small letters, digits, other signs."""
    out = []
    for c in token[:8]:
        if c.isupper():
            out.append("X")
        elif c.islower():
            out.append("x")
        elif c.isdigit():
            out.append("d")
        else:
            out.append(c)
    return _SHAPE_RUNS.sub(r"\1", "".join(out))


#: a text keeps its capitals when this share of its words begin with one at least
#: (running English has 10-15%; a lowercased text none, or a stray few)
MIN_CAPITALISED = 0.02


def is_cased(tokens: Iterable[str]) -> bool:
    """Whether a text keeps its capitals: enough of its words (tokens that begin with a letter
    or digit) begin with a capital."""
    words = caps = 0
    for t in tokens:
        if t[:1].isalnum():
            words += 1
            caps += t[0].isupper()
    return caps >= MIN_CAPITALISED * max(words, 1)


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(phrases) -> frozenset[str]:
    """The words that begin a phrase of *phrases* (kept per phrase set: most tokens begin none)."""
    hit = _FIRST_WORDS.get(id(phrases))
    if hit is None or hit[0] is not phrases:
        hit = (phrases, frozenset(p[0] for p in phrases if p))
        if len(_FIRST_WORDS) > 4:
            _FIRST_WORDS.clear()
        _FIRST_WORDS[id(phrases)] = hit
    return hit[1]


def _phrase_marks(low: list[str], phrases) -> list[str]:
    """"B"/"I" where a token starts or continues a known place phrase, else ""."""
    marks = [""] * len(low)
    first = _first_words(phrases)
    i = 0
    while i < len(low):
        if low[i] in first:
            for n in range(min(MAX_PHRASE, len(low) - i), 1, -1):
                if tuple(low[i:i + n]) in phrases:
                    marks[i] = "B"
                    for k in range(i + 1, i + n):
                        marks[k] = "I"
                    i += n - 1
                    break
        i += 1
    return marks


@functools.lru_cache(maxsize=200_000)
def _word(w: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a lowercase token gives the features: (its own, after "w=" and the affixes: the short
    mark and its classes), its classes, and its features as a neighbour at -1 and +1."""
    classes = lexicon()[0].get(w.rstrip("."), ())
    own = ["b", "w=" + w, "s3=" + w[-3:], "s2=" + w[-2:], "p3=" + w[:3]]
    if len(w) < 3:
        own.append("short")
    own.extend("c=" + c for c in classes)
    if not classes and w.isalpha():
        own.append("c=unknown")
    before = ("-1w=" + w, *("-1c=" + c for c in classes))
    after = ("1w=" + w, *("1c=" + c for c in classes))
    return tuple(own), classes, before, after


@functools.lru_cache(maxsize=200_000)
def _shape(token: str) -> str:
    return shape(token)


def _token_info(tokens: list[str], cased: bool):
    low = [fold_token(t) for t in tokens]
    classes = [_word(w)[1] for w in low]
    shapes = [_shape(t) for t in tokens] if cased else None
    # a sentence begins at the start, after a sentence end, or after an opening mark that does
    initial: list[bool] = []
    for prev in [None, *tokens][:len(tokens)]:
        initial.append(prev is None or prev in SENTENCE_END or (prev in OPENERS and initial[-1]))
    return low, classes, shapes, _phrase_marks(low, lexicon()[1]), initial


@functools.lru_cache(maxsize=10_000)
def _shape_features(sh: str) -> tuple[str, str, str, bool]:
    """A shape's features: its own, at -1 and +1, and whether it begins with a capital."""
    return "sh=" + sh, "-1sh=" + sh, "1sh=" + sh, sh.startswith("X")


def sentence_features(tokens: list[str], cased: bool | None = None) -> list[list[str]]:
    """The features of every token of one sentence (or block)."""
    if cased is None:
        cased = is_cased(tokens)
    low, _, shapes, marks, initial = _token_info(tokens, cased)
    words = [_word(w) for w in low]
    n = len(tokens)
    shaped = [_shape_features(sh) for sh in shapes] if cased else None
    out = []
    for i in range(n):
        w = low[i]
        f = [*words[i][0]]
        if marks[i]:
            f.append("phrase=" + marks[i])
        if initial[i]:
            f.append("initial")
        if cased:
            sh = shaped[i]
            f.append(sh[0])
            if sh[3] and not initial[i]:
                f.append("cap-inside")
        else:
            f.append("uncased")
        f.append("-2w=" + low[i - 2] if i >= 2 else "-2edge")
        if i >= 1:
            f.extend(words[i - 1][2])
            if cased:
                f.append(shaped[i - 1][1])
        else:
            f.append("-1edge")
        if i + 1 < n:
            f.extend(words[i + 1][3])
            if cased:
                f.append(shaped[i + 1][2])
        else:
            f.append("1edge")
        f.append("2w=" + low[i + 2] if i + 2 < n else "2edge")
        if i > 0:
            f.append("bi-=" + low[i - 1] + "|" + w)
        if i + 1 < n:
            f.append("bi+=" + w + "|" + low[i + 1])
        out.append(f)
    return out

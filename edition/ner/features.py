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


def _phrase_marks(low: list[str], phrases) -> list[str]:
    """"B"/"I" where a token starts or continues a known place phrase, else ""."""
    marks = [""] * len(low)
    i = 0
    while i < len(low):
        for n in range(min(MAX_PHRASE, len(low) - i), 1, -1):
            if tuple(low[i:i + n]) in phrases:
                marks[i] = "B"
                for k in range(i + 1, i + n):
                    marks[k] = "I"
                i += n - 1
                break
        i += 1
    return marks


def _token_info(tokens: list[str], cased: bool):
    table, phrases = lexicon()
    low = [fold_token(t) for t in tokens]
    classes = [table.get(w.rstrip("."), ()) for w in low]
    shapes = [shape(t) for t in tokens] if cased else None
    # a sentence begins at the start, after a sentence end, or after an opening mark that does
    initial: list[bool] = []
    for prev in [None, *tokens][:len(tokens)]:
        initial.append(prev is None or prev in SENTENCE_END or (prev in OPENERS and initial[-1]))
    return low, classes, shapes, _phrase_marks(low, phrases), initial


def sentence_features(tokens: list[str], cased: bool | None = None) -> list[list[str]]:
    """The features of every token of one sentence (or block)."""
    if cased is None:
        cased = is_cased(tokens)
    low, classes, shapes, marks, initial = _token_info(tokens, cased)
    n = len(tokens)
    out = []
    for i in range(n):
        w = low[i]
        f = ["b", "w=" + w, "s3=" + w[-3:], "s2=" + w[-2:], "p3=" + w[:3]]
        if len(w) < 3:
            f.append("short")
        f.extend("c=" + c for c in classes[i])
        if not classes[i] and w.isalpha():
            f.append("c=unknown")
        if marks[i]:
            f.append("phrase=" + marks[i])
        if initial[i]:
            f.append("initial")
        if cased:
            sh = shapes[i]
            f.append("sh=" + sh)
            if sh.startswith("X") and not initial[i]:
                f.append("cap-inside")
        else:
            f.append("uncased")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w=" + low[j])
                if abs(d) == 1:
                    f.extend(f"{d}c=" + c for c in classes[j])
                    if cased:
                        f.append(f"{d}sh=" + shapes[j])
            else:
                f.append(f"{d}edge")
        if i > 0:
            f.append("bi-=" + low[i - 1] + "|" + w)
        if i + 1 < n:
            f.append("bi+=" + w + "|" + low[i + 1])
        out.append(f)
    return out

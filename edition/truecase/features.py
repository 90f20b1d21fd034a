"""Token features of the truecaser, the same at training and at tagging time.

The tokens are those of a lowercased block (:func:`.segment.words`); the features of a token are

* its own (:mod:`.wordclass`): the word, its kind of characters and spelling, the classes of the
  general resources, and for words the dictionary lacks, suffixes and prefix;
* its place: where sentences begin (:mod:`.segment`: ``S`` start, ``A`` after an abbreviation,
  ``C`` after a colon, ``Q`` after an opening quote, ``E`` after an ellipsis), whether the block
  looks like a heading (short, without a sentence end), its place in a hyphenated word, whether
  it is in a known place name of several words (``new york``, the recogniser's marks);
* its neighbours, two each side: their words, the classes and kinds of characters of the next
  ones, the class signature of the ones after, and the two bigrams.

A word's own features are computed once per word and kept: the tagger's speed rests on it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..ner.features import _phrase_marks  # the recogniser's marks of known place phrases
from ..ner.lexicon import fold_token, lexicon
from .segment import ENDS, HYPHEN, PART, is_word, starts
from .wordclass import word_features

#: a block of at most this many tokens without a sentence end is taken for a heading
HEADING_TOKENS = 14
#: the feature sets training tries (see :mod:`.train`); a model's manifest names its own.
#: ``nobigrams``: without the two bigrams; ``noresources``: without the general resources
FEATURE_SETS = ("full", "nobigrams", "noresources")


def heading(tokens: list[str]) -> bool:
    """Whether a block looks like a heading: short, and no sentence end in it."""
    return len(tokens) <= HEADING_TOKENS and not any(t in ENDS for t in tokens)


def _safe(token: str) -> str:
    """The lookup form of a token, encodable as UTF-8 (a lone surrogate becomes ``?``)."""
    w = fold_token(token)
    return w if w.isascii() else w.encode("utf-8", "replace").decode("utf-8")


@dataclass
class Prepared:
    """A block's tokens with what their features are made of."""
    low: list[str]
    own: list[tuple[tuple[str, ...], tuple[str, ...]]]
    kinds: list[str]
    head: bool
    bigrams: bool
    compound: list[str]
    phrases: list[str]
    resources: bool = True       # *own* is word_features(w, resources) of every token


def prepare(tokens: list[str], feature_set: str = "full", compound: list[str] | None = None) -> Prepared:
    """A block's tokens ready for :func:`features`; *compound*: their places in hyphenated words
    (:func:`.segment.words`)."""
    low = [_safe(t) for t in tokens]
    resources = feature_set != "noresources"
    compound = compound if compound and len(compound) == len(low) else [""] * len(low)
    # the later parts of a hyphenated word begin no sentence
    kinds = [k if c not in (PART, HYPHEN) else "" for k, c in zip(starts(low), compound)]
    phrases = _phrase_marks(low, lexicon()[1]) if resources else [""] * len(low)
    return Prepared(low, [word_features(w, resources) for w in low], kinds, heading(low),
                    feature_set != "nobigrams", compound, phrases, resources)


def _place(p: Prepared, i: int) -> list[str]:
    w, kind = p.low[i], p.kinds[i]
    if kind:
        f = ["st=" + kind, "st|w=" + kind + "|" + w]
    elif is_word(w):
        f = ["st=none"]
    else:
        f = []
    if p.phrases[i]:
        f.append("ph=" + p.phrases[i])
    if p.compound[i]:
        f.append("hy=" + p.compound[i])
    if p.head:
        role = "first" if i == 0 else "stop" if "c=stop" in p.own[i][1] or len(w) <= 3 else "content"
        f += ["head", "head|" + role]
    return f


@functools.lru_cache(maxsize=200_000)
def _near_word(w: str, resources: bool) -> tuple[tuple[str, ...], ...]:
    """:func:`_near` of a word with its own features, kept per word."""
    return _near(w, word_features(w, resources))


def _near(w: str, own: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The features a word *w* (with its own features *own*) gives its neighbours at -2, -1, +1
    and +2: its word, at -1 and +1 also its classes and kind, at -2 and +2 its last class."""
    feats, found = own
    last = (found[-1],) if found else ()
    return tuple((f"{d}w=" + w, *((f"{d}" + c for c in found) if abs(d) == 1 else ()),
                  *((f"{d}" + feats[1],) if abs(d) == 1 else (f"{d}" + c for c in last)))
                 for d in (-2, -1, 1, 2))


def features(p: Prepared, start: int = 0, end: int | None = None) -> list[list[str]]:
    """The features of tokens *start* to *end* of a prepared block (neighbours from the whole)."""
    low, own, n = p.low, p.own, len(p.low)
    end = n if end is None else end
    first = max(start - 2, 0)
    resources = p.resources
    near = [_near_word(low[j], resources) for j in range(first, min(end + 2, n))]
    near[:0] = [()] * first                   # indices as in the block
    out = []
    bigrams = p.bigrams
    for i in range(start, end):
        f = ["b", *own[i][0], *_place(p, i),
             *(near[i - 2][0] if i >= 2 else ("-2edge",)),
             *(near[i - 1][1] if i >= 1 else ("-1edge",)),
             *(near[i + 1][2] if i + 1 < n else ("1edge",)),
             *(near[i + 2][3] if i + 2 < n else ("2edge",))]
        if bigrams:
            if i > 0:
                f.append("bi-=" + low[i - 1] + "|" + low[i])
            if i + 1 < n:
                f.append("bi+=" + low[i] + "|" + low[i + 1])
        out.append(f)
    return out


def block_features(tokens: list[str], feature_set: str = "full",
                   compound: list[str] | None = None) -> list[list[str]]:
    """The features of every token of one lowercased block."""
    return features(prepare(tokens, feature_set, compound))

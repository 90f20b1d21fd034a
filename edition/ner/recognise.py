"""The trained recogniser: persons, places and organizations in a text, with a score.

The model is a linear-chain CRF (``python-crfsuite``) over the features of
:mod:`.features`, trained by :mod:`.train` and shipped in ``edition/ner/model/``.
It is loaded once per process, when first needed.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .features import SENTENCE_END, is_cased, sentence_features
from .lexicon import lexicon
from .tokenize import tokenize

MODEL_FILE = "ner.crfsuite"
#: CRF labels -> entity kinds of the names pass
KIND_OF_LABEL = {"PER": "person", "LOC": "place", "ORG": "org"}
#: a token is inside a mention when the model gives it this probability at least (measured on
#: GUM's development documents: below the most likely reading, 0.5, recall gains more than
#: precision loses)
THRESHOLD = 0.35
#: the last token of a mention is this likely at least to be in it (inner ones: the threshold)
EDGE = 0.5
#: sequences are cut after a sentence end once they are this long (tagging cost is linear anyway)
MAX_SEQUENCE = 120


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str      # person | place | org
    score: float   # the model's mean marginal probability of the mention's labels


def model_path():
    """The shipped model, or the file named by ``$EDITION_NER_MODEL`` (to try a newly trained one)."""
    other = os.environ.get("EDITION_NER_MODEL")
    if other:
        return Path(other)
    return resources.files(__package__).joinpath("model").joinpath(MODEL_FILE)


@functools.lru_cache(maxsize=1)
def tagger():
    """The loaded model, or None when the toolkit ships none (then nothing is suggested)."""
    import pycrfsuite

    path = model_path()
    if not path.is_file():
        return None
    t = pycrfsuite.Tagger()
    with resources.as_file(path) as p:
        t.open(str(p))
    return t


def _sequences(words: list[str]):
    """Cut a long block into sentence-sized sequences (index ranges)."""
    start = 0
    for i, w in enumerate(words):
        if (w in SENTENCE_END and i - start >= 8) or i - start >= MAX_SEQUENCE:
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)


def mentions(text: str, cased: bool | None = None, threshold: float = THRESHOLD) -> list[Mention]:
    """Every mention the model finds in *text*; *cased* says whether the text keeps its capitals
    (None: decide from the text itself). A token belongs to a mention when the model gives it at
    least *threshold* of probability of being in one."""
    t = tagger()
    if t is None or not text.strip():
        return []
    spans = tokenize(text)
    words = [text[s:e] for s, e in spans]
    if cased is None:
        cased = is_cased(words)
    plan = _label_plan(tuple(t.labels()))
    out: list[Mention] = []
    for a, b in _sequences(words):
        t.set(sentence_features(words[a:b], cased))
        kinds = [_kind_probs_at(t.marginal, plan, i, threshold) for i in range(b - a)]
        out.extend(_decode_kinds(kinds, spans[a:b], threshold, text, cased))
    return out


@functools.lru_cache(maxsize=8)
def _label_plan(labels: tuple[str, ...]) -> tuple[tuple[tuple[str, str, bool], ...], tuple[str, ...]]:
    """The model's entity labels as (label, type, begins a mention), in the model's order, and the
    types in the order they first come."""
    plan = tuple((x, x[2:], x.startswith("B-")) for x in labels if x != "O")
    return plan, tuple(dict.fromkeys(typ for _, typ, _ in plan))


#: what :func:`_kind_probs_at` gives a token that cannot reach the threshold: nothing (the decoder
#: reads a missing type as no chance at all, and decides the same as with the small true sums)
_UNLIKELY: Mapping[str, tuple[float, float]] = MappingProxyType({})
#: P(O) must leave the other labels this much below the threshold to skip their sums (the
#: marginals add up to 1 only within rounding; near the threshold the full sums decide)
_MARGIN = 1e-3


def _kind_probs_at(marginal, plan, i: int, threshold: float = 0.0) -> Mapping[str, tuple[float, float]]:
    """:func:`_kind_probs` of token *i*, read from the tagger's marginals (the same sums, in the
    same order); :data:`_UNLIKELY` for a token whose labels other than "O" together stay clearly
    below *threshold* (most tokens: one marginal tells)."""
    if threshold > 0.0 and 1.0 - marginal("O", i) < threshold - _MARGIN:
        return _UNLIKELY
    labels, types = plan
    out = dict.fromkeys(types, (0.0, 0.0))
    for label, typ, begins in labels:
        v = marginal(label, i)
        b, inside = out[typ]
        out[typ] = (b + v, inside + v) if begins else (b, inside + v)
    return out


def _kind_probs(p: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Per entity type: (probability of beginning a mention, of being in one)."""
    out: dict[str, list[float]] = {}
    for label, v in p.items():
        typ = label[2:]
        b, i = out.setdefault(typ, [0.0, 0.0])
        out[typ] = [b + v, i + v] if label.startswith("B-") else [b, i + v]
    return {k: (b, i) for k, (b, i) in out.items()}


def _decode(probs: list[dict[str, float]], spans: list[tuple[int, int]], threshold: float,
            text: str, cased: bool) -> list[Mention]:
    """Mentions from per-token marginals: runs of tokens whose probability of being in a
    mention reaches *threshold*, split where a new mention more likely begins."""
    return _decode_kinds([_kind_probs(p) for p in probs], spans, threshold, text, cased)


_NONE = (0.0, 0.0)


def _decode_kinds(kinds: list[Mapping[str, tuple[float, float]]], spans: list[tuple[int, int]],
                  threshold: float, text: str, cased: bool) -> list[Mention]:
    """:func:`_decode` from the per-type probabilities of every token (:func:`_kind_probs`)."""
    out = []
    i, n = 0, len(kinds)
    while i < n:
        kp = kinds[i]
        if not kp or sum(v for _, v in kp.values()) < threshold:
            i += 1
            continue
        typ = max(kp, key=lambda k: kp[k][1])
        j = i + 1
        while j < n:
            begin, inside = kinds[j].get(typ, _NONE)
            if inside < threshold or begin > inside - begin:
                break
            j += 1
        inside = [kinds[k].get(typ, _NONE)[1] for k in range(i, j)]
        while j - 1 > i and inside[-1] < EDGE:        # a mention ends on a likely token
            j -= 1
            inside.pop()
        score = sum(inside) / (j - i)
        if typ in KIND_OF_LABEL:
            kind = KIND_OF_LABEL[typ]
            a, z = _name_tokens([text[x:y] for x, y in spans[i:j]], kind, cased)
            if a < z:
                out.append(Mention(spans[i + a][0], spans[i + z - 1][1], kind, score))
        i = j
    return out


def _common_word(word: str) -> bool:
    """An English word of the dictionary that is no given name ("year", not "lucy")."""
    classes = lexicon()[0].get(word, ())
    return "word" in classes and "given" not in classes


@functools.lru_cache(maxsize=1)
def _wordlists():
    from ..names.wordlists import STOPWORDS, TITLES      # the names package imports this one
    return STOPWORDS, TITLES


def _name_tokens(words: list[str], kind: str, cased: bool) -> tuple[int, int]:
    """The tokens of a mention that are the name: without "the", a house number or other signs
    before it, and, for a person, the titles before it ("Mr.", "Colonel": the conventions keep
    titles and roles outside the name); in a text with capitals, without lowercase words at
    either end ("that year Jordan"). Nothing is left of a mention made of such words only."""
    STOPWORDS, TITLES = _wordlists()

    def outside(w: str) -> bool:
        low = w.lower().rstrip(".")
        return (not any(c.isalpha() for c in w) or low == "the" or low in STOPWORDS
                or (kind == "person" and low in TITLES) or (cased and w.islower()))
    a, z = 0, len(words)
    while a < z and outside(words[a]):
        a += 1
    # lowercased: a person's name does not begin with an English word that is no given name
    while not cased and kind == "person" and z - a > 1 and _common_word(words[a].lower()):
        a += 1
    while z > a and (not any(c.isalpha() for c in words[z - 1]) or (cased and words[z - 1].islower())):
        z -= 1
    return a, z

"""The trained recogniser: persons, places and organizations in a text, with a score.

The model is a linear-chain CRF (``python-crfsuite``) over the features of
:mod:`.features`, trained by :mod:`.train` and shipped in ``edition/ner/model/``.
It is loaded once per process, when first needed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .features import SENTENCE_END, is_cased, sentence_features
from .tokenize import tokenize

MODEL_FILE = "ner.crfsuite"
#: CRF labels -> entity kinds of the names pass
KIND_OF_LABEL = {"PER": "person", "LOC": "place", "ORG": "org"}
#: sequences are cut after a sentence end once they are this long (tagging cost is linear anyway)
MAX_SEQUENCE = 120


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str      # person | place | org
    score: float   # the model's mean marginal probability of the mention's labels


def model_path():
    return resources.files(__package__).joinpath("model", MODEL_FILE)


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


def _sequences(spans: list[tuple[int, int]], words: list[str]):
    """Cut a long block into sentence-sized sequences (index ranges)."""
    start = 0
    for i, w in enumerate(words):
        if (w in SENTENCE_END and i - start >= 8) or i - start >= MAX_SEQUENCE:
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)


def mentions(text: str, cased: bool | None = None) -> list[Mention]:
    """Every mention the model finds in *text*; *cased* says whether the text keeps its capitals
    (None: decide from the text itself)."""
    t = tagger()
    if t is None or not text.strip():
        return []
    spans = tokenize(text)
    words = [text[s:e] for s, e in spans]
    if cased is None:
        cased = is_cased(words)
    out: list[Mention] = []
    for a, b in _sequences(spans, words):
        feats = sentence_features(words[a:b], cased)
        labels = t.tag(feats)
        out.extend(_decode(t, labels, spans[a:b]))
    return out


def _decode(t, labels: list[str], spans: list[tuple[int, int]]) -> list[Mention]:
    out = []
    i = 0
    while i < len(labels):
        lab = labels[i]
        if lab == "O":
            i += 1
            continue
        typ = lab[2:]
        j = i + 1
        while j < len(labels) and labels[j] == "I-" + typ:
            j += 1
        score = sum(t.marginal(labels[k], k) for k in range(i, j)) / (j - i)
        if typ in KIND_OF_LABEL:
            out.append(Mention(spans[i][0], spans[j - 1][1], KIND_OF_LABEL[typ], score))
        i = j
    return out

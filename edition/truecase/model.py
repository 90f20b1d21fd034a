"""The trained truecaser: the casing of every word of a lowercased block, with a probability.

The model is a linear-chain CRF (``python-crfsuite``) over the features of :mod:`.features`,
trained by :mod:`.train` and shipped in ``edition/truecase/model/`` with the table of mixed forms
(``forms.json``) and its ``manifest.json`` (which names the feature set). It is loaded once per
process, when first needed; ``$EDITION_TRUECASE_MODEL`` names another model file (its
``forms.json`` and ``manifest.json`` are read from beside it). Where there is no model file, the
rules alone decide: a capital at sentence starts (:mod:`.segment`) and for the pronoun ``i``.

With a model, a word has capitals when the model gives them the manifest's threshold of
probability at least (tuned on GUM dev, see :data:`THRESHOLD`), and two rules follow the model
(:data:`RULES`): letters read one by one are all capitals (``nkvd``), a month next to a number has
its capital (``3 may``). One tagger serves the process; a lock keeps threads from sharing it at once.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .features import Prepared, features, prepare
from .forms import LABELS, apply
from .segment import sequences, words

MODEL_FILE = "truecase.crfsuite"
FORMS_FILE = "forms.json"
MANIFEST_FILE = "manifest.json"
ENV = "EDITION_TRUECASE_MODEL"
#: the words the rules give a capital wherever they stand: the pronoun, alone or with a clitic
#: whose apostrophe a damaged text lost ("i'm" has "i" "'m", "i’m" became "im")
ALWAYS_CAPITAL = frozenset({"i", "im", "ive"})


#: a word is given capitals when the model's probability that it has any is this at least (the
#: model's manifest has the one tuned on GUM dev; below 0.5 where the CRF's most likely reading
#: errs on the side of lowercase). Not for all capitals, which come in runs ("ON BEHALF OF THE"):
#: a word the most likely reading leaves lowercase gets them only when they are likelier than not
THRESHOLD = 0.5
CASED = ("T", "S", "U", "M")
_LOCK = threading.Lock()


@dataclass
class Model:
    tagger: object | None                       # a pycrfsuite.Tagger, None: rules only
    mixed: dict[str, str] = field(default_factory=dict)
    feature_set: str = "full"
    threshold: float = THRESHOLD
    cased: tuple[str, ...] = CASED              # the model's labels of cased forms


def model_path() -> Path:
    """The shipped model file, or the one ``$EDITION_TRUECASE_MODEL`` names."""
    other = os.environ.get(ENV)
    if other:
        return Path(other)
    return Path(str(resources.files(__package__).joinpath("model").joinpath(MODEL_FILE)))


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def open_model(path: Path) -> Model:
    """The model in *path* with its forms and feature set; rules only if it cannot be opened."""
    if not path.is_file():
        return Model(None)
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError):
        return Model(None)
    table = _read_json(path.with_name(FORMS_FILE)).get("mixed")
    mixed = {k: v for k, v in table.items() if isinstance(v, str) and v.lower() == k} \
        if isinstance(table, dict) else {}
    manifest = _read_json(path.with_name(MANIFEST_FILE))
    feature_set = manifest.get("features", "full")
    threshold = manifest.get("threshold", THRESHOLD)
    return Model(tagger, mixed, feature_set if isinstance(feature_set, str) else "full",
                 float(threshold) if isinstance(threshold, (int, float)) else THRESHOLD,
                 tuple(x for x in CASED if x in tagger.labels()))


@functools.lru_cache(maxsize=1)
def model() -> Model:
    """The model of this process (see :func:`model_path`), opened once."""
    return open_model(model_path())


def _rules(tokens: list[str], kinds: list[str]) -> list[tuple[str, float]]:
    """Labels without a model: title case at sentence starts and for ``i``."""
    return [("T", 1.0) if kind == "S" or tok in ALWAYS_CAPITAL else ("L", 1.0)
            for tok, kind in zip(tokens, kinds)]


def labels(tokens: list[str], m: Model | None = None,
           compound: list[str] | None = None) -> list[tuple[str, float]]:
    """(label, probability) of every token of a lowercased block (*compound*: the tokens' places
    in hyphenated words, :func:`.segment.words`)."""
    m = m or model()
    prep = prepare(tokens, m.feature_set, compound=compound)
    if m.tagger is None:
        return _rules(prep.low, prep.kinds)
    with _LOCK:
        return _tag(prep, m)


def _tag(prep: Prepared, m: Model) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    add = out.append
    tagger = m.tagger
    marginal, cased, threshold, rules = tagger.marginal, m.cased, m.threshold, RULES
    for a, b in sequences(prep.kinds):
        guess = tagger.tag(features(prep, a, b))
        for i, label in enumerate(guess):
            lower = marginal("L", i) if cased else 1.0
            if label == "L" and cased and 1.0 - lower >= threshold:
                best = max(cased, key=lambda x: marginal(x, i))
                if best != "U" or marginal("U", i) >= 0.5:
                    label = best
            ruled = label
            for rule in rules:
                ruled = rule(prep, a + i, ruled)
            if ruled == "L":
                add(("L", lower))
            elif ruled == label:
                add((label, marginal(label, i)))
            else:   # a rule's label: the model's probability of a capital at all
                add((ruled, 1.0 - lower))
    return out


def spelled_by_letters(prep: Prepared, i: int, label: str) -> str:
    """A word given a capital that is read letter by letter gets all capitals: no vowel, unknown
    to the general resources, no stop (``nkvd``, ``cnn``; not ``mr.``, ``ltd.``)."""
    own = prep.own[i]
    if label in CASED and label != "U" and "novowel" in own[0] and "c=unknown" in own[1] \
            and not prep.low[i].endswith("."):
        return "U"
    return label


def dated(prep: Prepared, i: int, label: str) -> str:
    """A month or weekday next to a day or a year has its capital (``3 may``, ``may 1862``, where
    ``may`` alone may be the verb)."""
    if label == "L" and "c=month" in prep.own[i][1]:
        for j in (i - 1, i + 1):
            if 0 <= j < len(prep.low) and prep.low[j].isdigit() and len(prep.low[j]) <= 4:
                return "T"
    return label


#: rules over the model's labels, in order: each takes (block, token index, label) to a label
RULES = (spelled_by_letters, dated)


def cased_words(text: str, m: Model | None = None) -> list[tuple[int, int, str, str, float]]:
    """(start, end, word, cased form, probability) of every token of *text*."""
    m = m or model()
    spans, compound = words(text)
    tokens = [text[s:e] for s, e in spans]
    out = []
    for (s, e), word, (label, p) in zip(spans, tokens, labels(tokens, m, compound)):
        low = word.lower()
        form = apply(label if label in LABELS else "L", low, m.mixed) if len(low) == len(word) else word
        out.append((s, e, word, form, p))
    return out

"""The four casing labels of the truecaser and how a label turns a lowercase word into a form.

* ``L``: as it is, lowercase (``the``, ``p.m.``);
* ``T``: title case, the first letter a capital (``Paris``, ``I``, ``Mr.``, ``O'Brien``);
* ``S``: title case because a sentence begins there (a word that would be ``L`` or ``T``
  elsewhere): kept apart from ``T``, so that what the model learns of a word's own capital is not
  mixed with the capitals of sentence starts;
* ``U``: all capitals (``NKVD``, ``U.S.``);
* ``O``: no letters (punctuation, numbers), left as it is;
* ``M``: mixed (``McDonald``, ``iPhone``): the form most often seen in training, kept in the
  model's table of mixed forms; a word without one is given title case.

A damaged text is lowercased with its non-ASCII letters deleted (``Ramón`` -> ``ramn``); the gold
form of a damaged word keeps the capitals of the original: ``Ramn``. :func:`cased_damaged`
makes that form, character for character in step with :func:`edition.ner.train.damaged_word`.
"""

from __future__ import annotations

LABELS = ("L", "T", "S", "U", "M")
#: the label of title case at a sentence start (see :func:`sentence_labels`)
START = "S"
#: the label of a token without letters (punctuation, numbers), which keeps its form
OTHER = "O"


def cased_damaged(token: str) -> str:
    """*token* with its non-ASCII letters deleted, capitals kept: the same length as
    ``damaged_word(token)``, and equal to it lowercased."""
    out = []
    for c in token:
        if ord(c) < 128:
            out.append(c)
            continue
        kept = "".join(x for x in c.lower() if ord(x) < 128)
        out.append(kept.upper() if c.isupper() else kept)
    return "".join(out)


def _upper(c: str) -> str:
    """The capital of *c*, or *c* itself where that capital is no single letter whose small
    letter is *c* ("ß", the micro sign): a form keeps its word's length and lowercases to it."""
    up = c.upper()
    return up if len(up) == 1 and up.lower() == c else c


def title(low: str) -> str:
    """The first letter of *low* a capital: ``o'brien`` -> ``O'brien``, ``'tis`` -> ``'Tis``."""
    for i, c in enumerate(low):
        if c.isalpha():
            return low[:i] + _upper(c) + low[i + 1:]
    return low


def upper(low: str) -> str:
    return "".join(_upper(c) for c in low)


def apply(label: str, low: str, mixed: dict[str, str] | None = None) -> str:
    """The form of lowercase *low* under *label* (``M`` from *mixed*, else title case)."""
    if label in ("T", START):
        return title(low)
    if label == "U":
        return upper(low)
    if label == "M":
        form = (mixed or {}).get(low)
        return form if form is not None and len(form) == len(low) else title(low)
    return low


def label_of(form: str) -> str:
    """The label that gives *form* from its lowercase (``L`` for a word without letters)."""
    low = form.lower()
    if form == low or len(low) != len(form):
        return "L"
    if form == title(low):
        return "T"
    if form == upper(low):
        return "U"
    return "M"


def sentence_labels(labels: list[str], kinds: list[str]) -> list[str]:
    """*labels* with title case at a sentence start (kind ``S`` of :func:`.segment.starts`) as
    ``S``."""
    return [START if label == "T" and kind == "S" else label for label, kind in zip(labels, kinds)]

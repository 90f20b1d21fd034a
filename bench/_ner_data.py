"""Held-out named-entity data for the benchmarks: documents rebuilt from the sentences that
``python -m edition.ner.corpora`` prepares, with gold spans as character offsets, and a lenient scorer.

The data folder is ``$EDITION_NER_DATA`` (default ``/work/data/ner``); benchmarks say so and stop
when it is absent.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from edition.ner.bio import tag_spans
from edition.ner.train import damaged, damaged_word

DATA = Path(os.environ.get("EDITION_NER_DATA", "/work/data/ner"))
KIND_OF_LABEL = {"PER": "person", "LOC": "place", "ORG": "org"}
#: the entity kinds each corpus annotates (others are not scored on it)
ANNOTATED = {"gum": ("person", "place", "org"), "hipe-topres19th": ("place",),
             "hipe-hipe2020": ("person", "place", "org"), "hipe-ajmc": ("person", "place")}
#: the held-out sets: (label, file, corpus prefix)
HELD_OUT = (("GUM test", "gum-test.jsonl", "gum"), ("HIPE dev (topres19th, ajmc)", "hipe-dev.jsonl", "hipe"))
#: the set rules and thresholds are tuned on (never the held-out ones)
TUNING = (("GUM dev", "gum-dev.jsonl", "gum"),)


@dataclass
class Document:
    corpus: str
    name: str
    text: str
    gold: list[tuple[int, int, str]]

    @property
    def kinds(self) -> tuple[str, ...]:
        return ANNOTATED.get(self.corpus, ("person", "place", "org"))


def _add_sentence(parts: list[str], gold: list, pos: int, tokens, spaces, tags) -> int:
    """Append a sentence to the text being built at *pos*, its entities to *gold*; the new end."""
    offsets = []
    for tok, sp in zip(tokens, spaces):
        offsets.append((pos, pos + len(tok)))
        parts.append(tok + (" " if sp else ""))
        pos += len(tok) + bool(sp)
    gold.extend((offsets[s][0], offsets[e - 1][1], KIND_OF_LABEL[label])
                for s, e, label in tag_spans(tags) if label in KIND_OF_LABEL)
    if not spaces or not spaces[-1]:
        parts.append(" ")
        pos += 1
    return pos


def documents(path: Path, lowercased: bool) -> list[Document]:
    """One document per corpus document, broken into lines of about 400 characters."""
    by_doc: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            s = json.loads(line)
            by_doc.setdefault(s["doc"], []).append(s)
    out = []
    for name, sentences in by_doc.items():
        parts: list[str] = []
        gold: list = []
        pos = 0
        for s in sentences:
            tokens, tags, spaces = s["tokens"], s["tags"], s.get("spaces") or [True] * len(s["tokens"])
            if lowercased:
                spaces = [sp for t, sp in zip(tokens, spaces) if damaged_word(t)]
                tokens, tags = damaged(tokens, tags)
            pos = _add_sentence(parts, gold, pos, tokens, spaces, tags)
        out.append(Document(sentences[0]["corpus"], name, _lines("".join(parts)), gold))
    return out


def _lines(text: str, width: int = 400) -> str:
    """Break a long text into lines at sentence ends (same length: a space becomes a newline)."""
    chars = list(text)
    last = 0
    for i, c in enumerate(chars):
        if c == " " and i - last >= width and i > 0 and chars[i - 1] in ".!?":
            chars[i] = "\n"
            last = i
    return "".join(chars)


def score(docs: list[Document], predicted: list[list[tuple[int, int, str]]]) -> dict[str, tuple[float, float, float, int]]:
    """Lenient precision, recall, F1 (an overlap of the same kind counts) and gold count per kind."""
    out = {}
    for kind in ("person", "place", "org"):
        tp_p = n_p = tp_g = n_g = 0
        for doc, pred in zip(docs, predicted):
            if kind not in doc.kinds:
                continue
            g = [x for x in doc.gold if x[2] == kind]
            p = [x for x in pred if x[2] == kind]
            n_g += len(g)
            n_p += len(p)
            tp_g += sum(any(a < d and c < b for c, d, _ in p) for a, b, _ in g)
            tp_p += sum(any(a < d and c < b for c, d, _ in g) for a, b, _ in p)
        if n_g:
            pr = tp_p / n_p if n_p else 0.0
            rc = tp_g / n_g
            out[kind] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0, n_g)
    return out

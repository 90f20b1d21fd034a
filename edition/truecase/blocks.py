"""Training and evaluation blocks: corpus sentences joined into damaged paragraphs with the gold
capitals beside them.

The sentence files are those of :mod:`edition.ner.corpora` (GUM and HIPE-2022; one record a
line: ``tokens``, ``spaces``, ``corpus``, ``doc``, ...). They keep no paragraphs, so the
sentences of a document are joined in reading order into blocks of up to
:data:`SENTENCES_PER_BLOCK`; a sentence without a sentence end (a heading, a caption, a spoken
turn) is a block of its own. A block's ``text`` is damaged (lowercased, non-ASCII letters
deleted, as :func:`edition.ner.train.damaged_word`); ``cased`` is the same text with the
original capitals, character for character, so that the gold form of any token of ``text`` is
the same slice of ``cased``.

HIPE's OCR newspapers print headlines and some notices in capitals: a training sentence most of
whose words are written in capitals says nothing about English casing and is left out
(:func:`shouting`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..ner.train import damaged_word
from .forms import OTHER, cased_damaged, label_of
from .segment import ENDS, words

SENTENCES_PER_BLOCK = 3
#: a sentence is shouting when this share of its words of two letters or more are capitals
SHOUTING = 0.5
CLOSING = frozenset("\"')]}\u201d\u2019\u00bb")


@dataclass
class Block:
    corpus: str
    doc: str
    genre: str
    text: str    # damaged
    cased: str   # the same, with the original capitals

    def words(self) -> list[tuple[int, int, str, str]]:
        """(start, end, damaged word, gold form) of every token of the text (:func:`.segment.words`)."""
        return [(s, e, self.text[s:e], self.cased[s:e]) for s, e in words(self.text)[0]]

    def tokens(self) -> tuple[list[str], list[str], list[str]]:
        """The tokens of the text, their gold labels (see :func:`.forms.label_of`; ``O`` for a
        token without letters) and their places in hyphenated words."""
        spans, marks = words(self.text)
        tokens = [self.text[s:e] for s, e in spans]
        golds = [self.cased[s:e] for s, e in spans]
        return (tokens, [label_of(g) if any(c.isalpha() for c in w) else OTHER
                         for w, g in zip(tokens, golds)], marks)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def shouting(tokens: Iterable[str]) -> bool:
    """Whether most words (of two letters or more) of a sentence are written in capitals."""
    words = [t for t in tokens if sum(c.isalpha() for c in t) >= 2]
    caps = sum(t.isupper() for t in words)
    return bool(words) and caps >= SHOUTING * len(words)


def ends_sentence(tokens: list[str]) -> bool:
    """Whether a sentence's last token, before closing quotes and brackets, is ``.``, ``!``, ``?``."""
    for tok in reversed(tokens):
        if tok in CLOSING or tok in ("\u201d", "''"):
            continue
        return tok in ENDS or tok.endswith(".")
    return False


def _damage(record: dict) -> tuple[str, str]:
    text, cased = [], []
    for tok, space in zip(record["tokens"], record["spaces"]):
        low, form = damaged_word(tok), cased_damaged(tok)
        if len(form) != len(low) or form.lower() != low:
            form = low
        sep = " " if space else ""
        text.append(low + sep)
        cased.append(form + sep)
    return "".join(text), "".join(cased)


def blocks(records: Iterable[dict], drop_shouting: bool = False) -> Iterator[Block]:
    """The blocks of the sentence records (in their order; see the module)."""
    current: list[dict] = []

    def flush() -> Iterator[Block]:
        if current:
            parts = [_damage(r) for r in current]
            text = " ".join(t.strip() for t, _ in parts)
            cased = " ".join(c.strip() for _, c in parts)
            if text.strip():
                yield Block(current[0]["corpus"], current[0]["doc"], current[0].get("genre", ""),
                            text, cased)
            current.clear()

    last = None
    for r in records:
        key = (r["corpus"], r["doc"])
        if key != last or len(current) >= SENTENCES_PER_BLOCK:
            yield from flush()
        last = key
        if drop_shouting and shouting(r["tokens"]):
            yield from flush()
            continue
        current.append(r)
        if not ends_sentence(r["tokens"]):
            if len(current) > 1:    # the sentence without an end stands alone
                current.pop()
                yield from flush()
                current.append(r)
            yield from flush()
    yield from flush()


def read_blocks(paths: Iterable[Path], drop_shouting: bool = False) -> list[Block]:
    return [b for p in paths for b in blocks(read_jsonl(p), drop_shouting)]

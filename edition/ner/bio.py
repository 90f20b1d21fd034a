"""BIO tags for token sequences: spans to tags, tags to spans, repair, and the sentence record.

A sentence record is the unit the corpus readers produce and the trainer reads (one JSON line)::

    {"corpus", "doc", "genre", "split", "tokens", "spaces", "tags"}

``tags`` are BIO tags (``B-PER``, ``I-LOC``, ``O`` ...) or ``?`` for a token whose label the
corpus does not give (a missing label, not "no entity").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

UNKNOWN = "?"
OUTSIDE = "O"


def spans_to_tags(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags for ``length`` tokens from non-overlapping ``(start, end, label)`` spans (end exclusive)."""
    tags = [OUTSIDE] * length
    for start, end, label in spans:
        if not 0 <= start < end <= length:
            raise ValueError(f"span {start}:{end} outside a sentence of {length} tokens")
        if any(t != OUTSIDE for t in tags[start:end]):
            raise ValueError(f"span {start}:{end} overlaps another span")
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def tag_spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """The ``(start, end, label)`` entities of a BIO sequence (``?`` and ``O`` end an entity)."""
    start, label = None, None
    for i, tag in enumerate(list(tags) + [OUTSIDE]):
        inside = tag.startswith("I-") and label == tag[2:]
        if label is not None and not inside:
            yield start, i, label
            start, label = None, None
        if tag.startswith(("B-", "I-")) and label is None:
            start, label = i, tag[2:]


def repair(tags: Sequence[str]) -> list[str]:
    """A valid BIO sequence: an ``I-X`` that does not continue an ``X`` becomes ``B-X``."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and not (out and out[-1][2:] == tag[2:] and out[-1] not in (OUTSIDE, UNKNOWN)):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def record(corpus: str, doc: str, genre: str, split: str,
           tokens: list[str], spaces: list[bool], tags: list[str]) -> dict:
    """One sentence record, checked for equal lengths and valid BIO."""
    if not len(tokens) == len(spaces) == len(tags):
        raise ValueError(f"{doc}: {len(tokens)} tokens, {len(spaces)} spaces, {len(tags)} tags")
    if repair(tags) != list(tags):
        raise ValueError(f"{doc}: invalid BIO sequence {tags}")
    return {"corpus": corpus, "doc": doc, "genre": genre, "split": split,
            "tokens": tokens, "spaces": spaces, "tags": tags}

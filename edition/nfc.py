"""Matching on NFC while the text keeps its own form: offsets between the two.

A text in decomposed form (NFD: "e" + U+0301 for "é") must be found by the
same patterns and register forms as a composed one, but the diplomatic text is
kept exactly as given. So the markup passes read the NFC form of a block
(:func:`edition.spans.text_of`) and :func:`edition.spans.wrap` maps their
offsets back to the text as it stands. A character and the combining marks that
follow it are one cluster: offsets in the NFC form map to cluster boundaries of
the original, so markup never falls between a letter and its accent.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class View:
    """The NFC form of a text and the offsets between it and the text as it stands."""
    text: str                     # NFC
    to_raw: tuple[int, ...]       # NFC offset (0..len) -> raw offset
    to_nfc: tuple[int, ...]       # raw offset (0..len) -> NFC offset (inside a cluster: its start)

    def raw(self, offset: int) -> int:
        return self.to_raw[offset]

    def nfc(self, offset: int) -> int:
        return self.to_nfc[offset]


def is_nfc(text: str) -> bool:
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def _clusters(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


@lru_cache(maxsize=256)
def view(text: str) -> View | None:
    """The NFC view of *text*; None when *text* is NFC already (offsets are the same)."""
    if is_nfc(text):
        return None
    to_raw: list[int] = []
    to_nfc: list[int] = []
    parts: list[str] = []
    raw = nfc = 0
    for cluster in _clusters(text):
        composed = unicodedata.normalize("NFC", cluster)
        parts.append(composed)
        to_raw.extend([raw] * len(composed))
        to_nfc.extend([nfc] * len(cluster))
        raw += len(cluster)
        nfc += len(composed)
    to_raw.append(raw)
    to_nfc.append(nfc)
    joined = "".join(parts)
    if joined != unicodedata.normalize("NFC", text):
        return None          # composition across clusters (rare scripts): match on the text as it is
    return View(joined, tuple(to_raw), tuple(to_nfc))

"""A large read-only table of words, word -> a tuple of strings, that loads in a millisecond.

The recogniser's lexicon holds some 270,000 words with their classes. Kept as a Python dict it took
0.17-0.35 s to read back in every process (JSON decoded, then the dict and its tuples rebuilt),
more than a third of the conversion of a long text. Here the words are a MARISA trie
(``marisa-trie``: a compact static dictionary that maps each key to a number), the number leads,
through an array, to the word's value, and the few hundred distinct values are a list: reading
the table back is copying three blocks of bytes. A lookup costs ~0.3 µs instead of a dict's
~0.05 µs, which a conversion's few tens of thousands of lookups do not feel.

Stored form (:meth:`WordTable.to_bytes`): one line of JSON (the values, the sizes of the two
blocks, and *extra*: anything JSON holds that travels with the table), then the trie's bytes,
then the array of value numbers (little-endian). Reading it runs no code; bytes that do not add
up, or whose CRC-32 (in the header) differs, raise ValueError.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array
from collections.abc import Iterator, Mapping
from typing import Any

import marisa_trie

#: the array's item type: value numbers up to 2**32
_TYPECODE = "I"


class WordTable(Mapping):
    """word -> tuple of strings, read-only (a Mapping: ``get``, ``in``, ``len``, iteration)."""

    __slots__ = ("_trie", "_ids", "_values", "extra")

    def __init__(self, trie: marisa_trie.Trie, ids: array, values: list[tuple[str, ...]], extra: Any = None):
        if len(ids) != len(trie):
            raise ValueError("word table: the value numbers do not match the words")
        self._trie, self._ids, self._values, self.extra = trie, ids, values, extra

    @classmethod
    def build(cls, mapping: Mapping[str, tuple[str, ...]] | Mapping[str, list[str]], extra: Any = None) -> "WordTable":
        values: dict[tuple[str, ...], int] = {}
        trie = marisa_trie.Trie(mapping.keys())
        ids = array(_TYPECODE, bytes(array(_TYPECODE).itemsize * len(trie)))
        for word, value in mapping.items():
            ids[trie[word]] = values.setdefault(tuple(value), len(values))
        return cls(trie, ids, list(values), extra)

    def to_bytes(self) -> bytes:
        trie = self._trie.tobytes()
        ids = array(_TYPECODE, self._ids)
        if sys.byteorder == "big":
            ids.byteswap()
        body = trie + ids.tobytes()
        head = {"values": [list(v) for v in self._values], "trie": len(trie),
                "ids": len(ids) * ids.itemsize, "crc": zlib.crc32(body), "extra": self.extra}
        return json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + body

    @classmethod
    def from_bytes(cls, raw: bytes) -> "WordTable":
        line, sep, rest = raw.partition(b"\n")
        try:
            head = json.loads(line.decode("utf-8"))
            size_trie, size_ids, crc = int(head["trie"]), int(head["ids"]), int(head["crc"])
            values = [tuple(v) for v in head["values"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"word table: bad header ({exc})") from None
        if not sep or size_trie < 0 or size_ids < 0 or len(rest) != size_trie + size_ids:
            raise ValueError("word table: the blocks do not add up")
        if zlib.crc32(rest) != crc:
            raise ValueError("word table: damaged (checksum)")
        ids = array(_TYPECODE)
        if size_ids % ids.itemsize:
            raise ValueError("word table: the value numbers are cut")
        ids.frombytes(rest[size_trie:])
        if sys.byteorder == "big":
            ids.byteswap()
        try:
            trie = marisa_trie.Trie().frombytes(rest[:size_trie])
        except Exception as exc:            # the library's own error for damaged bytes
            raise ValueError(f"word table: bad trie ({exc})") from None
        return cls(trie, ids, values, head.get("extra"))

    def get(self, word: str, default: Any = None) -> Any:
        i = self._trie.get(word)
        return default if i is None else self._values[self._ids[i]]

    def __getitem__(self, word: str) -> tuple[str, ...]:
        i = self._trie.get(word) if isinstance(word, str) else None
        if i is None:
            raise KeyError(word)
        return self._values[self._ids[i]]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __len__(self) -> int:
        return len(self._trie)

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie)

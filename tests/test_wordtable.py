"""edition.wordtable: the read-only word table the recogniser's lexicon is kept in."""

from __future__ import annotations

import json

import pytest

from edition.wordtable import WordTable

WORDS = {"oaxaca": ("city", "place"), "tlaxcala": ("place",), "zapotec": ("demonym",),
         "mazatlán": ("city", "place"), "nahuatl": (), "e": ("stop",), "oax": ("place",)}


def test_a_table_round_trips_through_its_bytes():
    table = WordTable.build(WORDS, extra=["gulf of mexico", "sierra madre"])
    again = WordTable.from_bytes(table.to_bytes())
    assert dict(again) == dict(table) == WORDS
    assert again.extra == ["gulf of mexico", "sierra madre"]
    assert len(again) == len(WORDS)
    assert sorted(again) == sorted(WORDS)


def test_lookups_behave_as_a_dict_s():
    table = WordTable.build(WORDS)
    assert table.get("mazatlán") == ("city", "place")
    assert table.get("oaxac") is None and table.get("oaxacas", ()) == ()
    assert table["nahuatl"] == () and "nahuatl" in table
    assert "oaxac" not in table and 3 not in table
    with pytest.raises(KeyError):
        table["mixtec"]
    assert table.get("") is None


def test_equal_values_are_stored_once():
    table = WordTable.build({f"w{i}": ("word",) for i in range(1000)} | {"lima": ("city",)})
    head = json.loads(table.to_bytes().partition(b"\n")[0])
    assert sorted(map(tuple, head["values"])) == [("city",), ("word",)]


def test_an_empty_table():
    table = WordTable.from_bytes(WordTable.build({}).to_bytes())
    assert len(table) == 0 and table.get("a") is None and list(table) == []


@pytest.mark.parametrize("damage", [
    lambda raw: b"",
    lambda raw: raw[:-3],                                   # cut
    lambda raw: raw + b"\0\0\0\0",                          # too long
    lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),            # one bit of the value numbers
    lambda raw: b"{not json\n" + raw.partition(b"\n")[2],
    lambda raw: b'{"values": []}\n' + raw.partition(b"\n")[2],
])
def test_damaged_bytes_raise_value_error(damage):
    raw = WordTable.build(WORDS).to_bytes()
    with pytest.raises(ValueError):
        WordTable.from_bytes(damage(raw))

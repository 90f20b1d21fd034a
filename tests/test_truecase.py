"""The truecaser: capitals restored to lowercased texts from outside the bundled text's world (an
American letter of the Civil War years, an East African travel diary of the 1950s, both written
for these tests), its rules, its labels, and that it never raises."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.ner.train import damaged_word
from edition.truecase import recase
from edition.truecase.forms import apply, cased_damaged, label_of
from edition.truecase.model import MANIFEST_FILE, model, model_path, open_model
from edition.truecase.segment import starts, words

LETTER = """Boston, March 3rd, 1862.

My dear Sister,

I received your letter of the 17th of February on Monday last, and I hasten to answer it. Father \
is well, though the winter has been hard on him, and Dr. Warren comes to see him every Thursday. \
We had a visit from Mr. Lowell and his wife on Sunday; they spoke of nothing but the war and the \
news from Virginia. The English papers say that London will not recognise the Confederacy, and I \
hope they are right. Mary sends her love, and so does little Thomas. I shall write again in April, \
when the roads are open.

Your affectionate brother,
William"""

DIARY = """Tuesday, 14 August 1956

We left Nairobi early in the morning and drove north towards Nyeri. The road was dry and red, and \
the women at the markets waved to us as we passed. Dr. Achieng told me that the rains will come in \
October, perhaps in November. In the evening I wrote to my mother in Lagos and to Peter in Cairo. \
On Friday we go on to Mombasa, where the Indian and Arab traders keep their shops near the old \
harbour. I have been reading a French novel that my sister gave me in London last June, but my \
French is poor and I read it slowly. Tomorrow is Wednesday, and the mail goes south to \
Johannesburg."""

MONTHS_AND_DAYS = {"March", "February", "Monday", "Thursday", "Sunday", "April", "Tuesday",
                   "August", "October", "November", "Friday", "June", "Wednesday"}
PEOPLES = {"English", "Indian", "Arab", "French"}
NAMES = {"Mary", "Thomas", "William", "Peter", "Boston", "London", "Virginia", "Nairobi", "Cairo"}
COMMON = {"letter", "winter", "war", "news", "papers", "love", "roads", "road", "markets", "rains",
          "evening", "mother", "traders", "shops", "novel", "mail", "morning", "women", "sister"}


def restore(text: str) -> str:
    """*text* damaged (lowercased, non-ASCII letters deleted), then recased block by block."""
    out = []
    for block in damaged_word(text).split("\n"):
        chars = list(block)
        for start, end, form, _ in recase(block):
            chars[start:end] = form
        out.append("".join(chars))
    return "\n".join(out)


def pairs(text: str) -> list[tuple[str, str]]:
    """(original word, restored word) for every word of *text*."""
    return list(zip(re.findall(r"[A-Za-z]+", text), re.findall(r"[A-Za-z]+", restore(text))))


@pytest.fixture(scope="module")
def restored() -> dict[str, str]:
    out = {}
    for text in (LETTER, DIARY):
        out.update((a, b) for a, b in pairs(text) if a.lower() == b.lower())
    return out


def test_every_word_comes_back_in_place():
    for text in (LETTER, DIARY):
        got = pairs(text)
        assert len(got) == len(re.findall(r"[A-Za-z]+", text))
        assert all(a.lower() == b.lower() for a, b in got)


@pytest.mark.parametrize("text", [LETTER, DIARY], ids=["letter", "diary"])
def test_sentence_starts_and_i(text):
    restored_text = restore(text)
    for m in re.finditer(r"(?:^|[.!?]\s+)([a-zA-Z]+)", restored_text, re.MULTILINE):
        assert m.group(1)[0].isupper(), m.group(0)
    assert " i " not in restored_text and "I " in restored_text


@pytest.mark.parametrize("word", sorted(MONTHS_AND_DAYS | PEOPLES | NAMES))
def test_proper_words_get_their_capital(restored, word):
    assert restored[word] == word


def test_common_words_stay_lowercase():
    for text in (LETTER, DIARY):
        for original, got in pairs(text):
            if original in COMMON:
                assert got == original


def test_most_of_both_texts_is_restored():
    got = pairs(LETTER) + pairs(DIARY)
    right = sum(a == b for a, b in got)
    capitals = [(a, b) for a, b in got if a[0].isupper()]
    assert right >= 0.96 * len(got)
    assert sum(a == b for a, b in capitals) >= 0.9 * len(capitals)


def test_offsets_point_at_the_words():
    text = "on monday, 3 may, general grant and i left st. louis for the usa."
    changes = recase(text)
    assert changes and changes == sorted(changes)
    for start, end, form, p in changes:
        assert form.lower() == text[start:end] and form != text[start:end]
        assert 0.0 < p <= 1.0
    forms = {form for _, _, form, _ in changes}
    # "may" after a day is the model's call; in a conversion the reading pass capitalises the
    # months of a date itself (edition.reading.closed)
    assert {"On", "Monday", "I"} <= forms


def test_words_with_capitals_are_left_alone():
    text = "the NKVD and the iPhone in paris"
    assert all(text[s:e].islower() for s, e, _, _ in recase(text))


def test_sentences_begin_after_stops_not_after_abbreviations():
    tokens = [damaged_word(t) for t in "he met mr. brown , e. g. at no. 5 . then he left ! why ?".split()]
    kinds = starts(tokens)
    assert kinds[0] == "S"
    assert kinds[tokens.index("brown")] == "A" and kinds[tokens.index("at")] == "A"
    assert kinds[tokens.index("5")] == "A"
    assert kinds[tokens.index("then")] == "S" and kinds[tokens.index("why")] == "S"
    assert kinds[tokens.index("left")] == ""


def test_hyphenated_words_are_split_into_parts():
    text = "an anglo-saxon king"
    spans, marks = words(text)
    assert [text[s:e] for s, e in spans] == ["an", "anglo", "-", "saxon", "king"]
    assert marks == ["", "first", "hyphen", "part", ""]


def test_labels_and_forms():
    assert [label_of(f) for f in ("the", "Paris", "NKVD", "McDonald", "I", "1905", "O'Brien")] == \
        ["L", "T", "U", "M", "T", "L", "M"]
    assert apply("T", "o'brien") == "O'brien" and apply("U", "u.s.") == "U.S."
    assert apply("M", "mcdonald", {"mcdonald": "McDonald"}) == "McDonald"
    assert apply("M", "mcbride", {}) == "Mcbride"
    assert cased_damaged("Ramón Señor") == "Ramn Seor" and damaged_word("Ramón Señor") == "ramn seor"


def test_without_a_model_the_rules_give_sentence_starts_and_i(tmp_path, monkeypatch):
    from edition.truecase.model import cased_words

    rules = open_model(tmp_path / "missing.crfsuite")
    assert rules.tagger is None
    got = [(w, f) for _, _, w, f, _ in cased_words("in july i saw rome. it was hot", rules) if w != f]
    assert got == [("in", "In"), ("i", "I"), ("it", "It")]
    (tmp_path / "junk.crfsuite").write_text("not a model")
    assert open_model(tmp_path / "junk.crfsuite").tagger is None
    monkeypatch.setenv("EDITION_TRUECASE_MODEL", str(tmp_path / "missing.crfsuite"))
    assert model_path() == tmp_path / "missing.crfsuite"


def test_the_shipped_model_and_manifest():
    assert model_path().is_file(), "edition/truecase/model/ has no model"
    assert model().tagger is not None
    manifest = json.loads(model_path().with_name(MANIFEST_FILE).read_text())
    assert manifest["sources"]["gum"]["commit"] and manifest["dev"]["gum"]["accuracy"] > 0.9
    assert model_path().stat().st_size < 8_000_000


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_never_raises_and_offsets_stay_inside(text):
    for start, end, form, p in recase(text):
        assert 0 <= start < end <= len(text) and len(form) == end - start
        assert form.lower() == text[start:end].lower() and 0.0 <= p <= 1.0


@pytest.mark.parametrize("text", ["", " ", "...", "?!", "\n\n", "- - -", "'", "i", "\u0000x",
                                  "a" * 5000, ". " * 3000, "x-" * 200, "\ud800 abc"])
def test_odd_input(text):
    assert isinstance(recase(text), list)


def test_a_long_block():
    text = damaged_word(DIARY.replace("\n", " ")) + " "
    changes = recase(text * 200)
    assert len(changes) > 100 * len(recase(text))


def test_not_a_string():
    assert recase(None) == [] and recase(b"bytes") == []  # type: ignore[arg-type]


DATA = Path(os.environ.get("EDITION_NER_DATA", "/work/data/ner"))


@pytest.mark.skipif(not (DATA / "gum-train.jsonl").is_file(),
                    reason=f"{DATA} has no prepared corpora (python -m edition.ner.corpora --out DIR)")
def test_training_is_deterministic(tmp_path):
    from edition.truecase.blocks import read_blocks
    from edition.truecase.train import mixed_forms, train_one

    blocks = read_blocks([DATA / "gum-train.jsonl"])[:150]
    params = {"c1": 0.05, "c2": 0.01, "max_iterations": 30}
    for name in ("a", "b"):
        train_one(blocks, tmp_path / f"{name}.crfsuite", "full", params)
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()
    assert open_model(tmp_path / "a.crfsuite").tagger is not None
    assert all(form.lower() == word and form != word for word, form in mixed_forms(blocks).items())


def test_a_page_that_lost_its_spaces_is_not_taken_apart_letter_by_letter():
    """A damaged text may lose every space of a page: a run of 20,000 letters is derived from no
    word and made of no two (each f read as a long s, each split in two: the memory and the time
    of that grow with the square of its length; 400 kB took minutes)."""
    import tracemalloc

    from edition.truecase.resources import LONGEST_WORD, bases, compound

    run = ("offthefieldsoffrancefellsilent" * 700)[:20_000]
    assert bases(run) == [] and not compound(run, lambda w: True)
    assert bases("themfelves") and compound("website", lambda w: w in {"web", "site"})
    assert len("pneumonoultramicroscopicsilicovolcanoconiosis") <= LONGEST_WORD
    recase("a word of the year.")          # the model loaded before the measure
    tracemalloc.start()
    try:
        found = recase(run)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) <= 1
    assert peak < 8 * 2**20, f"{peak / 2**20:.0f} MiB for one run of letters"

"""The reading-text benchmark (bench/bench_reading.py): its scoring on small hand-made strings,
and its data (bench/data/prose): every file described in the README, UTF-8, no boilerplate."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import bench_reading as br  # noqa: E402

DATA = REPO / "bench" / "data" / "prose"


# -- damage, words, capitals -------------------------------------------------------------

def test_damage_lowercases_and_deletes_non_ascii_keeping_lines():
    assert br.damage("Jenné—Timbuctoo\n“Sego”") == "jenntimbuctoo\nsego"


def test_words_drop_heading_marks():
    assert br.words("== Chapter XVI ==\n\nAt Sansanding, the dooty.") == [
        "Chapter", "XVI", "At", "Sansanding,", "the", "dooty."]


@pytest.mark.parametrize("word, expected", [
    ("Kailash", True), ("“Policeman!", True), ("dooty", False), ("1796", None),
    ("Ōsaka", False),          # the truth is the non-ASCII-deleted form: "saka"
])
def test_capitalised_is_the_first_cased_ascii_letter(word, expected):
    assert br.capitalised(word) is expected


# -- alignment ---------------------------------------------------------------------------

def test_alignment_survives_a_reinserted_space():
    original = "the Moors—the leading part of Sansanding"
    reading = "the Moors the leading part of Sansanding"
    pairs = br.align(br.words(original), br.words(reading))
    assert pairs == {0: 0, 2: 3, 3: 4, 4: 5, 5: 6}       # "Moors—the" unpaired
    s = br.score(original, reading)
    assert (s.words, s.exact) == (6, 5)
    assert s.errors == {("Moors—the", "-"): 1}
    # the capital of the unpaired word is missed, the split-off "Moors" is a wrong capital
    assert (s.tp, s.fn, s.fp) == (1, 1, 1)


def test_alignment_of_a_removed_space_and_words_around_it():
    s = br.score("at Modiboo a delightful village", "at Modibooa delightful village")
    assert (s.words, s.exact) == (5, 3)


def test_same_letters_pairs_a_word_covering_the_same_span():
    assert br._same_letters([0, 1], ["kea", "where"], [7, 8, 9], ["kea", "wh", "ere"]) == {0: 7}
    assert br._same_letters([0], ["abc"], [5], ["abd"]) == {}


def test_lone_dashes_and_quotes_are_not_words():
    s = br.score("Silla — a “large” town", "Silla a large town")
    assert (s.words, s.exact) == (4, 4)


# -- exact words -------------------------------------------------------------------------

def test_restored_accented_word_counts_as_exact():
    s = br.score("the town of Jenné on the Niger", "the town of Jenné on the Niger")
    assert (s.exact, s.words) == (7, 7)
    assert (s.lost, s.restored) == (1, 1)


def test_unrestored_letter_is_not_held_against_the_reading_text():
    s = br.score("the town of Jenné", "the town of Jenn")
    assert s.exact == s.words == 4
    assert (s.lost, s.restored) == (1, 0)


def test_wrongly_restored_letter_is_an_error():
    s = br.score("the town of Jenné", "the town of Jennè")
    assert s.exact == 3
    assert s.errors == {("Jenné", "Jennè"): 1}


def test_wrong_case_is_an_error():
    s = br.score("King Alfred went to Rome", "king Alfred went to rome")
    assert (s.exact, s.words) == (3, 5)


# -- capitals ----------------------------------------------------------------------------

def test_wrong_capital_counts_against_precision_only():
    s = br.score("the army went to Reading", "the Army went to Reading")
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.precision == 0.5 and s.recall == 1.0


def test_missed_capital_counts_against_recall_only():
    s = br.score("Kailash the cashier", "kailash the cashier")
    assert (s.tp, s.fp, s.fn) == (0, 0, 1)
    assert s.recall == 0.0 and s.f1 == 0.0


def test_inserted_capitalised_word_is_a_wrong_capital():
    s = br.score("the dooty of Kea", "the dooty Silla of Kea")
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.exact == s.words == 4


def test_scores_add_up_micro_averaged():
    a = br.score("Satya came back", "satya came back")
    b = br.score("the Ramayana of Krittivasa", "the Ramayana of Krittivasa")
    total = a + b
    assert (total.words, total.exact, total.tp, total.fn) == (7, 6, 2, 1)
    assert total.errors == {("Satya", "satya"): 1}


# -- the baseline ------------------------------------------------------------------------

def test_baseline_capitalises_line_and_sentence_starts_only():
    damaged = "== chapter ii ==\nat malden. the salt-furnace? \"no,\" said booker. 18 barrels"
    assert br.baseline(damaged) == 'Chapter ii\nAt malden. The salt-furnace? "No," said booker. 18 barrels'


def test_diplomatic_check_reports_a_changed_line():
    assert br.diplomatic_check("== part i ==\n\nwe three boys", "part i\nwe three boys\n") == "same"
    assert br.diplomatic_check("we three boys\n\nkailash", "we three boys kailash") \
        .startswith("same words")
    assert "differs at line 2" in br.diplomatic_check("a\n\nkailash", "a\nKailash")


# -- the data ----------------------------------------------------------------------------

def _readme_entries() -> set[str]:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"^## (\S+\.txt)$", readme, flags=re.M))


def test_every_data_file_has_a_readme_entry_and_back():
    files = {p.name for p in DATA.glob("*.txt")}
    assert len(files) >= 5
    assert _readme_entries() == files


def test_readme_entries_name_source_and_licence():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for section in re.split(r"^## ", readme, flags=re.M)[1:]:
        if not section.split("\n", 1)[0].endswith(".txt"):
            continue
        assert re.search(r"https://www\.gutenberg\.org/ebooks/\d+", section), section[:40]
        assert re.search(r"commit [0-9a-f]{40}", section), section[:40]
        assert "public domain in the USA" in section, section[:40]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_data_file_is_clean_utf8_prose(path):
    text = path.read_bytes().decode("utf-8")            # strict: fails on anything else
    assert "gutenberg" not in text.lower()              # no header, footer, licence, trademark
    assert not re.search(r"\[\d+\]|\{\d+\}|\[Illustration|_\w", text)    # no e-text clutter
    assert 2400 <= len(text.split()) <= 4200
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    assert len(blocks) >= 8
    assert text.endswith("\n") and "\r" not in text

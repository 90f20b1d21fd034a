"""The honorific rule: a name after "Mr.", "Sir", "Colonel" ... (register and rules only)."""

from __future__ import annotations

import pytest

from names_helpers import names, noreg as _noreg


def persons(text: str) -> list[str]:
    return [n.lower() for n in names(_noreg(text), "persName")]


@pytest.mark.parametrize("text,expected", [
    ("We dined with Mr. Trelawny and Dr. Okonkwo at the mission.", ["trelawny", "okonkwo"]),
    ("Sir W. Elford called; Colonel Playfair is at Zanzibar.", ["w. elford", "playfair"]),
    ("Mme. Desrosiers and Herr Blumenthal left Lyon.", ["desrosiers", "blumenthal"]),
])
def test_names_after_honorifics_in_both_cases(text, expected):
    assert persons(text) == expected
    assert persons(text.lower()) == expected


def test_capitals_allow_english_words_as_surnames():
    assert persons("The letter reached Mr. Cook and Colonel Young.") == ["cook", "young"]
    # lowercased, "cook" and "young" could be anything: no name
    assert persons("the letter reached mr. cook and colonel young.") == []


@pytest.mark.parametrize("text", ["The general strike spread to the docks.",
                                  "Sir, I write in haste.", "a major problem for the bishop of the see."])
def test_titles_that_are_words_need_a_name_after_them(text):
    assert persons(text) == []
    assert persons(text.lower()) == []


def test_the_name_stops_at_a_sentence_end():
    assert persons("I saw Mr. Elford. Mrs. Hofland wrote.") == ["elford", "hofland"]

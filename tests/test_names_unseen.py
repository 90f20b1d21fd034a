"""Persons and institutions in unseen texts without a register: the second tier of given
names (gender-guesser's dictionary), speakers ("einstein said"), institution patterns."""

from __future__ import annotations

import pytest
from names_helpers import names, noreg, noreg_file

from edition.names.resources import english_words, more_given_names

@pytest.fixture(scope="module")
def composer():
    return noreg_file("composer.txt")


@pytest.fixture(scope="module")
def company():
    return noreg_file("company.txt")


# -- the resources ---------------------------------------------------------------------

def test_second_tier_has_names_folded_to_the_texts_form():
    more = more_given_names()
    assert len(more) > 10_000
    for name in ("marie", "albert", "bronislawa", "bronisawa", "jeannette", "fritz"):
        assert name in more, name


@pytest.mark.parametrize("word", ["will", "may", "grant", "rose", "mark", "bill", "frank", "april",
                                  "june", "paris", "florence", "georgia", "victoria", "russian"])
def test_second_tier_leaves_out_english_words_months_places_demonyms(word):
    assert word not in more_given_names()


def test_english_word_list_keeps_only_lowercase_entries():
    words = english_words()
    assert "rose" in words and "marie" not in words and "albert" not in words


# -- the fixture texts ---------------------------------------------------------------

def test_composer_persons(composer):
    persons = names(composer, "persName")
    for p in ("johannes brahms", "fritz simrock", "anna ermkov", "otilie", "josef suk",
              "jeannette thurber", "brahms"):
        assert p in persons, p
    for not_a_person in ("will", "rose", "mark", "grant", "frank", "julian", "julian calendar", "nobel"):
        assert not_a_person not in persons, not_a_person


def test_composer_organizations(composer):
    orgs = names(composer, "orgName")
    for o in ("prague conservatory", "university of cambridge", "czech academy of sciences and arts",
              "nobel committee"):
        assert o in orgs, o
    assert not any("prize" in o for o in orgs)


def test_company_persons_and_things_named_after_them(company):
    persons = names(company, "persName")
    for p in ("carl zeiss", "ernst abbe", "otto schott", "abbe", "karl lamprecht"):
        assert p in persons, p
    for not_a_person in ("will", "grant", "mark", "apollo", "apollo missions", "max planck society"):
        assert not_a_person not in persons, not_a_person
    orgs = names(company, "orgName")
    for o in ("carl zeiss foundation", "max planck society", "university of jena", "university of stuttgart",
              "royal prussian academy of sciences"):
        assert o in orgs, o
    assert "german army" not in orgs and "soviet army" not in orgs


# -- the rules one by one ------------------------------------------------------------

def test_second_tier_given_name_and_surname():
    root = noreg("in 1895 she married the physicist pierre curie; marie curie won twice.")
    assert names(root, "persName") == ["pierre curie", "marie curie"]


def test_second_tier_name_alone_needs_a_kinship_cue():
    root = noreg("she followed her elder sister bronisawa to paris. bronisawa was a doctor.")
    assert names(root, "persName") == ["bronisawa", "bronisawa"]
    assert names(noreg("the bronisawa was a doctor."), "persName") == []


def test_english_word_surname_must_end_the_phrase():
    root = noreg("the old style (julian calendar) was used; albert einstein arrived.")
    assert names(root, "persName") == ["albert einstein"]


def test_determiner_before_a_second_tier_name_blocks_it():
    assert names(noreg("they flew on the apollo missions."), "persName") == []


def test_speaker_before_a_speech_verb():
    root = noreg("einstein is reported to have remarked that she was modest. later, einstein left.")
    assert names(root, "persName") == ["einstein", "einstein"]


@pytest.mark.parametrize("text", [
    "the report said nothing.",            # an English word
    "warsaw said nothing.",                # a place
    "the soviet said nothing.",            # a demonym
    "the newspaper pravda wrote that.",    # a known organization
    "the times said so.",                  # a determiner before it
])
def test_speaker_rule_is_conservative(text):
    assert names(noreg(text), "persName") == []


def test_institutions_of_a_place_or_a_field():
    root = noreg("she taught at the university of paris and joined the polish academy of sciences "
                 "and the royal society; she headed the red cross radiology service.")
    assert names(root, "orgName") == ["university of paris", "polish academy of sciences", "royal society",
                                      "red cross"]
    assert names(root, "placeName") == []


def test_named_institutions_but_not_the_flying_university():
    root = noreg("she studied at the flying university and visited the pasteur institute.")
    assert names(root, "orgName") == ["pasteur institute"]


def test_the_nobel_prize_is_an_award_not_an_organization():
    root = noreg("she won the nobel prize in physics; the nobel committee met in stockholm.")
    assert names(root, "orgName") == ["nobel committee"]
    assert names(root, "persName") == []


def test_company_after_a_persons_name_is_an_organization():
    root = noreg("carl zeiss ag was founded by carl zeiss in jena.")
    assert names(root, "orgName") == ["carl zeiss ag"]
    assert names(root, "persName") == ["carl zeiss"]

"""Names outside the register: general resources and rules, on texts in the style of the
bundled one (lowercased, every non-ASCII letter deleted) about other subjects."""

from __future__ import annotations

import pytest
from lxml import etree
from names_helpers import NAME_XPATH, NS, names, noreg, noreg_file


@pytest.fixture(scope="module")
def scientist():
    return noreg_file("scientist.txt")


@pytest.fixture(scope="module")
def city():
    return noreg_file("city.txt")


# -- the fixture texts ---------------------------------------------------------------

def test_scientist_places(scientist):
    places = names(scientist, "placeName")
    for p in ("tobolsk", "siberia", "saint petersburg", "black sea", "heidelberg", "caucasus",
              "urals", "lake baikal", "baku"):
        assert p in places, p
    assert "russian" not in places and "crimean" not in places


def test_scientist_persons(scientist):
    persons = names(scientist, "persName")
    for p in ("dmitri ivanovich mendeleev", "maria dmitrievna mendeleeva", "kornilieva",
              "robert bunsen", "mendeleev"):
        assert p in persons, p
    assert "mendelevium" not in persons


def test_scientist_organizations(scientist):
    orgs = names(scientist, "orgName")
    assert {"russian chemical society", "rcs", "annalen"} <= set(orgs)
    assert orgs.count("rcs") == 2


def test_city_places(city):
    places = names(city, "placeName")
    for p in ("lviv", "lemberg", "ukraine", "galicia", "poland", "austrian empire",
              "lemberg governorate", "soviet union", "ussr", "przemysl", "krakow"):
        assert p in places, p
    for not_a_place in ("western", "polish", "ukrainian", "east", "west", "main station", "old rynok"):
        assert not_a_place not in places


def test_city_names_of_things_are_not_persons(city):
    assert "ivan franko national university" in names(city, "orgName")
    persons = names(city, "persName")
    assert persons.count("ivan franko") == 1 and "franko" in persons
    assert "stanisaw lem" in persons


def test_city_organizations(city):
    orgs = names(city, "orgName")
    assert {"gazeta lwowska", "red army", "nkvd", "gestapo"} <= set(orgs)
    assert "german army" not in orgs


@pytest.mark.parametrize("fixture", ["scientist", "city"])
def test_every_tag_is_low_certainty_without_ref(fixture, request):
    root = request.getfixturevalue(fixture)
    els = root.xpath(NAME_XPATH, namespaces=NS)
    assert els
    for el in els:
        assert el.get("ref") is None and el.get("cert") == "low", etree.tostring(el)


# -- the rules one by one ------------------------------------------------------------

def test_regions_and_historical_states():
    root = noreg("he was exiled to siberia, then to the caucasus and the soviet union.")
    assert names(root, "placeName") == ["siberia", "caucasus", "soviet union"]


def test_city_alternate_spellings_and_towns_after_a_locative():
    root = noreg("he studied in odessa and was held at gatchina, near poltava.")
    assert names(root, "placeName") == ["odessa", "gatchina", "poltava"]


def test_town_names_that_are_english_words_need_the_context():
    root = noreg("in human history, the forest burned.")
    assert names(root, "placeName") == []


def test_geographic_heads():
    root = noreg("from the tver governorate to lake ladoga, the baikal lake and the ottoman empire.")
    assert names(root, "placeName") == ["tver governorate", "lake ladoga", "baikal lake", "ottoman empire"]


def test_east_european_place_endings_recur():
    root = noreg("born in yanovka, he left for verkholensk. yanovka was small.")
    assert names(root, "placeName") == ["yanovka", "verkholensk", "yanovka"]


def test_street_after_a_house_number():
    root = noreg("he lived at 1522 vyse avenue in the bronx.")
    assert names(root, "placeName") == ["vyse avenue", "bronx"]


def test_pen_names_and_birth_names():
    root = noreg('anna (ne zhivotovskaya) wrote under the pen name pero, and later using the name "lvov". '
                 "pero was read widely.")
    assert names(root, "persName") == ["anna", "zhivotovskaya", "pero", "lvov", "pero"]


def test_the_name_without_quotes_is_not_a_pseudonym():
    root = noreg("he adopted the name of a jailer.")
    assert names(root, "persName") == []


def test_double_surnames_but_not_prefixes_or_pacts():
    root = noreg("sedova-trotskaya signed it; an anti-stalin speech; the molotov-ribbentrop pact.")
    assert names(root, "persName") == ["sedova-trotskaya"]


def test_damaged_accented_given_names():
    root = noreg("he was killed by ramn mercader in coyoacn.")
    assert names(root, "persName") == ["ramn mercader"]
    assert names(root, "placeName") == ["coyoacn"]


def test_given_name_and_common_word_surname_with_cued_recurrence():
    root = noreg("robert service wrote a book. service's claims are doubtful. the civil service grew.")
    assert names(root, "persName") == ["robert service", "service"]


def test_north_of_is_not_a_surname():
    root = noreg("they met ivan north of the river.")
    assert names(root, "persName") == ["ivan"]


def test_newspapers():
    root = noreg("he wrote for the socialist newspaper, novy mir, and for the russian gazette; "
                 "the new york times reported it. the newspaper throughout 1909 lost money.")
    assert names(root, "orgName") == ["novy mir", "russian gazette", "new york times"]


def test_newspaper_translation_in_parentheses_is_not_tagged():
    root = noreg("the krasnaya gazeta (red gazette) and soviet times.")
    assert "red gazette" not in names(root, "orgName") and "soviet times" not in names(root, "orgName")


def test_acronym_defined_after_a_name_recurs():
    root = noreg("the congress of the russian social democratic labour party (rsdlp) met. "
                 "the rsdlp split. the union of soviet socialist republics (ussr) was founded.")
    assert names(root, "orgName") == ["russian social democratic labour party", "rsdlp", "rsdlp"]
    assert names(root, "placeName") == ["union of soviet socialist republics", "ussr"] or \
        names(root, "placeName") == ["ussr"]


def test_well_known_organizations():
    root = noreg("the politburo, the comintern and the nkvd.")
    assert names(root, "orgName") == ["politburo", "comintern", "nkvd"]


def test_town_that_is_a_persons_surname_is_the_person():
    root = noreg("sergey kirov was shot. after kirov died, the city was renamed.")
    assert names(root, "persName") == ["sergey kirov", "kirov"]
    assert names(root, "placeName") == []


@pytest.mark.parametrize("word", ["russian", "soviet", "bolsheviks", "crimean", "siberian", "european"])
def test_demonyms_stay_untagged(word):
    root = noreg(f"the {word} view in {word} lands.")
    assert names(root) == []

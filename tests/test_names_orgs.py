"""Organizations on texts without a register (rules only, through ``noreg``): government bodies,
assemblies, parties, armies, banks and firms, academies, on texts from other continents, as
written and lowercased."""

from __future__ import annotations

import pytest

from names_helpers import names, noreg


def both(text: str, kind: str = "orgName") -> list[str]:
    """The names of one kind in *text* as written, checked to be those of the lowercased text."""
    written = [n.lower() for n in names(noreg(text), kind)]
    assert written == names(noreg(text.lower()), kind), text
    return written


def test_ministries_and_departments():
    text = ("The Ministry of Public Education sent teachers to the villages, while the Ministry "
            "of Foreign Affairs and the War Office quarrelled. The Board of Trade agreed.")
    assert both(text) == ["ministry of public education", "ministry of foreign affairs", "war office",
                          "board of trade"]


def test_a_portfolio_word_alone_is_not_a_body():
    assert both("He held high office and later a post in the ministry. The office of president was vacant.") == []


def test_assemblies_of_a_group():
    text = ("The League of Nations sent a commission; the Chamber of Deputies and the House of Commons "
            "debated it, and the Council of People's Commissars replied. The Confederation of "
            "Mexican Workers called a strike.")
    assert both(text) == ["league of nations", "chamber of deputies", "house of commons",
                          "council of people's commissars", "confederation of mexican workers"]


def test_a_union_of_republics_is_no_body():
    assert both("The Union of Soviet Socialist Republics and the Union of South Africa signed.") == []


def test_banks_and_armies_of_places_and_quarters():
    text = "The Bank of England lent to the Bank of China; the Army of the North crossed the river."
    assert both(text) == ["bank of england", "bank of china", "army of the north"]


def test_parties_with_a_nationality_and_a_persuasion():
    text = ("The Chinese Communist Party was founded in 1921; the Liberal Party lost, and the "
            "Republican People's Party ruled Turkey.")
    assert both(text) == ["chinese communist party", "liberal party", "republican people's party"]


def test_numbered_armies_and_air_forces():
    text = "The Ottoman Third Army was destroyed; the Fifth Army held, and the Royal Air Force bombed the hills."
    assert both(text) == ["ottoman third army", "fifth army", "royal air force"]


def test_a_national_army_by_its_demonym_stays_optional():
    assert both("The Bolivian army lost the war and the German army withdrew.") == []


def test_firms_and_associations_after_a_nationality():
    text = ("The Turkish Petroleum Company kept its concession, the Ottoman Bank its charter, and the "
            "Turkish Language Association its building.")
    assert both(text) == ["turkish petroleum company", "ottoman bank", "turkish language association"]


@pytest.mark.parametrize("text", [
    "He worked for a British company and then for an American bank.",
    "The local oil company closed.",
])
def test_descriptions_of_firms_are_not_names(text):
    assert both(text) == []


def test_named_bodies_and_academies():
    text = ("The Kwantung Army seized Mukden, the Lytton Commission reported, and the Whampoa "
            "Military Academy trained officers; the Khilafat Committee met.")
    assert both(text) == ["kwantung army", "lytton commission", "whampoa military academy",
                          "khilafat committee"]


def test_assemblies_and_legislatures():
    text = "The Grand National Assembly met in Ankara; the Cortes and the Senate were dissolved, and the Popular Front won."
    assert both(text) == ["grand national assembly", "cortes", "senate", "popular front"]


def test_an_acronym_in_the_name_s_own_language():
    text = "In 1929 he founded the National Revolutionary Party (PNR). The PNR ruled for decades."
    assert both(text) == ["national revolutionary party", "pnr", "pnr"]

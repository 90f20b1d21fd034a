"""The reading text of a damaged source (edition.reading, edition.passes.regularise).

The texts are from 19th-century Latin America, damaged as the bundled source is (lowercased,
non-ASCII characters deleted), with a small register of their own (fixtures/reading-register.xml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition import T, pipeline, register
from edition.reading import closed, rules
from edition.reading.damage import damaged, key
from edition.reading.forms import NameForms, register_form
from edition.reading.views import GAP_MARK, lines
from edition.spans import diplomatic_text, same_text
from edition.validate import Validator
from edition.xmlio import parse_xml_bytes, serialize

FIXTURE = Path(__file__).parent / "fixtures" / "reading-register.xml"
NS = {"t": T[1:-1]}

ORIGINAL = """\
José Martí (1853–1895) was born in Havana. In 1881 he went to Caracas, where he met admirers \
of Simón Bolívar.He wrote for La Nación of Buenos Aires in January and February.
== Exile in New York (1881–1895) ==
On 10 October 1887 Martí spoke of the Cuban war; I think he was right. (Хосе Марти) Martí \
was a Cuban, not a Spaniard, and met the Danes and West-Saxons of his books on a Monday.
"""


@pytest.fixture(scope="module")
def reg():
    return register.load(FIXTURE)


@pytest.fixture(scope="module")
def source():
    return damaged(ORIGINAL)


@pytest.fixture(scope="module")
def tree(config, reg, source):
    return pipeline.convert(source, config, "marti", register=reg)


@pytest.fixture(scope="module")
def reading(tree):
    return list(lines(tree.getroot(), "reading"))


def test_the_damage_is_what_the_bundled_source_shows(source):
    assert source.startswith("jos mart (18531895) was born in havana.")
    assert "bolvar.he wrote" in source and "right. ( ) mart" in source


def test_names_read_as_the_register_writes_them(reading):
    assert reading[0].startswith("José Martí (1853–1895) was born in Havana. In 1881 he went to Caracas")
    assert "admirers of Simón Bolívar." in reading[0]
    assert "La Nación" in reading[0]


def test_a_partial_mention_takes_the_entry_s_own_form(reading):
    assert "1887 Martí spoke" in reading[2]


def test_headings_start_with_a_capital_and_ranges_get_their_dash(reading):
    assert reading[1].startswith("Exile in") and reading[1].endswith("(1881–1895)")


def test_a_glued_sentence_gets_its_space_and_capital(reading):
    assert "Bolívar. He wrote" in reading[0]


def test_closed_classes_months_days_peoples_and_the_pronoun(reading):
    assert "in January and February" in reading[0]
    assert "On 10 October 1887" in reading[2]
    assert "I think" in reading[2] and "on a Monday" in reading[2]
    assert "was a Cuban" in reading[2]
    assert "the Danes and West-Saxons" in reading[2]


def test_text_lost_with_its_characters_is_a_gap(tree, reading):
    assert f"right. ({GAP_MARK} ) Martí" in reading[2]
    gap = tree.xpath("//t:text//t:gap", namespaces=NS)
    assert len(gap) == 1 and gap[0].get("reason") == "lost" and gap[0].get("resp") == "#edition-reading"


def test_every_change_is_a_choice_with_resp_cert_and_type(tree):
    regs = tree.xpath("//t:text//t:reg", namespaces=NS)
    assert len(regs) > 20
    for reg_el in regs:
        assert reg_el.getparent().tag == T + "choice"
        assert [c.tag for c in reg_el.getparent()] == [T + "orig", T + "reg"]
        assert reg_el.get("resp") == "#edition-reading"
        assert reg_el.get("cert") in ("high", "medium", "low")
        assert reg_el.get("type") in ("case", "letters", "dash", "space")
    letters = tree.xpath("//t:persName/t:choice[t:orig='jos mart']/t:reg", namespaces=NS)
    assert [r.text for r in letters] == ["José Martí"] and letters[0].get("type") == "letters"
    inserted = tree.xpath("//t:choice[not(string(t:orig))]/t:reg", namespaces=NS)
    assert [r.get("type") for r in inserted] == ["space"]


def test_the_diplomatic_view_is_the_source(tree, source):
    assert same_text(source, diplomatic_text(tree.getroot()))
    expected = [line.strip("= ") for line in source.splitlines() if line.strip()]
    assert list(lines(tree.getroot(), "diplomatic")) == expected


def test_the_header_declares_the_normalization(tree):
    declared = tree.xpath("string(//t:editorialDecl/t:normalization)", namespaces=NS)
    assert "reading text" in declared and "capitals restored:" in declared
    assert tree.xpath("//t:respStmt[@xml:id='edition-reading']", namespaces=NS)


def test_the_result_is_valid(config, tree):
    reread = parse_xml_bytes(serialize(tree), "marti.xml")
    assert [str(d) for d in Validator(config).check(reread, "marti.xml") if d.severity == "error"] == []


def test_a_text_that_keeps_its_capitals_is_left_alone(config, reg):
    tree = pipeline.convert(ORIGINAL, config, "marti", register=reg)
    assert not tree.xpath("//t:text//t:choice | //t:text//t:gap", namespaces=NS)
    assert list(lines(tree.getroot(), "reading")) == list(lines(tree.getroot(), "diplomatic"))


# -- the parts ------------------------------------------------------------------------------

def test_register_form_matches_the_damaged_copy_only(reg):
    bolivar = reg.get("simon-bolivar")
    assert register_form(bolivar, "simn bolvar") == "Simón Bolívar"
    assert register_form(bolivar, "simn  bolvar") == "Simón  Bolívar"     # the mention's spacing
    assert register_form(bolivar, "simon bolivar") is None                # another spelling
    assert key("Santa Fe de Bogotá") == "santa fe de bogot"


def test_word_forms_particles_acronyms_and_lost_letters(reg):
    forms = NameForms(reg)
    assert forms.form("santa fe de bogot", "place", reg.get("bogota")).text == "Santa Fe de Bogotá"
    assert forms.form("ministry of public works", "org", None).text == "Ministry of Public Works"
    assert forms.form("the bank of the republic", "org", None).text == "The Bank of the Republic"
    assert forms.form("pnr", "org", None).text == "PNR"
    assert forms.form("o'higgins", "person", None).text == "O'Higgins"
    assert forms.form("andrs bello", "person", None).text == "Andrés Bello"   # a general given name


@pytest.mark.parametrize("text, expected", [
    ("in 18531895 he", "1853–1895"), ("the war of 186878", "1868–78")])
def test_run_together_years_in_a_date_get_a_dash(config, text, expected):
    tree = pipeline.convert(text, config, "t", register=register.empty())
    assert expected in list(lines(tree.getroot()))[0]


def test_a_number_that_is_no_range_keeps_its_digits(config):
    tree = pipeline.convert("the census counted 18531895 people.", config, "t", register=register.empty())
    assert "18531895" in list(lines(tree.getroot()))[0]


@pytest.mark.parametrize("text, found", [
    ("he left.in 1881 he", True), ("the port.some ships", True), ("in the 1920s.by then", True),
    ("in 1905.just then", True), ("version 1.5.in use", False),
    ("see www.example.org for", False), ("the file notes.txt was", False), ("mr.dana said", False),
    ("in the u.s.army", False)])
def test_glued_sentences_but_not_addresses_or_abbreviations(text, found):
    from edition.ner.tokenize import ABBREVIATIONS
    assert bool(rules.glued_sentences(text, ABBREVIATIONS)) is found


def test_spaced_dash_and_quote_dash_and_nee():
    assert [s.reading for s in rules.spaced_dashes("(1853  1895)")] == [" \u2013 "]
    assert rules.spaced_dashes("a  b") == []
    assert [s.start for s in rules.quote_dashes('the name "pepe"the boy')] == [15]
    assert rules.quote_dashes('he said "the boy" and') == []
    assert [s.reading for s in rules.birth_names("maría (ne ortiz)")] == ["n\u00e9e"]


def test_dotted_abbreviations_but_not_eg():
    assert [s.reading for s in closed.dotted("in a.d. 866, e.g. at york, at 5 p.m.")] == ["A.D."]


def test_titles_numerals_and_initials_in_context(config, reg):
    text = "she read of general bolvar in chapter xvi. then j. mart came. the general left."
    out = list(lines(pipeline.convert(text, config, "t", register=reg).getroot()))[0]
    assert "General Bolívar in chapter XVI" in out
    assert "J. Martí" in out
    assert "The general left" in out                     # a title with no name stays lower case


# -- any text ---------------------------------------------------------------------------------

WORDS = st.sampled_from(["the", "jos", "mart", "havana", "in", "18531895", "1881", "(", ")", "()",
                         ".", "he.she", "i", "january", "danes", "west-saxons", "a.d.", "  ", "\n",
                         "\n== a heading ==\n", "simn", "bolvar", "captain", "xvi", '"', "ne", "mr."])


@settings(max_examples=30)
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_any_damaged_text_keeps_its_diplomatic_text_and_is_valid(config, reg, text):
    if not text.strip():
        return
    tree = pipeline.convert(text, config, "t", register=reg)
    assert same_text(text, diplomatic_text(tree.getroot()))
    reread = parse_xml_bytes(serialize(tree), "t.xml")
    assert [str(d) for d in Validator(config).check(reread, "t.xml") if d.severity == "error"] == []
    # the reading text only changes capitals, puts back what lay outside ASCII (letters, dashes),
    # spaces, and marks gaps: damaged again, it is the diplomatic text
    squeeze = lambda s: "".join(s.split())
    reading_text = "".join(lines(reread.getroot(), "reading"))
    assert squeeze(damaged(reading_text).replace(damaged(GAP_MARK), "")) == squeeze(
        "".join(lines(reread.getroot(), "diplomatic")))

"""The names pass: index, matching, context rules, idempotence, text preservation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import T, register, spans
from edition.names import forms
from edition.names.cache import build_index
from edition.names.match import Matcher
from edition.passes import Context
from edition.passes.names import RESP, mark_names
from edition.selection import Span, select
from names_helpers import NAME_XPATH, NS, document, names, refs, small_register, tagged

ROOT = Path(__file__).parents[1]
REGISTER = ROOT / "source" / "register.xml"
SOURCE = ROOT / "source" / "leon-trotsky.txt"


# -- index ---------------------------------------------------------------------------

def test_variants_fold_and_delete_non_ascii():
    assert {"ramón mercader", "ramon mercader", "ramn mercader"} <= forms.variants("Ramón Mercader")


def test_variants_leave_the_article_outside():
    assert forms.variants("The Black Sea") == {"black sea"}


def test_index_has_every_form_and_its_damaged_variants():
    index = build_index(small_register(), use_gazetteer=False)
    for form in ("ramon mercader", "ramn mercader", "coyoacn", "coyoacan", "jacques mornar", "trotsky"):
        assert form in index, form
    assert {s.entry for s in index.lookup("lev")} == {"p-kamenev", "p-sedov"}
    assert [s.name_type for s in index.lookup("jacques mornar")] == ["damaged"]


def test_index_of_an_empty_register_is_empty():
    assert len(build_index(register.empty(), use_gazetteer=False)) == 0


# -- matching ------------------------------------------------------------------------

def test_longest_match_wins():
    m = Matcher(["leon trotsky", "trotsky", "leon trotsky museum"])
    kept = select(Span(x.start, x.end, "person", data=x.form)
                  for x in m.all_matches("the leon trotsky museum and trotsky"))
    assert [x.data for x in kept] == ["leon trotsky museum", "trotsky"]


def test_word_boundaries():
    m = Matcher(["lenin", "trotsky"])
    assert m.all_matches("leninist trotskyism anti-lenin lenin") != []
    assert [x.start for x in m.all_matches("leninist trotskyism anti-lenin lenin")] == [31]


def test_full_name_is_one_span_with_ref():
    root = tagged("leon trotsky was born lev davidovich bronstein.")
    assert names(root, "persName") == ["leon trotsky", "lev davidovich bronstein"]
    assert refs(root, "persName") == ["#p-trotsky", "#p-trotsky"]
    el = root.xpath("//t:persName", namespaces=NS)[0]
    assert el.get("resp") == RESP and el.get("cert") == "high"


def test_possessive_is_outside_the_name():
    root = tagged("he read trotsky's book and lenin' notes.")
    assert names(root, "persName") == ["trotsky", "lenin"]


def test_lost_diacritics_are_found():
    root = tagged("he was killed in coyoacn by ramn mercader.")
    assert names(root, "placeName") == ["coyoacn"]
    assert refs(root, "persName") == ["#p-mercader"]


def test_hyphenated_name_is_one_span():
    root = tagged("the chairman khrustalyev-nosar was arrested.")
    assert names(root, "persName") == ["khrustalyev-nosar"]


def test_article_outside_and_two_places():
    root = tagged("in the kherson governorate of the russian empire, near the black sea.")
    assert names(root, "placeName") == ["kherson governorate", "russian empire", "black sea"]


# -- context rules -------------------------------------------------------------------

def test_name_of_a_thing_is_not_a_person():
    root = tagged("he got the order of lenin and the lenin prize; the leon trotsky museum.")
    assert names(root, "persName") == []
    assert names(root, "placeName") == ["leon trotsky museum"]


def test_person_name_before_committee_is_an_organization():
    root = tagged("representative martin dies led the dies committee.")
    assert names(root, "persName") == ["martin dies"]
    assert names(root, "orgName") == ["dies committee"]
    assert refs(root, "orgName") == ["#o-dies-committee"]


def test_person_name_before_a_thing_head_without_register():
    root = tagged("the stalin museum was closed.", register.empty())
    assert names(root, "persName") == []


def test_common_word_surname_needs_the_full_name_and_a_cue():
    text = ("david north wrote a book. north said so, and north and lenin agreed. "
            "they went to the north. north of the city.")
    root = tagged(text)
    assert names(root, "persName") == ["david north", "north", "north", "lenin"]


def test_common_word_surname_without_the_full_name_is_not_tagged():
    root = tagged("north said so. the dies were cast.")
    assert names(root, "persName") == []


def test_shared_forename_resolves_to_latest_person_or_is_left_out():
    root = tagged("lev said it first. then lev kamenev arrived, and lev said no. lev sedov came; lev wrote.")
    assert names(root, "persName") == ["lev kamenev", "lev", "lev sedov", "lev"]
    assert refs(root, "persName") == ["#p-kamenev", "#p-kamenev", "#p-sedov", "#p-sedov"]


def test_place_inside_an_organization_is_not_tagged():
    root = tagged("trotsky chaired the saint petersburg soviet in saint petersburg.")
    assert names(root, "orgName") == ["saint petersburg soviet"]
    assert names(root, "placeName") == ["saint petersburg"]
    assert root.xpath("//t:orgName//t:placeName", namespaces=NS) == []


@pytest.mark.parametrize("word", ["russian", "soviet", "trotskyism", "stalinist", "leninist",
                                  "bolsheviks", "mensheviks", "trotskyist"])
def test_no_demonyms_or_derived_words(word):
    root = tagged(f"a {word} view of the {word} party and of {word}s.", register.empty())
    assert [n for n in names(root) if n.split()[0] == word] == []


# -- names outside the register -----------------------------------------------------

def test_candidates_without_register_have_low_cert_and_no_ref():
    root = tagged("father georgi gapon marched; the central committee met in paris.", register.empty())
    assert names(root, "persName") == ["georgi gapon"]
    assert names(root, "orgName") == ["central committee"]
    assert names(root, "placeName") == ["paris"]
    for el in root.xpath(NAME_XPATH, namespaces=NS):
        assert el.get("cert") == "low" and el.get("ref") is None and el.get("resp") == RESP


def test_pattern_name_recurs_consistently():
    root = tagged("general anton denikin attacked. later denikin retreated.", register.empty())
    assert names(root, "persName") == ["anton denikin", "denikin"]


# -- existing markup, idempotence, text ---------------------------------------------

def test_existing_markup_is_never_touched_or_duplicated():
    root = document("lenin met trotsky.")
    p = root.find(f".//{T}p")
    human = spans.wrap(p, 0, 5, T + "persName", {"ref": "#someone-else"})
    mark_names(root, Context(register=small_register()))
    assert human.get("ref") == "#someone-else" and human.get("resp") is None
    assert human.xpath("count(.//t:persName)", namespaces=NS) == 0
    assert names(root, "persName") == ["lenin", "trotsky"]


def test_idempotent():
    text = "leon trotsky and lenin met in mexico city; the red army and father georgi gapon."
    root = tagged(text)
    first = etree.tostring(root)
    mark_names(root, Context(register=small_register()))
    assert etree.tostring(root) == first


def test_names_inside_a_quote_are_tagged():
    root = document("x")
    p = root.find(f".//{T}p")
    p.text = "he wrote: "
    q = etree.SubElement(p, T + "quote")
    q.text = "lenin is right"
    mark_names(root, Context(register=small_register()))
    assert root.xpath("//t:quote/t:persName/text()", namespaces=NS) == ["lenin"]


WORDS = st.sampled_from(["leon", "trotsky", "lenin's", "the", "north", "said", "dies", "committee",
                         "saint", "petersburg", "soviet", "mexico", "city", "-", "georgi", "father",
                         "ramn", "mercader", "russian", "central", "party", ",", ".", "lev", "'s"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30), st.sampled_from([" ", "", "  "]))
def test_text_is_preserved(words, sep):
    text = sep.join(words).strip() or "x"
    root = document(text)
    before = [spans.text_of(b) for b in spans.blocks(root)]
    mark_names(root, Context(register=small_register()))
    assert [spans.text_of(b) for b in spans.blocks(root)] == before


# -- the bundled text with the edition's register ------------------------------------

@pytest.mark.skipif(not REGISTER.exists(), reason="source/register.xml not written yet")
def test_every_ref_resolves_to_an_entry_of_the_right_kind():
    from edition.reader import read
    from edition import xmlio
    reg = register.load(REGISTER)
    root = document("x")
    root.replace(root.find(T + "text"), read(xmlio.read_text(SOURCE)))
    before = [spans.text_of(b) for b in spans.blocks(root)]
    mark_names(root, Context(register=reg))
    kinds = {"persName": "person", "placeName": "place", "orgName": "org"}
    els = root.xpath(NAME_XPATH, namespaces=NS)
    assert len(els) > 100
    for el in els:
        ref = el.get("ref")
        if ref:
            entry = reg.get(ref)
            assert entry is not None, ref
            assert entry.kind == kinds[etree.QName(el).localname], (ref, "".join(el.itertext()))
    assert [spans.text_of(b) for b in spans.blocks(root)] == before

"""The trained recogniser inside the names pass: what it adds to the register and the rules.

The texts are made up here, from outside the bundled edition's world (an English
letter of the 1820s, a Maryland petition of the 1850s), capitalised and lowercased.
"""

from __future__ import annotations

import pytest
from lxml import etree

from edition import register
from edition.candidates import suggest
from edition.ner import recognise
from names_helpers import NS, document, tagged

pytestmark = pytest.mark.skipif(not recognise.model_path().is_file(), reason="no trained model shipped")

LETTER = ("I went to Plymouth and Winchester last week with Mr. Milman and Sir W. Elford. "
          "Mrs. Hofland wrote from Basingstoke. Colonel Playfair is at Zanzibar. "
          "Eliza Jordan and Lucy Whitney were sold to Septimus J. Cook of Rockville, "
          "Montgomery County, Maryland. Later that year Jordan ran away.")
KIND = {"persName": "person", "placeName": "place", "orgName": "org"}
MODEL = "#edition-model"


def found(text: str, model: bool = True) -> dict[str, tuple[str, str | None]]:
    """Lowercased name -> (kind, resp) of the names pass with no register."""
    root = tagged(text, register.empty(), model=model)
    out = {}
    for el in root.xpath("//t:persName | //t:placeName | //t:orgName", namespaces=NS):
        out["".join(el.itertext()).lower()] = (KIND[etree.QName(el).localname], el.get("resp"))
    return out


@pytest.mark.parametrize("text", [LETTER, LETTER.lower()], ids=["capitalised", "lowercased"])
def test_names_of_an_unseen_letter_in_both_cases(text):
    names = found(text)
    kinds = {n: k for n, (k, _) in names.items()}
    for person in ("milman", "hofland", "playfair", "lucy whitney"):
        assert kinds.get(person) == "person", (person, names)
    for place in ("plymouth", "basingstoke", "zanzibar", "rockville", "maryland"):
        assert kinds.get(place) == "place", (place, names)
    # titles stay outside the name
    assert not any(n.startswith(("mr", "sir ", "colonel", "mrs")) for n in names)


def test_the_model_adds_to_the_rules_and_says_so():
    with_model, rules = found(LETTER), found(LETTER, model=False)
    added = set(with_model) - set(rules)
    assert added, "the model found nothing the rules did not"
    assert all(with_model[n][1] == MODEL for n in added)
    # what the rules found stays found (its kind may change only by one reading per document)
    assert set(rules) <= set(with_model)


def test_model_markup_is_a_reviewable_suggestion():
    root = tagged(LETTER, register.empty(), model=True)
    els = root.xpath("//*[@resp='#edition-model']")
    assert els
    for el in els:
        assert el.get("ref") is None
        assert el.get("cert") in ("high", "medium", "low")


def test_one_reading_per_document():
    """"Eliza Jordan" is a person, so "Jordan" later in the letter is the person, not the country."""
    names = found(LETTER)
    assert names["eliza jordan"][0] == "person"
    assert names.get("jordan", ("person",))[0] == "person"


def test_the_register_still_wins(tmp_path):
    reg_xml = tmp_path / "register.xml"
    reg_xml.write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
      <listPlace><place xml:id="plymouth-devon"><placeName>Plymouth</placeName></place></listPlace>
      </body></text></TEI>""", encoding="utf-8")
    root = tagged(LETTER, register.load(reg_xml), model=True)
    el = root.xpath("//t:placeName[.='Plymouth']", namespaces=NS)[0]
    assert el.get("ref") == "#plymouth-devon" and el.get("resp") != MODEL


def test_capitals_are_used_where_they_exist():
    """A capitalised surname no list knows is found in running text; its lowercase twin, in a
    text that keeps its capitals, is an ordinary word."""
    text = "The parcel went with Mr. Thwaites to Ballarat. A thwaites is not a word we know."
    names = found(text)
    assert names.get("thwaites", (None,))[0] == "person"
    root = tagged(text, register.empty(), model=True)
    assert [e.text for e in root.xpath("//t:persName", namespaces=NS)] == ["Thwaites"]


def test_model_suggestions_flow_into_candidates():
    entries = {(s.type, s.name) for s in suggest(document(LETTER), register.empty())}
    assert ("persName", "Playfair") in entries or ("persName", "playfair") in entries

"""The lossless invariant on the bundled text: markup wraps the source, never changes it."""

import pytest
from hypothesis import given, settings, strategies as st

from edition import pipeline
from edition.spans import diplomatic_text, same_text
from edition.validate import Validator
from edition.xmlio import parse_xml_bytes, serialize

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_bundled_text_is_kept_exactly(bundled_tree, bundled_text):
    assert same_text(bundled_text, diplomatic_text(bundled_tree.getroot()))


def test_same_text_detects_a_change(bundled_tree, bundled_text):
    assert not same_text(bundled_text.replace("ramn", "ramon"), diplomatic_text(bundled_tree.getroot()))


def test_every_heading_is_a_div_with_a_unique_id(bundled_tree, bundled_text):
    headings = [line for line in bundled_text.splitlines() if line.startswith("==")]
    divs = bundled_tree.xpath("//t:text//t:div[t:head]", namespaces=NS)
    assert len(divs) == len(headings)
    ids = [d.get("{http://www.w3.org/XML/1998/namespace}id") for d in divs]
    assert len(set(ids)) == len(ids) and all(ids)


def test_schema_is_declared(bundled_tree):
    pis = [pi for pi in bundled_tree.getroot().itersiblings(preceding=True)]
    assert any("edition.rng" in pi.text for pi in pis)


# -- any text: the whole pipeline keeps it, and its markup is valid -----------------------

PIECES = st.sampled_from([
    "lenin", "trotsky", "ramn", "mercader", "moscow", "saint", "petersburg", "soviet", "red", "army",
    "in", "the", "of", "and", "he", "wrote:", "said", "i", "we", "our", "my", "march", "7", "november",
    "1879", "1905", "19171918", "190407", "summer", "early", "mid-1923", "[o.s.", "26", "october]",
    '"', "'", "(", ")", ":", ",", ".", "-", "==", "\n", "\n\n", "\n== a heading ==\n", "  ", "\t",
    "&", "<", ">", "é", "—", "'s", "committee", "party", "university", "of", "paris", "marie", "curie",
])


@pytest.fixture(scope="module")
def validator(config):
    return Validator(config)


@settings(max_examples=40)
@given(st.lists(PIECES, min_size=1, max_size=120).map(" ".join))
def test_any_text_is_kept_and_its_markup_is_valid(config, validator, text):
    if not text.strip():
        return
    tree = pipeline.convert(text, config, "generated")
    assert same_text(text, diplomatic_text(tree.getroot()))
    reread = parse_xml_bytes(serialize(tree), "generated.xml")
    assert [str(d) for d in validator.check(reread, "generated.xml") if d.severity == "error"] == []

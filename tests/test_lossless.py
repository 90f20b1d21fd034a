"""The lossless invariant on the bundled text: markup wraps the source, never changes it."""

from edition.spans import diplomatic_text, same_text

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

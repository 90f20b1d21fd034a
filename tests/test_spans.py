"""The wrapping mechanism every markup pass relies on."""

from hypothesis import given, strategies as st
from lxml import etree

from edition import T
from edition.spans import blocks, element_spans, text_of, wrap

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


def block(xml: str) -> etree._Element:
    return etree.fromstring(f"<p {NS}>{xml}</p>")


def test_wrap_inside_one_text_node():
    p = block("the saint petersburg soviet met")
    el = wrap(p, 4, 20, T + "placeName", {"ref": "#spb"})
    assert el.text == "saint petersburg"
    assert p.text == "the " and el.tail == " soviet met"
    assert text_of(p) == "the saint petersburg soviet met"


def test_wrap_around_existing_element():
    p = block("the <placeName>saint petersburg</placeName> soviet met")
    org = wrap(p, 4, 27, T + "orgName")
    assert org is not None
    assert org.xpath("string()") == "saint petersburg soviet"
    assert org.find(T + "placeName") is not None
    assert text_of(p) == "the saint petersburg soviet met"


def test_wrap_refuses_crossing_markup():
    p = block("the <placeName>saint petersburg</placeName> soviet met")
    assert wrap(p, 10, 27, T + "orgName") is None
    assert text_of(p) == "the saint petersburg soviet met"


def test_same_span_nests_inside():
    p = block('said "<quote>trotsky</quote>"')
    el = wrap(p, 6, 13, T + "persName")
    assert el.getparent().tag == T + "quote"


def test_element_spans_offsets():
    p = block("a <date>1905</date> b <persName>lenin</persName>")
    spans = [(el.tag.split('}')[1], s, e) for el, s, e in element_spans(p)]
    assert spans == [("date", 2, 6), ("persName", 9, 14)]


def test_notes_are_not_diplomatic_text():
    p = block("a<note>editorial</note> b")
    assert text_of(p) == "a b"


def test_blocks_are_outermost_text_elements():
    tei = etree.fromstring(f"<TEI {NS}><text><body><div><head>h</head><p>x<quote>q</quote></p>"
                           f"<list><item>i</item></list></div></body></text></TEI>")
    assert [b.tag.split('}')[1] for b in blocks(tei)] == ["head", "p", "item"]


@given(st.text(alphabet="ab c'\"-", min_size=1, max_size=40), st.data())
def test_wrap_never_changes_text(text, data):
    p = block("")
    p.text = text
    for _ in range(4):
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
        wrap(p, a, b, T + "seg")
        assert text_of(p) == text

"""The safe parser and atomic writes."""

import pytest

from edition.errors import EditionError
from edition.xmlio import parse_xml, read_text, write_atomic


def test_not_well_formed_has_line_and_column(tmp_path):
    f = tmp_path / "bad.xml"
    f.write_text("<TEI>\n  <p>open\n</TEI>\n")
    with pytest.raises(EditionError) as exc:
        parse_xml(f)
    assert exc.value.line == 3 and exc.value.column
    assert str(exc.value).startswith(f"{f}:3:")


def test_elements_nested_too_deep_are_one_line_that_says_so(tmp_path):
    f = tmp_path / "deep.xml"
    f.write_text("<TEI><p>" + "<hi>" * 300 + "deep" + "</hi>" * 300 + "</p></TEI>\n")
    with pytest.raises(EditionError) as exc:
        parse_xml(f)
    assert "nested more than 256 deep" in str(exc.value) and "XML_PARSE_HUGE" not in str(exc.value)
    assert exc.value.line == 1 and "\n" not in str(exc.value)
    f.write_text("<TEI><p>" + "<hi>" * 200 + "deep" + "</hi>" * 200 + "</p></TEI>\n")
    assert parse_xml(f).getroot().tag == "TEI"


@pytest.mark.parametrize("doc", [
    '<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><t>&x;</t>',
    '<!DOCTYPE t [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><t>&b;</t>',
])
def test_entities_are_refused(tmp_path, doc):
    f = tmp_path / "e.xml"
    f.write_text(doc)
    with pytest.raises(EditionError, match="entit"):
        parse_xml(f)


def test_xinclude_refused_unless_allowed(tmp_path):
    f = tmp_path / "x.xml"
    f.write_text('<t xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></t>')
    with pytest.raises(EditionError, match="XInclude"):
        parse_xml(f)
    assert parse_xml(f, allow_xinclude=True).getroot().tag == "t"


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"  \n", "empty"), (b"\x00\x01\x02", "binary"), (b"caf\xe9\n", "UTF-8"),
])
def test_bad_text_sources(tmp_path, content, message):
    f = tmp_path / "s.txt"
    f.write_bytes(content)
    with pytest.raises(EditionError, match=message):
        read_text(f)


def test_missing_and_directory(tmp_path):
    with pytest.raises(EditionError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(EditionError, match="directory"):
        read_text(tmp_path)


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    f = tmp_path / "out" / "a.xml"
    write_atomic(f, b"one")
    write_atomic(f, "two")
    assert f.read_text() == "two"
    assert sorted(p.name for p in f.parent.iterdir()) == ["a.xml"]

"""The rules stylesheet selects each pattern's contexts by key and skips the skeleton's empty
walks (edition/validation/rules.py): its report is the one lxml's ordinary compilation of the
same Schematron gives, failure for failure and in the same order, and a schema of its own
still compiles."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from edition import xmlio
from edition.errors import EditionError
from edition.validation.rules import Rules
from loopback import LoopbackServer

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "schema" / "edition.sch"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: a mistake an editor makes by hand, as (attribute, value) set on an element
MISTAKES = [
    ("when", "1863-02-30"), ("when", "1900-13"), ("when", "--02-30"), ("when", "c. 1870"),
    ("ref", "#nobody"), (XML_ID, "twice"), ("cert", "low"), ("resp", "#nobody"),
    ("from", "1919"), ("to", "1863"), ("notBefore-custom", "1905-02-31"),
    ("calendar", "#lunar"), ("target", "JavaScript:alert(1)"), ("datingMethod", "#julian"),
]


def _plain_report(schema: Path, tree) -> list[tuple]:
    validator = isoschematron.Schematron(etree.parse(str(schema)), store_report=True)
    validator.validate(tree)
    return _failures(validator.validation_report)


def _failures(report) -> list[tuple]:
    return [(node.get("id"), node.get("role"), node.get("location"), "".join(node.itertext()))
            for node in report.iter(SVRL + "failed-assert", SVRL + "successful-report")]


def _damaged_chronicle(seed: int):
    """The Baltic chronicle of the PDF tests with a hundred mistakes put in at random."""
    tree = etree.parse(str(ROOT / "tests" / "fixtures" / "pdf-chronicle.xml"))
    rnd = random.Random(seed)
    elements = list(tree.getroot().iter(etree.Element))
    for element in rnd.sample(elements, min(100, len(elements))):
        attribute, value = rnd.choice(MISTAKES)
        element.set(attribute, value)
        if attribute == "cert":
            element.attrib.pop("resp", None)
    for name in tree.getroot().iter(TEI + "persName", TEI + "quote"):
        if rnd.random() < 0.2:
            name.text = ""
            for child in list(name):
                name.remove(child)
    return tree


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_report_is_the_ordinary_compilation_s(seed):
    tree = _damaged_chronicle(seed)
    rules = Rules(RULES)
    ours = _failures(rules.validator(tree))
    assert len({failure[0] for failure in ours}) >= 6, "the mistakes should reach many rules"
    assert ours == _plain_report(RULES, tree)


def test_the_broken_files_report_as_before():
    compared, rules = 0, Rules(RULES)
    for path in sorted((ROOT / "tests" / "broken").glob("*.xml")):
        try:
            tree = xmlio.parse_xml(path)
        except EditionError:            # not well-formed, entities, XInclude: the rules never see it
            continue
        assert _failures(rules.validator(tree)) == _plain_report(RULES, tree), path.name
        compared += 1
    assert compared >= 8


def test_an_edition_s_own_rules_with_a_key_in_a_context(tmp_path):
    schema = tmp_path / "own.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" '
        'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt">'
        '<xsl:key name="ids" match="*[@id]" use="@id"/>'
        '<pattern><rule context="ref[not(key(\'ids\', @to))]">'
        '<assert id="dangling" test="false()">no element has the id this ref points to</assert>'
        '</rule></pattern></schema>', encoding="utf-8")
    tree = etree.ElementTree(etree.fromstring('<r><e id="a"/><ref to="a"/><ref to="b"/></r>'))
    failures = Rules(schema).check(tree)
    assert [(failure.rule, failure.element.get("to")) for failure in failures] == [("dangling", "b")]


def test_rules_that_do_not_compile_are_one_error(tmp_path):
    schema = tmp_path / "broken.sch"
    schema.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<pattern><rule context="*[@n = ]"><assert test="true()">x</assert></rule></pattern>'
        '</schema>', encoding="utf-8")
    with pytest.raises(EditionError, match="cannot be compiled"):
        Rules(schema)


def _schema_reading(url: str) -> str:
    return ('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
            f'<pattern><rule context="/*"><assert id="listed" test="document(\'{url}\')//kind[. = local-name(current())]">'
            'the root is not a kind the list names</assert></rule></pattern></schema>')


@pytest.mark.parametrize("where", ["file", "http"])
def test_rules_that_read_another_file_are_one_error_and_reach_nothing(tmp_path, where):
    (tmp_path / "kinds.xml").write_text("<kinds><kind>letter</kind></kinds>", encoding="utf-8")
    letter = etree.ElementTree(etree.fromstring("<letter/>"))
    with LoopbackServer() as server:
        url = ((tmp_path / "kinds.xml").as_uri() if where == "file"
               else f"http://127.0.0.1:{server.port}/kinds.xml")
        schema = tmp_path / "reads.sch"
        schema.write_text(_schema_reading(url), encoding="utf-8")
        with pytest.raises(EditionError, match="may read only the document they check") as caught:
            Rules(schema).check(letter)
        assert server.requests == []
    assert caught.value.path == str(schema)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_failure_is_found_where_its_xpath_points(seed):
    """The report's locations are followed step by step (each parent's children listed once: an
    XPath engine tests every sibling before the 3,000th paragraph, for each warning); what they
    find is what the XPath finds, attributes included."""
    from edition.validation.rules import _follow, _locate

    tree = _damaged_chronicle(seed)
    locations = [f[2] for f in _failures(Rules(RULES).validator(tree))]
    followed, children = 0, {}
    for location in locations:
        fast = _follow(tree, location, children)
        found = (tree.xpath(location) or [None])[0]
        plain = ((None, None) if found is None else (found, None) if isinstance(found, etree._Element)
                 else (found.getparent(), etree.QName(found.attrname).localname))
        if fast is not False:
            followed += 1
            assert fast == plain, location
        assert _locate(tree, location, {}) == plain, location
    # every element's path is followed (an attribute's, the skeleton gives as "/@when": XPath's)
    assert followed == sum(loc.startswith("/*") for loc in locations) > 0

"""The rules stylesheet selects each pattern's contexts by key, skips the skeleton's empty
walks and hands each failure's element to Python instead of writing its path
(edition/validation/rules.py): its report is the one lxml's ordinary compilation of the
same Schematron gives, failure for failure, in the same order and at the same nodes, and a
schema of its own still compiles."""

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


#: what the plain compilation's report is given to find an attribute's element: the skeleton writes
#: only "/@when" for it (the rules themselves hand every element to the validator)
ELEMENT_INDEX = ('<diagnostics><diagnostic id="element-index"><value-of select="count(../preceding::*) + '
                 'count(../ancestor::*)"/></diagnostic></diagnostics></schema>')


def _indexed(schema: Path) -> etree._ElementTree:
    """*schema* with the diagnostic element-index on every assertion of an attribute's rule."""
    text = schema.read_text(encoding="utf-8").replace("</schema>", ELEMENT_INDEX)
    tree = etree.ElementTree(etree.fromstring(text.encode("utf-8")))
    sch = "{http://purl.oclc.org/dsdl/schematron}"
    for rule in tree.iter(sch + "rule"):
        if rule.get("context", "").startswith("@"):
            for test in rule.iter(sch + "assert", sch + "report"):
                test.set("diagnostics", "element-index")
    return tree


def _plain_report(schema: Path, tree) -> list[tuple]:
    validator = isoschematron.Schematron(_indexed(schema), store_report=True)
    validator.validate(tree)
    return _failures(validator.validation_report)


def _failures(report, tree=None, placed=None) -> list[tuple]:
    """(id, role, location, text) of every failure; with *tree*, the location as the node it
    points to (its path in the tree, and the attribute): an XPath, or "#N" of *placed*."""
    return [(node.get("id"), node.get("role"),
             node.get("location") if tree is None else _node_at(tree, node, placed),
             "".join(node.find(SVRL + "text").itertext()))
            for node in report.iter(SVRL + "failed-assert", SVRL + "successful-report")]


def _node_at(tree, failure, placed) -> tuple:
    location = failure.get("location")
    if location.startswith("#"):
        number, _, attribute = location[1:].partition("/@")
        return tree.getpath(placed[int(number)]), attribute or None
    if location.startswith("/@"):       # the skeleton's path of an attribute: its element by position
        index = failure.findtext(SVRL + "diagnostic-reference[@diagnostic='element-index']")
        return tree.getpath(list(tree.getroot().iter(etree.Element))[int(index)]), location[2:]
    found = tree.xpath(location)[0]
    if isinstance(found, etree._Element):
        return tree.getpath(found), None
    return tree.getpath(found.getparent()), etree.QName(found.attrname).localname


def _ours(rules: Rules, tree) -> list[tuple]:
    rules.placed = []
    return _failures(rules.validator(tree), tree, rules.placed)


def _plain(schema: Path, tree) -> list[tuple]:
    validator = isoschematron.Schematron(_indexed(schema), store_report=True)
    validator.validate(tree)
    return _failures(validator.validation_report, tree)


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
    ours = _ours(rules, tree)
    assert len({failure[0] for failure in ours}) >= 6, "the mistakes should reach many rules"
    assert any(attribute for _, _, (_, attribute), _ in ours), "no failure at an attribute"
    assert ours == _plain(RULES, tree)


def test_the_broken_files_report_as_before():
    compared, rules = 0, Rules(RULES)
    for path in sorted((ROOT / "tests" / "broken").glob("*.xml")):
        try:
            tree = xmlio.parse_xml(path)
        except EditionError:            # not well-formed, entities, XInclude: the rules never see it
            continue
        assert _ours(rules, tree) == _plain(RULES, tree), path.name
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
    locations = [f[2] for f in _plain_report(RULES, tree)]          # the skeleton's own paths
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


def test_the_readable_paths_of_one_check_are_those_of_each_alone():
    """xpath_of with the positions kept for a whole check (edition.validate) gives every element
    the path it has alone: local names, a position where a name repeats."""
    from edition.validation.positions import xpath_of

    def plain(el) -> str:
        steps = []
        while el.getparent() is not None:
            same = list(el.getparent().iterchildren(el.tag))
            steps.append(etree.QName(el).localname + (f"[{same.index(el) + 1}]" if len(same) > 1 else ""))
            el = el.getparent()
        return "/" + "/".join([etree.QName(el).localname, *reversed(steps)])

    tree = _damaged_chronicle(4)
    places: dict = {}
    elements = list(tree.getroot().iter(etree.Element))
    paths = [xpath_of(el, places) for el in reversed(elements)]
    assert paths == [plain(el) for el in reversed(elements)]
    assert any("[2]" in path for path in paths)

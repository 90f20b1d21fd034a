"""The schema files agree with each other and with TEI: the ODD documents the
same elements and closed value lists as the grammar and the same rules as the
Schematron; the grammar is a subset of tei_all; edition output is valid."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from edition.validation.grammar_info import GrammarInfo

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema"
SHARED = Path(__file__).parents[1].parent / "shared"
TEI_ALL = SHARED / "tei" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"
NS = {"tei": TEI, "sch": SCH}


@pytest.fixture(scope="module")
def grammar() -> GrammarInfo:
    return GrammarInfo.load(SCHEMA / "edition.rng")


@pytest.fixture(scope="module")
def odd() -> etree._ElementTree:
    return etree.parse(str(SCHEMA / "edition.odd"))


def need_tei_all():
    if not TEI_ALL.is_file():
        pytest.skip(f"the official TEI schema is not here ({TEI_ALL})")


def need_jing():
    need_tei_all()
    if not shutil.which("jing"):
        pytest.skip("jing is not installed")


def jing(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["jing", str(TEI_ALL), *map(str, files)], capture_output=True, text=True)


# ---- the ODD and the grammar ------------------------------------------------

def test_odd_and_grammar_have_the_same_elements(odd, grammar):
    included = set()
    for ref in odd.xpath("//tei:schemaSpec/tei:moduleRef[@include]", namespaces=NS):
        included |= set(ref.get("include").split())
    assert included == set(grammar.elements), (
        f"only in the ODD: {sorted(included - set(grammar.elements))}; "
        f"only in the grammar: {sorted(set(grammar.elements) - included)}")


def test_every_element_spec_of_the_odd_is_an_element_of_the_grammar(odd, grammar):
    for spec in odd.xpath("//tei:elementSpec", namespaces=NS):
        assert spec.get("ident") in grammar.elements


def test_closed_value_lists_agree(odd, grammar):
    checked = 0
    for att in odd.xpath("//tei:elementSpec/tei:attList/tei:attDef[tei:valList[@type='closed']]",
                         namespaces=NS):
        element = att.xpath("ancestor::tei:elementSpec/@ident", namespaces=NS)[0]
        values = att.xpath("tei:valList/tei:valItem/@ident", namespaces=NS)
        in_grammar = grammar.elements[element].attributes[att.get("ident")].values
        assert sorted(values) == sorted(in_grammar), f"{element}/@{att.get('ident')}"
        checked += 1
    assert checked >= 8


def test_responsibility_values_agree(odd, grammar):
    for attr in ("resp", "cert"):
        in_odd = odd.xpath(f"//tei:classSpec/tei:attList/tei:attDef[@ident='{attr}']/tei:valList/tei:valItem/@ident",
                           namespaces=NS)
        for element in ("persName", "placeName", "orgName", "date", "quote"):
            assert sorted(grammar.elements[element].attributes[attr].values) == sorted(in_odd)


def test_odd_constraints_are_the_schematron_rules(odd):
    sch = etree.parse(str(SCHEMA / "edition.sch"))
    in_sch = {(a.get("id"), a.get("test")) for a in sch.iter(f"{{{SCH}}}assert")}
    in_odd = {(a.get("id"), a.get("test")) for a in odd.iter(f"{{{SCH}}}assert")}
    assert in_odd == in_sch


def test_every_rule_has_a_unique_id():
    sch = etree.parse(str(SCHEMA / "edition.sch"))
    ids = [a.get("id") for a in sch.iter(f"{{{SCH}}}assert")]
    assert all(ids) and len(ids) == len(set(ids))


# ---- a strict subset of tei_all ---------------------------------------------

def test_grammar_is_a_subset_of_tei_all(grammar):
    """Every attribute and child element the edition allows, TEI allows on that element."""
    need_tei_all()
    tei = GrammarInfo.load(TEI_ALL)
    problems = []
    for name, info in grammar.elements.items():
        assert name in tei.elements, name
        theirs = tei.elements[name]
        problems += [f"<{name}> @{a}" for a in info.attributes if a not in theirs.attributes]
        problems += [f"<{name}> <{c}>" for c in info.children if c not in theirs.children]
        if info.text and not theirs.text:
            problems.append(f"<{name}> text")
    assert not problems


KITCHEN_SINK = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" n="1">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">All of it</title><title type="sub">every element</title>
        <author>An author</author><editor>An editor</editor>
        <respStmt xml:id="ed-one"><resp>editor</resp><name type="person">One</name></respStmt>
        <respStmt xml:id="edition-names"><resp>names</resp><name type="software">edition</name></respStmt>
        <respStmt xml:id="edition-dates"><resp>dates</resp><persName>A machine</persName></respStmt>
        <respStmt xml:id="edition-quotes"><resp>quotes</resp><orgName>The project</orgName></respStmt>
      </titleStmt>
      <publicationStmt>
        <publisher>P</publisher><pubPlace>Online</pubPlace><date when="2024">2024</date>
        <availability status="free"><licence target="https://example.org/l">L</licence><p>free</p></availability>
        <idno type="DOI">10.1000/1</idno><ptr target="https://example.org/"/>
      </publicationStmt>
      <sourceDesc><bibl><title level="m">Source</title><author>A</author><editor>E</editor>
        <publisher>P</publisher><pubPlace>X</pubPlace><date when="2020-05">May 2020</date>
        <idno type="URI">https://example.org/s</idno><ptr target="https://example.org/s"/>
        <note type="licence">CC BY-SA</note></bibl></sourceDesc>
    </fileDesc>
    <encodingDesc>
      <projectDesc><p>a project</p></projectDesc>
      <editorialDecl><p>x</p><correction><p>c</p></correction><normalization><p>n</p></normalization>
        <quotation><p>q</p></quotation><segmentation><p>s</p></segmentation>
        <interpretation><p>i</p></interpretation></editorialDecl>
      <appInfo><application ident="edition-names" version="0.1.0"><label>names</label><desc>d</desc></application></appInfo>
    </encodingDesc>
    <profileDesc>
      <langUsage><language ident="en">English</language></langUsage>
      <calendarDesc><calendar xml:id="gregorian"><p>g</p></calendar><calendar xml:id="julian"><p>j</p></calendar></calendarDesc>
    </profileDesc>
    <revisionDesc><change when="2024-01-02" who="#ed-one">made</change></revisionDesc>
  </teiHeader>
  <standOff>
    <listPerson><head>Persons</head>
      <person xml:id="p1" sex="M" resp="#ed-one" cert="high"><persName type="main">Leon Trotsky</persName>
        <persName type="birth" xml:lang="ru">Lev Bronstein</persName>
        <birth when="1879-11-07">born in <placeName ref="#pl1">Yanovka</placeName></birth>
        <death notBefore="1940-08" notAfter="1940-08-21"/><idno type="wikidata">Q33391</idno>
        <note type="biography">A <date when="1917">1917</date> note.</note></person>
    </listPerson>
    <listPlace><place xml:id="pl1" type="settlement"><placeName type="main">Yanovka</placeName>
      <location><geo>47.5 32.5</geo></location><idno type="geonames">706483</idno><note>n</note></place></listPlace>
    <listOrg><org xml:id="o1" type="newspaper"><orgName type="main">Iskra</orgName>
      <idno type="wikidata">Q1</idno><note>n</note></org></listOrg>
  </standOff>
  <text>
    <body>
      <p>before the sections</p>
      <div type="section" xml:id="s1">
        <head>a <persName ref="#p1" resp="#edition-names" cert="high">trotsky</persName> head</head>
        <p><placeName ref="#pl1" resp="#edition-names" cert="medium">yanovka</placeName>,
          <orgName ref="#o1" resp="#ed-one" cert="low">iskra <date when="1900">1900</date></orgName>,
          <date from="1879" to="1895" resp="#edition-dates" cert="high">18791895</date>,
          <date when="1879-11-07" when-custom="1879-10-26" datingMethod="#julian" calendar="#gregorian">7 november</date>,
          <date from-custom="1917-02" to-custom="1917-10" datingMethod="#julian">1917</date>,
          <quote type="inline" resp="#edition-quotes" cert="medium">words of <persName ref="#p1">him</persName></quote>,
          <title level="j">a journal</title><note type="editorial">a note</note></p>
        <list><head>a list</head><item>one <date when="1905-01-09">9 january 1905</date></item><item>two</item></list>
        <quote type="block" resp="#edition-quotes" cert="medium" source="#b1">a block quotation</quote>
        <cit><quote type="block">cited</quote><bibl xml:id="b1">a source</bibl><ptr target="#s1"/></cit>
        <div type="subsection" xml:id="s1-1"><head>sub</head><p>p</p></div>
      </div>
    </body>
  </text>
</TEI>
"""


def test_kitchen_sink_is_valid_against_the_grammar_and_tei_all(tmp_path):
    from edition.validate import Validator
    path = tmp_path / "all.xml"
    path.write_text(KITCHEN_SINK, encoding="utf-8")
    grammar = etree.RelaxNG(etree.parse(str(SCHEMA / "edition.rng")))
    tree = etree.parse(str(path))
    assert grammar.validate(tree), grammar.error_log
    errors = [d for d in Validator().check(tree, path) if d.severity == "error"]
    assert errors == []
    need_jing()
    result = jing(path)
    assert result.returncode == 0, result.stdout + result.stderr


# ---- the bundled edition ----------------------------------------------------

@pytest.fixture(scope="module")
def bundled(bundled_file) -> Path:
    return bundled_file


def test_bundled_output_is_valid_against_the_grammar(bundled):
    grammar = etree.RelaxNG(etree.parse(str(SCHEMA / "edition.rng")))
    tree = etree.parse(str(bundled))
    assert grammar.validate(tree), str(grammar.error_log)[:2000]
    assert tree.xpath("count(//tei:text//tei:div)", namespaces=NS) > 0


def test_bundled_output_is_valid_against_tei_all(bundled):
    need_jing()
    result = jing(bundled)
    assert result.returncode == 0, (result.stdout + result.stderr)[:2000]


def test_register_is_valid_against_the_grammar_and_tei_all():
    register = ROOT / "source" / "register.xml"
    if not register.is_file():
        pytest.skip("no source/register.xml yet")
    grammar = etree.RelaxNG(etree.parse(str(SCHEMA / "edition.rng")))
    assert grammar.validate(etree.parse(str(register))), str(grammar.error_log)[:2000]
    need_jing()
    result = jing(register)
    assert result.returncode == 0, (result.stdout + result.stderr)[:2000]

"""The apparatus of the HTML edition (issue 11): "About this edition" with the title page data, the
header's editorial declarations, how to cite, downloads of the TEI and PDF, the licence; and no
heading for a section with nothing in it. The text is a 19th-century Ottoman chronicle with an
edition header of its own; then the build and the bundled edition."""

from __future__ import annotations

import dataclasses

import lxml.html
import pytest
from lxml import etree

from edition import T, pipeline, register, xmlio
from edition.build import Builder, BuildOptions
from edition.config import Person
from edition.outputs import OutputFolder

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
CHRONICLE = """\
== The new order ==
In 1839 the Gülhane edict promised the subjects security of life and property.
=== The reform edict ===
The reform edict of 18 February 1856 confirmed the equality of all subjects.
== The constitution ==
The first constitution was proclaimed on 23 December 1876 and suspended in 1878.
== Appendix ==
=== Footnotes ===
== References ==
"""
NORMALIZATION = "Ottoman Turkish words are given in modern Turkish spelling; Hijri years are not converted."


@pytest.fixture(scope="module")
def ottoman(config):
    """The edition configuration of an Ottoman chronicle: its own title, editors and declarations."""
    return dataclasses.replace(
        config, title="A Chronicle of the Tanzimat: selections, 1839–1878",
        publisher="Istanbul Seminar for Ottoman Texts", pub_place="Istanbul",
        editors=(Person("Ayşe Demir", "editor", "ed-demir"), Person("Jonas Weber", "translator", "ed-weber")),
        declarations={"editorial": "The chronicle is given in an English translation, one paragraph a line.",
                      "normalization": NORMALIZATION,
                      "correction": "Misprints of the 1880 printing are corrected silently."})


@pytest.fixture(scope="module")
def tree(ottoman):
    return pipeline.convert(CHRONICLE, ottoman, "tanzimat", register=register.empty())


def page(transformer, tree, **params):
    return lxml.html.document_fromstring(transformer.html(tree, **params))


@pytest.fixture(scope="module")
def html(transformer, tree):
    return page(transformer, tree)


def about(doc):
    return doc.get_element_by_id("about")


def text(el) -> str:
    return " ".join(el.text_content().split())


def test_the_title_page_data_comes_from_the_header(html):
    dl = about(html).xpath(".//section[@id='about-edition']/dl")[0]
    assert text(dl.xpath("dd[@class='title']")[0]) == "A Chronicle of the Tanzimat: selections, 1839–1878"
    assert [text(dd) for dd in dl.xpath("dd[@class='editor']")] == ["Ayşe Demir (editor)", "Jonas Weber (translator)"]
    assert text(dl.xpath("dd[@class='publisher']")[0]) == "Istanbul Seminar for Ottoman Texts, Istanbul"
    assert dl.xpath("dd[@class='published']")[0].text.isdigit()
    assert dl.xpath("dd[@class='source']/a/@href")      # the source, with its link
    assert about(html).xpath("string(h2)") == "About this edition"


def test_the_declarations_of_the_header_are_shown_under_their_kind(tree, html):
    declared = tree.xpath("//t:encodingDesc/t:projectDesc/t:p | //t:encodingDesc/t:editorialDecl//t:p",
                          namespaces=TEI)
    shown = [text(p) for p in about(html).xpath(".//section[@id='about-declarations']//p")]
    assert shown == [" ".join(p.xpath("string()").split()) for p in declared]
    kinds = {s.xpath("string(h4)"): [text(p) for p in s.xpath("p")]
             for s in about(html).xpath(".//section[contains(@class, 'declaration')]")}
    assert kinds["Normalisation"] == [NORMALIZATION]
    assert kinds["Correction"] == ["Misprints of the 1880 printing are corrected silently."]
    assert "The chronicle is given in an English translation, one paragraph a line." in kinds["The project"]


def test_cite_as_names_editors_title_publisher_and_year(html):
    cite = text(about(html).xpath(".//p[@class='cite-as']")[0])
    assert cite.startswith("Ayşe Demir; Jonas Weber, eds. A Chronicle of the Tanzimat: selections, 1839–1878. "
                           "Istanbul: Istanbul Seminar for Ottoman Texts, ")
    assert cite[-5:-1].isdigit() and cite.endswith(".")


def test_cite_as_gives_the_address_and_a_paragraph_anchor_when_the_header_has_one(transformer, tree):
    tree = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    stmt = tree.find(".//t:publicationStmt", TEI)
    idno = etree.Element(T + "idno", type="URI")
    idno.text = "https://editions.example.org/tanzimat"
    stmt.insert(list(stmt).index(stmt.find("t:date", TEI)) + 1, idno)
    doc = page(transformer, tree)
    cite = text(about(doc).xpath(".//p[@class='cite-as']")[0])
    assert cite.endswith(". https://editions.example.org/tanzimat.")
    assert about(doc).xpath(".//dd[@class='address']/a/@href") == ["https://editions.example.org/tanzimat"]
    example = about(doc).xpath("string(.//p[@class='cite-paragraph']/code)")
    url, anchor = example.split("#")
    assert url == "https://editions.example.org/tanzimat"
    assert doc.xpath("//main//p[@id=$a]/a[@class='anchor gen']/@href", a=anchor) == ["#" + anchor]


def test_no_address_without_one_in_the_header(html):
    assert not about(html).xpath(".//dd[@class='address']")
    example = about(html).xpath("string(.//p[@class='cite-paragraph']/code)")
    assert example.startswith("#") and html.xpath("//main//p[@id=$a]", a=example[1:])


def test_downloads_appear_only_for_the_files_given(transformer, tree, html):
    assert not about(html).xpath(".//section[@id='about-downloads']")
    assert not html.xpath("//a[contains(@href, '.xml') or contains(@href, '.pdf')]")
    tei_only = page(transformer, tree, tei_file="tanzimat.xml")
    assert about(tei_only).xpath(".//ul[@class='downloads']//a/@href") == ["tanzimat.xml"]
    both = page(transformer, tree, tei_file="tanzimat.xml", pdf_file="tanzimat.pdf")
    links = about(both).xpath(".//ul[@class='downloads']//a")
    assert [(a.get("href"), a.get("type")) for a in links] == [
        ("tanzimat.xml", "application/tei+xml"), ("tanzimat.pdf", "application/pdf")]
    hostile = page(transformer, tree, tei_file="javascript:alert(1)")
    assert not about(hostile).xpath(".//section[@id='about-downloads']")


def test_the_licence_is_linked(tree, html):
    licence = tree.find(".//t:licence", TEI)
    a = about(html).xpath(".//section[@id='about-licence']//a")[0]
    assert a.get("href") == licence.get("target") and text(a) == " ".join(licence.text.split())


def test_sections_with_nothing_but_a_heading_are_not_shown(html):
    headings = [" ".join(h.xpath("text()")).strip() for h in html.xpath("//main//*[self::h2 or self::h3]")]
    assert headings == ["The new order", "The reform edict", "The constitution"]
    toc = [text(a) for a in html.xpath("//nav[@class='toc']//a")]
    assert not any(word in t for t in toc for word in ("Appendix", "Footnotes", "References"))
    assert [a.get("href") for a in html.xpath("//nav[@class='toc']/ol/li/a")][-2:] == ["#chronology", "#about"]


def test_labels_follow_the_language(transformer, tree):
    doc = page(transformer, tree, lang="fr", tei_file="t.xml")
    assert about(doc).xpath("string(h2)") == "À propos de cette édition"
    assert "Téléchargements" in about(doc).xpath(".//h3/text()")
    assert "éd." in text(about(doc).xpath(".//p[@class='cite-as']")[0])


def test_the_build_links_the_tei_and_only_a_pdf_it_made(config, tmp_path):
    source = tmp_path / "source" / "tanzimat.txt"
    source.parent.mkdir()
    source.write_text(CHRONICLE, encoding="utf-8")
    out = tmp_path / "build"
    with OutputFolder(out) as folder:
        result = Builder(config, BuildOptions(out_dir=out, validate=False, pdf=False)).build_one(source, folder)
    assert result.error is None, result.error
    doc = lxml.html.parse(str(out / "tanzimat.html")).getroot()
    assert doc.xpath("//ul[@class='downloads']//a/@href") == ["tanzimat.xml"]
    assert (out / "tanzimat.xml").is_file()


def test_the_bundled_apparatus(transformer, bundled_file):
    tree = xmlio.parse_xml(bundled_file)
    doc = page(transformer, tree, tei_file="leon-trotsky.xml", pdf_file="leon-trotsky.pdf")
    normalization = tree.xpath("string(//t:editorialDecl/t:normalization/t:p)", namespaces=TEI)
    assert " ".join(normalization.split()) in [text(p) for p in about(doc).xpath(".//section[@id='about-declarations']//p")]
    cite = text(about(doc).xpath(".//p[@class='cite-as']")[0])
    assert tree.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=TEI) in cite
    divs = tree.xpath("//t:text//t:div", namespaces=TEI)

    def is_empty(div) -> bool:
        return all(etree.QName(c).localname == "head" or (etree.QName(c).localname == "div" and is_empty(c))
                   for c in div)

    empty = [d for d in divs if is_empty(d)]
    assert empty                                                 # the bundled text has such sections
    shown = doc.xpath("//main//section[starts-with(@class, 'div')]")
    assert len(shown) == len(divs) - len(empty)
    assert all(s.xpath("*[position() > 1]") for s in shown)      # each shows more than its heading

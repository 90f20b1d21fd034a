"""The writers: TEI -> HTML reading edition, TEI -> XSL-FO -> PDF (edition.transform, xslt/)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import T, XML_ID, spans, transform, xmlio
from edition.reading import views
from edition_helpers import html_text, norm
from edition.errors import EditionError

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "transform-register.xml"
FO = "http://www.w3.org/1999/XSL/Format"
NS = {"fo": FO, "tei": T[1:-1]}
HEADINGS = "self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
def is_empty_div(div) -> bool:
    """A section with nothing but its heading (or such sections): the HTML leaves it out."""
    return all(c.tag == T + "head" or (c.tag == T + "div" and is_empty_div(c)) for c in div)


def shown(tree):
    """A copy of a TEI document without the sections the HTML leaves out."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
    for div in [d for d in copy.iter(T + "div") if is_empty_div(d)]:
        if div.getparent() is not None:
            div.getparent().remove(div)
    return copy


# -- fixtures -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled(bundled_file):
    """The bundled text converted by the pipeline, read back from its file."""
    return xmlio.parse_xml(bundled_file)


@pytest.fixture(scope="module")
def small():
    return xmlio.parse_xml(FIXTURE)


@pytest.fixture(params=["bundled", "small"])
def tei(request):
    return request.getfixturevalue(request.param)


def to_html(transformer, tree, **params):
    return lxml.html.document_fromstring(transformer.html(tree, **params))


@pytest.fixture(scope="module")
def small_html(transformer, small):
    return to_html(transformer, small)


# -- HTML ---------------------------------------------------------------------------------

def test_html_document_has_title_language_and_charset(transformer, tei):
    doc = to_html(transformer, tei)
    title = norm(tei.getroot().findtext(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title"))
    assert doc.xpath("string(/html/head/title)") == title
    assert norm(doc.xpath("string(//header//h1)")) == title
    assert doc.xpath("/html/@lang") == [tei.getroot().get("{http://www.w3.org/XML/1998/namespace}lang")]
    assert doc.xpath("/html/head/meta[@charset='utf-8']")
    assert doc.xpath("//header//a[@href=$u]", u=tei.getroot().find(f".//{T}licence").get("target"))


def test_toc_has_one_linked_entry_per_div(transformer, tei):
    doc = to_html(transformer, tei)
    divs = shown(tei).getroot().findall(f".//{T}text//{T}div")
    assert divs
    links = [h for h in doc.xpath("//nav[@class='toc']//li/a/@href") if h not in ("#chronology", "#about")]
    assert links == ["#" + d.get(XML_ID) for d in divs]
    for div in divs:
        assert doc.xpath("//main//section[@id=$id]", id=div.get(XML_ID))
        entry = doc.xpath("//nav//a[@href=$h]", h="#" + div.get(XML_ID))[0]
        assert norm(views.block_text(div.find(f"{T}head"), "reading")) in norm(entry.text_content())
    # nesting: a subsection's entry sits inside its section's entry
    for div in divs:
        parent = div.getparent()
        if parent.tag == T + "div":
            assert doc.xpath("//nav//li[a/@href=$p]//li/a[@href=$c]",
                             p="#" + parent.get(XML_ID), c="#" + div.get(XML_ID))


def test_every_heading_is_shown_at_its_level(transformer, tei):
    doc = to_html(transformer, tei)
    divs = shown(tei).getroot().findall(f".//{T}text//{T}div")
    for div in divs:
        depth = len(div.xpath("ancestor-or-self::tei:div", namespaces=NS))
        heads = doc.xpath(f"//main//section[@id=$id]/*[{HEADINGS}]", id=div.get(XML_ID))
        assert len(heads) == 1
        assert heads[0].tag == f"h{min(depth + 1, 6)}"
        for view in views.VIEWS:
            assert html_text(heads[0], view) == norm(views.block_text(div.find(f"{T}head"), view))


@pytest.mark.parametrize("view", views.VIEWS)
def test_the_whole_text_of_each_view_appears_block_by_block(transformer, tei, view):
    doc = to_html(transformer, tei)
    tei = shown(tei)
    tei_blocks = [norm(views.block_text(b, view)) for b in spans.blocks(tei.getroot())]
    html_blocks = [html_text(b, view) for b in
                   doc.xpath(f"//main//*[self::p or self::li or {HEADINGS}]")]
    assert tei_blocks and html_blocks == tei_blocks
    for caption in doc.xpath("//main//figcaption"):  # the attribution is apparatus, not text
        caption.drop_tree()
    whole = "".join(views.lines(tei.getroot(), view))
    assert html_text(doc.xpath("//main")[0], view).replace(" ", "") == norm(whole).replace(" ", "")


def test_block_quotations_lists_and_inline_quotes(transformer, tei):
    doc = to_html(transformer, tei)
    root = tei.getroot()
    in_running_text = "ancestor::tei:p or ancestor::tei:item or ancestor::tei:head or ancestor::tei:quote"
    block_quotes = root.xpath(f"//tei:text//tei:quote[not({in_running_text})]", namespaces=NS)
    inline_quotes = root.xpath(f"//tei:text//tei:quote[{in_running_text}]", namespaces=NS)
    assert block_quotes and inline_quotes
    assert len(doc.xpath("//main//blockquote")) == len(block_quotes)
    assert len(doc.xpath("//main//q")) == len(inline_quotes)
    assert len(doc.xpath("//main//ul/li")) == len(root.findall(f".//{T}list/{T}item"))
    for quote, html_quote in zip(block_quotes, doc.xpath("//main//blockquote")):
        for view in views.VIEWS:
            assert html_text(html_quote, view) == norm(views.block_text(quote, view))


def test_dates_become_time_elements(transformer, tei):
    doc = to_html(transformer, tei)
    dates = tei.getroot().findall(f".//{T}text//{T}date")
    for date in dates:
        value = date.get("when") or date.get("from")
        if value and re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
            times = doc.xpath("//main//time[@datetime=$v][normalize-space()=$t]",
                              v=value, t=norm("".join(date.itertext())))
            assert times, f"no <time datetime='{value}'> for {date.text!r}"
    assert len(doc.xpath("//main//time[@datetime]")) == len(
        [d for d in dates if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", d.get("when") or d.get("from") or "")])


def test_small_fixture_has_names_and_dates(small_html):
    assert small_html.xpath("//main//time[@datetime='1815-12-10']")
    rng = small_html.xpath("//main//time[@data-from='1815'][@data-to='1852']")
    assert rng and rng[0].get("datetime") == "1815" and "1852" in rng[0].get("title")


def test_persname_gets_register_description(small_html):
    names = small_html.xpath("//main//button[@data-ref='#per-ada']")
    assert len(names) == 2
    for name in names:
        popup = small_html.xpath("//div[@popover][@id=$id]", id=name.get("popovertarget"))[0]
        text = norm(popup.text_content())
        assert popup.xpath("string(.//*[@class='popup-name'])") == "Ada Lovelace"
        assert "1815" in text and "1852" in text and "Q7259" in text
        assert "person" in name.get("class").split()
        # the pop-up leads to the index entry, which gives the identifiers as URLs
        target = small_html.xpath("//*[@id=$id]", id=popup.xpath("string(.//a[@class='to-index']/@href)")[1:])
        assert len(target) == 1
        assert target[0].xpath(".//a/@href") [:2] == ["https://www.wikidata.org/wiki/Q7259",
                                                       "https://viaf.org/viaf/51688902"]
        assert target[0].xpath(".//a[@href=$h]", h="#" + name.get("id"))


def test_place_and_org_names(small_html):
    place = small_html.xpath("//main//button[@data-ref='#pla-london']")[0]
    assert "place" in place.get("class").split()
    assert "London" in small_html.xpath("string(//div[@id=$id])", id=place.get("popovertarget"))
    assert small_html.xpath("//*[@id='reg-pla-london']//a[@href='https://www.geonames.org/2643743']")
    org = small_html.xpath("//main//button[@data-ref='#org-rs']")[0]
    assert "Royal Society" in small_html.xpath("string(//div[@id=$id])", id=org.get("popovertarget"))


def test_name_without_register_entry_says_so(small_html):
    span = small_html.xpath("//main//span[contains(@class, 'name')][normalize-space()='unknown person']")
    assert span and "not identified in the register" in span[0].get("title")


def test_index_lists_each_referenced_entry_once(small_html, small):
    ids = {r.lstrip("#") for r in small.getroot().xpath("//tei:text//@ref", namespaces=NS)}
    assert sorted(small_html.xpath("//section[contains(@class, 'index')]//li/@id")) == \
        sorted("reg-" + i for i in ids)


def test_parameters_make_variants(transformer, small):
    doc = to_html(transformer, small, css="print.css", lang="de")
    assert doc.xpath("//head/link[@rel='stylesheet']/@href") == ["print.css"]
    assert doc.xpath("string(//nav/h2)") == "Inhalt"
    plain = to_html(transformer, small)
    assert not plain.xpath("//head/link[@rel='stylesheet']")
    assert plain.xpath("string(//nav/h2)") == "Contents"


def _tei_with_paragraph(text: str) -> etree._ElementTree:
    tree = xmlio.parse_xml(FIXTURE)
    p = tree.getroot().find(f".//{T}body/{T}p")
    for child in list(p):
        p.remove(child)
    p.text = text
    return tree


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1))
def test_any_text_survives_the_html(transformer, text):
    doc = to_html(transformer, _tei_with_paragraph(text))
    assert html_text(doc.xpath("//main/p")[0]) == norm(text)


# -- XSL-FO and PDF -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled_fo(transformer, bundled):
    return transformer.fo(bundled)


def test_fo_is_well_formed_fo(bundled_fo, bundled):
    root = etree.fromstring(bundled_fo)
    assert root.tag == f"{{{FO}}}root"
    master = root.find(f"{{{FO}}}layout-master-set/{{{FO}}}simple-page-master[@master-name='text-odd']")
    assert (master.get("page-width"), master.get("page-height")) == ("210mm", "297mm")
    assert len(root.findall(f"{{{FO}}}page-sequence")) >= 1
    assert root.xpath("//fo:static-content//fo:page-number", namespaces=NS)
    divs = bundled.getroot().findall(f".//{T}text//{T}div")
    cited = root.xpath("//fo:page-number-citation/@ref-id", namespaces=NS)
    ids = set(root.xpath("//@id"))
    for div in divs:
        assert div.get(XML_ID) in cited and div.get(XML_ID) in ids
    assert set(cited) <= ids
    title = norm(bundled.getroot().findtext(f".//{T}titleStmt/{T}title"))
    assert root.xpath("//fo:page-sequence[1]//fo:block[normalize-space()=$t]", t=title, namespaces=NS)


def test_fo_has_indented_quotes_lists_and_names(transformer, small):
    root = etree.fromstring(transformer.fo(small))
    assert root.xpath("//fo:block[@start-indent][contains(., 'analytical engine weaves')]", namespaces=NS)
    assert len(root.xpath("//fo:list-item", namespaces=NS)) == 2
    link = root.xpath("//fo:basic-link[@internal-destination='reg-per-ada']", namespaces=NS)
    assert len(link) == 2
    assert root.xpath("//fo:block[@id='reg-per-ada'][contains(., 'Lovelace')]", namespaces=NS)


@pytest.mark.skipif(not shutil.which("fop"), reason="fop is not installed (Debian package fop)")
def test_pdf_renders(transformer, bundled_fo, small, tmp_path):
    for name, fo in (("bundled", bundled_fo), ("small", transformer.fo(small))):
        fo_path = tmp_path / f"{name}.fo"
        fo_path.write_bytes(fo)
        pdf = tmp_path / f"{name}.pdf"
        transform.render_pdf(fo_path, pdf)
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 3  # title, contents, text


@pytest.mark.skipif(not shutil.which("fop"), reason="fop is not installed (Debian package fop)")
def test_fop_failure_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.fo"
    bad.write_text('<root xmlns="http://www.w3.org/1999/XSL/Format"><nonsense/></root>')
    with pytest.raises(EditionError) as info:
        transform.render_pdf(bad, tmp_path / "bad.pdf")
    assert "FOP" in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "bad.pdf").exists()
    assert not list(tmp_path.glob(".bad.pdf*"))


def test_missing_fop_is_an_edition_error(monkeypatch, tmp_path):
    fo = tmp_path / "x.fo"
    fo.write_text("<root/>")
    monkeypatch.setattr(transform.shutil, "which", lambda name: None)
    with pytest.raises(EditionError) as info:
        transform.render_pdf(fo, tmp_path / "x.pdf")
    assert str(info.value) == "error: " + transform.FOP_MISSING


# -- errors and compilation -----------------------------------------------------------------

def _stylesheets(tmp_path: Path, html: str) -> Path:
    folder = tmp_path / "xslt"
    shutil.copytree(transform.XSLT_DIR, folder)
    (folder / "html.xsl").write_text(html)
    return folder


def test_broken_stylesheet_is_an_edition_error(tmp_path, small):
    folder = _stylesheets(tmp_path, '<xsl:stylesheet version="3.0" '
                          'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                          '<xsl:template match="/"><xsl:value-of select="foo("/></xsl:template>\n'
                          '</xsl:stylesheet>')
    with pytest.raises(EditionError) as info:
        transform.Transformer(folder).html(small)
    err = info.value
    assert "\n" not in str(err) and "XSLT" in str(err)
    assert err.path and err.path.endswith("html.xsl") and err.line == 2


def test_runtime_error_in_stylesheet_is_an_edition_error(tmp_path, small):
    folder = _stylesheets(tmp_path, '<xsl:stylesheet version="3.0" '
                          'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                          '<xsl:template match="/"><xsl:message terminate="yes">stop</xsl:message>'
                          '</xsl:template></xsl:stylesheet>')
    with pytest.raises(EditionError):
        transform.Transformer(folder).html(small)


def test_missing_stylesheet_is_an_edition_error(tmp_path, small):
    with pytest.raises(EditionError) as info:
        transform.Transformer(tmp_path).fo(small)
    assert "stylesheet not found" in str(info.value)


def test_each_stylesheet_is_compiled_once(monkeypatch, small):
    calls = []
    original = transform.Transformer._compile

    def counting(self, fmt):
        calls.append(fmt)
        return original(self, fmt)

    monkeypatch.setattr(transform.Transformer, "_compile", counting)
    t = transform.Transformer()
    for _ in range(3):
        t.html(small)
        t.html(small, css="x.css")
        t.fo(small)
    assert sorted(calls) == ["fo", "html"]
    assert t.compilations == {"html": 1, "fo": 1}


def test_attributed_quotations_name_their_speaker(small_html, small):
    main = small.xpath("string(//t:person[@xml:id='per-ada']/t:persName[@type='main'])",
                       namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    figure = small_html.xpath("//figure[@class='cit']")
    assert len(figure) == 1 and figure[0].xpath("blockquote")
    assert figure[0].xpath("string(figcaption)").strip() == f"— {main}"
    assert figure[0].xpath("figcaption/a/@href") == ["#reg-per-ada"]
    assert small_html.xpath("//p/q/@title") == [f"Words of {main}"]

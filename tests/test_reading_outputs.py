"""The two views in the outputs: `edition text`, the HTML switch, the FO and PDF reading text,
and the bundled edition's reading text (issue 10's "done when")."""

from __future__ import annotations

import re
import shutil

import lxml.html
import pytest
from lxml import etree

from edition import register, pipeline, transform, xmlio
from edition.reading.damage import damaged
from edition.reading.views import lines
from edition.spans import same_text
from edition_helpers import edition_here, html_text, run_cli

FO = "http://www.w3.org/1999/XSL/Format"
LETTER = damaged("""\
== A letter from Valparaíso ==
On 3 March 1835 Mr. Darwin wrote from Valparaíso to his sister Caroline; he had seen the \
Andes and crossed to Mendoza.
""")


def html_view(doc, view: str) -> str:
    """The text of the HTML's <main> as the CSS shows it in *view*, block after block."""
    blocks = doc.xpath("//main//*[self::p or self::li or self::h2 or self::h3 or self::h4]")
    return " ".join(html_text(b, view) for b in blocks)


@pytest.fixture(scope="module")
def letter(config):
    return pipeline.convert(LETTER, config, "letter", register=register.empty())


@pytest.fixture(scope="module")
def letter_html(transformer, letter):
    return lxml.html.document_fromstring(transformer.html(letter))


def test_the_html_offers_both_views_with_the_reading_text_by_default(letter_html):
    radios = letter_html.xpath("//fieldset[@class='views']//input[@type='radio'][@name='view']")
    assert [r.get("id") for r in radios] == ["view-reading", "view-diplomatic"]
    assert radios[0].get("checked") is not None and radios[1].get("checked") is None
    css = letter_html.xpath("string(//style)")
    assert re.search(r"(^|\s)\.orig \{ display: none; \}", css)          # the reading view by default
    assert "#view-diplomatic:checked) .reg" in css


def test_the_html_views_are_the_reading_and_the_diplomatic_text(letter, letter_html):
    reading = " ".join(" ".join(lines(letter.getroot(), "reading")).split())
    diplomatic = " ".join(" ".join(lines(letter.getroot(), "diplomatic")).split())
    assert "On 3 March 1835 Mr. Darwin" in reading and "the Andes" in reading
    assert html_view(letter_html, "reading") == reading
    assert html_view(letter_html, "diplomatic") == diplomatic
    assert "on 3 march 1835 mr. darwin" in html_view(letter_html, "diplomatic")


def test_a_restored_change_tells_what_the_source_reads(transformer, config):
    reg = register.load(__import__("pathlib").Path(__file__).parent / "fixtures" / "reading-register.xml")
    tree = pipeline.convert("a letter from bogot.", config, "t", register=reg)
    doc = lxml.html.document_fromstring(transformer.html(tree))
    restored = doc.xpath("//span[contains(@class, 'reg') and contains(@class, 'letters')]")
    assert [r.text_content() for r in restored] == ["Bogotá"]
    assert restored[0].get("title") == "the source reads: “bogot”"


def test_the_fo_prints_the_reading_text(transformer, letter):
    fo = etree.fromstring(transformer.fo(letter))
    flow = " ".join("".join(fo.xpath("//fo:flow//text()", namespaces={"fo": FO})).split())
    assert "On 3 March 1835 Mr. Darwin wrote" in flow
    assert "on 3 march" not in flow


def test_a_cased_text_has_no_switch(transformer, config):
    tree = pipeline.convert("On 3 March 1835 Darwin wrote from Valparaíso.", config, "t",
                            register=register.empty())
    doc = lxml.html.document_fromstring(transformer.html(tree))
    assert not doc.xpath("//fieldset[@class='views']")


# -- edition text -------------------------------------------------------------------------------

@pytest.fixture
def edition_dir(tmp_path, monkeypatch):
    return edition_here(tmp_path, monkeypatch, {"letter.txt": LETTER})


run = run_cli


def test_edition_text_writes_either_view(edition_dir):
    assert run("convert", "source/letter.txt", "-o", "letter.xml").exit_code == 0
    reading = run("text", "letter.xml")
    assert reading.exit_code == 0
    assert reading.output.splitlines()[0] == "A letter from Valparaso"
    diplomatic = run("text", "letter.xml", "--view", "diplomatic")
    assert diplomatic.output.splitlines() == [line.strip("= ") for line in LETTER.splitlines()]
    assert same_text(LETTER, diplomatic.output)
    assert run("text", "letter.xml", "-o", "letter.txt").exit_code == 0
    assert (edition_dir / "letter.txt").read_text() == reading.output


def test_edition_text_refuses_bad_input_in_one_line(edition_dir):
    (edition_dir / "broken.xml").write_text("<TEI><text>")
    result = run("text", "broken.xml")
    lines_out = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines_out) == 1
    assert lines_out[0].startswith("broken.xml:1:") and ": error: " in lines_out[0]
    assert run("text", "missing.xml").exit_code == 2
    assert run("text", "letter.txt", "--view", "modern").exit_code == 2


# -- the bundled edition ---------------------------------------------------------------------------

READS = ("Leon Trotsky", "Ramón Mercader", "Coyoacán", "1879–1895")


@pytest.fixture(scope="module")
def bundled(bundled_file):
    return xmlio.parse_xml(bundled_file)


def test_the_bundled_reading_text_reads_as_the_issue_asks(bundled, bundled_text, transformer):
    reading = "\n".join(lines(bundled.getroot(), "reading"))
    for expected in READS:
        assert expected in reading
    assert same_text(bundled_text, "\n".join(lines(bundled.getroot(), "diplomatic")))
    doc = lxml.html.document_fromstring(transformer.html(bundled))
    shown = html_view(doc, "reading")
    assert all(expected in shown for expected in READS)
    assert "ramn mercader" in html_view(doc, "diplomatic") and "ramn mercader" not in shown


@pytest.mark.skipif(not shutil.which("fop"), reason="fop is not installed (Debian package fop)")
def test_the_bundled_pdf_prints_the_reading_text(bundled, transformer, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    fo = tmp_path / "b.fo"
    fo.write_bytes(transformer.fo(bundled))
    transform.render_pdf(fo, tmp_path / "b.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "b.pdf").pages)
    text = " ".join(text.split())
    for expected in READS:
        assert expected in text
    assert "ramn mercader" not in text

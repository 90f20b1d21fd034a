"""The PDF as FOP renders it (edition.pdf: one layout in FOP's worker, two passes with the fop
command): clean, every character, the whole reading
text in order, bookmarks that are the contents, page labels, a tagged PDF/A with embedded fonts,
and an index whose page lists are exactly the pages of the mentions, checked against the links of
the PDF itself. On an invented 19th-century Baltic chronicle on small pages (many pages from a
short text), and on the bundled edition (the whole check). Skipped without fop."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from edition import T, config as config_mod, fop_config, pdf, transform, xmlio
from edition.reading.views import lines

from fop_helpers import fop_engine
from pdf_helpers import (NS, body_letters, cited_pages, contents_lines, letters, mention_pages, outline,
                         page_texts)

pytestmark = pytest.mark.skipif(not shutil.which("fop"), reason="fop is not installed (Debian package fop)")
pypdf = pytest.importorskip("pypdf")

FIXTURE = Path(__file__).parent / "fixtures" / "pdf-chronicle.xml"
SMALL_PAGES = {"page_width": "105mm", "page_height": "148mm", "margin_inner": "12mm",
               "margin_outer": "12mm", "margin_top": "10mm", "margin_bottom": "10mm"}
NAMES = ["Jukums Vācietis", "Józef Dowbor-Muśnicki", "Krišjānis Barons", "Łódź", "Motiejus Valančius",
         "Муравьёв, Михаил", "Ἐν ἀρχῇ ἦν ὁ λόγος", "Объявление о военном положении"]


class Book:
    """A TEI document rendered: its FO (as rendered), the PDF and what edition.pdf reported."""

    def __init__(self, tree, folder: Path, **params):
        self.tree = tree
        fo = transform.Transformer().fo(tree, **params)
        self.path = folder / "book.pdf"
        self.rendered = pdf.render(fo, self.path)
        self.fo = etree.fromstring(self.rendered.fo)
        self.reader = pypdf.PdfReader(str(self.path))
        self.labels = self.reader.page_labels
        self.index_start = self.labels[self.reader.get_destination_page_number(
            next(o for o in self.reader.outline if not isinstance(o, list) and o.title == "Index"))]

    def text(self) -> str:
        return "\n".join(text for _, text in page_texts(self.reader))


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory):
    return Book(xmlio.parse_xml(FIXTURE), tmp_path_factory.mktemp("chronicle"), **SMALL_PAGES)


@pytest.fixture(scope="module")
def bundled(bundled_file, tmp_path_factory):
    return Book(xmlio.parse_xml(bundled_file), tmp_path_factory.mktemp("bundled"))


@pytest.fixture(params=["chronicle", "bundled"])
def book(request):
    return request.getfixturevalue(request.param)


def test_fop_lays_the_book_out_once_without_a_warning_or_a_lost_character(book):
    """In FOP's worker the book is laid out once (the index's pages filled in as FOP reads it);
    the fop command makes two passes."""
    r = book.rendered
    assert r.passes == (1 if fop_engine() == "worker" else 2) and r.unplaced == 0
    assert r.warnings == [] and r.missing == []
    if fop_config.hyphenation_source("en"):
        assert r.hyphenation == "en"


def test_every_character_prints(chronicle, bundled):
    text = letters(chronicle.text())
    for name in NAMES:
        assert letters(name) in text, name
    # every character of the bundled register can be printed
    standoff = bundled.tree.getroot().find(f"{T}standOff")
    assert fop_config.missing("".join(standoff.itertext())) == []
    assert "#" not in chronicle.text()


def test_the_whole_reading_text_is_printed_in_order(book):
    root = book.tree.getroot()
    notes = ["".join(n.itertext()) for n in root.iterfind(f".//{T}text//{T}note")]
    stream = body_letters(book.reader, "1", str(int(book.index_start) - 1), notes)
    at = 0
    for block in lines(root, "reading"):
        piece = letters(block)
        found = stream.find(piece, at)
        assert found >= 0, f"not in the PDF (in order): {block[:80]}"
        at = found + len(piece)
    assert len(stream) - at < 5          # nothing after the last block but page furniture


def test_bookmarks_are_the_contents_with_their_pages(book):
    marks = outline(book.reader)
    assert marks[0][:2] == (0, "Contents")
    toc = contents_lines(book.reader)
    assert [(title, page) for _, title, page in marks[1:]] == toc
    assert marks[-4:][0][1] == "Index" and [m[0] for m in marks[-3:]] == [1, 1, 1]
    # each section's bookmark and contents line lead to the page where its heading is printed
    pages = dict(page_texts(book.reader))
    for _, title, page in marks[1:]:
        assert letters(title) in letters(pages[page]), (title, page)


def test_page_labels_are_roman_then_arabic_each_once(book):
    labels = book.labels
    first = labels.index("1")
    assert labels[:first] == ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"][:first]
    assert first % 2 == 0                                  # page 1 is a recto
    assert labels[first:] == [str(n) for n in range(1, len(labels) - first + 1)]
    texts = page_texts(book.reader)
    assert "Source" in texts[1][1] and "How to cite" in book.text()   # the title page's verso is not blank
    blank = [label for label, text in texts if not text.strip()]
    assert blank in ([], [labels[first - 1]])              # at most one, to start the text on a recto


def test_running_heads_name_the_section_and_the_page(chronicle):
    heads = {label: text.split("\n")[0] for label, text in page_texts(chronicle.reader) if label.isdigit()}
    assert heads["2"].startswith("2 A Chronicle of the Baltic Provinces")        # verso: the short title
    titles = {"".join(b.itertext()).strip() for b in
              chronicle.fo.xpath("//fo:marker[@marker-class-name='section']", namespaces=NS)}
    rectos = [heads[p] for p in heads if int(p) % 2 and int(p) < int(chronicle.index_start)]
    assert all(any(h.startswith(t) for t in titles) and h.endswith(p) for h, p in
               zip(rectos, [p for p in heads if int(p) % 2 and int(p) < int(chronicle.index_start)]))
    assert any(h.startswith("2 The collector of songs") for h in rectos)


def test_a_tagged_pdf_a_with_embedded_subset_fonts_and_metadata(chronicle):
    reader = chronicle.reader
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en" and "/OutputIntents" in catalog
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfaid:part" in xmp and "Łukasz Wróblewski" in xmp
    info = reader.metadata
    assert info.title.startswith("A Chronicle of the Baltic Provinces") and info.author == "Ieva Bērziņa, Łukasz Wróblewski"
    assert "Chronicle of Mitau" in info.subject
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert fonts and all(fonts.values())
    assert all("+DejaVu" in name for name in fonts)        # subsets ("ABCDEF+DejaVuSerif") of DejaVu only


def test_a_text_that_needs_no_shaping_prints_its_letters_not_ligatures(book):
    """Laid out without FOP's complex scripts (edition.fop_config.needs_shaping), "fi" and "ff"
    are two letters in the PDF, not one glyph: its text copies and is found as it is written."""
    text = book.text()
    assert "fi" in text
    assert not [ch for ch in text if 0xFB00 <= ord(ch) <= 0xFB06]


def test_the_index_cites_exactly_the_pages_of_the_mentions(book):
    """For every entry: every cited page holds one of its mentions, and every page holding one is
    cited. The mentions' pages are read from the PDF: each name is a link to its entry."""
    cited = cited_pages(book.fo)
    entries = [e.get("id") for e in book.fo.xpath("//fo:block[starts-with(@id, 'reg-')]", namespaces=NS)]
    linked = mention_pages(book.reader, book.index_start)
    assert len(linked) == len(entries) == len(cited)
    for entry, (_, pages) in zip(entries, linked):
        assert cited[entry] == pages, entry
    # and the index prints those lists
    squeezed = "".join(book.text().split())
    for entry in book.fo.xpath("//fo:block[starts-with(@id, 'reg-')]", namespaces=NS)[:20]:
        assert "".join("".join(entry.itertext()).split()) in squeezed


def test_a_character_the_fonts_lack_is_one_warning_of_the_build(tmp_path):
    from edition.build import BuildOptions, Builder
    from edition.outputs import OutputFolder

    from edition_helpers import make_edition

    root = make_edition(tmp_path / "ed")
    source = root / "source" / "chronicle.xml"
    source.write_text(FIXTURE.read_text(encoding="utf-8").replace("a hard frost", "a hard frost 中中"),
                      encoding="utf-8")
    config = config_mod.load(root)
    options = BuildOptions(out_dir=root / "build", validate=False)
    with OutputFolder(options.out_dir) as folder:
        result = Builder(config, options).build_one(source, folder)
    assert result.error is None and result.ok
    [warning] = [d for d in result.diagnostics if d.rule == "pdf-glyph"]
    line = next(n for n, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1) if "中" in text)
    assert str(warning).startswith(f"{source}:{line}: warning: the character “中” (U+4E2D")
    assert "(2 times)" in str(warning)
    assert (root / "build" / "chronicle.pdf").is_file()
    rendered_fo = etree.parse(str(root / "build" / "chronicle.fo")).getroot()
    assert not rendered_fo.xpath("//fo:inline[starts-with(@id, 'pages-')]//fo:page-number-citation",
                                 namespaces=NS)   # the FO written is the one rendered: lists filled in


def test_the_fo_written_renders_again_as_it_is(chronicle, tmp_path):
    """build/NAME.fo is the FO as rendered: rendering it again is one pass, with the same index."""
    again = pdf.render(chronicle.rendered.fo, tmp_path / "again.pdf")
    assert again.passes == 1 and again.warnings == []
    assert cited_pages(etree.fromstring(again.fo)) == cited_pages(chronicle.fo)
    assert len(pypdf.PdfReader(str(tmp_path / "again.pdf")).pages) == len(chronicle.reader.pages)

"""The print edition without FOP: fo.xsl's book (pages, front matter, contents, bookmarks,
metadata, footnotes, names, index page lists), the index's page merging (edition.pdf) and FOP's
configuration (edition.fop_config: fonts and their coverage, hyphenation patterns).

The sample is an invented 19th-century chronicle of the Baltic provinces and Poland
(tests/fixtures/pdf-chronicle.xml), with Latvian, Polish, Lithuanian, Cyrillic and Greek."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition import T, fop_config, pdf, xmlio

FIXTURE = Path(__file__).parent / "fixtures" / "pdf-chronicle.xml"
FO_NS = "http://www.w3.org/1999/XSL/Format"
NS = {"fo": FO_NS, "tei": T[1:-1], "dc": "http://purl.org/dc/elements/1.1/"}
FO = "{%s}" % FO_NS
NAMES = "Jukums Vācietis Józef Dowbor-Muśnicki Krišjānis Barons Łódź Motiejus Valančius Михаил Муравьёв"
GREEK = "Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν"


@pytest.fixture(scope="module")
def chronicle():
    return xmlio.parse_xml(FIXTURE)


@pytest.fixture(scope="module")
def fo(transformer, chronicle):
    return etree.fromstring(transformer.fo(chronicle))


def xp(root, path, **kw):
    return root.xpath(path, namespaces=NS, **kw)


# -- the book -----------------------------------------------------------------------------

def test_front_text_and_index_are_page_sequences_numbered_as_a_book(fo):
    seqs = xp(fo, "fo:page-sequence")
    assert [s.get("id") for s in seqs] == ["seq-front", "seq-text", "seq-index"]
    front, text, index = seqs
    assert front.get("format") == "i" and front.get("force-page-count") == "end-on-even"
    assert text.get("format") == "1" and text.get("initial-page-number") == "1"
    assert index.get("initial-page-number") is None          # the numbers go on
    # the title page and a blank page carry no number: their regions have no content
    flows = {sc.get("flow-name") for sc in xp(fo, "//fo:static-content")}
    for master in ("title", "blank"):
        regions = xp(fo, "//fo:simple-page-master[@master-name=$m]/*/@region-name", m=master)
        assert regions and not flows & set(regions)
    assert xp(fo, "//fo:conditional-page-master-reference[@blank-or-not-blank='blank']")


def test_title_page_and_imprint_come_from_the_header(fo):
    front = "".join(xp(fo, "fo:page-sequence[1]")[0].itertext())
    for expected in ("A Chronicle of the Baltic Provinces", "Ieva Bērziņa", "Łukasz Wróblewski",
                     "Chronicle of Mitau", "CC BY 4.0", "How to cite", "Jelgava: The Test Chronicle Society, 2024"):
        assert expected in front
    assert xp(fo, "//fo:basic-link[@external-destination='url(https://creativecommons.org/licenses/by/4.0/)']")
    # the legend says how names look, and the styles are what it says
    assert "solid rule" in front and "dashed rule" in front and "double rule" in front
    styles = {link.get("internal-destination"): link.get("border-after-style")
              for link in xp(fo, "//fo:flow//fo:basic-link[@border-after-style]")}
    assert styles["reg-per-vacietis"] == "solid" and styles["reg-pla-riga"] == "dashed"
    assert styles["reg-org-society"] == "double"


def test_contents_and_bookmarks_are_the_sections_and_the_index(fo, chronicle):
    divs = chronicle.getroot().findall(f".//{T}text//{T}div")
    toc = [b.xpath("string(.//fo:page-number-citation/@ref-id)", namespaces=NS)
           for b in xp(fo, "//fo:block[@id='contents']/fo:block[fo:leader]")]
    ids = [d.get("{http://www.w3.org/XML/1998/namespace}id") for d in divs]
    assert toc == ids + ["index", "index-person", "index-place", "index-org"]
    marks = [b.get("internal-destination") for b in xp(fo, "//fo:bookmark")]
    assert marks == ["contents"] + toc
    nested = xp(fo, "//fo:bookmark[@internal-destination='sec-1863']/fo:bookmark/@internal-destination")
    assert nested == ["sec-traugutt"]
    assert set(toc) <= set(xp(fo, "//@id"))


def test_metadata_of_the_pdf(fo):
    assert fo.get("language") == "en"
    assert xp(fo, "string(fo:declarations//dc:title)").startswith("A Chronicle of the Baltic Provinces")
    assert xp(fo, "fo:declarations//dc:creator/text()") == ["Ieva Bērziņa, Łukasz Wróblewski"]
    assert "Chronicle of Mitau" in xp(fo, "string(fo:declarations//dc:description)")
    assert xp(fo, "string(fo:declarations//dc:language)") == "en"


def test_running_heads_come_from_section_headings(fo):
    # a marker on each heading of levels 1 and 2 (on one page each), retrieved on rectos
    markers = xp(fo, "//fo:block[@role]/fo:marker[@marker-class-name='section']/text()")
    assert markers == ["1 The rising of 1863", "1.1 The dictator Traugutt", "2 The collector of songs",
                       "3 The war years"]
    assert xp(fo, "//fo:static-content[@flow-name='head-odd']//fo:retrieve-marker[@retrieve-class-name='section']")
    assert xp(fo, "//fo:static-content[@flow-name='head-even']//fo:page-number")


def test_notes_are_footnotes_and_block_quotations_are_set_off(fo, chronicle):
    notes = chronicle.getroot().findall(f".//{T}text//{T}note")
    bodies = xp(fo, "//fo:footnote")
    assert len(bodies) == len(notes) == 3
    assert [xp(b, "string(fo:inline[1])") for b in bodies] == ["1", "2", "3"]
    assert "Greater Poland uprising" in "".join(bodies[2].itertext())
    quote = xp(fo, "//fo:block[@role='BlockQuote']")
    assert len(quote) == 1 and quote[0].get("start-indent") and "birch by the river" in "".join(quote[0].itertext())


def test_the_reading_text_prints_and_other_languages_are_not_hyphenated(fo):
    text = "".join(xp(fo, "fo:page-sequence[@id='seq-text']")[0].itertext())
    assert "salt from Rīga spoke" in text and "from riga" not in text
    greek = xp(fo, "//fo:inline[contains(., 'ἀρχῇ')]")[0]
    assert greek.get("hyphenate") == "false"
    assert xp(fo, "string(fo:page-sequence[@id='seq-text']/fo:flow/@hyphenate)") == "true"


def test_a_paragraph_of_many_names_has_them_in_wrappers_and_the_same_text(transformer, chronicle):
    """FOP walks a block's children from the first for each child it adds (minutes for a letter
    of thousands of names on one line): fo-text.xsl groups the children of an element that has
    more than twice ed:children-per-wrapper into fo:wrappers of that many; the text is the same,
    and a paragraph of fewer children is written as before."""
    import copy

    tree = copy.deepcopy(chronicle)
    p = tree.getroot().find(f".//{T}body//{T}p")
    short = copy.deepcopy(p)
    for n in range(300):
        name = etree.SubElement(p, T + "persName", ref="#per-dowbor")
        name.text, name.tail = f"Dowbor {n}", " wrote from Łódź; "
    p.addnext(short)
    fo = etree.fromstring(transformer.fo(tree))
    blocks = xp(fo, "//fo:block[fo:wrapper]")
    assert len(blocks) == 1
    wrappers = xp(blocks[0], "fo:wrapper")
    assert len(wrappers) >= 300 * 2 // 64 and all(len(w) <= 64 for w in wrappers)
    assert "".join(blocks[0].itertext()).endswith("Dowbor 299 wrote from Łódź; ")
    tei_words = " ".join("".join(p.itertext()).split())
    assert tei_words.endswith(" ".join("".join(blocks[0].itertext()).split())[-500:])
    assert not xp(fo, "//fo:wrapper[not(ancestor::fo:block[fo:wrapper])]")


def test_index_lists_cite_every_mention_in_text_order(fo, chronicle):
    root = chronicle.getroot()
    for entry in ("per-dowbor", "pla-vilnius", "org-society"):
        mentions = root.xpath(f".//tei:text//*[@ref='#{entry}']", namespaces=NS)
        cites = xp(fo, f"//fo:inline[@id='pages-reg-{entry}']/fo:page-number-citation/@ref-id")
        ids = xp(fo, "//fo:flow//fo:basic-link[@internal-destination=$e]/@id", e=f"reg-{entry}")
        assert cites == ids and len(cites) == len(mentions) >= 2
    entry = xp(fo, "//fo:block[@id='reg-per-vacietis']")[0]
    assert "".join(entry.itertext()).startswith("Vācietis, Jukums (1873–1938)")


@pytest.mark.parametrize("params, width, height", [
    ({}, "210mm", "297mm"),
    ({"paper": "letter"}, "8.5in", "11in"),
    ({"page_width": "105mm", "page_height": "148mm", "margin_inner": "12mm"}, "105mm", "148mm"),
])
def test_page_size_and_margins_are_parameters(transformer, chronicle, params, width, height):
    root = etree.fromstring(transformer.fo(chronicle, **params))
    masters = xp(root, "//fo:simple-page-master")
    assert {(m.get("page-width"), m.get("page-height")) for m in masters} == {(width, height)}
    if "margin_inner" in params:
        odd = xp(root, "//fo:simple-page-master[@master-name='text-odd']")[0]
        assert odd.get("margin-left") == "12mm"


# -- the index's page lists (edition.pdf) -------------------------------------------------

def test_pages_merge_into_ranges_each_once_linked_to_the_first_mention_there():
    pages = [(12, "12", "m1"), (3, "3", "m2"), (13, "13", "m3"), (3, "3", "m4"), (14, "14", "m5"),
             (5, "5", "m6"), (12, "12", "m7")]
    assert pdf.page_runs(pages) == [("3", "3", "m2"), ("5", "5", "m6"), ("12", "14", "m1")]
    assert pdf.page_runs([]) == []
    assert pdf.page_runs([(7, "7", "a"), (8, "8", "b")]) == [("7", "8", "a")]


def _placeholder(refs):
    root = etree.Element(f"{FO}root", nsmap={"fo": FO_NS})
    block = etree.SubElement(root, f"{FO}block")
    inline = etree.SubElement(block, f"{FO}inline", id="pages-reg-x")
    for ref in refs:
        etree.SubElement(inline, f"{FO}page-number-citation", {"ref-id": ref}).tail = ", "
    return root, inline


def test_fill_index_writes_the_merged_pages_and_counts_mentions_without_a_page():
    root, inline = _placeholder(["a", "b", "c", "d", "e"])
    pages = {"a": (3, "3"), "b": (3, "3"), "c": (4, "4"), "d": (9, "9")}
    assert pdf.fill_index(root, pages) == 1                  # "e" was laid out nowhere
    assert "".join(inline.itertext()) == "3\u20134, 9"
    links = inline.findall(f"{FO}basic-link")
    assert [link.get("internal-destination") for link in links] == ["a", "d"]
    assert inline.find(f"{FO}page-number-citation") is None
    # an FO rendered before keeps its pages: nothing is left to fill
    assert pdf.page_lists(root) == [] and pdf.fill_index(root, {}) == 0
    assert "".join(inline.itertext()) == "3\u20134, 9"


def test_page_numbers_read_from_fops_area_tree(tmp_path):
    tree = tmp_path / "at.xml"
    tree.write_text("""<areaTree><pageSequence>
      <pageViewport nr="1" formatted-nr="1"><page><regionViewport><regionBody>
        <block prod-id="sec-a"><lineArea><inlineparent prod-id="occ-1"><text>x</text></inlineparent></lineArea></block>
      </regionBody></regionViewport></page></pageViewport>
      <pageViewport nr="2" formatted-nr="2"><page><block><lineArea>
        <inlineparent prod-id="occ-1"/><inlineparent prod-id="occ-2"/></lineArea></block></page></pageViewport>
    </pageSequence></areaTree>""")
    assert pdf.page_numbers(tree, {"occ-1", "occ-2", "occ-9"}) == {"occ-1": (1, "1"), "occ-2": (2, "2")}


def test_pass_one_lays_out_the_text_alone(fo):
    first = pdf.text_only(fo)
    assert [s.get("id") for s in xp(first, "fo:page-sequence")] == ["seq-text"]
    assert not xp(first, "fo:bookmark-tree") and xp(fo, "fo:bookmark-tree")
    assert xp(first, "fo:layout-master-set")


# -- fonts and hyphenation (edition.fop_config) -------------------------------------------

def test_the_fonts_print_latin_greek_and_cyrillic_and_say_what_they_cannot():
    pytest.importorskip("fontTools")
    try:
        fop_config.font_files()
    except Exception as exc:                                  # noqa: BLE001
        pytest.skip(str(exc))
    assert fop_config.missing(NAMES + GREEK + " Война и мир “quoted” – — … ½ €") == []
    assert fop_config.missing("a\u00ad\u200bb\n") == []      # a soft hyphen and a zero-width space print nothing
    assert fop_config.missing("中 x 𓂀") == ["中", "𓂀"]


def test_missing_glyphs_are_counted_and_located_in_the_fo_and_the_tei():
    pytest.importorskip("fontTools")
    root = etree.fromstring(f'<fo:root xmlns:fo="{FO_NS}"><fo:declarations>中</fo:declarations>'
                            '<fo:block id="p1">a 中 b <fo:inline>中文</fo:inline></fo:block></fo:root>')
    missing = pdf.missing_glyphs(root)
    assert [(m.char, m.count, m.where) for m in missing] == [("中", 2, "p1"), ("文", 1, "p1")]
    assert "U+4E2D" in missing[0].describe() and "“#”" in missing[0].describe()
    tei = etree.fromstring(f'<TEI xmlns="{T[1:-1]}">\n<text><body>\n<p>x</p>\n<p>a 中</p></body></text></TEI>')
    [diag] = pdf.glyph_diagnostics(missing[:1], tei, "build/chronicle.xml")
    assert str(diag).startswith("build/chronicle.xml:4: warning: the character “中” "
                                "(U+4E2D CJK UNIFIED IDEOGRAPH-4E2D) has no glyph")
    assert diag.rule == "pdf-glyph" and diag.xpath.endswith("[2]")


def test_hyphenation_patterns_become_fops_pattern_file(tmp_path):
    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n.ab1c\n2ł1k\nx'y1\n1ﬀ\n"
                   "NEXTLEVEL\n1z1\n", encoding="utf-8")
    xml = etree.fromstring(fop_config.hyphenation_xml(dic).encode("utf-8"))
    assert xml.findtext("patterns").split() == [".ab1c", "2ł1k"]
    assert xml.find("hyphen-min").attrib == {"before": "2", "after": "3"}
    assert set(xml.findtext("classes").split()) == {"aA", "bB", "cC", "kK", "łŁ"}


def test_fop_configuration_embeds_subsets_and_asks_for_a_tagged_pdf_a(tmp_path):
    try:
        setup = fop_config.write(tmp_path, "en")
    except Exception as exc:                                  # noqa: BLE001
        pytest.skip(str(exc))
    conf = etree.parse(str(setup.path)).getroot()
    fonts = conf.findall(".//font")
    assert {f.get("embedding-mode") for f in fonts} == {"subset"}
    assert {(t.get("name"), t.get("style"), t.get("weight")) for t in conf.iter("font-triplet")} == set(fop_config.FACES)
    assert conf.findtext("accessibility") == "true" and conf.findtext(".//pdf-a-mode") == "PDF/A-1a"
    assert setup.path.parent == tmp_path
    if setup.hyphenation:
        assert (tmp_path / "en.xml").is_file() and conf.findtext("hyphenation-base") == tmp_path.as_uri() + "/"
    layout = etree.parse(str(fop_config.write(tmp_path, "en", tagged=False, name="l.xconf").path)).getroot()
    assert layout.findtext("accessibility") == "false" and layout.find(".//pdf-a-mode") is None


def test_a_language_without_patterns_is_not_hyphenated(tmp_path):
    try:
        fop_config.font_files()
    except Exception as exc:                                  # noqa: BLE001
        pytest.skip(str(exc))
    root = etree.fromstring(f'<fo:root xmlns:fo="{FO_NS}" language="zz"><fo:flow hyphenate="true"/></fo:root>')
    setup, layout = pdf._configure(root, tmp_path)
    assert setup.hyphenation is None and root.find(f"{FO}flow").get("hyphenate") == "false"
    assert layout.is_file() and layout != setup.path
    if fop_config.hyphenation_source("en"):
        root = etree.fromstring(f'<fo:root xmlns:fo="{FO_NS}" language="en"><fo:flow hyphenate="true"/></fo:root>')
        (tmp_path / "en").mkdir()
        setup, _ = pdf._configure(root, tmp_path / "en")
        assert setup.hyphenation == "en" and root.find(f"{FO}flow").get("hyphenate") == "true"


@pytest.mark.parametrize("text, languages, shaped", [
    ("Jukums Vācietis, Łódź, Dowbor-Muśnicki: fifty riflemen", {"lv", "pl"}, False),
    (GREEK + " Михаил Муравьёв", {"grc", "ru"}, False),
    ("Ottoman records: \u0633\u0644\u0627\u0645", {"en"}, True),          # Arabic: letters join
    ("a gloss in Hebrew: \u05e9\u05dc\u05d5\u05dd", {"en"}, True),         # right to left
    ("\u0928\u092e\u0938\u094d\u0924\u0947", {"hi"}, True),              # Devanagari
    ("Lithuanian q\u0307 with a dot above", {"lt"}, True),                # a combining mark left after NFC
    ("\u200fa mark that turns the direction", {"en"}, True),
    ("Sveta Gora", {"en", "sr"}, True),                                   # Serbian: forms of its own
    ("Sámi", {"se-NO"}, True),
    ("", set(), False),
])
def test_complex_scripts_are_for_texts_that_need_them(text, languages, shaped):
    assert fop_config.needs_shaping(text, languages) is shaped


def test_a_text_without_shaping_gets_a_configuration_of_its_own(tmp_path):
    """FOP's complex scripts are off for a Latin text (a file of its own: the worker keeps a
    FopFactory for each), on when a passage needs them or a block is in such a language."""
    try:
        fop_config.font_files()
    except Exception as exc:                                  # noqa: BLE001
        pytest.skip(str(exc))

    def configured(body: str, folder: str):
        root = etree.fromstring(f'<fo:root xmlns:fo="{FO_NS}" language="en"><fo:flow>{body}</fo:flow></fo:root>')
        (tmp_path / folder).mkdir()
        setup, layout = pdf._configure(root, tmp_path / folder)
        confs = [etree.parse(str(p)).getroot() for p in (setup.path, layout)]
        return setup.path.name, [c.find("complex-scripts") is not None for c in confs]

    plain, off = configured(f"<fo:block>{NAMES} {GREEK}</fo:block>", "latin")
    assert off == [True, True] and etree.parse(str(tmp_path / "latin" / plain)).find(
        "complex-scripts").get("disabled") == "true"
    hebrew, off = configured("<fo:block>\u05e9\u05dc\u05d5\u05dd</fo:block>", "hebrew")
    assert off == [False, False] and hebrew != plain
    _, off = configured('<fo:block language="sr">Sveta Gora</fo:block>', "serbian")
    assert off == [False, False]
    # in the metadata only (not printed): no shaping
    _, off = configured("<fo:declarations>\u05e9\u05dc\u05d5\u05dd</fo:declarations><fo:block>Mitau</fo:block>", "meta")
    assert off == [True, True]


# -- [print] paper in edition.toml ----------------------------------------------------------

def _edition_toml(tmp_path, extra: str) -> Path:
    root = tmp_path / "ed"
    root.mkdir(parents=True)
    text = (Path(__file__).resolve().parents[1] / "edition.toml").read_text(encoding="utf-8")
    (root / "edition.toml").write_text(text + extra, encoding="utf-8")
    return root


def test_the_paper_of_the_pdf_is_a_key_of_edition_toml(tmp_path, transformer, chronicle):
    from edition import config as config_mod
    from edition.errors import EditionError

    assert config_mod.load(_edition_toml(tmp_path / "a", "")).paper == "A4"
    letter = config_mod.load(_edition_toml(tmp_path / "b", '\n[print]\npaper = "letter"\n'))
    root = etree.fromstring(transformer.fo(chronicle, paper=letter.paper))
    assert xp(root, "string(//fo:simple-page-master[1]/@page-width)") == "8.5in"
    with pytest.raises(EditionError) as info:
        config_mod.load(_edition_toml(tmp_path / "c", '\n[print]\npaper = "foolscap"\n'))
    assert "[print] paper: must be one of A4, letter, A5, got 'foolscap'" in str(info.value)
    assert ":" + str(len((tmp_path / "c" / "ed" / "edition.toml").read_text().splitlines())) + ":" in str(info.value)

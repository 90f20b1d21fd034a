"""Issue 8, items 3 and 7: texts and configurations that used to give tracebacks or wrong TEI.

Form feeds become page breaks; other characters XML cannot hold, UTF-16 files and lines too long
for the parser are one located error each; old Mac line ends end lines."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition import manifest, pipeline, plaintext
from edition.cli import cli
from edition.errors import EditionError
from edition.spans import diplomatic_text, raw_text_of, same_text
from edition.validate import Validator
from edition.xmlio import parse_xml_bytes, read_text, serialize
from edition_helpers import make_edition

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "tei" / "tei_all.rng"


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    make_edition(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def validator(config):
    return Validator(config)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def one_error(result, code=2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and ": error: " in lines[0], result.output
    return lines[0]


def convert_text(config, text: str):
    tree = pipeline.convert(text, config, "sample")
    return parse_xml_bytes(serialize(tree), "sample.xml")


# -- form feeds: page breaks --------------------------------------------------------------

OCR_TEXT = ("\x0cthe annals of the kingdom of kongo, copied in 1650.\n\n"
            "the king received the envoys in mbanza kongo.\x0c\n\n"
            "\x0c\x0c== the second book ==\n\n"
            "a chronicle of the coast \x0c from luanda to the south.\n\x0c")


def test_form_feeds_become_page_breaks(config):
    tree = convert_text(config, OCR_TEXT)
    body = tree.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert len(body.xpath(".//t:pb", namespaces=NS)) == OCR_TEXT.count("\x0c")
    first = body.xpath("t:p[1]", namespaces=NS)[0]
    assert first[0].tag.endswith("pb") and not first.text            # before the first block
    # the form feed ending the second paragraph and the two before the heading open the next block
    head = body.xpath(".//t:head", namespaces=NS)[0]
    assert len(head.xpath("t:pb", namespaces=NS)) == 3 and not head.text
    inner = body.xpath(".//t:div/t:p", namespaces=NS)[0]
    pbs = inner.xpath(".//t:pb", namespaces=NS)
    assert len(pbs) == 2                                              # inside the line, and at the end
    assert raw_text_of(inner) == "a chronicle of the coast  from luanda to the south."
    assert pbs[-1].tail is None and pbs[-1].getnext() is None
    assert same_text(OCR_TEXT.replace("\x0c", ""), diplomatic_text(tree.getroot()))


def test_page_breaks_are_valid_in_the_edition_schema_and_in_tei(config, validator, tmp_path):
    tree = convert_text(config, OCR_TEXT + "\nmarie curie worked in paris\x0cin 1898.\n")
    errors = [str(d) for d in validator.check(tree, "sample.xml") if d.severity == "error"]
    assert errors == []
    if not TEI_ALL.is_file() or not shutil.which("jing"):
        pytest.skip("tei_all.rng or jing is missing")
    out = tmp_path / "sample.xml"
    out.write_bytes(serialize(tree))
    proc = subprocess.run(["jing", str(TEI_ALL), str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_odd_documents_pb_as_the_grammar_has_it(repo):
    odd = etree.parse(str(repo / "schema" / "edition.odd"))
    included = " ".join(odd.xpath("//t:moduleRef[@key='core']/@include", namespaces=NS)).split()
    assert "pb" in included
    assert odd.xpath("//t:div[@xml:id='document']//t:gi[.='pb']", namespaces=NS)


def test_build_of_a_text_with_form_feeds(edition_dir):
    (edition_dir / "source" / "kongo.txt").write_bytes(OCR_TEXT.encode())
    result = run("build", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert (edition_dir / "build" / "kongo.html").is_file()


# -- characters XML cannot hold: one located error ---------------------------------------------

@pytest.mark.parametrize("char,name", [("\x0b", "U+000B"), ("\x1b", "U+001B"), ("\ufffe", "U+FFFE"),
                                       ("\x01", "U+0001"), ("\uffff", "U+FFFF")])
def test_a_control_character_is_reported_at_its_line_and_column(edition_dir, char, name):
    # LF, CRLF and CR line ends before it: all three end a line
    text = f"first line\nsecond line\r\nthird line\rthe {char}fourth line\n"
    (edition_dir / "bad.txt").write_bytes(text.encode("utf-8"))
    line = one_error(run("convert", "bad.txt", "-o", "out.xml"))
    assert line.startswith(f"bad.txt:4:5: error: {name}"), line
    assert not (edition_dir / "out.xml").exists()


def test_build_reports_the_bad_text_and_builds_the_others(edition_dir):
    (edition_dir / "source" / "bad.txt").write_bytes(b"a line with an escape \x1b[0m in it\n")
    (edition_dir / "source" / "good.txt").write_text("a letter from lima in 1821.\n")
    result = run("build", "--no-pdf")
    assert result.exit_code == 2
    assert "bad.txt:1:23: error: U+001B" in result.output and "Traceback" not in result.output
    assert sorted(p.name for p in (edition_dir / "build").iterdir() if p.name != manifest.NAME) == [
        "good.fo", "good.html", "good.xml", "pagefind"]


# -- encodings, line ends, long lines ------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_text_is_named_with_the_way_to_convert_it(edition_dir, codec):
    (edition_dir / "wide.txt").write_bytes("a chronicle of córdoba, 1236.\n".encode(codec))
    line = one_error(run("convert", "wide.txt", "-o", "out.xml"))
    wide = "UTF-32" if "32" in codec else "UTF-16"
    assert f"error: {wide} text, not UTF-8" in line and f"iconv -f {wide} -t UTF-8 wide.txt" in line
    assert "binary" not in line


def test_a_binary_file_is_still_binary(edition_dir):
    (edition_dir / "blob.txt").write_bytes(bytes(range(256)) * 4)
    assert "binary" in one_error(run("convert", "blob.txt", "-o", "out.xml"))


def test_old_mac_line_ends_end_lines(config):
    text = "== the voyage ==\rthe ship left cadiz in 1519.\r\rit reached the moluccas in 1521.\r"
    tree = convert_text(config, text)
    paragraphs = tree.xpath("//t:body//t:p", namespaces=NS)
    assert [raw_text_of(p) for p in paragraphs] == [
        "the ship left cadiz in 1519.", "it reached the moluccas in 1521."]
    assert [raw_text_of(h) for h in tree.xpath("//t:head", namespaces=NS)] == ["the voyage"]
    assert not tree.xpath("//t:text//text()[contains(., '\r')]", namespaces=NS)
    assert same_text(text.replace("\r", "\n"), diplomatic_text(tree.getroot()))


def test_a_line_too_long_for_the_parser_is_refused_at_convert(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"short first line\n" + b"word " * (plaintext.MAX_LINE_BYTES // 5 + 10) + b"\n")
    with pytest.raises(EditionError) as info:
        read_text(path)
    assert str(info.value).startswith(f"{path}:2:1: error: line of 10.0 MB")


def test_the_limit_is_the_parsers(tmp_path):
    """Convert refuses exactly what validate and build could not read back."""
    def tei(n: int) -> bytes:
        return b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>' + b"a" * n + b"</p></TEI>"
    parse_xml_bytes(tei(plaintext.MAX_LINE_BYTES), "ok.xml")
    with pytest.raises(EditionError):
        parse_xml_bytes(tei(plaintext.MAX_LINE_BYTES + 1), "too-long.xml")
    path = tmp_path / "edge.txt"
    path.write_bytes(b"a" * plaintext.MAX_LINE_BYTES + b"\n")
    assert len(read_text(path)) == plaintext.MAX_LINE_BYTES + 1


# -- edition.toml: one clear line for each mistake ------------------------------------------

def with_toml(edition_dir: Path, extra: str, replace: tuple[str, str] | None = None) -> None:
    path = edition_dir / "edition.toml"
    text = path.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path.write_text(text + extra, encoding="utf-8")
    (edition_dir / "source" / "one.txt").write_text("a journey from fez to timbuktu in 1510.\n")


def toml_line(edition_dir: Path, needle: str) -> int:
    lines = (edition_dir / "edition.toml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("extra,replace,needle,message", [
    ('\n[texts.one.source]\nauther = "Leo Africanus"\n', None, "auther",
     r"\[texts\.one\.source\] auther: unknown key; did you mean \[texts\.one\.source\] author\?"),
    ('\n[texts.one]\ntitle = 5\n', None, "title = 5", r"\[texts\.one\] title: must be a non-empty string, got 5"),
    ('\n[texts.one.sourse]\nauthor = "x"\n', None, "sourse", r"\[texts\.one\] sourse: unknown key; did you mean \[texts\.one\] source\?"),
    ('\n[structur]\nlist_sections = []\n', ('[structure]\nlist_sections = ["see also", "external links", "works", "further reading", "bibliography"]', ''),
     "[structur]", r"\[structur\]: unknown table; did you mean \[structure\]\?"),
    ("", ('pub_place = "Online"', 'pubplace = "Online"'), "pubplace",
     r"\[edition\] pubplace: unknown key; did you mean \[edition\] pub_place\?"),
    ('\n[texts.one]\ntitle = "the chronicle\\u001b[1m"\n', None, "the chronicle",
     r"\[texts\.one\] title: holds the control character U\+001B"),
    ("", ('title = "Leon Trotsky"', 'title = "Leon\\u0007 Trotsky"'), "Leon\\u0007",
     r"\[source\] title: holds the control character U\+0007"),
    ('\n[texts.one.source]\nurl = 3\n', None, "url = 3", r"\[texts\.one\.source\] url: must be a string"),
    ("", ('register = ', 'allow_xinclude = "no"\nregister = '),
     "allow_xinclude", r"\[edition\] allow_xinclude: must be true or false"),
])
def test_edition_toml_mistakes(edition_dir, extra, replace, needle, message):
    with_toml(edition_dir, extra, replace)
    for argv in (["convert", "source/one.txt", "-o", "out.xml"], ["build", "--no-pdf"]):
        line = one_error(run(*argv))
        assert line.startswith(f"{edition_dir / 'edition.toml'}:{toml_line(edition_dir, needle)}:1: error: "), line
        assert re.search(message, line), line
    assert not (edition_dir / "out.xml").exists() and not (edition_dir / "build").exists()


def test_invalid_toml_is_located(edition_dir):
    with_toml(edition_dir, "\nbroken = = 1\n")
    line = one_error(run("convert", "source/one.txt", "-o", "out.xml"))
    assert f"edition.toml:{toml_line(edition_dir, 'broken')}:" in line and "not valid TOML" in line
    assert "(at line" not in line


def test_a_good_override_still_works(edition_dir):
    with_toml(edition_dir, '\n[texts.one]\ntitle = "Description of Africa"\n'
                           '[texts.one.source]\nauthor = "Leo Africanus"\n')
    assert run("convert", "source/one.txt", "-o", "out.xml").exit_code == 0
    tree = etree.parse(str(edition_dir / "out.xml"))
    assert tree.xpath("//t:titleStmt/t:title/text()", namespaces=NS)[0] == "Description of Africa"
    assert "Leo Africanus" in tree.xpath("string(//t:sourceDesc)", namespaces=NS)


# -- decomposed accents: match on NFC, keep the text as given -----------------------------------

NFC_REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt>
    <publicationStmt><p>Test data.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>
  </fileDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="p-marti"><persName type="main">José Martí</persName></person>
      <person xml:id="p-dvorak"><persName type="main">Antonín Dvořák</persName>
        <persName type="surname">Dvořák</persName></person>
    </listPerson>
    <listPlace>
      <place xml:id="pl-sao-paulo"><placeName type="main">São Paulo</placeName></place>
      <place xml:id="pl-krakow"><placeName type="main">Kraków</placeName></place>
    </listPlace>
  </standOff>
</TEI>
"""
NFC_TEXT = ("In 1881 José Martí left Caracas for New York; Dvořák reached New York in 1892.\n\n"
            "Kraków and São Paulo were far from Zürich, and Mérida from México.\n")


def nfd(text: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def accents_register(tmp_path_factory):
    from edition import register
    path = tmp_path_factory.mktemp("nfc") / "register.xml"
    path.write_text(NFC_REGISTER, encoding="utf-8")
    return register.load(path)


def markup(tree) -> list[tuple[str, str | None, str]]:
    import unicodedata
    return [(etree.QName(el).localname, el.get("ref"), unicodedata.normalize("NFC", "".join(el.itertext())))
            for el in tree.iter() if isinstance(el.tag, str)
            and etree.QName(el).localname in {"persName", "placeName", "orgName", "date"}
            and el.xpath("ancestor::t:text", namespaces=NS)]


@pytest.mark.parametrize("register_form", ["nfc", "nfd"])
def test_decomposed_text_gets_the_markup_of_the_composed_one(config, accents_register, tmp_path,
                                                            register_form):
    from edition import register
    reg = accents_register
    if register_form == "nfd":
        path = tmp_path / "register.xml"
        path.write_text(nfd(NFC_REGISTER), encoding="utf-8")
        reg = register.load(path)
    composed = pipeline.convert(NFC_TEXT, config, "composed", reg)
    decomposed = pipeline.convert(nfd(NFC_TEXT), config, "decomposed", reg)
    found = markup(decomposed)
    assert found == markup(composed)
    assert ("persName", "#p-marti", "José Martí") in found
    assert ("placeName", "#pl-sao-paulo", "São Paulo") in found
    assert ("placeName", "#pl-krakow", "Kraków") in found
    # the diplomatic text is the decomposed text, character for character
    assert diplomatic_text(decomposed.getroot()).replace("\n", "").replace(" ", "") == \
        nfd(NFC_TEXT).replace("\n", "").replace(" ", "")


def test_markup_never_separates_a_letter_from_its_accent(config, accents_register):
    import unicodedata
    tree = pipeline.convert(nfd(NFC_TEXT), config, "decomposed", accents_register)
    for el in tree.getroot().iter():
        for value in (el.text, el.tail):
            if value:
                assert not unicodedata.combining(value[0]), etree.tostring(el, encoding="unicode")


def test_convert_on_a_full_disk_names_the_file_and_keeps_no_temporary(edition_dir, monkeypatch):
    import errno
    import os
    (edition_dir / "one.txt").write_text("a letter from hanoi, 1945.\n")
    real_fsync = os.fsync

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    line = one_error(run("convert", "one.txt", "-o", "out.xml"))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert line == "out.xml: error: could not be written: No space left on device"
    assert sorted(p.name for p in edition_dir.iterdir() if p.is_file()) == ["edition.toml", "one.txt"]

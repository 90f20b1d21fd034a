"""The commands, through click's CliRunner: outputs, refusals, bad input."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import cli
from edition.manifest import NAME as MANIFEST
from edition.spans import raw_text_of
from edition_helpers import make_edition

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEXT = ("lenin met trotsky in london in 1902.\n\n== early life ==\n\nhe was born in 1879.\n\n"
        "== see also ==\n\nfourth international\nlist of trotskyist internationals\n")


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    """A small edition: the bundled configuration, schema and stylesheets, and one short text."""
    make_edition(tmp_path, {"short.txt": TEXT})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def built_files(build) -> list[str]:
    """The names in an output folder but the build's manifest (edition.manifest)."""
    return sorted(p.name for p in build.iterdir() if p.name != MANIFEST)


def assert_one_line_error(result, code=2):
    assert result.exit_code == code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and ": error: " in lines[0], result.output
    assert "Traceback" not in result.output


def test_convert_writes_tei_beside_the_text(edition_dir):
    result = run("convert", "source/short.txt")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(edition_dir / "source" / "short.xml"))
    assert tree.xpath("count(//t:text//t:div)", namespaces=NS) == 2
    assert [raw_text_of(h) for h in tree.xpath("//t:div/t:head", namespaces=NS)] == ["early life", "see also"]
    assert len(tree.xpath("//t:list/t:item", namespaces=NS)) == 2


def test_convert_never_overwrites_without_force(edition_dir):
    target = edition_dir / "source" / "short.xml"
    target.write_text("<TEI>my corrections</TEI>")
    result = run("convert", "source/short.txt")
    assert_one_line_error(result)
    assert target.read_text() == "<TEI>my corrections</TEI>"
    result = run("convert", "source/short.txt", "--force")
    assert result.exit_code == 0, result.output
    backups = list(target.parent.glob("short.xml.*.bak"))
    assert len(backups) == 1 and backups[0].read_text() == "<TEI>my corrections</TEI>"
    assert etree.parse(str(target)).getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"


@pytest.mark.parametrize("name,content", [
    ("missing.txt", None), ("folder", "dir"), ("empty.txt", b""), ("binary.txt", b"\x00\xff\x00"),
    ("latin1.txt", b"na\xefve text\n"),
])
def test_convert_bad_input(edition_dir, name, content):
    path = edition_dir / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run("convert", name, "-o", "out.xml")
    assert_one_line_error(result)
    assert result.output.startswith(str(name) if content is None else name)
    assert not (edition_dir / "out.xml").exists()


def test_convert_refuses_xml(edition_dir):
    (edition_dir / "tei.xml").write_text('<?xml version="1.0"?>\n<TEI/>\n')
    assert_one_line_error(run("convert", "tei.xml", "-o", "out.xml"))
    assert not (edition_dir / "out.xml").exists()


def test_convert_outside_an_edition(tmp_path, monkeypatch):
    """No edition.toml here or above: a header from defaults, and one line on `edition new`
    (tests/test_first_use.py checks that header)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("text\n")
    result = run("convert", "a.txt")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "edition new DIR" in line]
    assert etree.parse(str(tmp_path / "a.xml")).xpath("//t:titleStmt/t:title/text()", namespaces=NS) == ["A"]


def test_build_writes_the_outputs_and_starts_from_edited_tei(edition_dir):
    result = run("build", "--no-pdf")
    assert result.exit_code == 0, result.output
    build = edition_dir / "build"
    assert built_files(build) == ["pagefind", "short.fo", "short.html", "short.xml"]
    # the scholar's corrected TEI takes precedence and is never written to
    edited = edition_dir / "source" / "short.xml"
    tree = etree.parse(str(build / "short.xml"))
    head = tree.xpath("//t:div/t:head", namespaces=NS)[0]
    head.text = "early life and education"
    edited.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    before = edited.read_bytes()
    result = run("build", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert edited.read_bytes() == before
    rebuilt = etree.parse(str(build / "short.xml"))
    assert rebuilt.xpath("//t:div/t:head/text()", namespaces=NS)[0] == "early life and education"


def test_build_reports_a_broken_source_and_builds_the_others(edition_dir):
    (edition_dir / "source" / "other.txt").write_text("another text from 1917.\n")
    (edition_dir / "source" / "other.xml").write_text("<TEI>\n<p>unclosed\n</TEI>\n")
    result = run("build", "--no-pdf")
    assert result.exit_code == 2
    assert "other.xml:3:" in result.output and "Traceback" not in result.output
    names = built_files(edition_dir / "build")
    assert names == ["pagefind", "short.fo", "short.html", "short.xml"]   # pagefind/: the search index


def test_build_without_sources(edition_dir):
    (edition_dir / "source" / "short.txt").unlink()
    assert_one_line_error(run("build"))


def test_build_pdf(edition_dir):
    if not shutil.which("fop"):
        pytest.skip("Apache FOP is not installed (scripts/setup.sh installs it)")
    result = run("build")
    assert result.exit_code == 0, result.output
    pdf = edition_dir / "build" / "short.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    leftovers = [p for p in (edition_dir / "build").iterdir() if p.name.startswith(".") and p.name != MANIFEST]
    assert leftovers == []


def test_help_documents_every_command():
    for command in ("convert", "build", "validate", "candidates", "new", "text"):
        result = run(command, "--help")
        assert result.exit_code == 0 and len(result.output.split()) > 15, command


def test_build_refuses_to_transform_invalid_tei(edition_dir):
    assert run("build", "--no-pdf").exit_code == 0
    edited = edition_dir / "source" / "short.xml"
    tree = etree.parse(str(edition_dir / "build" / "short.xml"))
    name = tree.xpath("//t:text//t:persName[@ref]", namespaces=NS)[0]
    name.set("ref", "#no-such-person")
    edited.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    html_before = (edition_dir / "build" / "short.html").read_bytes()
    result = run("build", "--no-pdf")
    assert result.exit_code == 1
    line = etree.parse(str(edited)).xpath("//t:text//t:persName", namespaces=NS)[0].sourceline
    assert f"short.xml:{line}:" in result.output and "no-such-person" in result.output
    assert (edition_dir / "build" / "short.html").read_bytes() == html_before
    assert run("build", "--no-pdf", "--no-validate").exit_code == 0
    assert (edition_dir / "build" / "short.html").read_bytes() != html_before


def test_an_invalid_tei_keeps_the_previous_pdf_though_fop_ran_beside_the_checks(edition_dir):
    if not shutil.which("fop"):
        pytest.skip("Apache FOP is not installed (scripts/setup.sh installs it)")
    assert run("build", "--no-search").exit_code == 0
    out = edition_dir / "build"
    before = {ext: (out / f"short.{ext}").read_bytes() for ext in ("pdf", "fo", "html")}
    tree = etree.parse(str(out / "short.xml"))
    tree.xpath("//t:text//t:persName[@ref]", namespaces=NS)[0].set("ref", "#no-such-person")
    (edition_dir / "source" / "short.xml").write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    result = run("build", "--no-search")
    assert result.exit_code == 1 and "no-such-person" in result.output
    assert {ext: (out / f"short.{ext}").read_bytes() for ext in before} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != MANIFEST]

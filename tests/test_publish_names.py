"""Sources' names as the site and the deposit see them: any name links (a "#" or "?" in it is
percent-encoded), and a name that would take one of the edition's own files is refused before
anything is published. The texts are invented (Tasmania and Western Australia, 1840s)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from edition.urls import file_url
from edition.cli import cli
from edition_helpers import make_edition, with_fake_fop

FAKE_FOP = """#!{python}
import sys
args = sys.argv[1:]
with open(args[args.index("-pdf") + 1], "wb") as fh:
    fh.write(b"%PDF-1.4 fake")
"""
ODD = "letters #2 & notes? (Hobart)"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def edition_of(tmp_path, repo, monkeypatch):
    def make(texts: dict[str, str]) -> Path:
        root = make_edition(tmp_path / "ed", texts)
        return with_fake_fop(tmp_path, monkeypatch, FAKE_FOP, root)
    return make


def links(page: Path) -> list[str]:
    return re.findall(r'href="([^"#][^"]*)"', page.read_text(encoding="utf-8"))


def local_target(page: Path, href: str) -> Path | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return page.parent / unquote(parts.path)


def test_file_url_keeps_plain_names_and_encodes_the_rest():
    assert file_url("leon-trotsky.xml") == "leon-trotsky.xml"
    assert file_url("diary_1841.v2.pdf") == "diary_1841.v2.pdf"
    assert file_url(f"{ODD}.pdf") == "letters%20%232%20%26%20notes%3F%20%28Hobart%29.pdf"


def test_a_name_with_a_hash_and_a_question_mark_links_in_the_page_and_the_site(edition_of):
    root = edition_of({f"{ODD}.txt": "A letter from Hobart Town, 1840.\n",
                       "perth.txt": "A diary kept at Perth in 1841.\n"})
    assert run("build").exit_code == 0
    page = root / "build" / f"{ODD}.html"
    downloads = [h for h in links(page) if h.endswith((".xml", ".pdf"))]
    assert len(downloads) == 2, links(page)
    for href in downloads:
        assert local_target(page, href).is_file(), href
    result = run("publish", "--force")
    assert result.exit_code == 0, result.output
    home = root / "publish" / "site" / "index.html"
    local = [h for h in links(home) if local_target(home, h) is not None]
    assert len(local) == 6, local                       # two texts: page, TEI and PDF each
    for href in local:
        assert local_target(home, href).is_file(), href


def test_a_text_that_would_take_the_home_page_is_refused(edition_of):
    root = edition_of({"index.txt": "A letter from Hobart Town, 1840.\n",
                       "perth.txt": "A diary kept at Perth in 1841.\n"})
    assert run("build").exit_code == 0
    result = run("publish", "--force")
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [f"{root / 'source' / 'index.txt'}: error: a text named 'index' would take index.html, "
                      "the name of the site's home page: rename the source (its outputs follow)"], result.output
    assert not (root / "publish").exists()


def test_a_text_named_as_the_register_is_refused_and_the_register_kept(edition_of):
    """A parish register transcribed as source/register.txt: its TEI would be source/register.xml,
    the edition's register (which the build used to check as that text's TEI)."""
    root = edition_of({"register.txt": "The parish register of Launceston, 1842.\n",
                       "perth.txt": "A diary kept at Perth in 1841.\n"})
    register = (root / "source" / "register.xml").read_bytes()
    result = run("build", "--no-pdf")
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [f"{root / 'source' / 'register.txt'}: error: its TEI would be register.xml, which is "
                      "the edition's register: rename the text (a text's TEI takes its name)"], result.output
    assert (root / "build" / "perth.html").is_file()
    result = run("convert", "source/register.txt", "--force")
    assert result.exit_code != 0 and "is a file of the edition's own" in result.output
    assert (root / "source" / "register.xml").read_bytes() == register
    assert not list((root / "source").glob("register.xml.*"))


def test_one_text_named_index_is_the_home_page(edition_of):
    root = edition_of({"index.txt": "A letter from Hobart Town, 1840.\n"})
    assert run("build").exit_code == 0
    result = run("publish", "--force")
    assert result.exit_code == 0, result.output
    assert "Hobart" in (root / "publish" / "site" / "index.html").read_text(encoding="utf-8")
    assert not any(p.is_symlink() for p in (root / "publish").rglob("*"))
    assert os.path.isfile(root / "publish" / "site" / "index.xml")


def test_a_text_named_register_beside_a_register_of_another_name_is_refused_by_publish(edition_of):
    root = edition_of({"register.txt": "The parish register of Launceston, 1842.\n",
                       "perth.txt": "A diary kept at Perth in 1841.\n"})
    (root / "source" / "register.xml").rename(root / "source" / "persons.xml")
    toml = root / "edition.toml"
    toml.write_text(toml.read_text().replace('"source/register.xml"', '"source/persons.xml"'))
    assert run("build").exit_code == 0
    result = run("publish", "--force")
    assert result.exit_code != 0
    assert f"{root / 'source' / 'register.txt'}: error: a text named 'register' would take register.xml, " \
           "the name of a file of the register in the site and the deposit" in result.output, result.output
    assert not (root / "publish").exists()

"""Issue 13: a build with a PDF makes the search index while FOP lays out its last text
(edition.search_early), from the pages the output folder will hold; the index put in place is the
one Pagefind makes of the folder afterwards, and where the folder does not end as foreseen (an
invalid text, a page changed meanwhile) the index is made as before. Nothing of it is left in the
output folder. The texts are invented: letters of a Hanseatic merchant from Bergen and Novgorod."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from edition import config as config_mod, outputs, search
from edition.build import BuildOptions, build, find_sources
from edition.search_early import Early

from edition_helpers import make_edition

INDEX_SITE = search.index_site
needs_tools = pytest.mark.skipif(search.find_pagefind() is None or shutil.which("fop") is None,
                                 reason="needs pagefind and fop (scripts/setup.sh installs both)")

TEXTS = {
    "bergen.txt": "Hinrik Castorp wrote from Bergen on 12 May 1461 that the stockfish had come.\n",
    "novgorod.txt": "At Novgorod the merchants of Lübeck waited for the wax until 3 June 1462.\n",
}


def _staging(out: Path) -> list[Path]:
    return [p for p in out.glob(outputs.PREFIX + "*") if p.is_dir()]


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(_same_tree(a / d, b / d) for d in compared.common_dirs)


def _build(root: Path, monkeypatch, calls: list, **options):
    """Build every text of *root* with the PDF and the search index; *calls* gets each call of
    index_site (the index made after the build)."""
    monkeypatch.setattr(search, "index_site", lambda *a, **k: calls.append(a) or INDEX_SITE(*a, **k))
    config = config_mod.load(root)
    return build(config, find_sources(config), BuildOptions(out_dir=root / "build", pdf=True, search=True,
                                                            **options))


@needs_tools
def test_the_index_made_beside_the_pdf_is_the_index_of_the_folder(tmp_path, monkeypatch):
    root = make_edition(tmp_path / "ed", TEXTS)
    calls: list = []
    results = _build(root, monkeypatch, calls)
    assert all(r.ok for r in results), [str(r.error) for r in results]
    assert calls == []                                  # the early index was put in place
    out = root / "build"
    assert not _staging(out)                            # its folders are gone
    early = tmp_path / "early"
    shutil.copytree(out / search.FOLDER, early)
    assert search.index_site(out) is not None           # what Pagefind makes of the folder now
    assert _same_tree(early, out / search.FOLDER)


@needs_tools
def test_an_invalid_text_has_its_index_made_after_the_build(tmp_path, monkeypatch):
    """The last text is invalid: its new page is not written (the previous one stays), so the
    index made beside its PDF, which holds the new page, is not the folder's: the index is made
    again after the build (a page did change: the first text's)."""
    root = make_edition(tmp_path / "ed", TEXTS)
    calls: list = []
    assert all(r.ok for r in _build(root, monkeypatch, calls))
    (root / "source" / "bergen.txt").write_text(TEXTS["bergen.txt"].replace("stockfish", "herring"))
    tei = root / "source" / "novgorod.xml"
    tei.write_text((root / "build" / "novgorod.xml").read_text().replace(
        "<body>", '<body><p><date when="1462-02-30">30 February 1462</date></p>', 1))
    calls.clear()
    results = _build(root, monkeypatch, calls)
    assert [r.ok for r in results] == [True, False]
    assert len(calls) == 1 and not _staging(root / "build")
    out = root / "build"
    shutil.copytree(out / search.FOLDER, tmp_path / "made")
    search.index_site(out)
    assert _same_tree(tmp_path / "made", out / search.FOLDER)
    assert b"herring" in (out / "bergen.html").read_bytes()


@needs_tools
def test_a_page_changed_meanwhile_is_not_indexed_as_it_was(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "gao.html").write_text("<html><body><main><p>Askia Ishaq II at Tondibi</p></main></body></html>")
    early = Early(out, "timbuktu.html", lambda: b"<html><body><main><p>Judar Pasha crossed the desert</p></main></body></html>")
    try:
        early.page()
        early._thread.join()
        (out / "timbuktu.html").write_bytes(early.page())
        (out / "gao.html").write_text("<html><body><main><p>Gao was taken in 1591</p></main></body></html>")
        assert early.adopt() is None                        # gao.html is another file now
    finally:
        early.close()
    assert not _staging(out) and not (out / search.FOLDER).exists()


def test_an_error_of_the_page_is_the_builds(tmp_path):
    def failing() -> bytes:
        raise ValueError("the merchant's seal is missing")
    early = Early(tmp_path, "bergen.html", failing)
    try:
        with pytest.raises(ValueError, match="seal"):
            early.page()
        assert early.adopt() is None
    finally:
        early.close()

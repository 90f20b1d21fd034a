"""Issue 13, PDF at scale: FOP's classes archived once (Java's class-data sharing) and mapped by
every later worker (edition.fop_cds). The documents are invented: a caravan diary of Timbuktu,
a Japanese travel diary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from edition import derived, fop_cds, fopclient, pdf
from fop_helpers import needs_worker
from pdf_helpers import page_texts

JARS = ["/usr/share/java/fop.jar", "/usr/share/java/batik-all.jar"]
FLAGS = ["-XX:+UseSerialGC"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(derived.CACHE_ENV, str(folder))
    return folder


def test_the_first_worker_makes_the_archive_and_the_next_uses_it(cache):
    extra, tmp = fop_cds.flags(JARS, FLAGS)
    assert tmp is not None and extra == [f"-XX:ArchiveClassesAtExit={tmp}"]
    tmp.write_bytes(b"classes")                     # what the JVM writes at its exit
    fop_cds.keep(tmp, ended_well=True)
    archive = fop_cds.archive_path(JARS, FLAGS)
    assert archive.read_bytes() == b"classes" and not tmp.exists()
    assert fop_cds.flags(JARS, FLAGS) == ([f"-XX:SharedArchiveFile={archive}"], None)


def test_a_worker_that_did_not_end_well_leaves_no_archive(cache):
    _, tmp = fop_cds.flags(JARS, FLAGS)
    tmp.write_bytes(b"half written")
    fop_cds.keep(tmp, ended_well=False)
    assert not tmp.exists() and not fop_cds.archive_path(JARS, FLAGS).exists()


def test_another_classpath_or_flag_is_another_archive(cache):
    one = fop_cds.archive_path(JARS, FLAGS)
    assert fop_cds.archive_path(JARS[:1], FLAGS) != one
    assert fop_cds.archive_path(JARS, ["-XX:TieredStopAtLevel=1"]) != one


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is a POSIX notion")
def test_an_archive_others_may_write_is_not_used(cache):
    archive = fop_cds.archive_path(JARS, FLAGS)
    archive.write_bytes(b"classes")
    archive.chmod(0o666)
    assert fop_cds.flags(JARS, FLAGS) == ([], None)


def test_without_a_cache_folder_nothing_is_archived(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(derived.CACHE_ENV, str(blocker / "cache"))
    assert fop_cds.flags(JARS, FLAGS) == ([], None)


FO = ('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
      '<fo:simple-page-master master-name="p" page-width="120mm" page-height="160mm" margin="10mm">'
      '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
      '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
      '<fo:block font-family="DejaVu Serif">{}</fo:block></fo:flow></fo:page-sequence></fo:root>')


@needs_worker
def test_real_workers_archive_then_share_their_classes(cache, tmp_path, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    fopclient.close()
    monkeypatch.setitem(fopclient._state, "no_cds", False)     # an earlier test's worker may have set it
    try:
        pdf.render(FO.format("In 1591 the army of Judar Pasha reached the Niger.").encode(), tmp_path / "a.pdf")
        assert fopclient._state["worker"].archive is not None      # this one writes the archive
        fopclient.close()
        archives = list(cache.glob(f"{fop_cds.PREFIX}*.jsa"))
        assert len(archives) == 1 and archives[0].stat().st_size > 1_000_000
        assert not list(cache.glob("*.tmp"))
        pdf.render(FO.format("Third month: we walked from Edo to Senju.").encode(), tmp_path / "b.pdf")
        worker = fopclient._state["worker"]
        assert worker.cds and worker.archive is None                # this one maps it
        text = "".join(t for _, t in page_texts(pypdf.PdfReader(str(tmp_path / "b.pdf"))))
        assert "Senju" in text
    finally:
        fopclient.close()


@needs_worker
def test_a_jvm_that_refuses_the_flags_is_started_without_them(cache, tmp_path, monkeypatch):
    fopclient.close()
    monkeypatch.setattr(fop_cds, "flags", lambda classpath, flags: (["-XX:+NoSuchOptionOfThisJvm"], None))
    monkeypatch.setitem(fopclient._state, "no_cds", False)
    before = fopclient.starts()
    try:
        pdf.render(FO.format("At Tondibi the horsemen met the musketeers.").encode(), tmp_path / "c.pdf")
        assert fopclient.starts() - before == 2 and fopclient._state["no_cds"]
        assert fopclient.pid() is not None and (tmp_path / "c.pdf").stat().st_size > 0
    finally:
        fopclient.close()

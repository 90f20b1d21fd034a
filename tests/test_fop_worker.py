"""Issue 13, PDF at scale: one FOP worker (one JVM) per build process (edition.fopclient,
edition.fopworker). Documents of one process share one worker; its PDFs are the fop command's;
a broken FO is one error line and the worker goes on; a job's timeout, Ctrl-C or a killed build
leave no JVM running; FOP fetches no URL and reads no file outside the job's own.

The texts are invented: a chronicle of Timbuktu and Gao (1591) and a Japanese travel diary."""

from __future__ import annotations

import base64
import os
import signal
import struct
import subprocess
import sys
import time
import uuid
import zlib
from pathlib import Path

import pytest
from lxml import etree

from edition import fopclient, pdf, transform, xmlio
from edition.errors import EditionError

from edition_helpers import make_edition
from loopback import LoopbackServer
from fop_helpers import fresh, needs_worker  # noqa: F401 (fresh: a fixture)
from pdf_helpers import page_texts


pytestmark = needs_worker
pypdf = pytest.importorskip("pypdf")

CHRONICLE = Path(__file__).parent / "fixtures" / "pdf-chronicle.xml"
SMALL_PAGES = {"page_width": "105mm", "page_height": "148mm", "margin_inner": "12mm",
               "margin_outer": "12mm", "margin_top": "10mm", "margin_bottom": "10mm"}


def simple_fo(*blocks: str) -> bytes:
    body = "".join(f'<fo:block font-family="DejaVu Serif">{b}</fo:block>' for b in blocks)
    return ('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
            '<fo:simple-page-master master-name="p" page-width="120mm" page-height="160mm" margin="10mm">'
            '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
            '<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
            f"{body}</fo:flow></fo:page-sequence></fo:root>").encode()


TIMBUKTU = ["In the year 1591 the army of Judar Pasha crossed the desert to the Niger.",
            "At Tondibi the horsemen of Askia Ishaq II met the musketeers; Gao was taken."]
DIARY = ["Third month, ninth day: we left Edo before dawn and walked to Senju.",
         "At Nikko the cedars were taller than any we had seen in Fukagawa."]


def png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xc0\x80\x20")) + chunk(b"IEND", b""))


def alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False


def marked(mark: str) -> list[int]:
    """Processes (alive, not zombies) whose environment holds *mark*: a build and its children."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                if mark.encode() in (entry / "environ").read_bytes() and alive(int(entry.name)):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found



def test_two_documents_in_one_process_start_one_jvm(tmp_path, fresh):
    before = fopclient.starts()
    first = pdf.render(simple_fo(*TIMBUKTU), tmp_path / "timbuktu.pdf")
    worker = fopclient.pid()
    second = pdf.render(simple_fo(*DIARY), tmp_path / "diary.pdf")
    assert fopclient.starts() - before == 1
    assert worker is not None and fopclient.pid() == worker
    assert first.warnings == second.warnings == []
    text = "".join(t for _, t in page_texts(pypdf.PdfReader(str(tmp_path / "diary.pdf"))))
    assert "Senju" in text and "Judar" not in text
    fopclient.close()
    assert fopclient.pid() is None and not alive(worker)


def test_a_warm_up_starts_the_worker_before_the_first_pdf(tmp_path, monkeypatch, fresh):
    before = fopclient.starts()
    pdf.warm_up("en")
    worker = fopclient.pid()
    assert worker is not None and fopclient.starts() == before + 1
    pdf.warm_up("en")                              # the same worker, a second warm-up queued
    first = pdf.render(simple_fo(*DIARY), tmp_path / "diary.pdf")
    pdf.render(simple_fo(*TIMBUKTU), tmp_path / "gao.pdf")
    assert first.warnings == [] and fopclient.pid() == worker and fopclient.starts() == before + 1
    text = "".join(t for _, t in page_texts(pypdf.PdfReader(str(tmp_path / "gao.pdf"))))
    assert "Tondibi" in text and "Senju" not in text
    fopclient.close()
    monkeypatch.setenv(fopclient.ENV, "command")
    pdf.warm_up("en")
    assert fopclient.pid() is None


def test_the_workers_pdf_is_the_commands(tmp_path, monkeypatch, transformer, fresh):
    fo = transformer.fo(xmlio.parse_xml(CHRONICLE), **SMALL_PAGES)
    worker = pdf.render(fo, tmp_path / "worker.pdf")
    monkeypatch.setenv(fopclient.ENV, "command")
    assert fopclient.engine()[0] == "command"
    command = pdf.render(fo, tmp_path / "command.pdf")
    assert (worker.passes, command.passes) == (1, 2)  # the worker lays the book out once
    assert worker.fo == command.fo                 # the index's page lists: the same pages
    assert (worker.warnings, worker.missing, worker.unplaced) == (command.warnings, command.missing, command.unplaced)
    pages = [page_texts(pypdf.PdfReader(str(tmp_path / f"{n}.pdf"))) for n in ("worker", "command")]
    assert len(pages[0]) > 10 and pages[0] == pages[1]


def test_the_worker_says_where_ids_are_as_the_commands_area_tree_does(tmp_path, monkeypatch, transformer, fresh):
    root = pdf._parse(transformer.fo(xmlio.parse_xml(CHRONICLE), **SMALL_PAGES), "chronicle")
    _, layout = pdf._configure(root, tmp_path)
    text = tmp_path / "text.fo"
    text.write_bytes(etree.tostring(pdf.text_only(root)))
    wanted = {c.get("ref-id") for el in pdf.page_lists(root)
              for c in el.iter("{http://www.w3.org/1999/XSL/Format}page-number-citation")} | {"no-such-id"}
    found = pdf.layout_pages(layout, text, tmp_path / "w.at.xml", wanted, where="chronicle", timeout=120)
    assert not (tmp_path / "w.at.xml").exists()          # answered, no area tree written
    monkeypatch.setenv(fopclient.ENV, "command")
    read = pdf.layout_pages(layout, text, tmp_path / "c.at.xml", wanted, where="chronicle", timeout=120)
    assert found == read and "no-such-id" not in found
    assert len(found) == len(wanted) - 1 and len({page for page, _ in found.values()}) > 3


def test_fop_warnings_come_back_as_the_commands(tmp_path, monkeypatch, fresh):
    fo = simple_fo("Kangxi wrote 中 in the margin.", "Tombouctou" * 12)    # a glyph lacking, an overflow
    rendered = pdf.render(fo, tmp_path / "w.pdf")
    assert [m.char for m in rendered.missing] == ["中"]
    assert any("exceed the available area" in w for w in rendered.warnings), rendered.warnings
    monkeypatch.setenv(fopclient.ENV, "command")
    command = pdf.render(fo, tmp_path / "c.pdf")
    assert (rendered.warnings, rendered.missing) == (command.warnings, command.missing)


def test_a_broken_fo_is_one_error_line_and_the_worker_goes_on(tmp_path, fresh):
    pdf.render(simple_fo(*TIMBUKTU), tmp_path / "one.pdf")
    worker, before = fopclient.pid(), fopclient.starts()
    broken = simple_fo(*DIARY).replace(b'master-reference="p"', b'master-reference="nowhere"')
    with pytest.raises(EditionError) as info:
        pdf.render(broken, tmp_path / "broken.pdf", name="diary.fo")
    message = str(info.value)
    assert "\n" not in message and message.startswith("diary.fo") and "nowhere" in message, message
    assert not (tmp_path / "broken.pdf").exists()
    pdf.render(simple_fo(*DIARY), tmp_path / "two.pdf")
    assert fopclient.pid() == worker and fopclient.starts() == before


def test_a_job_that_times_out_kills_the_worker_and_the_next_starts_another(tmp_path, fresh):
    pdf.render(simple_fo(*TIMBUKTU), tmp_path / "one.pdf")
    worker, before = fopclient.pid(), fopclient.starts()
    long = simple_fo(*(TIMBUKTU * 1500))
    with pytest.raises(EditionError, match="did not finish within"):
        pdf.render(long, tmp_path / "long.pdf", timeout=0.5)
    assert not alive(worker) and fopclient.pid() is None
    pdf.render(simple_fo(*DIARY), tmp_path / "two.pdf")
    assert fopclient.starts() == before + 1 and fopclient.pid() not in (None, worker)


def test_fop_fetches_no_url_and_reads_no_file_outside_the_job(tmp_path, fresh):
    outside = tmp_path / "outside.png"
    outside.write_bytes(png_1x1())
    inline = "data:image/png;base64," + base64.b64encode(png_1x1()).decode()
    with LoopbackServer() as server:
        for src, images in ((f"http://127.0.0.1:{server.port}/x.png", 0), (outside.as_uri(), 0),
                            (str(outside), 0), (inline, 1)):
            out = tmp_path / "g.pdf"
            pdf.render(simple_fo(f"Sankore mosque <fo:external-graphic src=\"url('{src}')\" "
                                 'fox:alt-text="a dot" xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"/>'),
                       out)
            assert len(pypdf.PdfReader(str(out)).pages[0].images) == images, src
        assert server.requests == []


def test_a_doctype_in_the_fo_is_refused(tmp_path, fresh):
    fo = Path(tmp_path / "d.fo")
    fo.write_bytes(b'<!DOCTYPE fo:root [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + simple_fo("&e;"))
    with pytest.raises(EditionError):
        pdf.render(fo, tmp_path / "d.pdf")
    assert not (tmp_path / "d.pdf").exists()


def test_without_a_worker_the_fop_command_renders(tmp_path, monkeypatch, fresh):
    monkeypatch.setattr(fopclient, "JVM_FLAGS", ["-XX:+NoSuchFlagInAnyJvm"])
    rendered = pdf.render(simple_fo(*TIMBUKTU), tmp_path / "c.pdf")
    assert rendered.warnings == [] and (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert fopclient.engine()[0] == "command" and fopclient.pid() is None


def test_another_fop_on_path_is_run_as_a_command(tmp_path, monkeypatch):
    script = tmp_path / "fop"
    script.write_text("#!/bin/sh\nexec java -jar /opt/fop/fop.jar \"$@\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    assert fopclient.launcher_jars(script) is None and fopclient.engine() == ("command", None)
    assert all(Path(j).is_file() for j in fopclient.launcher_jars("/usr/bin/fop"))


# -- a whole build, killed or interrupted while FOP works -------------------------------

def _build(tmp_path, point: str) -> tuple[subprocess.CompletedProcess, str]:
    ed = make_edition(tmp_path / "ed", {"gao.txt": " ".join(TIMBUKTU * 40) + "\n"})
    mark = f"EDITION_TEST_MARK_{uuid.uuid4().hex}"
    env = {**os.environ, mark: "1", "EDITION_TEST_KILL": point}
    result = subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", "build", "--no-search"],
                            cwd=ed, capture_output=True, text=True, env=env, timeout=300)
    return result, mark


def _gone(mark: str, within: float) -> bool:
    end = time.monotonic() + within
    while marked(mark):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def test_a_build_killed_during_fop_leaves_no_jvm(tmp_path):
    result, mark = _build(tmp_path, "fop")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert _gone(mark, 2.0), f"left running: {marked(mark)}"


@pytest.mark.parametrize("sig,code,word", [("INT", 130, "interrupted"), ("TERM", 143, "terminated")])
def test_ctrl_c_during_fop_ends_the_worker(tmp_path, sig, code, word):
    result, mark = _build(tmp_path, f"fop:{sig}")
    assert result.returncode == code, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and word in lines[0] and "Traceback" not in result.stderr, result.stderr
    assert marked(mark) == []


def test_the_folders_of_processes_that_are_gone_are_removed(tmp_path, monkeypatch, fresh):
    """A build killed with SIGKILL cannot remove its folder of FOP configurations: the next
    process that makes one removes it; the folders of processes still running stay."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    left = tmp_path / f"{fopclient.FOLDER_PREFIX}{gone}-abcd1234"
    left.mkdir()
    (left / "fop-en.xconf").write_text("<fop/>")
    running = tmp_path / f"{fopclient.FOLDER_PREFIX}{os.getppid()}-efgh5678"
    running.mkdir()
    other = tmp_path / f"{fopclient.FOLDER_PREFIX}old-style"
    other.mkdir()
    made = fopclient.folder()
    assert made.parent == tmp_path and made.name.startswith(f"{fopclient.FOLDER_PREFIX}{os.getpid()}-")
    assert not left.exists() and running.is_dir() and other.is_dir()
    fopclient.close()
    assert not made.exists()

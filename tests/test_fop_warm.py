"""Issue 13, the first PDF of a build: FOP is warmed up on small invented documents
(edition.fop_warm) in a thread of the lowest priority, until the first real job comes.

The warm-up documents render cleanly, a real job ends the warm-up at once (it waits for the
document in progress only), and a PDF made after a warm-up is the same bytes as one made by a
worker that was not warmed up. The real document is an invented chronicle of Mitau (1863–1919)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edition import child, fop_config, fop_warm, fopclient, pdf, transform, xmlio

from fop_helpers import fresh, needs_worker  # noqa: F401 (fresh: a fixture)
from pdf_helpers import page_texts


pytestmark = needs_worker
pypdf = pytest.importorskip("pypdf")

CHRONICLE = Path(__file__).parent / "fixtures" / "pdf-chronicle.xml"



def test_the_warm_up_documents_are_made_of_invented_words_and_render_cleanly(tmp_path, fresh):
    documents = fop_warm.documents("en", fop_config.FAMILIES)
    assert len(documents) == fop_warm.DOCUMENTS and documents == fop_warm.documents("en", fop_config.FAMILIES)
    for n, data in enumerate(documents):
        rendered = pdf.render(data, tmp_path / f"warm-{n}.pdf")
        assert rendered.warnings == [] and rendered.missing == []
        reader = pypdf.PdfReader(str(tmp_path / f"warm-{n}.pdf"))
        assert len(reader.pages) >= 3                 # contents, text, index
        text = "".join(t for _, t in page_texts(reader))
        assert fop_warm._words(n * 100, 3)[0] in text
        last = reader.pages[-1].extract_text()
        assert any(ch.isdigit() for ch in last)       # the index cites pages


def _worker(tmp_path: Path):
    _, classpath = fopclient.engine()
    settings = json.dumps({"classpath": classpath, "flags": fopclient.JVM_FLAGS})
    return child.start([sys.executable, "-m", "edition.fopworker", settings], stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE, stderr=open(tmp_path / "worker.log", "wb"))


def _jobs(tmp_path: Path, fo: bytes, name: str) -> tuple[dict, dict]:
    """The two passes' jobs for *fo* (as edition.pdf makes them)."""
    root = pdf._parse(fo, name)
    setup, layout = pdf._configure(root, tmp_path)
    path = tmp_path / f"{name}.fo"
    path.write_bytes(fo)
    return (pdf._job(layout, path, tmp_path / f"{name}.at.xml", True),
            pdf._job(setup.path, path, tmp_path / f"{name}.pdf", False))


def test_a_real_job_ends_the_warm_up(tmp_path):
    warm = [job for n, data in enumerate(fop_warm.documents("en", fop_config.FAMILIES))
            for job in _jobs(tmp_path, data, f"warm-{n}")] * 10
    real = _jobs(tmp_path, transform.Transformer().fo(xmlio.parse_xml(CHRONICLE)), "chronicle")[1]
    proc = _worker(tmp_path)
    try:
        assert json.loads(proc.stdout.readline())["ready"]
        proc.stdin.write(json.dumps({"warm": warm}).encode() + b"\n")
        proc.stdin.flush()
        time.sleep(1.0)                               # the warm-up has begun
        proc.stdin.write(json.dumps(real).encode() + b"\n")
        proc.stdin.flush()
        warmed = json.loads(proc.stdout.readline())
        answer = json.loads(proc.stdout.readline())
    finally:
        proc.stdin.close()
        proc.wait(30)
    assert warmed["ok"] and 0 <= warmed["warmed"] < len(warm)
    assert answer["ok"], answer
    text = "".join(t for _, t in page_texts(pypdf.PdfReader(str(tmp_path / "chronicle.pdf"))))
    assert "Mitau" in text


def test_a_pdf_after_a_warm_up_is_the_same_as_without(tmp_path, fresh):
    fo = transform.Transformer().fo(xmlio.parse_xml(CHRONICLE))
    pdf.render(fo, tmp_path / "cold.pdf")
    fopclient.close()
    pdf.warm_up("en")
    time.sleep(2.0)                                   # some warm-up documents laid out
    pdf.render(fo, tmp_path / "warm.pdf")
    assert _undated(tmp_path / "warm.pdf") == _undated(tmp_path / "cold.pdf")


def _undated(path: Path) -> bytes:
    """A PDF's bytes without the time it was made (its info, its XMP metadata, its /ID)."""
    data = re.sub(rb"D:\d{14}Z?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)?", b"DATE",
                  path.read_bytes())
    return re.sub(rb"/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]", b"/ID", data)

"""Issue 13, PDF at scale: FOP's worker lays a book out once. It reads the FO up to the end of the
text's page sequence, lays the text out, and only then gets the rest, the index's page lists
filled from where FOP put the text's names (edition.pdf_index.split_after, index_rest;
edition.fopworker.Worker.render_indexed). The pages are checked against where the names finally
are, and an FO the cut does not fit takes the two passes.

The text is an invented chronicle of the Baltic provinces (tests/fixtures/pdf-chronicle.xml)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from edition import child, fopclient, pdf, transform, xmlio
from edition.pdf_index import FO, fill_index, index_rest, page_lists, split_after, wanted_ids

from fop_helpers import fresh, needs_worker  # noqa: F401 (fresh: a fixture)

CHRONICLE = Path(__file__).parent / "fixtures" / "pdf-chronicle.xml"
SMALL_PAGES = {"page_width": "105mm", "page_height": "148mm", "margin_inner": "12mm",
               "margin_outer": "12mm", "margin_top": "10mm", "margin_bottom": "10mm"}


@pytest.fixture(scope="module")
def fo() -> bytes:
    return transform.Transformer().fo(xmlio.parse_xml(CHRONICLE), **SMALL_PAGES)


def _canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n", with_comments=False)


def _reordered(fo: bytes) -> bytes:
    """The FO with its index before the text (page lists before the cut)."""
    root = etree.fromstring(fo)
    index = root.find(f"{FO}page-sequence[@id='seq-index']")
    root.find(f"{FO}page-sequence[@id='seq-text']").addprevious(index)
    return etree.tostring(root)


def test_the_parts_make_the_fo_with_its_index_filled(fo):
    head, rest, end = split_after(fo)
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(head)                       # the text, the document not yet closed
    assert b'id="seq-text"' in head and b'id="seq-index"' not in head
    wanted = wanted_ids(rest)
    assert len(wanted) > 20 and wanted == sorted(set(wanted))
    pages = {ident: (n // 3 + 1, f"{n // 3 + 1}") for n, ident in enumerate(wanted)}   # invented
    whole = head + index_rest(rest, pages, end)
    expected = etree.fromstring(fo)
    assert fill_index(expected, pages) == 0
    assert _canonical(whole) == _canonical(etree.tostring(expected))
    assert not page_lists(etree.fromstring(whole))


def test_an_fo_the_cut_does_not_fit_is_not_cut(fo):
    assert split_after(fo, "seq-nowhere") is None
    assert split_after(_reordered(fo)) is None       # page lists before the text


@needs_worker
def test_an_fo_with_its_index_first_takes_two_passes(fo, tmp_path, fresh):
    once = pdf.render(fo, tmp_path / "once.pdf")
    twice = pdf.render(_reordered(fo), tmp_path / "twice.pdf")
    assert (once.passes, twice.passes) == (1, 2)
    cited = [etree.fromstring(r.fo).xpath("//fo:inline[starts-with(@id, 'pages-')]", namespaces={"fo": FO[1:-1]})
             for r in (once, twice)]
    assert [etree.tostring(el) for el in cited[0]] == [etree.tostring(el) for el in cited[1]]


def _ask(tmp_path: Path, jobs: list[dict]) -> list[dict]:
    _, classpath = fopclient.engine()
    settings = json.dumps({"classpath": classpath, "flags": fopclient.JVM_FLAGS})
    proc = child.start([sys.executable, "-m", "edition.fopworker", settings], stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE, stderr=open(tmp_path / "worker.log", "wb"))
    try:
        assert json.loads(proc.stdout.readline())["ready"]
        answers = []
        for job in jobs:
            proc.stdin.write(json.dumps(job).encode() + b"\n")
            proc.stdin.flush()
            answers.append(json.loads(proc.stdout.readline()))
    finally:
        child.kill_group(proc)
    return answers


@needs_worker
def test_pages_that_moved_are_laid_out_again(fo, tmp_path):
    """A cut before the text (the index filled before the names were laid out: what a parser that
    read ahead would do) is caught by the check after the layout: the book is laid out again with
    the pages where the names are, the same as those of a cut after the text."""
    root = pdf._parse(fo, "chronicle")
    setup, _ = pdf._configure(root, tmp_path)
    path = tmp_path / "book.fo"
    path.write_bytes(fo)
    jobs = [{**pdf._job(setup.path, path, tmp_path / f"{after}.pdf", False), "index_after": after}
            for after in ("seq-text", "seq-front")]
    right, early = _ask(tmp_path, jobs)
    assert right["ok"] and early["ok"], (right, early)
    assert (right["passes"], early["passes"]) == (1, 2)
    assert early["pages"] == right["pages"] and len(right["pages"]) == len(wanted_ids(split_after(fo)[1]))


KEEPS = r'''
import json, sys
from pathlib import Path
import jpype
from edition import fopclient
from edition.fopworker import PROPERTIES, Worker
job, runs = json.loads(sys.argv[1]), int(sys.argv[2])
jpype.startJVM(*fopclient.JVM_FLAGS, *PROPERTIES, classpath=fopclient.engine()[1], convertStrings=False)
worker, runtime = Worker(jpype), jpype.JClass("java.lang.Runtime").getRuntime()
heap = []
for n in range(runs):
    assert worker.job(job)["ok"]
    jpype.JClass("java.lang.System").gc()
    heap.append(runtime.totalMemory() - runtime.freeMemory())
print(json.dumps(heap))
'''


@needs_worker
def test_a_worker_keeps_nothing_of_the_books_it_laid_out(fo, tmp_path):
    """Java's heap after the 4th and the 12th book is the same, within a few MiB (a proxy class
    made for each job kept each book's layout: ~4.5 MiB a book)."""
    root = pdf._parse(fo, "chronicle")
    setup, _ = pdf._configure(root, tmp_path)
    path = tmp_path / "book.fo"
    path.write_bytes(fo)
    job = {**pdf._job(setup.path, path, tmp_path / "book.pdf", False), "index_after": "seq-text"}
    done = subprocess.run([sys.executable, "-c", KEEPS, json.dumps(job), "12"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    heap = json.loads(done.stdout.strip().splitlines()[-1])
    assert heap[11] - heap[3] < 12 * 2 ** 20, [round(h / 2 ** 20) for h in heap]

"""Issue 13: the stylesheets of a build run in a Saxon worker process beside it
(edition.saxonclient), with the same bytes, the same errors, and the build going on in its own
process when the worker is lost. The texts are invented, from outside the bundled edition's
world: a Hanseatic merchant's letters from Bergen and Novgorod."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from edition import config as config_mod
from edition.build import Builder, BuildOptions
from edition.outputs import OutputFolder, stable_ids
from edition_helpers import make_edition

TEXTS = {
    "bergen.txt": "Hinrik Castorp wrote from Bergen on 12 May 1461 that the stockfish had come.\n",
    "novgorod.txt": "At Novgorod the merchants of Lübeck waited for the wax until 3 June 1462.\n",
}


@pytest.fixture
def edition_dir(tmp_path):
    return make_edition(tmp_path / "ed", TEXTS)


def build(root: Path, out: Path, saxon_process: bool, break_after: int | None = None,
          kill: tuple[str, ...] = ("fo", "html")):
    """Build every text into *out*; with *break_after*, the workers of *kill* are killed after
    that many; the process ids of the workers still there at the end."""
    config = config_mod.load(root)
    options = BuildOptions(out_dir=out, pdf=False, search=False, saxon_process=saxon_process)
    builder = Builder(config, options)
    results = []
    try:
        with OutputFolder(out) as folder:
            for n, source in enumerate(sorted((root / "source").glob("*.txt"))):
                for call, worker in builder.transforms.workers.items() if n == break_after else ():
                    if call not in kill:
                        continue
                    os.kill(worker.proc.pid, signal.SIGKILL)
                    worker.proc.wait()
                results.append(builder.build_one(source, folder))
        pids = sorted(w.proc.pid for w in builder.transforms.workers.values())
    finally:
        builder.close()
    return results, pids


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".html", ".fo", ".xml")}


def test_the_worker_makes_the_same_bytes_as_the_build_itself(edition_dir, tmp_path):
    worked, pids = build(edition_dir, tmp_path / "worker", saxon_process=True)
    assert len(pids) == 2, "no Saxon workers (FO, HTML) were started"
    assert all(r.ok for r in worked), [str(r.error) for r in worked]
    inside, _ = build(edition_dir, tmp_path / "inside", saxon_process=False)
    assert all(r.ok for r in inside)
    a, b = outputs(tmp_path / "worker"), outputs(tmp_path / "inside")
    assert set(a) == {"bergen.xml", "bergen.html", "bergen.fo", "novgorod.xml", "novgorod.html", "novgorod.fo"}
    assert a == b
    assert b"Castorp" in a["bergen.html"] and b"Novgorod" in a["novgorod.fo"]


def test_the_workers_end_with_the_build(edition_dir, tmp_path):
    _, pids = build(edition_dir, tmp_path / "out", saxon_process=True)
    assert pids
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        assert "\nState:\tZ" in state, "a Saxon worker outlived its build"


def test_a_lost_worker_leaves_the_build_to_its_own_process(edition_dir, tmp_path):
    results, pids = build(edition_dir, tmp_path / "out", saxon_process=True, break_after=1)
    assert pids == []                                # lost, and not started again
    assert all(r.ok for r in results), [str(r.error) for r in results]
    inside, _ = build(edition_dir, tmp_path / "inside", saxon_process=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "inside")


def test_a_lost_html_worker_leaves_the_fo_to_its_own(edition_dir, tmp_path):
    results, pids = build(edition_dir, tmp_path / "out", saxon_process=True, break_after=1, kill=("html",))
    assert len(pids) == 1 and all(r.ok for r in results), [str(r.error) for r in results]
    build(edition_dir, tmp_path / "inside", saxon_process=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "inside")


def test_a_stylesheet_error_is_the_same_one_line_from_the_worker(edition_dir, tmp_path):
    html = edition_dir / "xslt" / "html.xsl"
    text = html.read_text()
    cut = text.rindex("</xsl:stylesheet>")
    html.write_text(text[:cut] + '<xsl:template match="/" priority="100"><xsl:message terminate="yes">'
                    "the merchant's seal is missing</xsl:message></xsl:template>\n" + text[cut:])
    errors = []
    for process in (True, False):
        results, _ = build(edition_dir, tmp_path / f"out-{process}", saxon_process=process)
        errors.append([str(r.error) for r in results])
    assert errors[0] == errors[1]
    assert all("html.xsl" in e and "terminated by xsl:message" in e for e in errors[0]), errors[0]
    assert not (tmp_path / "out-True" / "bergen.html").exists()


@pytest.mark.parametrize("apart", [True, False])
def test_one_worker_for_both_outputs_or_one_each_make_the_same_bytes(edition_dir, tmp_path, apart):
    from edition.background import Lane
    from edition.saxonclient import Transforms
    from edition.transform import Transformer

    build(edition_dir, tmp_path / "inside", saxon_process=False)
    data = (tmp_path / "inside" / "bergen.xml").read_bytes()
    inside = Transforms(Transformer(), Lane(), process=False)
    expected = [r.result() for r in inside.run(data, [("fo", {}), ("html", {})])]
    transforms = Transforms(Transformer(), Lane(), process=True, apart=apart)
    try:
        assert len({id(w) for w in transforms.workers.values()}) == (2 if apart else 1)
        assert [r.result() for r in transforms.run(data, [("fo", {}), ("html", {})])] == expected
        worker = transforms.workers["html"]
        os.kill(worker.proc.pid, signal.SIGKILL)
        worker.proc.wait()
        assert [r.result() for r in transforms.run(data, [("fo", {}), ("html", {})])] == expected
        assert "html" not in transforms.workers and ("fo" in transforms.workers) == apart
    finally:
        transforms.close()


@pytest.mark.parametrize("jobs, helpers", [("1", False), ("2", True)])
def test_j1_builds_in_its_own_process_alone(edition_dir, monkeypatch, jobs, helpers):
    """`-j 1` asks for one process: no Saxon worker and no truecaser process beside it; with
    -j 2 and a single text to build, the text's outputs are made by the workers at once."""
    from edition import build as build_mod
    from edition_helpers import run_cli

    seen = []
    made = build_mod.Builder.__init__

    def recording(self, config, options, *args, **kwargs):
        made(self, config, options, *args, **kwargs)
        seen.append((options.saxon_process, options.truecase_process, len(self.transforms.workers)))
    monkeypatch.setattr(build_mod.Builder, "__init__", recording)
    monkeypatch.chdir(edition_dir)
    result = run_cli("build", "--no-pdf", "--no-search", "-j", jobs, "source/bergen.txt")
    assert result.exit_code == 0, result.output
    assert seen == [(helpers, helpers, 2 if helpers else 0)]


def test_a_late_worker_starts_with_the_first_text_and_makes_the_same_bytes(edition_dir, tmp_path):
    from edition.background import Lane
    from edition.saxonclient import Transforms
    from edition.transform import Transformer

    build(edition_dir, tmp_path / "inside", saxon_process=False)
    data = (tmp_path / "inside" / "bergen.xml").read_bytes()
    expected = [r.result() for r in Transforms(Transformer(), Lane(), process=False).run(
        data, [("fo", {}), ("html", {})])]
    transforms = Transforms(Transformer(), Lane(), process=True, late=("fo",))
    try:
        assert set(transforms.workers) == {"html"}          # the FO's not yet: the text converts
        assert [r.result() for r in transforms.run(data, [("fo", {}), ("html", {})])] == expected
        assert set(transforms.workers) == {"fo", "html"}
        assert transforms.workers["fo"] is not transforms.workers["html"]
        first = transforms.workers["fo"]
        again = transforms.run(data, [("fo", {}), ("html", {})])     # Saxon numbers its documents:
        assert [stable_ids(r.result()) for r in again] == [stable_ids(e) for e in expected]
        assert transforms.workers["fo"] is first             # started once
    finally:
        transforms.close()


@pytest.mark.parametrize("size, late", [(200, False), (40_000, True)])
def test_the_fo_worker_starts_late_only_for_a_long_text(edition_dir, monkeypatch, size, late):
    """A long text has a helper process beside its conversion: the FO's worker waits for it."""
    from edition import build as build_mod
    from edition_helpers import run_cli

    line = "Hinrik Castorp wrote from Bergen on 12 May 1461 that the stockfish had come.\n"
    (edition_dir / "source" / "bergen.txt").write_text(line * (size // len(line) + 1))
    seen = []
    made = build_mod.Builder.__init__

    def recording(self, config, options, *args, **kwargs):
        made(self, config, options, *args, **kwargs)
        seen.append(sorted(self.transforms.workers))
    monkeypatch.setattr(build_mod.Builder, "__init__", recording)
    monkeypatch.chdir(edition_dir)
    result = run_cli("build", "--no-pdf", "--no-search", "source/bergen.txt")
    assert result.exit_code == 0, result.output
    assert seen == [["html"] if late else ["fo", "html"]]


ECHO = """
import hashlib, json, sys, time
time.sleep(float(sys.argv[1]))              # a worker still starting: it reads nothing meanwhile
inp, out = sys.stdin.buffer, sys.stdout.buffer
for line in iter(inp.readline, b""):
    head = json.loads(line)
    data = hashlib.sha256(inp.read(head["size"])).hexdigest().encode()
    for _ in head["calls"]:
        out.write(json.dumps({"ok": True, "size": len(data)}).encode() + b"\\n" + data)
        out.flush()
"""


def test_a_text_is_given_to_a_worker_that_does_not_read_yet_without_waiting_for_it(monkeypatch):
    """A text larger than the pipe holds is written by a thread: the build goes on (its checks)
    while the worker starts or compiles; the worker gets every text whole and in order."""
    import hashlib
    import sys
    import time

    from edition import child, saxonclient

    start = child.start
    monkeypatch.setattr(saxonclient.child, "start", lambda argv, **kw: start(
        [sys.executable, "-c", ECHO, "1.5"], **{k: v for k, v in kw.items() if k != "ours"}))
    worker = saxonclient.SaxonWorker(Path("."), compile=())
    try:
        texts = [bytes([n]) * (3 << 20) for n in (1, 2)]      # 3 MB each: far more than a pipe
        began = time.monotonic()
        replies = [r for text in texts for r in worker.submit(text, [("html", {}), ("fo", {})])]
        assert time.monotonic() - began < 1.0
        assert [r.result() for r in replies] == [hashlib.sha256(t).hexdigest().encode()
                                                 for t in texts for _ in range(2)]
    finally:
        worker.close()
    assert worker.proc.wait(5) is not None          # and it ends with close()


# -- the generated ids of a page, renumbered (edition.outputs.stable_ids) -------------------

def _stable_by_rule(data: bytes) -> bytes:
    """The rule written plainly: every occ-/sec- id after a quote or "#", its document number
    counted from 1 in the order the numbers first occur."""
    import re

    numbers: dict[bytes, bytes] = {}
    return re.sub(rb"(?<=[\"'#])(occ|sec)-d(\d+)e(?=\d)", lambda m: m.group(1) + b"-d" + numbers.setdefault(
        m.group(2), str(len(numbers) + 1).encode()) + b"e", data)


def test_generated_ids_are_numbered_from_one_in_the_order_their_documents_first_occur():
    page = (b'<a id="occ-d7e12" href="#sec-d7e3">x-d7e5</a><b data-x=\'occ-d3e9\'>'
            b'<a href="#occ-d7e40">occ-d9e1 "occ-d9ex" "toc-d9e1" "sec-d3e2"</a>')
    assert stable_ids(page) == (b'<a id="occ-d1e12" href="#sec-d1e3">x-d7e5</a><b data-x=\'occ-d2e9\'>'
                                b'<a href="#occ-d1e40">occ-d9e1 "occ-d9ex" "toc-d9e1" "sec-d2e2"</a>')


def test_generated_ids_follow_the_plain_rule_on_any_text():
    from hypothesis import given, settings, strategies as st

    pieces = st.sampled_from([b'"', b"'", b"#", b"occ", b"sec", b"toc", b"-d", b"e", b"1", b"2", b"37",
                              b"x", b" ", b"-", b"d", b"<a>"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=40))
    def check(parts):
        data = b"".join(parts)
        assert stable_ids(data) == _stable_by_rule(data)

    check()

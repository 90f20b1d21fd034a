"""Issue 13, parallel builds: `edition build -j N` writes the same bytes as the serial build,
reports in source order, and leaves no process behind when it is interrupted.

The texts are invented, from outside the bundled edition's world: an Ottoman chronicle, a
Benin court record, a Yucatán parish book, a Tang poet's journey.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edition import manifest, parallel
from edition.build import SourceResult
from edition.errors import EditionError
from edition_helpers import make_edition, with_fake_fop, run_cli

TEXTS = {
    "edirne.txt": "the sultan left edirne for constantinople in april 1453.\n"
                  "the walls were breached on 29 may 1453.\n",
    "benin.txt": "the oba of benin received the portuguese envoys in 1486.\n",
    "merida.txt": "the parish book of merida records a drought in 1727.\n",
    "chengdu.txt": "the poet reached chengdu in the winter of 759.\n",
}

FAKE_FOP = """#!{python}
import hashlib, os, sys, time
args = sys.argv[1:]
folder = os.environ.get("FAKE_FOP_PIDS")
if folder:
    open(os.path.join(folder, str(os.getpid())), "w").close()
if os.environ.get("FAKE_FOP_HANG"):
    time.sleep(120)
fo = open(args[args.index("-fo") + 1], "rb").read()
if "-at" in args:                   # pass 1: an area tree of one page that places nothing
    with open(args[-1], "wb") as fh:
        fh.write(b'<areaTree><pageViewport nr="1" formatted-nr="1"/></areaTree>')
    sys.exit(0)
with open(args[args.index("-pdf") + 1], "wb") as fh:
    fh.write(b"%PDF-1.4 fake " + hashlib.sha256(fo).hexdigest().encode())
"""


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    return with_fake_fop(tmp_path, monkeypatch, FAKE_FOP, make_edition(tmp_path / "ed", TEXTS))


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != manifest.NAME}


def build(*args):
    result = run_cli("build", *args)
    assert "Traceback" not in result.output, result.output
    return result


@pytest.mark.parametrize("pdf", [False, True], ids=["no-pdf", "fake-pdf"])
def test_two_workers_write_the_same_bytes_as_one_process(edition_dir, pdf):
    flags = [] if pdf else ["--no-pdf"]
    serial = build(*flags, "-j", "1", "-o", "serial")
    assert serial.exit_code == 0, serial.output
    pooled = build(*flags, "-j", "2", "-o", "pooled")
    assert pooled.exit_code == 0, pooled.output
    one, two = files(edition_dir / "serial"), files(edition_dir / "pooled")
    names = {Path(n).stem for n in one if "/" not in n}
    assert names == {"edirne", "benin", "merida", "chengdu"}
    assert ("edirne.pdf" in one) == pdf
    assert sorted(one) == sorted(two)
    for name in one:
        assert one[name] == two[name], name
    # and the page of a source built alone is the same page too (no numbering across pages)
    alone = build(*flags, "-j", "1", "-o", "alone", "source/merida.txt")
    assert alone.exit_code == 0
    assert files(edition_dir / "alone")["merida.html"] == one["merida.html"]


def test_messages_come_in_the_order_of_the_sources(edition_dir):
    # the first source is the longest, so the others are done before it
    long = "".join(f"in {1500 + i} the chronicle of tabriz names a new governor of tabriz.\n"
                   for i in range(120))
    (edition_dir / "source" / "aleppo.txt").write_text(long)
    result = build("--no-pdf", "-j", "2")
    assert result.exit_code == 0, result.output
    order = []
    for line in result.output.splitlines():
        for name in ("aleppo", "benin", "chengdu", "edirne", "merida"):
            if f"/build/{name}.xml:" in line and name not in order:
                order.append(name)
    assert order == sorted(order) and len(order) >= 4, result.output
    assert result.output.strip().splitlines()[-1].startswith("built 5 of 5 source(s)")


def test_one_job_builds_in_this_process(edition_dir, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")
    monkeypatch.setattr(parallel, "run_pool", no_pool)
    assert build("--no-pdf", "-j", "1").exit_code == 0


def test_a_result_and_its_error_cross_processes():
    error = EditionError("could not be written: No space left on device", "build/x.html", 3, 7)
    result = SourceResult("x", Path("source/x.txt"), [Path("build/x.xml")], [], error)
    back = pickle.loads(pickle.dumps(result))
    assert str(back.error) == str(error) and back.error.line == 3 and back.written == result.written


def test_default_jobs_is_the_number_of_cores():
    assert parallel.default_jobs() == len(os.sched_getaffinity(0))


# -- interruption -----------------------------------------------------------------------------

def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("sig,code,word", [("INT", 130, "interrupted"), ("TERM", 143, "terminated")])
def test_stopping_a_parallel_build_leaves_no_process(edition_dir, tmp_path, sig, code, word):
    pids = tmp_path / "fop-pids"
    pids.mkdir()
    env = {**os.environ, "FAKE_FOP_HANG": "1", "FAKE_FOP_PIDS": str(pids)}
    proc = subprocess.Popen([sys.executable, "-c", "from edition.cli import main; main()", "build", "-j", "2"],
                            cwd=edition_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert len(list(pids.iterdir())) == 2, "two workers did not both reach FOP"
        family = descendants(proc.pid)
        assert len(family) >= 4                       # two workers, each with its FOP
        if sig == "INT":
            os.killpg(proc.pid, signal.SIGINT)        # Ctrl-C: the terminal signals the whole group
        else:
            os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and word in lines[0] and "Traceback" not in err, err
    end = time.monotonic() + 15
    while any(alive(p) for p in family) and time.monotonic() < end:
        time.sleep(0.1)
    assert not [p for p in family if alive(p)], "a worker or FOP outlived the build"
    build_dir = edition_dir / "build"
    assert [p.name for p in build_dir.iterdir() if p.name.startswith(".") and p.name != manifest.NAME] == []
    assert not list(build_dir.glob("*.pdf"))

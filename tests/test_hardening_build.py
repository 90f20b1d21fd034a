"""Issue 8, items 2, 5 and 7: build never writes where its sources are; a document's outputs are
one unit whatever moment the build is killed at; FOP ends with the build; Ctrl-C and a full disk."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import manifest, outputs
from edition.cli import cli
from edition_helpers import make_edition, with_fake_fop

TEXT_OLD = "the old text was written in lisbon in 1755.\n"
TEXT_NEW = "the new text was written in kyoto in 1603.\n"

FAKE_FOP = """#!{python}
import os, sys, time
args = sys.argv[1:]
pid_file = os.environ.get("FAKE_FOP_PID")
if pid_file:
    with open(pid_file + ".tmp", "w") as fh:
        fh.write(str(os.getpid()))
    os.replace(pid_file + ".tmp", pid_file)
if os.environ.get("FAKE_FOP_HANG"):
    time.sleep(120)
with open(args[args.index("-pdf") + 1], "wb") as fh:
    fh.write(b"%PDF-1.4 fake " + os.environ.get("FAKE_FOP_MARK", "").encode())
"""


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    return with_fake_fop(tmp_path, monkeypatch, FAKE_FOP, make_edition(tmp_path / "ed", {"one.txt": TEXT_OLD}))


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def edition(*args, env=None, timeout=120):
    """The edition command in a child process (so that it can be killed)."""
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", *args],
                          capture_output=True, text=True, env=full, timeout=timeout)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != manifest.NAME}


def hidden(folder: Path) -> list[str]:
    """What a build left behind: hidden entries but the build's manifest (edition.manifest)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != manifest.NAME)


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state


def wait_dead(pid: int, within: float = 20.0) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


# -- item 2: never where the sources are ------------------------------------------------

@pytest.mark.parametrize("out", ["source", ".", "source-link", "source/../source/"])
def test_build_refuses_an_output_folder_that_holds_sources(edition_dir, out):
    (edition_dir / "source-link").symlink_to(edition_dir / "source")
    run("convert", "source/one.txt")
    edited = edition_dir / "source" / "one.xml"
    edited.write_bytes(edited.read_bytes().replace(b"lisbon", b"lisboa"))
    before = listing(edition_dir / "source")
    result = run("build", "--no-pdf", "-o", out, "source/one.xml")
    assert result.exit_code == 2, result.output
    lines = error_lines(result.output)
    assert len(lines) == 1 and "error: the output folder holds sources" in lines[0], result.output
    assert listing(edition_dir / "source") == before
    assert not (edition_dir / "build").exists() and not (edition_dir / "one.xml").exists()


def test_build_refuses_the_folder_of_a_source_outside_the_edition(edition_dir, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "chronicle.txt").write_text("a chronicle of quito in 1822.\n")
    result = run("build", "--no-pdf", "-o", str(other), str(other / "chronicle.txt"))
    assert result.exit_code == 2
    assert sorted(p.name for p in other.iterdir()) == ["chronicle.txt"]
    # and through a link to the source's real folder
    (tmp_path / "alias").symlink_to(other)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "chronicle.txt").symlink_to(other / "chronicle.txt")
    result = run("build", "--no-pdf", "-o", str(tmp_path / "alias"), str(linked / "chronicle.txt"))
    assert result.exit_code == 2 and "holds sources" in result.output
    assert sorted(p.name for p in other.iterdir()) == ["chronicle.txt"]


def test_build_into_a_folder_inside_the_source_folder_is_allowed(edition_dir):
    result = run("build", "--no-pdf", "-o", "source/out")
    assert result.exit_code == 0, result.output
    assert (edition_dir / "source" / "out" / "one.html").is_file()


# -- item 5: one unit of outputs per document ------------------------------------------------

def old_build(edition_dir: Path) -> dict[str, bytes]:
    result = edition("build", env={"FAKE_FOP_MARK": "old"})
    assert result.returncode == 0, result.stderr
    (edition_dir / "source" / "one.txt").write_text(TEXT_NEW)
    return listing(edition_dir / "build")


def test_kill_before_the_swap_leaves_the_old_outputs(edition_dir):
    before = old_build(edition_dir)
    result = edition("build", env={outputs.TEST_HOOK: "staged", "FAKE_FOP_MARK": "new"})
    assert result.returncode == -signal.SIGKILL
    build = edition_dir / "build"
    assert listing(build) == before
    assert [h for h in hidden(build) if h.startswith(".edition-one-")]   # the staging folder is stale
    # the next build, of any source, removes it
    (edition_dir / "source" / "two.txt").write_text("a letter from cairo, 1869.\n")
    assert edition("build", "--no-pdf", "source/two.txt").returncode == 0
    assert hidden(build) == []
    assert listing(build)["one.html"] == before["one.html"]


@pytest.mark.parametrize("point", ["committed", "moved-1", "moved-3"])
def test_kill_during_the_swap_is_detected_and_completed(edition_dir, point):
    before = old_build(edition_dir)
    result = edition("build", env={outputs.TEST_HOOK: point, "FAKE_FOP_MARK": "new"})
    assert result.returncode == -signal.SIGKILL
    build = edition_dir / "build"
    commit = build / ".edition-one.commit"
    # a reader sees the interrupted swap: the commit folder and its manifest
    manifest = json.loads((commit / outputs.MANIFEST).read_text())
    assert manifest["put"] == ["one.fo", "one.html", "one.pdf", "one.xml"]
    # the next build (here of another source only) completes it first
    (edition_dir / "source" / "two.txt").write_text("a letter from cairo, 1869.\n")
    assert edition("build", "--no-pdf", "source/two.txt").returncode == 0
    after = listing(build)
    assert hidden(build) == []
    for name in ("one.xml", "one.html", "one.fo"):
        # the FO prints the reading text ("Kyoto"); the TEI and HTML hold the source's words too
        assert b"kyoto" in after[name].lower() and b"lisbon" not in after[name].lower(), name
    assert after["one.pdf"].endswith(b"new") and before["one.pdf"].endswith(b"old")


def test_recover_by_hand_completes_every_interrupted_swap(edition_dir):
    old_build(edition_dir)
    edition("build", env={outputs.TEST_HOOK: "moved-2", "FAKE_FOP_MARK": "new"})
    build = edition_dir / "build"
    assert outputs.recover(build) == ["one"]
    assert all(b"kyoto" in listing(build)[n].lower() for n in ("one.xml", "one.html", "one.fo"))


def test_a_build_without_pdf_removes_the_old_pdf_in_the_same_swap(edition_dir):
    old_build(edition_dir)
    assert edition("build", "--no-pdf").returncode == 0
    assert sorted(listing(edition_dir / "build")) == ["one.fo", "one.html", "one.xml"]


def test_kill_during_fop_ends_fop_and_the_next_build_cleans_up(edition_dir, tmp_path):
    before = old_build(edition_dir)
    pid_file = tmp_path / "fop.pid"
    result = edition("build", env={outputs.TEST_HOOK: "fop", "FAKE_FOP_HANG": "1",
                                   "FAKE_FOP_PID": str(pid_file),
                                   outputs.TEST_HOOK + "_AFTER": str(pid_file)})
    assert result.returncode == -signal.SIGKILL
    assert wait_dead(int(pid_file.read_text())), "FOP outlived the build"
    build = edition_dir / "build"
    assert listing(build) == before
    assert edition("build", env={"FAKE_FOP_MARK": "new"}).returncode == 0
    assert hidden(build) == []
    assert listing(build)["one.pdf"].endswith(b"new")


@pytest.mark.parametrize("sig,code,word", [("INT", 130, "interrupted"), ("TERM", 143, "terminated")])
def test_ctrl_c_or_sigterm_during_fop(edition_dir, tmp_path, sig, code, word):
    before = old_build(edition_dir)
    pid_file = tmp_path / "fop.pid"
    result = edition("build", env={outputs.TEST_HOOK: f"fop:{sig}", "FAKE_FOP_HANG": "1",
                                   "FAKE_FOP_PID": str(pid_file),
                                   outputs.TEST_HOOK + "_AFTER": str(pid_file)})
    assert result.returncode == code, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and word in lines[0] and "Aborted" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not alive(int(pid_file.read_text()))
    build = edition_dir / "build"
    assert listing(build) == before and hidden(build) == []


def test_ctrl_c_outside_fop_exits_130(edition_dir):
    result = edition("build", "--no-pdf", env={outputs.TEST_HOOK: "staged:INT"})
    assert result.returncode == 130
    assert len(error_lines(result.stderr)) == 1 and "interrupted" in result.stderr
    assert hidden(edition_dir / "build") == []


def test_two_builds_never_write_into_one_folder_at_once(edition_dir):
    build = edition_dir / "build"
    build.mkdir()
    fd = os.open(build, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = run("build", "--no-pdf")
    finally:
        os.close(fd)
    assert result.exit_code == 2 and "another build" in result.output
    assert list(build.iterdir()) == []


# -- item 7: a full disk names the path and the other sources are built ---------------------

def test_disk_full_names_the_file_and_builds_the_other_sources(edition_dir, monkeypatch):
    (edition_dir / "source" / "two.txt").write_text("a letter from cairo, 1869.\n")
    real_fsync = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("/one.html"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = run("build", "--no-pdf", "-j", "1")          # in this process, where fsync is patched
    assert result.exit_code == 2
    assert f"{edition_dir / 'build' / 'one.html'}: error: could not be written: No space left on device" \
        in result.output
    assert "Traceback" not in result.output
    build = edition_dir / "build"
    assert sorted(listing(build)) == ["two.fo", "two.html", "two.xml"]
    assert hidden(build) == []

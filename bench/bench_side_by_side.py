"""The toolkit as it is against an earlier commit, whole processes alternated on one machine.

    .venv/bin/python bench/bench_side_by_side.py REV [--pairs 10] [--what one,bundled,pdf,corpus]

How fast this machine is changes from one minute to the next by as much as a change to the
toolkit does, so a change is measured against the commit before it in alternated pairs: each
pair runs the same command once with each checkout, in turns (ABBA...), and what counts is the
medians and how many pairs the new one won. REV is checked out into a temporary git worktree;
both checkouts get their modules compiled first (with PYTHONDONTWRITEBYTECODE set, a checkout
without ``__pycache__`` compiles every module in every process) and share one warm cache of
derived data (each under its own keys). The commands (*--what*):

- ``one``: ``edition convert`` of a one-line text;
- ``bundled``: ``edition build --force --no-search --no-pdf`` of a copy of the bundled edition;
- ``pdf``: the same with the PDF;
- ``corpus``: a corpus of 50 texts made from the bundled one, ``-j 2``, no PDF;
- ``corpuspdf``: the same with the PDF.

Prints the machine's core count, then per command the medians, every time, and the wins.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import REPO
from bench_scale import ONE_LINE, edition_command, make_edition, run

COMMANDS = {
    "one": ("convert", "{one}", "-o", "{tmp}/one.xml", "--force"),
    "bundled": ("build", "--force", "--no-search", "--no-pdf"),
    "pdf": ("build", "--force", "--no-search"),
    "corpus": ("build", "--force", "--no-search", "--no-pdf", "-j", "2"),
    "corpuspdf": ("build", "--force", "--no-search", "-j", "2"),
}


def worktree(rev: str, into: Path) -> Path:
    """A checkout of *rev* (the toolkit's repository) in *into*."""
    path = into / "older"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-f", str(path), rev],
                   check=True, capture_output=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the earlier commit (anything git names)")
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--what", default="one,bundled", help=f"of {', '.join(COMMANDS)}")
    a = ap.parse_args()
    chosen = [w.strip() for w in a.what.split(",") if w.strip()]
    unknown = [w for w in chosen if w not in COMMANDS]
    if unknown:
        sys.exit(f"unknown: {', '.join(unknown)} (choose from {', '.join(COMMANDS)})")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cores} core(s) usable, {os.cpu_count()} in all; {a.pairs} pairs; {a.rev} against this checkout")
    with tempfile.TemporaryDirectory(prefix="bench-sbs-") as tmp_name:
        tmp = Path(tmp_name)
        older = worktree(a.rev, tmp)
        try:
            compare(older, tmp, chosen, a.pairs)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(older)],
                           capture_output=True)


def compare(older: Path, tmp: Path, chosen: list[str], pairs: int) -> None:
    for tree in (older, REPO):
        compileall.compile_dir(str(tree / "edition"), quiet=1)
    base = {**os.environ, "EDITION_CACHE_DIR": str(tmp / "cache")}
    envs = {"before": {**base, "PYTHONPATH": str(older)}, "now": {**base, "PYTHONPATH": str(REPO)}}
    one = tmp / "one.txt"
    one.write_text(ONE_LINE, encoding="utf-8")
    folders = {"one": tmp, "bundled": make_edition(tmp / "bundled", None), "corpus": make_edition(tmp / "corpus", 50)}
    folders["pdf"], folders["corpuspdf"] = folders["bundled"], folders["corpus"]
    edition = edition_command()
    for what in chosen:
        args = [*edition, *(x.format(one=one, tmp=tmp) for x in COMMANDS[what])]
        for env in envs.values():                   # warm: derived data, FOP's class archive
            run(args, folders[what], env)
        times: dict[str, list[float]] = {"before": [], "now": []}
        for n in range(pairs):
            for name in (("before", "now") if n % 2 == 0 else ("now", "before")):
                times[name].append(run(args, folders[what], envs[name])[0])
        wins = sum(b < a for a, b in zip(times["before"], times["now"]))
        print(f"{what:8} before {statistics.median(times['before']):6.3f} s  now "
              f"{statistics.median(times['now']):6.3f} s  (now faster in {wins} of {pairs})", flush=True)
        for name, values in times.items():
            print(f"         {name:6} " + " ".join(f"{t:.2f}" for t in values))


if __name__ == "__main__":
    main()

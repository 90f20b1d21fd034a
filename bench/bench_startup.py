"""Start-up time: whole `edition` processes, timed as a user runs them.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--cold-runs 3]

Times `edition --help`; `edition convert` of a one-line text with a warm cache of
derived data (the word and place lists of edition.derived, already on disk) and
with a cold one (EDITION_CACHE_DIR set to a new empty folder for every run); and
`edition convert` of the bundled text (warm cache). Each command runs in a fresh
process from the edition folder; prints the median and the best of the runs.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, SOURCE

ONE_LINE = "Mr. Milman went to Plymouth.\n"


def edition_command() -> list[str]:
    """The console script beside this Python (as installed), or the same entry point through -c."""
    script = Path(sys.executable).with_name("edition")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from edition.cli import main; main()"]


def run_once(args: list[str], env: dict[str, str], before=None) -> float:
    if before is not None:
        before()
    t0 = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def report(label: str, times: list[float]) -> None:
    print(f"{label:38} median {statistics.median(times):7.3f} s  best {min(times):7.3f} s  "
          f"({len(times)} runs)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7, help="runs of each warm command")
    ap.add_argument("--cold-runs", type=int, default=3, help="runs with an empty cache")
    a = ap.parse_args()
    edition = edition_command()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp_name:
        tmp = Path(tmp_name)
        one = tmp / "one.txt"
        one.write_text(ONE_LINE, encoding="utf-8")
        out = tmp / "out.xml"
        warm_cache = tmp / "warm-cache"
        env = {**os.environ, "EDITION_CACHE_DIR": str(warm_cache)}

        def fresh_output() -> None:
            out.unlink(missing_ok=True)

        convert_one = [*edition, "convert", str(one), "-o", str(out)]
        convert_bundled = [*edition, "convert", str(SOURCE), "-o", str(out)]
        print(f"command: {' '.join(edition)}  (from {REPO})")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("note: PYTHONDONTWRITEBYTECODE is set, so modules are compiled afresh in every process")
        run_once(convert_one, env, fresh_output)           # fills the warm cache
        report("edition --help", [run_once([*edition, "--help"], env) for _ in range(a.runs)])
        report("convert one line, warm cache",
               [run_once(convert_one, env, fresh_output) for _ in range(a.runs)])
        cold = []
        for n in range(a.cold_runs):
            cold_env = {**env, "EDITION_CACHE_DIR": str(tmp / f"cold-cache-{n}")}
            cold.append(run_once(convert_one, cold_env, fresh_output))
            shutil.rmtree(tmp / f"cold-cache-{n}", ignore_errors=True)
        report("convert one line, cold cache", cold)
        words = len(SOURCE.read_text(encoding="utf-8").split())
        report(f"convert bundled text ({words} words)",
               [run_once(convert_bundled, env, fresh_output) for _ in range(a.cold_runs)])


if __name__ == "__main__":
    main()

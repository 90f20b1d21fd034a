"""Build throughput: N copies of the bundled text built in one run (one register, one
validator, stylesheets compiled once).

    .venv/bin/python bench/bench_build.py [--copies 10] [--pdf]

Prints seconds per source and words per second for the whole build. Asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from _common import REPO, SOURCE

from edition import config as config_mod
from edition.build import BuildOptions, build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--pdf", action="store_true", help="also render every PDF with FOP")
    a = ap.parse_args()
    config = config_mod.load(REPO)
    words = len(SOURCE.read_text(encoding="utf-8").split())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = []
        for n in range(a.copies):
            target = tmp / "source" / f"text-{n:03d}.txt"
            target.parent.mkdir(exist_ok=True)
            shutil.copy(SOURCE, target)
            sources.append(target)
        t0 = time.perf_counter()
        results = build(config, sources, BuildOptions(out_dir=tmp / "build", pdf=a.pdf))
        seconds = time.perf_counter() - t0
    ok = sum(r.ok for r in results)
    print(f"{a.copies} sources of {words:,} words, {ok} built, PDF {'on' if a.pdf else 'off'}")
    print(f"total {seconds:6.2f} s   {seconds / a.copies:6.3f} s a source   "
          f"{words * a.copies / seconds:10,.0f} words/s")


if __name__ == "__main__":
    main()

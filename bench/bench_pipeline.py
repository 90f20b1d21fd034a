"""Conversion speed: words per second of the whole pipeline, and of each pass, on the bundled text.

    .venv/bin/python bench/bench_pipeline.py [--runs 5] [--copies 1]

Prints figures; it asserts nothing. --copies N converts a text made of N copies
of the bundled one, to see how the pipeline scales with the length of a source.
"""

from __future__ import annotations

import argparse
import statistics
import time

from edition import config as config_mod
from edition import pipeline, reader, xmlio
from edition.header import build_header
from edition.passes import Context

from _common import REPO, SOURCE, timings


def timed(func, runs):
    times = timings(func, runs)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--copies", type=int, default=1)
    a = ap.parse_args()
    config = config_mod.load(REPO)
    text = xmlio.read_text(SOURCE)
    text = "\n\n".join([text] * a.copies)
    words = len(text.split())
    t0 = time.perf_counter()
    register = pipeline.load_register(config)
    print(f"register: {len(register)} entries loaded in {time.perf_counter() - t0:.3f} s")
    print(f"text: {words} words ({a.copies} cop{'y' if a.copies == 1 else 'ies'} of the bundled text)")
    best, median = timed(lambda: pipeline.convert(text, config, "bench", register), a.runs)
    print(f"{'convert (all passes)':24} best {best:7.3f} s  median {median:7.3f} s  "
          f"{words / best:10.0f} words/s")
    best, median = timed(lambda: reader.read(text), a.runs)
    print(f"{'reader':24} best {best:7.3f} s  median {median:7.3f} s  {words / best:10.0f} words/s")
    ctx = Context(register=register, language=config.language)
    for name, run in pipeline.PASSES:
        def one():
            root = pipeline.etree.Element(pipeline.T + "TEI")
            root.append(build_header(config, "bench"))
            root.append(reader.read(text))
            t = time.perf_counter()
            run(root, ctx)
            return time.perf_counter() - t
        times = [one() for _ in range(a.runs)]
        best = min(times)
        print(f"{'pass ' + name:24} best {best:7.3f} s  median {statistics.median(times):7.3f} s  "
              f"{words / best:10.0f} words/s")


if __name__ == "__main__":
    main()

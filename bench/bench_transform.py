"""Benchmark of the writers: compile time of the stylesheets, documents/second for HTML and FO.

Run from the repository: ``.venv/bin/python bench/bench_transform.py [--runs N] [--pdf]``.
The document is the bundled text converted by the pipeline. Prints figures only.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _common import bundled_tree, timings
from edition import transform, xmlio


def rate(func, runs: int) -> tuple[float, float]:
    """(documents per second, median seconds per document)."""
    times = timings(func, runs)
    return len(times) / sum(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="transformations per format (default 20)")
    parser.add_argument("--pdf", action="store_true", help="also time one FOP rendering")
    args = parser.parse_args()

    tree = bundled_tree()
    size = len(xmlio.serialize(tree))
    start = time.perf_counter()
    t = transform.Transformer()
    setup = time.perf_counter() - start
    start = time.perf_counter()
    t.compile_all()
    compiled = time.perf_counter() - start
    print(f"document: leon-trotsky ({size / 1024:.0f} KiB of TEI)")
    print(f"Saxon processor start:          {setup * 1000:8.1f} ms")
    print(f"compile html.xsl + fo.xsl once: {compiled * 1000:8.1f} ms  {t.compilations}")
    t.html(tree), t.fo(tree)  # warm-up (JIT, first-use caches)
    for fmt, func in (("HTML", lambda: t.html(tree)), ("FO", lambda: t.fo(tree))):
        per_second, median = rate(func, args.runs)
        print(f"{fmt:4}: {per_second:7.1f} documents/s   median {median * 1000:7.1f} ms/document "
              f"({args.runs} runs)")
    print(f"compilations after the runs: {t.compilations}")
    if args.pdf:
        with tempfile.TemporaryDirectory() as tmp:
            fo = Path(tmp) / "doc.fo"
            fo.write_bytes(t.fo(tree))
            start = time.perf_counter()
            transform.render_pdf(fo, Path(tmp) / "doc.pdf")
            print(f"FOP: one PDF in {time.perf_counter() - start:.2f} s "
                  f"({(Path(tmp) / 'doc.pdf').stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()

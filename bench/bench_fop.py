"""PDF at scale (issue 13): render many documents' FO in one process, the time of each.

    .venv/bin/python bench/bench_fop.py build/*.xml [--command] [--flags "-XX:TieredStopAtLevel=1"]

Each TEI file becomes its FO (xslt/fo.xsl) first, untimed; then edition.pdf.render makes each
PDF in one process: through the FOP worker (one JVM for all, each book laid out once), or with
--command the fop command (two passes, two JVMs per document). Prints the seconds of each document, the
first, the median of the others and the total, with the machine's core count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from edition import fopclient, pdf, transform, xmlio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tei", nargs="+", type=Path)
    parser.add_argument("--command", action="store_true", help="the fop command, not the worker")
    parser.add_argument("--flags", help="the worker's JVM flags (default: fopclient.JVM_FLAGS)")
    parser.add_argument("--repeat", type=int, default=1, help="render the list this many times")
    args = parser.parse_args()
    if args.command:
        os.environ[fopclient.ENV] = "command"
    if args.flags is not None:
        fopclient.JVM_FLAGS = args.flags.split()
    transformer = transform.Transformer()
    fos = [(p.stem, transformer.fo(xmlio.parse_xml(p))) for p in args.tei]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for name, fo in fos:
                start = time.perf_counter()
                pdf.render(fo, Path(tmp) / f"{name}.pdf", name=name)
                times.append(time.perf_counter() - start)
                print(f"{name}\t{times[-1]:.2f} s", flush=True)
    rest = statistics.median(times[1:]) if len(times) > 1 else float("nan")
    print(f"{'command' if args.command else 'worker ' + ' '.join(fopclient.JVM_FLAGS)}: "
          f"{len(times)} documents, first {times[0]:.2f} s, median of the others {rest:.2f} s, "
          f"total {sum(times):.1f} s, worker starts {fopclient.starts()}, {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())

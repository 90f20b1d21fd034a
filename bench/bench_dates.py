"""The dates pass on the bundled text: what it finds, and how fast.

    .venv/bin/python bench/bench_dates.py [--runs 5] [--list]

Prints the number of dates by pattern, by kind of value and by cert, the
throughput of the finder (characters and words a second) and of the whole
pass on a freshly read tree; --list prints every date with its value. It
asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
from collections import Counter

from edition import reader, xmlio
from edition.dates.find import DateFinder
from edition.passes import Context
from edition.passes.dates import mark_dates
from edition.spans import blocks, text_of
from edition import T

from _common import SOURCE, timings


def timed(func, runs: int) -> tuple[float, float]:
    times = timings(func, runs)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--list", action="store_true", help="print every date found with its value")
    args = ap.parse_args()

    text = xmlio.read_text(SOURCE)
    tree = reader.read(text)
    block_texts = [(text_of(b), b.tag == T + "head") for b in blocks(tree)]

    def scan_all():
        finder = DateFinder()
        return [f for t, head in block_texts for f in finder.scan(t, heading=head)]

    found = scan_all()
    by_pattern = Counter(f.source for f in found)
    by_kind = Counter("old style" if dict(f.attributes).get("calendar") == "#julian" else
                      "range" if f.data.is_range else
                      "day" if f.data.start.day else "month" if f.data.start.month else "year"
                      for f in found)
    by_cert = Counter(f.cert for f in found)
    from_context = sum(1 for f in found if f.data.year_from_context)
    print(f"source: {SOURCE.name}, {len(text):,} characters, {len(text.split()):,} words, "
          f"{len(block_texts)} blocks")
    print(f"dates found: {len(found)} ({from_context} with a year from the context or their expression)")
    for title, counter in (("by pattern", by_pattern), ("by value", by_kind), ("by cert", by_cert)):
        print(f"  {title}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    if args.list:
        for f in found:
            print(f"    {f.text!r:32} {dict(f.attributes)}")

    best, median = timed(scan_all, args.runs)
    print(f"finder: {best * 1000:.1f} ms best, {median * 1000:.1f} ms median; "
          f"{len(text) / best:,.0f} chars/s, {len(text.split()) / best:,.0f} words/s")

    def whole_pass():
        mark_dates(reader.read(text), Context())
    read_best, _ = timed(lambda: reader.read(text), args.runs)
    best, median = timed(whole_pass, args.runs)
    net = max(best - read_best, 1e-9)
    print(f"pass (reader excluded): {net * 1000:.1f} ms; {len(text.split()) / net:,.0f} words/s")


if __name__ == "__main__":
    main()

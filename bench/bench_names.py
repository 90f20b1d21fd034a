"""Words per second of the names pass on the bundled text (and of spaCy's NER, if installed).

    .venv/bin/python bench/bench_names.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lxml import etree

from edition import T, TEI_NS, register, xmlio
from edition.passes import Context
from edition.passes.names import mark_names
from edition.reader import read

from _common import spacy_small

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "source" / "leon-trotsky.txt"
REGISTER = ROOT / "source" / "register.xml"


def _document(text: str) -> etree._Element:
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    etree.SubElement(root, T + "teiHeader")
    root.append(read(text))
    return root


def _report(label: str, words: int, times: list[float]) -> None:
    best, median = min(times), statistics.median(times)
    print(f"{label:<34} best {words / best:>10,.0f} words/s   median {words / median:>10,.0f} words/s"
          f"   ({len(times)} runs, {best * 1000:.0f} ms best)")


def bench_pass(text: str, reg, runs: int, label: str) -> None:
    words = len(text.split())
    mark_names(_document(text), Context(register=reg))      # warm-up: builds the index
    times = []
    for _ in range(runs):
        root = _document(text)
        t0 = time.perf_counter()
        mark_names(root, Context(register=reg))
        times.append(time.perf_counter() - t0)
    _report(label, words, times)


def bench_spacy(text: str, runs: int) -> None:
    nlp = spacy_small()
    if nlp is None:
        print("spaCy en_core_web_sm NER: not installed (pip install -e '.[bench]')")
        return
    words = len(text.split())
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for line in text.splitlines():
            if line.strip():
                nlp(line).ents
        times.append(time.perf_counter() - t0)
    _report("spaCy en_core_web_sm NER", words, times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    text = xmlio.read_text(SOURCE)
    print(f"{SOURCE.name}: {len(text.split()):,} words")
    if REGISTER.exists():
        bench_pass(text, register.load(REGISTER), args.runs, "names pass (edition register)")
    bench_pass(text, register.empty(), args.runs, "names pass (no register)")
    bench_spacy(text, args.runs)


if __name__ == "__main__":
    main()

"""How the time of `edition convert` grows with one block: a text with no paragraph breaks.

    .venv/bin/python bench/bench_long_block.py [KB ...]

Writes invented letters (a colonial town's news, capitalised: names, places, dates in every
sentence) as ONE line of each size given (default 48, 96, 192 and 384 kB), converts each in a
fresh `edition convert` process outside any edition, as a user runs it, and prints the seconds
and the seconds per 100 kB: constant when the time is linear in the block's length. The same
text with a line break after every sentence is timed beside it (many short blocks), and so is
`edition annotate` of the converted block (re-annotation: every suggestion of the passes checked
against the names, dates and readings already there).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = (
    "On the 3rd of May 1841 Captain Edward Lowe wrote from Hobart Town to Mr. George Ferrers in Sydney.",
    "The brig Mary Ann sailed for Launceston on 12 June 1841 with wool for the Van Diemen's Land Company.",
    "Mrs. Harriet Lowe and Dr. James Ross met the Governor at Government House in Hobart Town.",
    "In July 1842 the Colonial Times printed a letter of Thomas Burn about the roads to New Norfolk.",
)


def text_of(size: int, lines: bool) -> str:
    out, n = [], 0
    while sum(len(s) + 1 for s in out) < size:
        out.append(SENTENCES[n % len(SENTENCES)])
        n += 1
    return ("\n" if lines else " ").join(out) + "\n"


def edition(path: Path, *args: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", *args], check=True,
                   cwd=path.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def convert(path: Path) -> float:
    return edition(path, "convert", str(path), "-o", str(path.with_suffix(".xml")), "--force")


def annotate(path: Path) -> float:
    """`edition annotate` of the TEI :func:`convert` made of *path*."""
    tei = path.with_suffix(".xml")
    return edition(path, "annotate", str(tei), "-o", str(tei.with_suffix(".again.xml")))


def main(sizes: list[int]) -> None:
    print(f"{'size':>8} {'one block':>10} {'per 100 kB':>11} {'one line a sentence':>20} "
          f"{'annotate the block':>19} {'per 100 kB':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for kb in sizes:
            one, many = Path(tmp) / f"one-{kb}.txt", Path(tmp) / f"many-{kb}.txt"
            one.write_text(text_of(kb * 1000, False), encoding="utf-8")
            many.write_text(text_of(kb * 1000, True), encoding="utf-8")
            t_one, t_many = convert(one), convert(many)
            t_again = annotate(one)
            print(f"{kb:>5} kB {t_one:>9.2f}s {t_one / kb * 100:>10.2f}s {t_many:>19.2f}s "
                  f"{t_again:>18.2f}s {t_again / kb * 100:>10.2f}s", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [48, 96, 192, 384])

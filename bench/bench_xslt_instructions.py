"""The instructions one transformation of the bundled text takes (HTML or FO), counted by valgrind.

    .venv/bin/python bench/bench_xslt_instructions.py [--rev REV] [--runs 3] [--format html]

This machine's speed changes from one minute to the next by more than a change to a stylesheet
does, so seconds cannot tell a 5% gain from noise. Instructions can: callgrind counts those
SaxonC executes inside its transformation entry point (``j_transformToString``; the stylesheet's
compilation and the parse are not counted), within a few per cent from run to run (Saxon's garbage
collector). With ``--rev``, the stylesheets of that commit (``git archive REV xslt``) are counted
in the same runs, alternated. The TEI is the bundled text as the toolkit converts it now.

Prints the counts of every run and their medians, and the difference. Needs valgrind (Debian's
``valgrind``); without it, says so and ends. About 90 s a run on this machine, two at once.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import REPO, bundled_tree
from edition.xmlio import serialize_without_doctype

#: one transformation, in a process of its own: argv = stylesheet, TEI file
ONE_RUN = """
import sys
from saxonche import PySaxonProcessor
processor = PySaxonProcessor(license=False)
executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=sys.argv[1])
node = processor.parse_xml(xml_text=open(sys.argv[2], encoding="utf-8").read())
print(len(executable.transform_to_string(xdm_node=node) or ""))
"""
STYLESHEETS = {"html": "html.xsl", "fo": "fo.xsl"}


def count(stylesheet: Path, tei: Path, script: Path) -> tuple[int | None, str]:
    """(instructions of the transformation, length of its output) under callgrind."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           "--toggle-collect=j_transformToString", sys.executable, str(script),
                           str(stylesheet), str(tei)], capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    return (int(found.group(1)) if found and int(found.group(1)) else None), proc.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", help="also count the stylesheets of this commit")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--format", choices=sorted(STYLESHEETS), default="html")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing counted (Debian: apt-get install valgrind)")
        return
    with tempfile.TemporaryDirectory(prefix="bench-xslt-") as tmp_name:
        tmp = Path(tmp_name)
        tei, script = tmp / "text.xml", tmp / "one_run.py"
        tei.write_bytes(serialize_without_doctype(bundled_tree()))
        script.write_text(ONE_RUN, encoding="utf-8")
        folders = {"now": REPO / "xslt"}
        if a.rev:
            archive = subprocess.run(["git", "-C", str(REPO), "archive", a.rev, "xslt"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
            folders = {a.rev: tmp / "xslt", **folders}
        jobs = [name for _ in range(a.runs) for name in folders]
        with ThreadPoolExecutor(max(1, min(len(jobs), os.cpu_count() or 1))) as pool:
            results = list(pool.map(lambda n: (n, *count(folders[n] / STYLESHEETS[a.format], tei, script)), jobs))
    print(f"{a.format} transformation of the bundled text, {a.runs} run(s) each "
          f"(millions of instructions, callgrind)")
    medians = {}
    for name in folders:
        counts = [c for n, c, _ in results if n == name and c is not None]
        lengths = sorted({out for n, _, out in results if n == name})
        if not counts:
            print(f"  {name:>10}: not counted (no j_transformToString in this SaxonC?)")
            continue
        medians[name] = statistics.median(counts)
        print(f"  {name:>10}: median {medians[name] / 1e6:8.1f}  runs "
              f"{' '.join(f'{c / 1e6:.1f}' for c in counts)}  output {', '.join(lengths)} characters")
    if a.rev and len(medians) == 2:
        before, now = medians[a.rev], medians["now"]
        print(f"  now against {a.rev}: {(now - before) / before * 100:+.1f}%")


if __name__ == "__main__":
    main()

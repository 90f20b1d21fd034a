"""Whole processes as a user runs them: convert, build, rebuild, and corpora built with -j.

    .venv/bin/python bench/bench_scale.py [--runs 3] [--sizes 50,200,1000] [--jobs 1,2]
                                          [--pdf-sizes 50] [--skip-bundled]

Every figure is the wall-clock time of a fresh `edition` process started from a
copy of the bundled edition (edition.toml, register, lexicon) in a temporary
folder, with a warm cache (derived data, FOP's class archive: as after the set-up and a
first build); peak memory is the largest resident
set of the process and its children (FOP's JVM included), from wait4. Timed:

- `edition convert` of a one-line text;
- `edition build` of the bundled edition without and with the PDF (--force --no-search);
- `edition convert` and `edition build` (no PDF) of a text of 100 kB with its capitals
  (bench/data/prose: six public-domain excerpts);
- a rebuild with nothing changed, after a stylesheet changed (the TEI read back, not converted),
  and with one source of a 50-text corpus changed;
- corpora of N texts made from the bundled one (each text a run of its lines,
  so the texts differ), built with each -j, without the PDF; and with the PDF
  for the sizes of --pdf-sizes.

Prints the machine's core count first. Asserts nothing.
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

ONE_LINE = "Mr. Milman went to Plymouth on 3 May 1851.\n"
LINES_PER_TEXT = 3
PROSE = REPO / "bench" / "data" / "prose"     # six public-domain excerpts with their capitals


def edition_command() -> list[str]:
    script = Path(sys.executable).with_name("edition")
    return [str(script)] if script.exists() else [sys.executable, "-m", "edition.cli"]


def run(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one process; exits with its message when it fails."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode(errors='replace').strip()}")
    return seconds, usage.ru_maxrss / 1024


def report(label: str, samples: list[tuple[float, float]]) -> float:
    times = [s for s, _ in samples]
    peak = max(m for _, m in samples)
    median = statistics.median(times)
    print(f"{label:46} {median:8.2f} s  (best {min(times):.2f}, {len(times)} run(s))  "
          f"peak {peak:6.0f} MiB", flush=True)
    return median


def make_edition(folder: Path, texts: int | None) -> Path:
    """A copy of the bundled edition; with *texts*, a corpus of that many texts from its lines."""
    folder.mkdir(parents=True)
    shutil.copy(REPO / "edition.toml", folder)
    (folder / "source").mkdir()
    for name in ("register.xml", "lexicon.toml"):
        shutil.copy(REPO / "source" / name, folder / "source")
    if texts is None:
        shutil.copy(SOURCE, folder / "source")
        return folder
    lines = [ln for ln in SOURCE.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 3]
    for n in range(texts):
        start = (n * LINES_PER_TEXT) % len(lines)
        chunk = (lines + lines)[start:start + LINES_PER_TEXT]
        (folder / "source" / f"text-{n:04d}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return folder


def bundled(edition: list[str], tmp: Path, env: dict[str, str], runs: int) -> None:
    one = tmp / "one.txt"
    one.write_text(ONE_LINE, encoding="utf-8")
    out = tmp / "one.xml"
    report("convert a one-line text", [run([*edition, "convert", str(one), "-o", str(out), "--force"],
                                           tmp, env) for _ in range(runs)])
    folder = make_edition(tmp / "bundled", None)
    build = [*edition, "build", "--no-search"]
    report("build bundled, no PDF", [run([*build, "--no-pdf", "--force"], folder, env) for _ in range(runs)])
    report("build bundled, with PDF", [run([*build, "--force"], folder, env) for _ in range(runs)])
    report("rebuild bundled, nothing changed", [run(build, folder, env) for _ in range(runs)])
    shutil.copytree(REPO / "xslt", folder / "xslt")     # the edition's own stylesheets, then one edited
    run(build, folder, env)
    samples = []
    for n in range(runs):
        with open(folder / "xslt" / "html.xsl", "a", encoding="utf-8") as fh:
            fh.write(f"\n<!-- edit {n} -->\n")
        samples.append(run(build, folder, env))
    report("rebuild bundled, a stylesheet changed", samples)
    prose = tmp / "prose" / "source" / "prose.txt"
    shutil.copytree(folder, tmp / "prose", ignore=shutil.ignore_patterns("build", "leon-trotsky.txt"))
    prose.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(PROSE.glob("*.txt"))),
                     encoding="utf-8")
    report("convert 100 kB with capitals (bench/data/prose)",
           [run([*edition, "convert", str(prose), "-o", str(tmp / "prose.xml"), "--force"], tmp, env)
            for _ in range(runs)])
    report("build it, no PDF", [run([*build, "--no-pdf", "--force"], tmp / "prose", env) for _ in range(runs)])


def corpus(edition: list[str], tmp: Path, env: dict[str, str], sizes: list[int], jobs: list[int],
           pdf_sizes: list[int]) -> None:
    for size in sizes:
        folder = make_edition(tmp / f"corpus-{size}", size)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in (folder / "source").glob("*.txt"))
        build(edition, folder, env, size, words, jobs, pdf=False)
        if size == min(sizes):          # the last build had these options: only the change is rebuilt
            changed = folder / "source" / "text-0000.txt"
            changed.write_text(changed.read_text(encoding="utf-8") + "A line added.\n", encoding="utf-8")
            again = [*edition, "build", "--no-search", "--no-pdf", "-j", str(jobs[-1])]
            report(f"rebuild corpus {size}, one source changed", [run(again, folder, env)])
            report(f"rebuild corpus {size}, nothing changed", [run(again, folder, env)])
        if size in pdf_sizes:
            build(edition, folder, env, size, words, jobs, pdf=True)


def build(edition: list[str], folder: Path, env: dict[str, str], size: int, words: int,
          jobs: list[int], pdf: bool) -> None:
    times = {}
    for j in jobs:
        args = [*edition, "build", "--no-search", "--force", "-j", str(j)] + ([] if pdf else ["--no-pdf"])
        label = f"corpus {size} texts ({words:,} words) -j {j}{' PDF' if pdf else ''}"
        times[j] = report(label, [run(args, folder, env)])
    if 1 in times and len(times) > 1:
        print("    speed-up over -j 1: " + ", ".join(
            f"-j {j}: {times[1] / t:.2f}x" for j, t in times.items() if j != 1))


def warm_up(edition: list[str], tmp: Path, env: dict[str, str]) -> None:
    """Fill the cache as the set-up and a first build do: the toolkit's modules compiled (as
    scripts/setup.sh does: where Python may not write its caches, PYTHONDONTWRITEBYTECODE, a
    module changed since would be compiled again by every process timed), the derived data (a
    text with capitals, one without) and FOP's class archive (a first build with a PDF;
    edition.fop_cds)."""
    import compileall
    import edition as package
    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    for name, text in (("warm-cased", ONE_LINE), ("warm-lower", ONE_LINE.lower())):
        (tmp / f"{name}.txt").write_text(text, encoding="utf-8")
        run([*edition, "convert", str(tmp / f"{name}.txt"), "-o", str(tmp / f"{name}.xml")], tmp, env)
    folder = make_edition(tmp / "warm-edition", 1)
    run([*edition, "build", "--no-search"], folder, env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="50,200,1000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--pdf-sizes", default="50", help="corpus sizes also built with the PDF ('' for none)")
    ap.add_argument("--skip-bundled", action="store_true")
    a = ap.parse_args()
    ints = lambda s: [int(x) for x in s.split(",") if x.strip()]   # noqa: E731
    edition = edition_command()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {cores} core(s) usable, {os.cpu_count()} in all; command: {' '.join(edition)}")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, "EDITION_CACHE_DIR": str(tmp / "cache")}
        warm_up(edition, tmp, env)
        if not a.skip_bundled:
            bundled(edition, tmp, env, a.runs)
        corpus(edition, tmp, env, ints(a.sizes), ints(a.jobs), ints(a.pdf_sizes))


if __name__ == "__main__":
    main()

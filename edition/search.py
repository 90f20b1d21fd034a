"""The search index of the HTML reading edition, made at build time with Pagefind.

After ``edition build`` has written the pages, :func:`index_site` runs Pagefind
(the binary of the PyPI package ``pagefind[extended]``; ``python -m pagefind``
runs the same binary) over the top-level ``*.html`` of the output folder and
puts the index and Pagefind's scripts into ``OUT/pagefind/``, which the search
box of each page (``xslt/html-search.xsl``) loads when the reader uses it.

What is indexed: the text (``main``) and the register (``section.index``) of
each page; everything else at the top of ``body`` (title block, controls, table
of contents, chronology, apparatus, pop-ups, the search box itself) is left
out, and so are, inside them, the diplomatic forms of the two views (``.orig``:
the reading text is indexed, and Pagefind matches without regard to case),
section numbers, pilcrow links, pop-ups and a register entry's list of its
mentions (the text is found in the text itself). A page that marks regions with
``data-pagefind-body`` or ``data-pagefind-ignore`` narrows this further.

The index is written into a staging folder ``OUT/.edition-pagefind-XXXX/`` and
renamed into place only when complete, so an interrupted build never leaves
half an index: at worst no index (until the next build), and the stale staging
folder is removed by the next build (:func:`edition.outputs.recover`).
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .outputs import PREFIX, testpoint

#: the folder of the index in the output folder (the pages load ``pagefind/pagefind.js``)
FOLDER = "pagefind"
#: seconds Pagefind may take for the whole output folder
TIMEOUT = 600
#: what is not indexed (CSS selectors Pagefind leaves out)
EXCLUDE = (
    "body > :not(main):not(.index)",    # title block, controls, contents, pop-ups, chronology ...
    ".orig",                            # the diplomatic forms: the reading text is indexed
    ".anchor",                          # the pilcrow that links to a paragraph
    ".secnum",                          # section numbers (written without a space before the title)
    ".popup",                           # pop-ups, wherever they are: they repeat the register
    ".index nav", ".index .letter",           # the register's alphabet and letter headings
    ".index li[id] ul", ".index li[id] ol",    # a register entry's list of its mentions ...
    ".occurrences", ".mention-count",          # ... and their number
)
MISSING = ("search: pagefind not found (pip install 'pagefind[extended]'; scripts/setup.sh does); "
           "the pages were built without a search index")


@dataclass
class SearchIndex:
    """What one indexing made: where, how big, how long."""
    path: Path
    pages: int
    words: int
    index_bytes: int            # the index itself: what a reader's searches load from
    total_bytes: int            # with Pagefind's scripts and WebAssembly
    seconds: float

    def summary(self) -> str:
        return (f"search: {self.pages} page(s), {self.words:,} distinct words indexed into {self.path} "
                f"({self.index_bytes / 1024:,.0f} kB index, {self.total_bytes / 1024:,.0f} kB in all, "
                f"{self.seconds:.1f} s)")


def find_pagefind() -> Path | None:
    """The Pagefind binary: $PAGEFIND_BINARY_PATH, else the one the PyPI package ships (asked of
    its binary package, as ``pagefind.service`` asks, without importing that service and its
    asyncio: 70 ms), else one on PATH."""
    given = os.environ.get("PAGEFIND_BINARY_PATH")
    if given:
        return Path(given)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            found = importlib.import_module(package).get_executable()
        except (ImportError, AttributeError, OSError):
            continue
        if found is not None and Path(found).is_file():
            return Path(found)
    on_path = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(on_path) if on_path else None


def pages(out: Path) -> list[Path]:
    return sorted(p for p in Path(out).glob("*.html") if p.is_file())


def command(binary: Path, out: Path, target: Path) -> list[str]:
    """The Pagefind command that indexes the pages of *out* into *target*."""
    args = [str(binary), "--site", str(out), "--glob", "*.html", "--output-path", str(target)]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    return args


def index_site(out: Path, notice: Callable[[str], None] | None = None,
               binary: Path | None = None) -> SearchIndex | None:
    """Index the pages of the output folder *out* into ``out/pagefind``; None when nothing was made.

    Every outcome is one line to *notice*: the figures, or why there is no new
    index (no pages, no Pagefind, Pagefind failed). It never raises for these:
    the pages are complete without search.
    """
    say = notice or (lambda line: None)
    out = Path(out)
    if not pages(out):
        return None
    binary = binary or find_pagefind()
    if binary is None:
        say(MISSING)
        return None
    started = time.monotonic()
    try:
        stage = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{FOLDER}-", dir=out))
    except OSError as exc:
        say(f"search: error: no room for the index: {exc.strerror or exc}; the previous index was kept")
        return None
    try:
        target = stage / FOLDER
        try:
            done = subprocess.run(command(binary, out, target), capture_output=True, text=True,
                                  timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            say(f"search: error: pagefind could not run: {exc}; the previous index was kept")
            return None
        if done.returncode != 0 or not (target / "pagefind.js").is_file():
            last = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or ["no message"])[-1]
            say(f"search: error: pagefind failed ({last.strip()}); the previous index was kept")
            return None
        made = _measure(out / FOLDER, target, done.stdout, len(pages(out)), time.monotonic() - started)
        testpoint("search-staged")
        try:
            _swap(target, made.path, stage)
        except OSError as exc:
            say(f"search: error: the index could not be put in place: {exc.strerror or exc}")
            return None
        say(made.summary())
        return made
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap(new: Path, place: Path, stage: Path) -> None:
    """Put the complete index *new* at *place*; the old one goes into *stage* (removed after)."""
    old = stage / "old"
    if place.is_symlink() or place.is_file():
        place.unlink()
    elif place.exists():
        os.rename(place, old)
    try:
        os.rename(new, place)
    except OSError:
        if old.exists():
            os.rename(old, place)
        raise


def _measure(place: Path, folder: Path, log: str, page_count: int, seconds: float) -> SearchIndex:
    """The figures of the index made in *folder*, which will be at *place*."""
    sizes = {p: p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    index = sum(size for p, size in sizes.items()
                if p.parent.name in ("index", "fragment", "filter") or p.suffix == ".pf_meta")
    words = re.search(r"Indexed ([\d,]+) words", log)
    return SearchIndex(place, page_count, int(words.group(1).replace(",", "")) if words else 0,
                       index, sum(sizes.values()), seconds)

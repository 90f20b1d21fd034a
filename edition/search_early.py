"""The search index made while a build's last text is still at work (its PDF).

A build with a PDF spends its last second or two in FOP, after the page of its last text is
made; the search index (:mod:`edition.search`), made after everything is written, then adds its
own time. :class:`Early` makes the index meanwhile, from the pages the output folder will hold:
those it holds now (hard links to them, in a folder of its own) and the new page. Once the build
has written everything, :meth:`Early.adopt` puts that index in place if the output folder holds
exactly those pages (the same files, the new page the same bytes); otherwise (the text was
invalid, a page changed meanwhile, no hard links) it gives way and the index is made as before.
The index is the same either way: Pagefind reads the same pages under the same names.

Its folders are staging folders of the output folder (:data:`edition.outputs.PREFIX`), removed
when done and, after an interruption, by the next build (:func:`edition.outputs.recover`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from . import child
from .background import Job
from .outputs import PREFIX
from .search import FOLDER, TIMEOUT, SearchIndex, _measure, _swap, command, find_pagefind, pages


def _state(path: Path) -> tuple[int, int, int]:
    st = path.lstat()
    return st.st_ino, st.st_size, st.st_mtime_ns


class Early:
    """The search index of *out* once its page *name* reads what *page* (a callable, called in
    a thread of this object's) returns; made at once, beside the build."""

    def __init__(self, out: Path, name: str, page: Callable[[], bytes]):
        self.out, self.name = Path(out), name
        self.folders: list[Path] = []                       # its staging folders
        self._stage: Path | None = None                     # the one Pagefind writes into
        self.others: dict[str, tuple[int, int, int]] = {}   # page -> its file when linked
        self.digest: str | None = None                      # of the new page's bytes
        self.made: SearchIndex | None = None
        self._made_page = Job(page, (), {})               # done in this object's thread
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def page(self) -> bytes:
        """The new page's bytes (waiting for them); the page's error, raised here."""
        return self._made_page.result()

    def _run(self) -> None:
        self._made_page.do()
        try:
            self._index(self.page())
        except BaseException:                 # the page's own error (the build reports it), or
            self.made = None                  # no index: the build makes it as before

    def _index(self, data: bytes) -> None:
        binary = find_pagefind()
        if binary is None:
            return
        started = time.monotonic()
        with self._lock:
            if self._closed:
                return
            site = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{FOLDER}-site-", dir=self.out))
            self.folders.append(site)
            stage = self._stage = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{FOLDER}-", dir=self.out))
            self.folders.append(stage)
        for path in pages(self.out):
            if path.name != self.name:
                if path.is_symlink():
                    return
                self.others[path.name] = _state(path)
                os.link(path, site / path.name)
        (site / self.name).write_bytes(data)
        self.digest = hashlib.sha256(data).hexdigest()
        target = stage / FOLDER
        with self._lock:
            if self._closed:
                return
            self._proc = child.start(command(binary, site, target), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = self._proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill_group(self._proc)
            return
        if self._proc.returncode == 0 and (target / "pagefind.js").is_file():
            self.made = _measure(self.out / FOLDER, target, output or "", len(self.others) + 1,
                                 time.monotonic() - started)

    def _current(self) -> bool:
        """Whether the output folder holds the pages indexed, and only those."""
        now = {p.name: p for p in pages(self.out)}
        if set(now) != {*self.others, self.name}:
            return False
        try:
            if any(_state(now[name]) != state for name, state in self.others.items()):
                return False
            return hashlib.sha256(now[self.name].read_bytes()).hexdigest() == self.digest
        except OSError:
            return False

    def adopt(self, notice: Callable[[str], None] | None = None) -> SearchIndex | None:
        """Put the index in place when it indexes what the output folder holds (its line to
        *notice*); None when it does not, or could not be made."""
        self._thread.join()
        if self.made is None or not self._current():
            return None
        try:
            _swap(self._stage / FOLDER, self.made.path, self._stage)
        except OSError:
            return None
        if notice:
            notice(self.made.summary())
        return self.made

    def close(self) -> None:
        """Stop Pagefind if it is still at work (an index not wanted, an interrupted build) and
        remove the folders (an index put in place is no longer among them)."""
        with self._lock:
            self._closed = True
            proc, folders = self._proc, list(self.folders)
        if proc is not None and proc.poll() is None:
            child.kill_group(proc)
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

"""Where the build's stylesheets run: a Saxon worker process beside the build, or a thread of it.

Saxon holds Python's lock while it transforms, so in the build's own process nothing else of the
build runs meanwhile but lxml's C code (the checks). A build of one process (``-j 1``) therefore
starts Saxon workers (:mod:`edition.saxonworker`) when it starts: they compile the stylesheets
on another core while the first text is converted, and make a text's FO and HTML while the build
checks the text and renders its PDF (FOP has its own process): without a PDF, one worker for each
output, at the same time; with one, a single worker makes the FO first, then the HTML. Workers
of ``-j N`` run Saxon in their own thread (:class:`edition.background.Lane`), the cores being
theirs. Either way the output is the same bytes. When a worker cannot start or dies, the build
makes its outputs in its own thread.
"""

from __future__ import annotations

import collections
import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

from . import child
from .background import Lane
from .errors import EditionError

#: what a Saxon worker makes
CALLS = ("fo", "html")

class _Reply:
    def __init__(self, worker: "SaxonWorker"):
        self.worker = worker
        self.head: dict | None = None
        self.data = b""

    def result(self) -> bytes:
        while self.head is None:
            self.worker.read_one()
        if not self.head.get("ok"):
            message, path, line, column = ([*(self.head.get("error") or ["XSLT failed"])] + [None] * 4)[:4]
            raise EditionError(message, path, line, column)
        return self.data


class SaxonWorker:
    """A worker process. What is sent to it is written by a thread of this process (:meth:`_write`):
    a worker that is still starting or compiling (Saxon holds its Python's lock meanwhile, so
    its reading thread waits too) reads nothing, and a text larger than the pipe would otherwise
    hold the build up until it does (0.2 s of the bundled build, whose FO's worker starts late)."""

    def __init__(self, xslt_dir: Path, compile: tuple[str, ...] = ("fo", "html")):
        settings = json.dumps({"xslt_dir": str(xslt_dir), "compile": list(compile)})
        self.proc = child.start([sys.executable, "-m", "edition.saxonworker", settings], ours=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.pending: collections.deque[_Reply] = collections.deque()
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._writer: threading.Thread | None = None

    def submit(self, data: bytes, calls: list[tuple[str, dict]]) -> list[_Reply]:
        """Send the text *data* once for all its *calls* (("fo", kwargs), …): their replies."""
        head = json.dumps({"calls": calls, "size": len(data)}).encode()
        if self._writer is None:
            self._writer = threading.Thread(target=self._write, name="edition-saxon-writer", daemon=True)
            self._writer.start()
        self._outbox.put(head + b"\n" + data)
        replies = [_Reply(self) for _ in calls]
        self.pending.extend(replies)
        return replies

    def _write(self) -> None:
        """Write the requests, in order, until :meth:`close` (a thread). A worker that cannot be
        written to is ended, so that its replies end too (and are made in the build's process)."""
        while (message := self._outbox.get()) is not None:
            try:
                self.proc.stdin.write(message)
                self.proc.stdin.flush()
            except (OSError, ValueError):
                child.kill_group(self.proc)
                return

    def read_one(self) -> None:
        line = self.proc.stdout.readline()
        if not line:
            raise OSError(f"the Saxon worker ended (exit status {self.proc.poll()})")
        head = json.loads(line)
        reply = self.pending.popleft()
        reply.data = self.proc.stdout.read(int(head.get("size", 0))) if head.get("ok") else b""
        reply.head = head

    def close(self) -> None:
        """End the worker at once: it keeps nothing that its end could lose, and its own way out
        (Python's, then Saxon's) costs the build 30-60 ms."""
        self._outbox.put(None)
        child.kill_group(self.proc)
        try:
            self.proc.stdin.close()
        except (OSError, ValueError):
            pass


class Transforms:
    """The FO and HTML of a text, made by Saxon worker processes (*process*) or in a lane of this
    one. With *apart*, one worker for each output, so that the two are made at once (a build
    without a PDF waits for both); else one worker makes them one after the other in the order
    asked (a build with a PDF asks for the FO first: FOP gets it without sharing a core with the
    HTML). The worker of a call in *late* (apart only) starts when the first text is given: a
    long text's conversion has a process beside it on the second core (edition.truecase.beside),
    where the FO's compilation would take its share; compiled and made while the HTML is made
    (whose worker compiled during the conversion), the FO is ready as soon as the HTML is."""

    def __init__(self, transformer, lane: Lane, process: bool, apart: bool = True,
                 late: tuple[str, ...] = ()):
        self.transformer, self.lane = transformer, lane
        #: call ("fo", "html") -> the worker that makes it, while it lives
        self.workers: dict[str, SaxonWorker] = {}
        #: the calls whose worker (apart) starts with the first text: not during its conversion
        self._late = [c for c in late if c in CALLS] if process and apart else []
        if process:
            try:
                if apart:
                    for call in CALLS:
                        if call not in self._late:
                            self.workers[call] = SaxonWorker(transformer.xslt_dir, compile=(call,))
                else:
                    self.workers = dict.fromkeys(CALLS, SaxonWorker(transformer.xslt_dir, compile=CALLS))
            except OSError:
                self.close()

    def run(self, data: bytes, calls: list[tuple[str, dict]]) -> list:
        """Start each of *calls* ((``"html"`` or ``"fo"``, its keyword arguments)) on the
        serialised TEI *data*; each of what it returns has ``result()``: the output's bytes, or
        the EditionError of the stylesheet. A worker gets the text once for all its calls (a
        second request would wait while the worker, busy with the first, holds its lock)."""
        self.start()
        replies: dict[int, object] = {}
        for worker in self._distinct():
            mine = [(n, c) for n, c in enumerate(calls) if self.workers.get(c[0]) is worker]
            if not mine:
                continue
            try:
                sent = worker.submit(data, [c for _, c in mine])
                replies.update((n, _Guarded(self, r, c[0], data, c[1])) for (n, c), r in zip(mine, sent))
            except OSError:
                self._lost(mine[0][1][0])
        return [replies.get(n) or self.lane.run(getattr(self.transformer, call), data, **kwargs)
                for n, (call, kwargs) in enumerate(calls)]

    def start(self, calls: tuple[str, ...] = CALLS) -> None:
        """Start the workers of *calls* that were to start late (at once, and once)."""
        for call in [c for c in self._late if c in calls]:
            self._late.remove(call)
            try:
                self.workers[call] = SaxonWorker(self.transformer.xslt_dir, compile=(call,))
            except OSError:
                pass                # made in the build's own process

    def _lost(self, call: str) -> None:
        """The worker of *call* is gone: this build makes what it made in its own process (in its
        lane, where Saxon runs) from now on."""
        worker = self.workers.get(call)
        if worker is not None:
            self.workers = {c: w for c, w in self.workers.items() if w is not worker}
            worker.close()

    def _distinct(self) -> list[SaxonWorker]:
        """The workers, each once (one may make both outputs)."""
        return list({id(w): w for w in self.workers.values()}.values())

    def processes(self) -> list[subprocess.Popen]:
        """The worker processes, while they run."""
        return [w.proc for w in self._distinct()]

    def close(self) -> None:
        workers, self.workers = self._distinct(), {}
        for worker in workers:
            worker.close()


class _Guarded:
    """A worker's reply that, when the worker dies, is made again in the build's own process (in
    its lane, where Saxon runs from then on)."""

    def __init__(self, transforms: Transforms, reply: _Reply, call: str, data: bytes, kwargs: dict):
        self.transforms, self.reply, self.call, self.data, self.kwargs = transforms, reply, call, data, kwargs

    def result(self) -> bytes:
        try:
            return self.reply.result()
        except OSError:
            self.transforms._lost(self.call)
            return self.transforms.lane.run(getattr(self.transforms.transformer, self.call), self.data,
                                            **self.kwargs).result()

"""Where the build's stylesheets run: a Saxon worker process beside the build, or a thread of it.

Saxon holds Python's lock while it transforms, so in the build's own process nothing else of the
build runs meanwhile but lxml's C code (the checks). A build of one process (``-j 1``) therefore
starts two Saxon workers (:mod:`edition.saxonworker`) when it starts, one for the FO and one for
the HTML: each compiles its stylesheet on another core while the first text is converted, and
they make a text's FO and HTML at the same time while the build checks the text or renders its
PDF (FOP has its own process). Workers of ``-j N`` run Saxon in their own thread
(:class:`edition.background.Lane`), the cores being theirs. Either way the output is the same
bytes. When a worker cannot start or dies, the build makes its output in its own thread.
"""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

from . import child
from .background import Lane
from .errors import EditionError

#: what a Saxon worker makes
CALLS = ("fo", "html")

#: seconds a worker is given to end when the build is done
CLOSE_WAIT = 5


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
    def __init__(self, xslt_dir: Path, compile: tuple[str, ...] = ("fo", "html")):
        settings = json.dumps({"xslt_dir": str(xslt_dir), "compile": list(compile)})
        self.proc = child.start([sys.executable, "-m", "edition.saxonworker", settings],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.pending: collections.deque[_Reply] = collections.deque()

    def submit(self, data: bytes, calls: list[tuple[str, dict]]) -> list[_Reply]:
        """Send the text *data* once for all its *calls* (("fo", kwargs), …): their replies."""
        head = json.dumps({"calls": calls, "size": len(data)}).encode()
        self.proc.stdin.write(head + b"\n" + data)
        self.proc.stdin.flush()
        replies = [_Reply(self) for _ in calls]
        self.pending.extend(replies)
        return replies

    def read_one(self) -> None:
        line = self.proc.stdout.readline()
        if not line:
            raise OSError(f"the Saxon worker ended (exit status {self.proc.poll()})")
        head = json.loads(line)
        reply = self.pending.popleft()
        reply.data = self.proc.stdout.read(int(head.get("size", 0))) if head.get("ok") else b""
        reply.head = head

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(CLOSE_WAIT)
        except (OSError, subprocess.TimeoutExpired):
            pass
        child.kill_group(self.proc)


class Transforms:
    """The FO and HTML of a text, made by Saxon worker processes (*process*: one for each output,
    so that the two are made at once) or in a lane of this one."""

    def __init__(self, transformer, lane: Lane, process: bool):
        self.transformer, self.lane = transformer, lane
        #: call ("fo", "html") -> the worker that makes it, while it lives
        self.workers: dict[str, SaxonWorker] = {}
        if process:
            for call in CALLS:
                try:
                    self.workers[call] = SaxonWorker(transformer.xslt_dir, compile=(call,))
                except OSError:
                    self.close()
                    break

    def run(self, data: bytes, calls: list[tuple[str, dict]]) -> list:
        """Start each of *calls* ((``"html"`` or ``"fo"``, its keyword arguments)) on the
        serialised TEI *data*; each of what it returns has ``result()``: the output's bytes, or
        the EditionError of the stylesheet."""
        return [self._start(call, kwargs, data) for call, kwargs in calls]

    def _start(self, call: str, kwargs: dict, data: bytes):
        worker = self.workers.get(call)
        if worker is not None:
            try:
                return _Guarded(self, worker.submit(data, [(call, kwargs)])[0], call, data, kwargs)
            except OSError:
                self._lost(call)
        return self.lane.run(getattr(self.transformer, call), data, **kwargs)

    def _lost(self, call: str) -> None:
        """The worker of *call* is gone: this build makes that output in its own process (in its
        lane, where Saxon runs) from now on."""
        worker = self.workers.pop(call, None)
        if worker is not None:
            worker.close()

    def close(self) -> None:
        workers, self.workers = self.workers, {}
        for worker in workers.values():
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

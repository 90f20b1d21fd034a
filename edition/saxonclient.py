"""Where the build's stylesheets run: a Saxon worker process beside the build, or a thread of it.

Saxon holds Python's lock while it transforms, so in the build's own process nothing else of the
build runs meanwhile but lxml's C code (the checks). A build of one process (``-j 1``) therefore
starts a Saxon worker (:mod:`edition.saxonworker`) when it starts: it compiles the stylesheets on
another core while the first text is converted, and makes a text's FO and HTML while the build
checks the text or renders its PDF (FOP has its own process). Workers of
``-j N`` run Saxon in their own thread (:class:`edition.background.Lane`), the cores being theirs.
Either way the output is the same bytes. When the worker cannot start or dies, the build goes on
in its own thread.
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
    """The FO and HTML of a text, made by a Saxon worker (*process*) or in a lane of this one."""

    def __init__(self, transformer, lane: Lane, process: bool):
        self.transformer, self.lane = transformer, lane
        self.worker: SaxonWorker | None = None
        if process:
            try:
                self.worker = SaxonWorker(transformer.xslt_dir)
            except OSError:
                self.worker = None

    def run(self, data: bytes, calls: list[tuple[str, dict]]) -> list:
        """Start each of *calls* ((``"html"`` or ``"fo"``, its keyword arguments)) on the
        serialised TEI *data*; each of what it returns has ``result()``: the output's bytes, or
        the EditionError of the stylesheet."""
        if self.worker is not None:
            try:
                replies = self.worker.submit(data, calls)
                return [_Guarded(self, r, call, data, kwargs) for r, (call, kwargs) in zip(replies, calls)]
            except OSError:
                self._lost()
        return [self.lane.run(getattr(self.transformer, call), data, **kwargs) for call, kwargs in calls]

    def _lost(self) -> None:
        """The worker is gone: this build goes on in its own process."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def close(self) -> None:
        self._lost()


class _Guarded:
    """A worker's reply that, when the worker dies, is made again in the build's own process (in
    its lane, where Saxon runs from then on)."""

    def __init__(self, transforms: Transforms, reply: _Reply, call: str, data: bytes, kwargs: dict):
        self.transforms, self.reply, self.call, self.data, self.kwargs = transforms, reply, call, data, kwargs

    def result(self) -> bytes:
        try:
            return self.reply.result()
        except OSError:
            self.transforms._lost()
            return self.transforms.lane.run(getattr(self.transforms.transformer, self.call), self.data,
                                            **self.kwargs).result()

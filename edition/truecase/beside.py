"""The truecaser in a process beside the conversion (:mod:`.sidecar`), for a long damaged text.

What :func:`edition.truecase.recase` returns for a block depends only on the text the
regularisation gives it (the diplomatic text with its lost spaces put back), and the passes never
change a block's text: they only wrap it in elements. So, when the document lost its capitals, the
conversion sends every block's text to a child process right after reading it
(:meth:`Sidecar.submit`), and the child loads the model and recases on another core while this
process marks quotes, names and dates; the reading pass then takes each block's results from the
:class:`Answers` (waiting for them when needed). A text the answer lacks is recased in this
process, and so is every text when the child cannot start, dies, errs or keeps silent for
:data:`WAIT` seconds: the output is the same bytes either way.

Worth it only with a second CPU and a text of :data:`LEAST` characters at least (the child's
start and model load cost ~0.2 s of CPU). One :class:`Sidecar` serves many conversions (the
one-process build keeps one); :meth:`Sidecar.close` ends the child (its own process group,
killed with this process: :mod:`edition.child`).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading

#: characters of text from which the truecaser runs beside (measured, fresh process: at 10,000 it
#: costs more than it saves, at 20,000 about as much, at 40,000 and 100,000 it saves 0.1 and 0.4 s)
LEAST = 30_000
#: seconds the conversion waits for an answer before it recases the texts itself
WAIT = 120
#: seconds the thread that talks to the child is given to end once the child is killed
CLOSE_WAIT = 2


def usable() -> bool:
    """Whether this process may run on two CPUs at least."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


class Answers:
    """The truecaser's results for the texts of one request, coming from the child."""

    def __init__(self, sidecar: "Sidecar"):
        self._sidecar = sidecar
        self._ready = threading.Event()
        self._found: dict[str, list] = {}

    def _give(self, texts: list[str], results: list[list]) -> None:
        self._found = dict(zip(texts, results))
        self._ready.set()

    def _fail(self) -> None:
        self._ready.set()

    @property
    def done(self) -> bool:
        return self._ready.is_set()

    def get(self, text: str) -> list | None:
        """What ``recase(text)`` returns, or None: the text was not asked, or the child failed."""
        if not self._ready.wait(WAIT):
            self._sidecar.close()       # silent for too long: the conversion recases by itself
            self._ready.set()
        found = self._found.get(text)
        return None if found is None else list(found)


class Beside:
    """A child process of the conversion (``python -m`` *module*, or *argv*), for texts of *least*
    characters at least, on a second CPU; a context manager that ends it (:meth:`close`)."""

    def __init__(self, module: str, least: int, argv: list[str] | None = None):
        self.least = least
        self.argv = argv or [sys.executable, "-m", module]
        self._ours = argv is None       # the toolkit's module: it asks to die with this process itself
        self.proc: subprocess.Popen | None = None
        self.failed = not usable()
        self._thread: threading.Thread | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _launch(self, **popen) -> bool:
        """Start the child (once) and the thread that reads its answers (:meth:`_serve`); whether
        it runs."""
        if self.proc is None:
            from .. import child
            try:            # started by this (the conversion's) thread, which outlives the child
                self.proc = child.start(self.argv, ours=self._ours, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, **popen)
            except (OSError, ValueError, subprocess.SubprocessError):
                self.failed = True
                return False
            self._thread = threading.Thread(target=self._serve, args=(self.proc,), daemon=True)
            self._thread.start()
        return True

    def _serve(self, proc: subprocess.Popen) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """End the child at once (it keeps nothing that its end could lose, and its own way out
        costs the build about 0.1 s), then the thread that talks to it."""
        proc, self.proc, self.failed = self.proc, None, True
        if proc is None:
            return
        from .. import child
        self._closing()
        child.kill_group(proc)
        if self._thread is not None:
            self._thread.join(CLOSE_WAIT)

    def _closing(self) -> None:
        """What the thread that talks to the child is told before the child is killed."""


class Sidecar(Beside):
    """The truecaser's child process, started with the first request worth it."""

    def __init__(self, least: int = LEAST, argv: list[str] | None = None):
        super().__init__("edition.truecase.sidecar", least, argv)
        self._requests: queue.SimpleQueue = queue.SimpleQueue()

    def worth(self, size: int) -> bool:
        """Whether texts of *size* characters in all are sent beside."""
        return not self.failed and size >= self.least

    def submit(self, texts: list[str]) -> Answers | None:
        """Send *texts* to the child: their coming answers, or None (no child, or not worth it)."""
        if not self.worth(sum(map(len, texts))):
            return None
        if not self._launch():
            return None
        answers = Answers(self)
        self._requests.put((texts, answers))
        return answers

    def _serve(self, proc: subprocess.Popen) -> None:
        """The requests, one after the other (a thread: this process goes on meanwhile)."""
        try:
            while (item := self._requests.get()) is not None:
                texts, answers = item
                if self.failed:
                    answers._fail()
                    continue
                try:
                    answers._give(texts, _ask(proc, texts))
                except (OSError, ValueError, TypeError, KeyError):
                    self.failed = True
                    answers._fail()
        finally:
            for stream in (proc.stdin, proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass

    def _closing(self) -> None:
        self._requests.put(None)


def _ask(proc: subprocess.Popen, texts: list[str]) -> list[list]:
    """Send one request and read its answer: per text, ``recase``'s list of tuples."""
    data = json.dumps(texts, ensure_ascii=False).encode("utf-8")
    proc.stdin.write(json.dumps({"size": len(data)}).encode() + b"\n" + data)
    proc.stdin.flush()
    line = proc.stdout.readline()
    if not line:
        raise OSError(f"the truecaser ended (exit status {proc.poll()})")
    head = json.loads(line)
    if not head.get("ok"):
        raise ValueError(head.get("error") or "the truecaser failed")
    results = json.loads(proc.stdout.read(int(head["size"])).decode("utf-8"))
    if not isinstance(results, list) or len(results) != len(texts):
        raise ValueError("the truecaser's answer does not match the request")
    out = [[tuple(r) for r in per] for per in results]
    if any(len(r) != 4 for per in out for r in per):
        raise ValueError("the truecaser's answer is not (start, end, form, probability)")
    return out

"""Work done beside the build's own thread: a text's FO and HTML, when Saxon runs in the build's
process (:mod:`edition.saxonclient`), while the build's thread checks the TEI (lxml lets other
threads run) and renders the PDF (FOP has a process of its own).

A :class:`Lane` is one daemon thread doing the work given to it in order, so that Saxon always
runs its stylesheets in the same thread, and a build interrupted or ending never waits for it.
The build's own thread keeps everything that starts a child process (FOP is killed with the
thread that started it, :mod:`edition.child`) and gives a lane only work that shares no lxml
tree with it (Saxon gets the serialised TEI).
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable


class Job:
    def __init__(self, work: Callable[..., Any], args: tuple, kwargs: dict):
        self._call = (work, args, kwargs)
        self._done = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None

    def do(self) -> None:
        work, args, kwargs = self._call
        try:
            self._value = work(*args, **kwargs)
        except BaseException as exc:        # handed over to the caller by result()
            self._error = exc
        finally:
            self._call = None
            self._done.set()

    def result(self) -> Any:
        """What the work returned; what it raised is raised here, in the caller's thread."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


class Lane:
    def __init__(self, name: str = "edition-lane"):
        self.name = name
        self._jobs: queue.SimpleQueue[Job] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def run(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        """Do ``work(*args, **kwargs)`` in the lane's thread, after the work given before."""
        job = Job(work, args, kwargs)
        if self._thread is None or not self._thread.is_alive():     # none yet, or lost in a fork
            self._jobs = queue.SimpleQueue()
            self._thread = threading.Thread(target=self._loop, args=(self._jobs,), name=self.name,
                                            daemon=True)
            self._thread.start()
        self._jobs.put(job)
        return job

    @staticmethod
    def _loop(jobs: "queue.SimpleQueue[Job]") -> None:
        while True:
            jobs.get().do()

"""Running a helper program (FOP, or the FOP worker of :mod:`edition.fopclient`) that ends when
the edition process ends.

The child gets its own process group, so that it and whatever it starts can
be ended together, and asks the kernel (Linux ``prctl(PR_SET_PDEATHSIG)``) to
be killed when its parent dies, so that even a ``kill -9`` of the build does
not leave FOP running. When the wait is interrupted (Ctrl-C, SIGTERM, a
timeout) the whole group is killed before the exception goes on.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from dataclasses import dataclass

PR_SET_PDEATHSIG = 1


@dataclass
class Finished:
    returncode: int
    output: str


def _die_with_parent(parent: int):
    prctl = None
    if sys.platform.startswith("linux"):
        try:
            prctl = ctypes.CDLL(None).prctl     # looked up before the fork
        except (OSError, AttributeError):
            pass

    def preexec() -> None:          # runs in the child, between fork and exec
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
    return preexec


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the child's process group and reap the child."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def start(argv: list[str], **popen) -> subprocess.Popen:
    """Start *argv* in its own process group, to be killed by the kernel when this process (the
    thread that starts it: keep it alive as long as the child) dies. *popen*: Popen's streams."""
    return subprocess.Popen(argv, start_new_session=True, preexec_fn=_die_with_parent(os.getpid()),
                            **popen)


def run(argv: list[str], timeout: float, started=None) -> Finished:
    """Run *argv*, its output captured; raise subprocess.TimeoutExpired after *timeout* seconds.

    *started* (if given) is called once the child runs (the tests use it).
    """
    proc = start(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                 text=True)
    try:
        if started:
            started()
        output, _ = proc.communicate(timeout=timeout)
    except BaseException:
        kill_group(proc)
        raise
    return Finished(proc.returncode, output or "")

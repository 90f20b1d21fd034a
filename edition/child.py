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
#: how a child started with ``start(..., ours=True)`` learns the pid of the process that started it
PARENT_ENV = "EDITION_PARENT_PID"


@dataclass
class Finished:
    returncode: int
    output: str


def _prctl():
    """The C library's prctl (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).prctl
    except (OSError, AttributeError):
        return None


def _ask_kernel(prctl, parent: int, sig: int) -> None:
    """*sig* for this process when *parent* dies (with *prctl*); exit at once if it is gone."""
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)
    if os.getppid() != parent:      # the parent died before the kernel was asked
        os._exit(1)


def _die_with_parent(parent: int):
    prctl = _prctl()                # looked up before the fork
    return lambda: _ask_kernel(prctl, parent, signal.SIGKILL)     # in the child, before exec


def kill_group(proc: subprocess.Popen) -> None:
    """Kill the child's process group and reap the child."""
    signal_groups([proc])
    proc.wait()


def signal_groups(procs) -> None:
    """Send SIGKILL to the process group of each of *procs* (not reaped: :func:`kill_group` does
    that). Killed together, large processes are torn down on every core at once, not one after
    the other (a build's three helpers: 0.035 s one by one)."""
    for proc in procs:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def start(argv: list[str], *, ours: bool = False, **popen) -> subprocess.Popen:
    """Start *argv* in its own process group, to be killed by the kernel when this process (the
    thread that starts it: keep it alive as long as the child) dies. *popen*: Popen's streams.

    With *ours*, *argv* runs a module of the toolkit that calls :func:`adopted` first: the child
    asks the kernel itself, so no code runs between fork and exec and Python starts the child
    without copying this process (vfork: under a millisecond, where a fork of a build's process
    of 250 MB takes 25-30 ms of its time)."""
    if ours:
        env = {**(popen.pop("env", None) or os.environ), PARENT_ENV: str(os.getpid())}
        return subprocess.Popen(argv, start_new_session=True, env=env, **popen)
    return subprocess.Popen(argv, start_new_session=True, preexec_fn=_die_with_parent(os.getpid()),
                            **popen)


def adopted() -> None:
    """In a child started with ``start(..., ours=True)``: be killed when the process that started
    it dies, and end now if it already has."""
    parent = os.environ.pop(PARENT_ENV, None)
    if parent is not None and parent.isdigit():
        die_with_parent(int(parent), signal.SIGKILL)


def die_with_parent(parent: int, sig: int) -> None:
    """Ask the kernel for *sig* when the process *parent* (this one's parent) dies; exit at once if
    it is already gone."""
    _ask_kernel(_prctl(), parent, sig)


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

"""Worker processes for ``edition build -j N``.

The build hands :func:`run_pool` its unit of work (:func:`edition.build.build_source`: one
source, the configuration and the options in, the source's outputs written and its result out)
and a function that prepares a worker once (its Builder: the register read, schema and
stylesheets compiled once per worker). The sources are built by a pool of worker processes
(``concurrent.futures`` with the *spawn* start method: a fresh interpreter, no copy of this
process's threads or Java). Results are handed on in the order of the sources, whatever order
they finish in. The workers ignore Ctrl-C (the terminal sends it to them too); the build's
process, told to stop (Ctrl-C, SIGTERM), ends them: each worker then stops the source it is
building as the build would (its staging folder removed, FOP ended) and exits, one still alive
after 10 s is killed, and what is left in the output folder is cleaned up (:func:`outputs.recover`).
A worker also ends when the build's process dies (Linux ``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Callable

from .child import die_with_parent


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
GRACE = 10.0                    # seconds a worker has to stop before it is killed

_busy = False                   # a worker is running a piece of work (so a SIGTERM unwinds it)


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_pool(work: Callable, items: list, args: tuple, jobs: int, *, prepare: Callable,
             built: Callable[[int, object], None], done: Callable[[object], None] | None,
             broken: Callable[[int], object], out_dir: Path) -> None:
    """``work(item, *args)`` for every item in *jobs* worker processes, each prepared once by
    ``prepare(*args)``; ``built(n, result)`` in the order of *items*, ``done(result)`` as each
    ends, ``broken(n)`` the result of an item whose worker died. *work* and *prepare* are
    module-level functions (they are pickled by name); *out_dir* is cleaned up if stopped."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    executor = None
    try:
        # the workers start with the stop signals blocked, until they ignore or handle them
        old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_start_worker, initargs=(prepare, args, os.getpid()))
            futures = {executor.submit(_work, work, item, args): n for n, item in enumerate(items)}
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        finished: dict[int, object] = {}
        following = 0
        for future in as_completed(futures):
            n = futures[future]
            try:
                finished[n] = future.result()
            except BrokenProcessPool:
                finished[n] = broken(n)
            if done:
                done(finished[n])
            while following in finished:
                built(following, finished.pop(following))
                following += 1
    except BaseException:
        if executor is not None:
            _stop(executor, out_dir)
        raise
    executor.shutdown(wait=True)


def _stop(executor, out_dir: Path) -> None:
    """End every worker (SIGTERM, then SIGKILL after GRACE seconds) and clean the output folder."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + GRACE
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
    from .outputs import recover
    try:
        recover(out_dir)            # a killed worker's staging folder, or a swap it began
    except (OSError, ValueError, KeyError):
        pass                        # the next build cleans up


# -- in a worker process ------------------------------------------------------------------

class _Stopped(BaseException):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame) -> None:
    if not _busy:
        os._exit(128 + signum)
    signal.signal(signum, signal.SIG_IGN)
    raise _Stopped(signum)          # unwinds the source being built: staging removed, FOP ended


def _start_worker(prepare: Callable, args: tuple, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminate)
    die_with_parent(parent, signal.SIGTERM)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    prepare(*args)


def _work(work: Callable, item, args: tuple):
    global _busy
    _busy = True
    try:
        return work(item, *args)
    except _Stopped as exc:
        os._exit(128 + exc.signum)
    finally:
        _busy = False

"""Building sources in this process or in worker processes.

The unit of work is :func:`build_source`: one source, the configuration and the options in,
the source's outputs written (as one unit, :mod:`edition.outputs`) and its
:class:`~edition.build.SourceResult` out. It depends on nothing else, so it could be mapped
onto another engine as it is; each process keeps one :class:`~edition.build.Builder` (the
register read once, the schema and the stylesheets compiled once, the names resources loaded
once) for every source it builds.

With more than one job, the sources are built by a pool of worker processes
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

from .errors import EditionError

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
PR_SET_PDEATHSIG = 1
GRACE = 10.0                    # seconds a worker has to stop before it is killed

_builder = None                 # (config, options, Builder) of this process
_busy = False                   # a worker is building a source (so a SIGTERM unwinds it)


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _builder_for(config, options):
    """This process's Builder for *config* and *options* (made again when the register changed)."""
    global _builder
    from .manifest import file_digest
    key = (config, options, file_digest(config.register))
    if _builder is None or _builder[0] != key:
        from .build import Builder
        _builder = (key, Builder(config, options))
    return _builder[1]


def build_source(source: Path, config, options):
    """Build one source into options.out_dir: its outputs written, its result returned."""
    from .outputs import OutputFolder
    return _builder_for(config, options).build_one(Path(source), OutputFolder(options.out_dir))


def run_sources(config, options, sources: list[Path], built: Callable[[int, object], None],
                done: Callable[[object], None] | None = None) -> None:
    """Build *sources*; ``built(n, result)`` for each in their order, ``done(result)`` as each ends."""
    if not sources:
        return
    jobs = min(options.jobs, len(sources))
    if jobs <= 1:
        from .build import Builder
        from .outputs import OutputFolder
        builder, folder = Builder(config, options), OutputFolder(options.out_dir)
        for n, source in enumerate(sources):
            result = builder.build_one(Path(source), folder)
            if done:
                done(result)
            built(n, result)
        return
    _run_pool(config, options.for_worker(), sources, jobs, built, done)


def _run_pool(config, options, sources, jobs, built, done) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    executor = None
    try:
        # the workers start with the stop signals blocked, until they ignore or handle them
        old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_start_worker, initargs=(config, options, os.getpid()))
            futures = {executor.submit(_work, source, config, options): n for n, source in enumerate(sources)}
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        finished: dict[int, object] = {}
        following = 0
        for future in as_completed(futures):
            n = futures[future]
            finished[n] = _result_of(future, sources[n])
            if done:
                done(finished[n])
            while following in finished:
                built(following, finished.pop(following))
                following += 1
    except BaseException:
        if executor is not None:
            _stop(executor, options.out_dir)
        raise
    executor.shutdown(wait=True)


def _result_of(future, source: Path):
    """The result of a finished future; a worker that died is this source's error."""
    from concurrent.futures.process import BrokenProcessPool

    from .build import SourceResult
    try:
        return future.result()
    except BrokenProcessPool:
        return SourceResult(source.stem, source, error=EditionError(
            "the worker process building it ended unexpectedly; build it again (-j 1 builds in "
            "the build's own process)", source))


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


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:      # the build's process is already gone
        os._exit(1)


def _start_worker(config, options, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminate)
    _die_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    try:
        _builder_for(config, options)   # the register once; a problem is the first source's error
    except Exception:
        pass


def _work(source: Path, config, options):
    global _busy
    _busy = True
    try:
        return build_source(source, config, options)
    except _Stopped as exc:
        os._exit(128 + exc.signum)
    finally:
        _busy = False

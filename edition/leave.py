"""How an ``edition`` process ends: as the interpreter would, less its teardown.

When a command is done its outputs are written and closed; what is left for the interpreter to
do is to run the ``atexit`` handlers (FOP's worker ended, its folder removed), flush the
standard streams, and then take the whole heap apart object by object: the name lists, the
tries and the models a conversion loaded, Saxon's isolate. That last part changes nothing
anyone can see and takes 0.06 s of a one-line ``edition convert`` and 0.1 s of the bundled
build, so the process ends at once after the rest (``os._exit``).

:func:`leave` is for the console script, which decides when its process ends. A pool's worker
process is ended by its pool, so :func:`on_exit` hooks its end instead.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import Callable, NoReturn


def leave(code: int) -> NoReturn:
    """End this process with exit status *code*: the threads that are not daemons waited for,
    every ``atexit`` handler run, the standard streams flushed, then no teardown. A Ctrl-C meanwhile
    ends the process at once (FOP's worker dies with it)."""
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    me = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not me and not thread.daemon:
            thread.join()
    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None:        # another Python: its own way out
        sys.exit(code)
    run_handlers()
    _quit(code)


def on_exit(finish: Callable[[], None]) -> None:
    """At this process's normal end, once the ``atexit`` handlers registered after this call have
    run, call *finish* and end at once (*finish* does what the handlers registered before it
    would have done)."""
    atexit.register(_finish, finish)


def _finish(finish: Callable[[], None]) -> None:
    try:
        finish()
    finally:
        _quit(0)


def _quit(code: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):       # a closed pipe (| head): nothing more to say
            pass
    os._exit(code)


def exit_status(code: object) -> int:
    """The exit status ``sys.exit(code)`` gives: None 0, an int itself, anything else printed
    to stderr and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1

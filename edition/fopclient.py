"""One long-lived FOP per build process: the worker child (:mod:`edition.fopworker`) and its jobs.

The first PDF starts the worker (a child with :mod:`edition.child`'s guarantees: its own process
group, killed by the kernel when the build dies, killed on Ctrl-C, SIGTERM or a timeout); every
later document of the process is a job for the same JVM, so a corpus pays one JVM start. A job
that times out or is interrupted kills the worker; the next job starts a new one. A process forked
from the build (``-j``) never uses its parent's worker: it starts its own on its first PDF.

Which FOP: the ``fop`` command on PATH. When it is Debian's launcher (``/usr/bin/fop``, a shell
script naming its jars with ``find_jars``) and JPype is installed, the worker runs FOP from those
jars; any other ``fop`` (another distribution's, a wrapper of your own) is run as a command for
each pass, as is Debian's when the worker cannot start (no JPype, no JVM): see :func:`engine`.
``EDITION_FOP=command`` asks for the command always.

:func:`close` ends the worker (also at exit); a build may call it when it is done.
``edition.pdf.warm_up()`` starts it early, in the background.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import child, fop_cds
from .errors import EditionError

ENV = "EDITION_FOP"
#: the start of the name of a process's folder of FOP configurations, followed by its pid
FOLDER_PREFIX = "edition-fopconf-"
#: the JVM's flags, chosen by measurement (README, "PDF at scale"): C1 only, serial GC
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
#: seconds the worker may take to start its JVM
START_TIMEOUT = 120
JAVA_DIR = Path("/usr/share/java")

_lock = threading.RLock()
_state: dict = {"worker": None, "folder": None, "owner": None, "broken": None, "starts": 0,
                "no_cds": False}


# -- which FOP ---------------------------------------------------------------------------

def launcher_jars(script: str | Path) -> list[str] | None:
    """The jars a Debian ``fop`` launcher names (``find_jars NAME …`` lines), or None when
    *script* is not such a launcher or a jar is missing."""
    try:
        text = Path(script).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    if "org.apache.fop.cli.Main" not in text or "find_jars" not in text:
        return None
    jars = []
    for line in text.splitlines():
        m = re.match(r"\s*find_jars\s+(.*)", line)
        if not m:
            continue
        for word in m.group(1).split():
            if "$" in word:
                continue                                # the user's optional hyphenation jars
            jar = Path(word) if "/" in word else JAVA_DIR / f"{word}.jar"
            if not jar.is_file():
                return None
            jars.append(str(jar))
    return jars or None


def engine() -> tuple[str, list[str] | None]:
    """("worker", classpath) or ("command", None): how this process runs FOP."""
    fop = shutil.which("fop")
    if not fop:
        raise EditionError("fop not found: install the Debian package fop (scripts/setup.sh does)")
    if os.environ.get(ENV, "").lower() in ("command", "cli") or _state["broken"]:
        return "command", None
    jars = launcher_jars(os.path.realpath(fop))
    if jars is None or importlib.util.find_spec("jpype") is None:
        return "command", None
    return "worker", jars


def starts() -> int:
    """How many workers this process started (the tests count JVM starts with it)."""
    return _state["starts"]


def pid() -> int | None:
    """The process id of this process's worker while it runs, else None."""
    worker = _state["worker"] if _state["owner"] == os.getpid() else None
    return worker.proc.pid if worker is not None and worker.proc.poll() is None else None


def folder() -> Path:
    """A folder of this process for FOP's configurations (removed by :func:`close`)."""
    with _lock:
        _own()
        if _state["folder"] is None or not Path(_state["folder"]).is_dir():
            _sweep()
            _state["folder"] = tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-")
        return Path(_state["folder"])


def _sweep() -> None:
    """Remove the folders left by processes of this user that are gone (a build killed with
    SIGKILL cannot remove its own); a folder whose process may still run is left alone."""
    try:
        found = list(Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*-*"))
    except OSError:
        return
    for path in found:
        pid = path.name[len(FOLDER_PREFIX):].split("-", 1)[0]
        try:
            if not pid.isdigit() or _running(int(pid)) or path.is_symlink() or not path.is_dir() \
                    or path.lstat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True                 # another user's, or not a pid: not ours to judge
    return True


def _own() -> None:
    """Forget what a parent process (before a fork) had: its worker and folder are its own."""
    if _state["owner"] != os.getpid():
        _state.update(worker=None, folder=None, owner=os.getpid(), starts=0)


# -- the worker --------------------------------------------------------------------------

class Worker:
    def __init__(self, classpath: list[str]):
        self.log = Path(folder()) / f"worker-{os.getpid()}-{_state['starts']}.log"
        # the classes FOP loads, from the archive of an earlier worker or into one (edition.fop_cds)
        cds, self.archive = ([], None) if _state["no_cds"] else fop_cds.flags(classpath, JVM_FLAGS)
        self.cds = bool(cds)
        settings = json.dumps({"classpath": classpath, "flags": [*JVM_FLAGS, *cds]})
        with open(self.log, "wb") as log:
            self.proc = child.start([sys.executable, "-m", "edition.fopworker", settings], ours=True,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
        self.buffer = b""
        self.ready = False
        self.pending = 0            # answers to jobs sent by warm_up, not yet read

    def wait_ready(self) -> None:
        """Wait for the JVM; OSError when it could not start (the worker is then killed)."""
        if self.ready:
            return
        try:
            answer = self.answer(time.monotonic() + START_TIMEOUT)
        except BaseException:
            self.kill()
            raise
        if not answer.get("ready"):
            self.kill()
            raise OSError(answer.get("error") or "the FOP worker did not start")
        self.ready = True

    def send(self, job: dict) -> None:
        self.proc.stdin.write(json.dumps(job).encode() + b"\n")
        self.proc.stdin.flush()

    def answer(self, deadline: float) -> dict:
        """The worker's next JSON line; subprocess.TimeoutExpired after *deadline*."""
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(self.proc.args, 0)
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise OSError(f"the FOP worker ended: {self.last_words()}")
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)

    def last_words(self) -> str:
        try:
            lines = [ln.strip() for ln in self.log.read_text(errors="replace").splitlines() if ln.strip()]
        except OSError:
            lines = []
        return lines[-1] if lines else f"exit status {self.proc.poll()}"

    def job(self, job: dict, timeout: float, started=None) -> dict:
        try:
            self.send(job)
            if started:
                started()
            deadline = time.monotonic() + timeout
            while self.pending:     # a warm-up still running counts in the job's time
                self.answer(deadline)
                self.pending -= 1
            return self.answer(deadline)
        except BaseException:
            self.kill()             # timed out, interrupted, or dead: the next job starts anew
            raise

    def kill(self) -> None:
        child.kill_group(self.proc)
        fop_cds.keep(self.archive, ended_well=False)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def close(self, wait: float = 5.0) -> None:
        """End the worker. One that writes its class archive at its exit (edition.fop_cds: a
        second or two more) is let end by itself; any other is killed at once: it keeps nothing
        (every answered job has closed its files), and a JVM's own way out takes ~0.4 s."""
        if self.archive is not None:
            try:
                self.proc.stdin.close()
                self.proc.wait(wait + 30)
                fop_cds.keep(self.archive, ended_well=self.proc.returncode == 0)
                self.archive = None
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()


def _worker(classpath: list[str]) -> Worker:
    _own()
    worker = _state["worker"]
    if worker is None or worker.proc.poll() is not None:
        _state["starts"] += 1
        worker = _state["worker"] = Worker(classpath)
    return worker


def _ready_worker(classpath: list[str]) -> Worker:
    """This process's worker, its JVM started; one that could not start with the class archive's
    flags (a JVM that does not know them) is started again without them."""
    worker = _worker(classpath)
    try:
        worker.wait_ready()
    except OSError:
        if not worker.cds:
            raise
        _state["no_cds"], _state["worker"] = True, None
        worker = _worker(classpath)
        worker.wait_ready()
    return worker


def run(job: dict, classpath: list[str], timeout: float, started=None) -> dict | None:
    """Run one job in this process's worker (started if need be): its answer, or None when no
    worker can be started (then this process runs FOP as a command from now on)."""
    with _lock:
        try:
            worker = _ready_worker(classpath)
        except OSError as exc:
            _state["broken"], _state["worker"] = str(exc), None
            return None
        try:
            return worker.job(job, timeout, started)
        except BaseException:
            _state["worker"] = None
            raise


def warm_up(classpath: list[str], jobs: list[dict], eager: int = 0) -> None:
    """Start this process's worker now, without waiting for it, and give it *jobs* to run one
    after another until a real job comes (small documents: FOP's classes loaded and its code
    compiled while the build converts), all but the first *eager* at the lowest priority; their
    answer is dropped."""
    with _lock:
        try:
            worker = _worker(classpath)
            worker.send({"warm": jobs, "eager": eager})
            worker.pending += 1
        except OSError:
            pass                    # the first real job says what is wrong


def close() -> None:
    """End this process's worker and remove its folder (a later PDF starts a new one, or tries
    to again after a worker could not start)."""
    with _lock:
        if _state["owner"] != os.getpid():
            return
        _state["broken"] = None
        worker, _state["worker"] = _state["worker"], None
        if worker is not None:
            worker.close()
        if _state["folder"]:
            shutil.rmtree(_state["folder"], ignore_errors=True)
            _state["folder"] = None


atexit.register(close)

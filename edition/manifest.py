"""The build's manifest: what each source's outputs were made from, so that a rebuild redoes
only what changed.

``OUT/.edition-manifest.json`` holds, for every source built without an error, a *key* (a
SHA-256 over the content of everything its outputs depend on) and the size and modification
time of each output file written. A source is up to date when its key is the same as now and
every file it wrote is still there, untouched. The key covers:

- the source: its plain text and the hand-edited ``source/NAME.xml`` when there is one (an
  edited TEI that uses XInclude, when allowed, is never up to date: what it includes is not
  followed here);
- the edition: ``edition.toml``, the register, the lexicon, every file of the schema folder and
  of the stylesheets' folder the build uses (the edition's own or the toolkit's);
- the toolkit: its version and the names, sizes and times of the files of the ``edition``
  package (its code, word lists and models), the installed distributions (their names carry
  their versions), the FOP found, a model named by ``EDITION_NER_MODEL`` or
  ``EDITION_TRUECASE_MODEL`` (computed once per process);
- the options: validation, PDF, the output folder.

So a changed source rebuilds that source; a changed register, lexicon, edition.toml, schema,
stylesheet or toolkit rebuilds all, but after a change of the schema, the stylesheets or the
options only, the TEI a text was converted into last time is read back from the output folder
(when it is untouched: its entry's ``tei`` key covers what the conversion depends on), checked
and transformed, not converted again; a deleted or edited output rebuilds its source; a source
that failed has no entry and is built again. A manifest that cannot be read is ignored (every
source is built). Nothing here imports lxml or the pipeline: the check of a rebuild where
nothing changed costs the hashing of a few files.

``search`` records the pages the search index was made from (names, sizes and times of
``OUT/*.html``), so the index is made again only when a page changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Iterable

NAME = ".edition-manifest.json"
FORMAT = 1
#: environment variables that choose a model file, so change what a conversion writes
MODEL_ENV = ("EDITION_NER_MODEL", "EDITION_TRUECASE_MODEL")
XINCLUDE_NS = b"http://www.w3.org/2001/XInclude"
PACKAGE = Path(__file__).resolve().parent

_toolkit: str | None = None


def _sha(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path | None) -> str:
    """The SHA-256 of a file's content; "-" for no file."""
    if path is None or not os.path.isfile(path):     # no file, or a pipe (opening it would wait)
        return "-"
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return "-"


def folder_digest(folder: Path) -> str:
    """The SHA-256 over the relative names and contents of every file below *folder*."""
    parts: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            parts += [path.relative_to(folder).as_posix(), file_digest(path)]
    return _sha(str(folder), *parts)


def _stat_line(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path} -"
    return f"{path} {st.st_size} {st.st_mtime_ns}"


def toolkit_digest() -> str:
    """What the toolkit is: its version, its package's files (by name, size and time), the
    installed distributions, the FOP found and any model named by the environment. Once a process."""
    global _toolkit
    if _toolkit is None:
        from . import __version__
        parts = [__version__, sys.version]
        for dirpath, dirnames, filenames in os.walk(PACKAGE):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            parts += [_stat_line(Path(dirpath) / name) for name in sorted(filenames)]
        for entry in sys.path:
            if entry.endswith("site-packages") and os.path.isdir(entry):
                parts += sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
        fop = shutil.which("fop")
        parts.append(_stat_line(Path(fop).resolve()) if fop else "no fop")
        parts += [f"{env}={os.environ.get(env, '')}" for env in MODEL_ENV]
        parts += [_stat_line(Path(os.environ[env])) for env in MODEL_ENV if os.environ.get(env)]
        _toolkit = _sha(*parts)
    return _toolkit


def tei_digest(config, out_dir: Path) -> str:
    """The key of what a conversion depends on, but the source: the toolkit, edition.toml, the
    register, the lexicon, the output folder (the schema's place is written into the TEI)."""
    return _sha(toolkit_digest(), f"out={Path(out_dir).resolve()} schema={config.schema_dir}",
                f"xinclude={config.allow_xinclude}",
                file_digest(config.path), file_digest(config.register), file_digest(config.lexicon))


def edition_digest(config, validate: bool, pdf: bool, out_dir: Path, tei: str | None = None) -> str:
    """The key of everything but the source: *tei* (:func:`tei_digest`), the schema, the
    stylesheets, the options."""
    return _sha(tei or tei_digest(config, out_dir), f"validate={validate} pdf={pdf}",
                folder_digest(config.schema_dir), folder_digest(config.xslt_dir))


def source_key(common: str, source: Path, edited: Path | None, allow_xinclude: bool) -> str | None:
    """The key of one source's outputs; None when it can never be up to date."""
    if edited is not None and allow_xinclude:
        try:
            if XINCLUDE_NS in edited.read_bytes():
                return None
        except OSError:
            return None
    return _sha(common, str(source.resolve()), file_digest(source),
                str(edited.resolve()) if edited else "-", file_digest(edited))


def _stat(path: Path) -> list[int] | None:
    """Size and time of an output (of a link itself: a link is never an output the build wrote)."""
    try:
        st = path.lstat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def pages_digest(out: Path) -> str:
    """The pages of an output folder as the search index sees them: names, sizes, times."""
    pages = sorted(p for p in Path(out).glob("*.html") if p.is_file())
    return _sha(*(f"{p.name} {_stat(p)}" for p in pages))


class Manifest:
    """The manifest of one output folder (read at the start of a build, written at its end)."""

    def __init__(self, out: Path, data: dict | None = None):
        self.out = Path(out)
        self.sources: dict[str, dict] = {}
        self.search: str | None = None
        if data and data.get("format") == FORMAT and isinstance(data.get("sources"), dict):
            self.sources = {k: v for k, v in data["sources"].items() if _entry_ok(v)}
            self.search = data.get("search") if isinstance(data.get("search"), str) else None
        self._saved = self._dump()

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        """The folder's manifest; an empty one when there is none or it cannot be read."""
        try:
            data = json.loads((Path(out) / NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        return cls(out, data if isinstance(data, dict) else None)

    def up_to_date(self, name: str, key: str | None) -> bool:
        """Whether *name*'s outputs were made from *key* and are all still as they were written."""
        entry = self.sources.get(name)
        if key is None or entry is None or entry["key"] != key:
            return False
        return all(_stat(self.out / file) == stat for file, stat in entry["outputs"].items())

    def converted(self, name: str, tei_key: str | None) -> bool:
        """Whether *name*'s TEI in the output folder was converted from what *tei_key* covers and
        is still as it was written: then a stylesheet or schema change needs no new conversion."""
        entry = self.sources.get(name)
        return (tei_key is not None and entry is not None and entry.get("tei") == tei_key
                and f"{name}.xml" in entry["outputs"]
                and _stat(self.out / f"{name}.xml") == entry["outputs"][f"{name}.xml"])

    def record(self, name: str, key: str | None, written: Iterable[Path], tei: str | None = None) -> None:
        """*name* was built from *key* into the files *written* (None: it is never up to date);
        *tei* is the key of its conversion (for :meth:`converted`)."""
        if key is None:
            self.forget(name)
            return
        outputs = {}
        for path in written:
            stat = _stat(Path(path))
            if stat is None:
                self.forget(name)
                return
            outputs[Path(path).name] = stat
        self.sources[name] = {"key": key, "outputs": outputs, **({"tei": tei} if tei else {})}

    def forget(self, name: str) -> None:
        self.sources.pop(name, None)

    def keep_only(self, names: Iterable[str]) -> None:
        """Drop the entries of sources no longer in the edition (their outputs stay)."""
        keep = set(names)
        self.sources = {k: v for k, v in self.sources.items() if k in keep}

    def search_current(self) -> bool:
        """Whether the search index exists and was made from the pages as they are."""
        return (self.search is not None and (self.out / "pagefind" / "pagefind.js").is_file()
                and self.search == pages_digest(self.out))

    def searched(self) -> None:
        self.search = pages_digest(self.out)

    def _dump(self) -> str:
        return json.dumps({"format": FORMAT, "sources": self.sources, "search": self.search},
                          sort_keys=True, indent=0)

    def save(self) -> None:
        """Write the manifest atomically, if it changed; a manifest that cannot be written is
        no loss (the next build rebuilds)."""
        text = self._dump()
        if text == self._saved:
            return
        path = self.out / NAME
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
            self._saved = text
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass


def _entry_ok(entry) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("key"), str)
            and isinstance(entry.get("outputs"), dict)
            and all(isinstance(v, list) and len(v) == 2 for v in entry["outputs"].values()))

"""edition.toml -> a validated configuration object.

Every value a header needs is checked here, so that a missing or wrong value
is reported once, naming the key (``edition.toml: error: [edition] title: …``)
instead of surfacing later as a broken header.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config_keys, urls
from .errors import EditionError
from .conventions import DEFAULT_LIST_SECTIONS

CONFIG_NAME = "edition.toml"


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    id: str


@dataclass(frozen=True)
class SourceDesc:
    title: str
    author: str
    publisher: str
    url: str
    note: str
    date: str = ""
    licence: str = ""


@dataclass(frozen=True)
class TextConfig:
    """The metadata of one text of the edition (edition defaults, overridden per text)."""
    title: str
    source: SourceDesc


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    language: str
    language_name: str
    publisher: str
    pub_place: str
    licence: str
    licence_url: str
    editors: tuple[Person, ...]
    source: SourceDesc
    declarations: dict[str, str]
    register: Path | None
    list_sections: tuple[str, ...]
    allow_xinclude: bool
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: Path | None = None
    #: the edition's lexicon (edition data beside the register, see edition.lexicon)
    lexicon: Path | None = None

    def text(self, name: str) -> TextConfig:
        """The metadata of text *name*, with its ``[texts.NAME]`` overrides applied."""
        over = self.texts.get(name, {})
        src = dict(self.source.__dict__)
        src.update(over.get("source", {}))
        return TextConfig(title=over.get("title", self.title), source=SourceDesc(**src))

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"


#: editors' xml:ids: the schema tells their @resp from the machine's by this prefix
EDITOR_ID = re.compile(r"^ed-[A-Za-z0-9._-]+$")
DECLARATION_KEYS = ("editorial", "normalization", "correction", "segmentation", "interpretation")


class _Reader:
    def __init__(self, data: dict, path: Path):
        self.data, self.path = data, path

    def fail(self, key: str, msg: str):
        raise EditionError(f"{key}: {msg}", self.path)

    def table(self, key: str, required: bool = True) -> dict:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"[{key}]", "missing table")
            return {}
        if not isinstance(value, dict):
            self.fail(f"[{key}]", "must be a table")
        return value

    def string(self, table: dict, tname: str, key: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if value is None:
            self.fail(f"[{tname}] {key}", "missing value")
        if not isinstance(value, str) or (default is None and not value.strip()):
            self.fail(f"[{tname}] {key}", f"must be a non-empty string, got {value!r}")
        return value.strip()


def load(root: str | Path = ".") -> Config:
    """Load and check ``edition.toml`` in *root*."""
    root = Path(root).resolve()
    path = root / CONFIG_NAME
    if not path.is_file():
        raise EditionError(f"no {CONFIG_NAME} here; run edition commands from the edition's folder", path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise EditionError("not UTF-8 text", path) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)", str(exc))
        message = str(exc)[:where.start()] if where else str(exc)
        raise EditionError(f"not valid TOML: {message}", path,
                           *(map(int, where.groups()) if where else ())) from None
    return from_dict(data, root, path)


def from_dict(data: dict, root: Path, path: Path) -> Config:
    config_keys.check(data, path)      # unknown keys, per-text types, control characters
    r = _Reader(data, path)
    ed = r.table("edition")
    src = r.table("source")
    decl = r.table("declarations")
    structure = r.table("structure", required=False)
    editors = _editors(r, ed)
    licence_url = r.string(ed, "edition", "licence_url")
    if not licence_url.startswith(("http://", "https://")):
        r.fail("[edition] licence_url", f"must be a URL, got {licence_url!r}")
    lang = r.string(ed, "edition", "language")
    if not lang.replace("-", "").isalnum():
        r.fail("[edition] language", f"must be a language tag such as 'en', got {lang!r}")
    declarations = {}
    for key in DECLARATION_KEYS:
        if key in decl:
            declarations[key] = r.string(decl, "declarations", key)
    for key in ("editorial", "normalization"):
        if key not in declarations:
            r.fail(f"[declarations] {key}", "missing value")
    register = ed.get("register")
    if register is not None and not isinstance(register, str):
        r.fail("[edition] register", "must be a path relative to edition.toml")
    lexicon = ed.get("lexicon")
    if lexicon is not None and not isinstance(lexicon, str):
        r.fail("[edition] lexicon", "must be a path relative to edition.toml")
    lists = structure.get("list_sections")
    if lists is not None and (not isinstance(lists, list) or not all(isinstance(x, str) for x in lists)):
        r.fail("[structure] list_sections", "must be a list of section headings")
    texts = data.get("texts", {})
    if not isinstance(texts, dict):
        r.fail("[texts]", "must be a table of per-text tables")
    _check_urls(r, [("source", src)] + [(f"texts.{n}.source", t.get("source")) for n, t in texts.items()
                                        if isinstance(t, dict)])
    return Config(
        root=root,
        title=r.string(ed, "edition", "title"),
        language=lang,
        language_name=r.string(ed, "edition", "language_name", "English"),
        publisher=r.string(ed, "edition", "publisher"),
        pub_place=r.string(ed, "edition", "pub_place", ""),
        licence=r.string(ed, "edition", "licence"),
        licence_url=licence_url,
        editors=tuple(editors),
        source=SourceDesc(
            title=r.string(src, "source", "title"),
            author=r.string(src, "source", "author", ""),
            publisher=r.string(src, "source", "publisher"),
            url=r.string(src, "source", "url"),
            note=r.string(src, "source", "note"),
            date=r.string(src, "source", "date", ""),
            licence=r.string(src, "source", "licence", ""),
        ),
        declarations=declarations,
        register=(root / register) if register else None,
        list_sections=tuple(x.lower() for x in lists) if lists else DEFAULT_LIST_SECTIONS,
        allow_xinclude=bool(ed.get("allow_xinclude", False)),
        texts=texts,
        path=path,
        lexicon=(root / lexicon) if lexicon else None,
    )


def _editors(r: _Reader, ed: dict) -> list[Person]:
    """[edition] editors: at least one {name, role, id?}; the id defaults to ed-NAME."""
    editors_raw = ed.get("editors")
    if not isinstance(editors_raw, list) or not editors_raw:
        r.fail("[edition] editors", "give at least one editor as {name = …, role = …}")
    editors = []
    for n, e in enumerate(editors_raw, 1):
        if not isinstance(e, dict):
            r.fail(f"[edition] editors[{n}]", "must be a table {name = …, role = …}")
        name = r.string(e, f"edition.editors[{n}]", "name")
        role = r.string(e, f"edition.editors[{n}]", "role")
        pid = e.get("id") or "ed-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        if not isinstance(pid, str) or not EDITOR_ID.match(pid):
            r.fail(f"[edition] editors[{n}] id", f"must start with 'ed-' and hold only letters, digits, "
                                                 f"'-', '_' or '.', got {pid!r}")
        editors.append(Person(name, role, pid))
    return editors


def _check_urls(r: _Reader, tables: list[tuple[str, Any]]) -> None:
    """A source's url becomes a link: only http(s), mailto or relative (see edition.urls)."""
    for name, table in tables:
        url = table.get("url") if isinstance(table, dict) else None
        if isinstance(url, str) and not urls.is_safe(url):
            r.fail(f"[{name}] url", f"{urls.RULE}, got {url!r}")


def find_root(start: Path) -> Path:
    """The edition folder: *start* or the nearest parent holding edition.toml."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise EditionError(f"no {CONFIG_NAME} in this folder or above it; run edition commands "
                       "from the edition's folder", start)

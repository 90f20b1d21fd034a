"""edition.toml -> a validated configuration object.

Every value a header needs is checked here, and every problem is reported in
one run, each naming its key at its line (``edition.toml:3:1: error: [edition]
title: …``), instead of surfacing one at a time or later as a broken header.
What each key means is :data:`edition.config_keys.TABLES`.

Outside an edition (no edition.toml in the folder or above it) a single text
still gets a configuration: :func:`defaults`, a header from the file itself.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config_keys, confine, derived, urls
from .errors import EditionError
from .conventions import DEFAULT_LIST_SECTIONS

CONFIG_NAME = "edition.toml"
#: the toolkit's own schema/ and xslt/, used by an edition that has none of its own
TOOLKIT_ROOT = Path(__file__).resolve().parent.parent
TOOLKIT_SCHEMA = TOOLKIT_ROOT / "schema"
TOOLKIT_XSLT = TOOLKIT_ROOT / "xslt"
NEW_EDITION_HINT = "`edition new DIR` makes an edition folder with an edition.toml whose every key is explained"


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
    #: a single text outside an edition: not published, no licence chosen (see :func:`defaults`)
    draft: bool = False
    #: the paper of the PDF ([print] paper): a name xslt/fo.xsl knows
    paper: str = "A4"

    def text(self, name: str) -> TextConfig:
        """The metadata of text *name*, with its ``[texts.NAME]`` overrides applied."""
        over = self.texts.get(name, {})
        src = dict(self.source.__dict__)
        src.update(over.get("source", {}))
        return TextConfig(title=over.get("title", self.title), source=SourceDesc(**src))

    @property
    def schema_dir(self) -> Path:
        """The edition's own schema/ if it has a grammar there, else the toolkit's."""
        own = self.root / "schema"
        return own if (own / "edition.rng").is_file() else TOOLKIT_SCHEMA

    @property
    def xslt_dir(self) -> Path:
        """The edition's own xslt/ if it has the stylesheets there, else the toolkit's."""
        own = self.root / "xslt"
        return own if (own / "html.xsl").is_file() else TOOLKIT_XSLT


#: the papers of the PDF ([print] paper; xslt/fo.xsl's parameter paper, any case)
PAPERS = ("A4", "letter", "A5")
#: editors' xml:ids: the schema tells their @resp from the machine's by this prefix
EDITOR_ID = re.compile(r"^ed-[A-Za-z0-9._-]+$")
DECLARATION_KEYS = tuple(config_keys.TABLES["declarations"])


class ConfigErrors(EditionError):
    """Every problem of one edition.toml, one ``file:line:col: error: …`` line each."""

    def __init__(self, problems: list[EditionError], notes: list[str] = ()):
        first = problems[0]
        super().__init__(first.message, first.path, first.line, first.column)
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        self.notes = list(notes)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        lines += [str(EditionError(n, self.path, severity="note")) for n in self.notes]
        return "\n".join(lines)


class _Reader:
    """Reads the values, recording every problem instead of stopping at the first."""

    def __init__(self, data: dict, path: Path):
        self.data, self.path = data, path
        self.problems: list[EditionError] = config_keys.check(data, path)
        self.meant = _meant(data)
        self.missing_required = False
        #: required tables the file does not have (their keys are reported with them)
        self.absent: set[str] = set()

    def fail(self, key: str, msg: str, table: str = "") -> None:
        line = config_keys.locate(self.path, table, None) if table else None
        name = key.split("] ", 1)[1] if "] " in key else key
        where = config_keys.locate(self.path, table, name) if table else None
        self.problems.append(EditionError(f"{key}: {msg}", self.path, where or line or 1, 1))

    def missing(self, table: str, key: str) -> None:
        if (table, key) in self.meant:
            return                      # an unknown key already says "did you mean <key>?"
        self.missing_required = True
        doc = config_keys.TABLES.get(table, {}).get(key)
        self.fail(f"[{table}] {key}", "missing value" + (f"; {doc.doc}" if doc else ""), table)

    def table(self, key: str, required: bool = True) -> dict:
        value = self.data.get(key)
        if value is None:
            self.absent.add(key)
            if required and ("", key) not in self.meant:
                self.missing_required = True
                keys = ", ".join(config_keys.required(key))
                self.problems.append(EditionError(f"[{key}]: missing table; it holds {keys}", self.path, 1, 1))
                for name in config_keys.required(key):
                    self.missing(key, name)
            return {}
        if not isinstance(value, dict):
            self.fail(f"[{key}]", "must be a table")
            return {}
        return value

    def string(self, table: dict, tname: str, key: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if value is None:
            if tname not in self.absent:
                self.missing(tname, key)
            return ""
        if not isinstance(value, str) or (default is None and not value.strip()):
            self.fail(f"[{tname}] {key}", f"must be a non-empty string, got {value!r}", tname)
            return ""
        return value.strip()

    def path_of(self, table: dict, key: str) -> str | None:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            self.fail(f"[edition] {key}", "must be a path relative to edition.toml", "edition")
            return None
        return value


def _meant(data: dict) -> set[tuple[str, str]]:
    """(table, key) that a misspelt key or table of *data* stands for ("did you mean …?")."""
    meant = set()
    for key, value in data.items():
        if key not in config_keys.KNOWN[""]:
            close = config_keys.suggestion(key, config_keys.KNOWN[""])
            if close:
                meant.add(("", close))
                meant.update((close, k) for k in config_keys.KNOWN.get(close, ()))
        elif isinstance(value, dict) and key in config_keys.KNOWN:
            for sub in value:
                if sub not in config_keys.KNOWN[key]:
                    close = config_keys.suggestion(sub, config_keys.KNOWN[key])
                    if close:
                        meant.add((key, close))
    return meant


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
    config = from_dict(data, root, path)
    for folder in ("schema", "xslt"):           # the edition's own, if it has them
        confine.refuse_links_in(root / folder, root)
    return config


def from_dict(data: dict, root: Path, path: Path) -> Config:
    """A Config from the parsed edition.toml *data*, or ConfigErrors with every problem in it."""
    r = _Reader(data, path)
    ed, src, decl = r.table("edition"), r.table("source"), r.table("declarations")
    structure = r.table("structure", required=False)
    paper = r.string(r.table("print", required=False), "print", "paper", "A4")
    if paper.lower() not in {p.lower() for p in PAPERS}:
        r.fail("[print] paper", f"must be one of {', '.join(PAPERS)}, got {paper!r}", "print")
    values = _edition_values(r, ed)
    declarations = {key: r.string(decl, "declarations", key) for key in DECLARATION_KEYS if key in decl}
    for key in config_keys.required("declarations"):
        if key not in decl and "declarations" not in r.absent:
            r.missing("declarations", key)
    lists = structure.get("list_sections")
    if lists is not None and (not isinstance(lists, list) or not all(isinstance(x, str) for x in lists)):
        r.fail("[structure] list_sections", "must be a list of section headings", "structure")
        lists = None
    texts = data.get("texts", {})
    if not isinstance(texts, dict):
        r.fail("[texts]", "must be a table of per-text tables")
        texts = {}
    _check_urls(r, [("source", src)] + [(f"texts.{n}.source", t.get("source")) for n, t in texts.items()
                                        if isinstance(t, dict)])
    source = SourceDesc(**{key: r.string(src, "source", key, None if spec.required else "")
                           for key, spec in config_keys.TABLES["source"].items()})
    if r.problems:
        raise ConfigErrors(r.problems, [NEW_EDITION_HINT] if r.missing_required else [])
    register, lexicon = values.pop("register"), values.pop("lexicon")
    for key, value in (("register", register), ("lexicon", lexicon)):
        target = confine.leads_out(root / value, root) if value else None
        if target is not None:
            r.fail(f"[edition] {key}", f"{value!r} is a link out of the edition's folder (to {target}): "
                   f"{confine.ADVICE}", "edition")
        elif value and (root / value).exists() and not ((root / value).is_file() or (root / value).is_dir()):
            r.fail(f"[edition] {key}", f"{value!r} is not a regular file (a pipe, a device or a socket)",
                   "edition")
    if r.problems:
        raise ConfigErrors(r.problems, [])
    return Config(root=root, **values, source=source, declarations=declarations,
                  register=(root / register) if register else None,
                  list_sections=tuple(x.lower() for x in lists) if lists else DEFAULT_LIST_SECTIONS,
                  texts=texts, path=path, lexicon=(root / lexicon) if lexicon else None, paper=paper)


def _edition_values(r: _Reader, ed: dict) -> dict[str, Any]:
    """The values of the [edition] table, checked (problems recorded in *r*)."""
    licence_url = r.string(ed, "edition", "licence_url")
    if licence_url and not licence_url.startswith(("http://", "https://")):
        r.fail("[edition] licence_url", f"must be a URL, got {licence_url!r}", "edition")
    lang = r.string(ed, "edition", "language")
    if lang and not lang.replace("-", "").isalnum():
        r.fail("[edition] language", f"must be a language tag such as 'en', got {lang!r}", "edition")
    return dict(
        title=r.string(ed, "edition", "title"),
        language=lang,
        language_name=r.string(ed, "edition", "language_name", "English"),
        publisher=r.string(ed, "edition", "publisher"),
        pub_place=r.string(ed, "edition", "pub_place", ""),
        licence=r.string(ed, "edition", "licence"),
        licence_url=licence_url,
        editors=tuple(_editors(r, ed)),
        allow_xinclude=bool(ed.get("allow_xinclude", False)),
        register=r.path_of(ed, "register"),
        lexicon=r.path_of(ed, "lexicon"),
    )


def _editors(r: _Reader, ed: dict) -> list[Person]:
    """[edition] editors: at least one {name, role, id?}; the id defaults to ed-NAME."""
    editors_raw = ed.get("editors")
    if not isinstance(editors_raw, list) or not editors_raw:
        if "edition" not in r.absent and ("edition", "editors") not in r.meant:
            r.missing_required = True
            r.fail("[edition] editors", "give at least one editor as {name = …, role = …}", "edition")
        return []
    editors = []
    for n, e in enumerate(editors_raw, 1):
        if not isinstance(e, dict):
            r.fail(f"[edition] editors[{n}]", "must be a table {name = …, role = …}", "edition")
            continue
        name = r.string(e, f"edition.editors[{n}]", "name")
        role = r.string(e, f"edition.editors[{n}]", "role")
        pid = e.get("id") or "ed-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        if not isinstance(pid, str) or not EDITOR_ID.match(pid):
            r.fail(f"[edition] editors[{n}] id", f"must start with 'ed-' and hold only letters, digits, "
                                                 f"'-', '_' or '.', got {pid!r}", "edition")
        editors.append(Person(name, role, pid if isinstance(pid, str) else ""))
    return editors


def _check_urls(r: _Reader, tables: list[tuple[str, Any]]) -> None:
    """A source's url becomes a link: only http(s), mailto or relative (see edition.urls)."""
    for name, table in tables:
        url = table.get("url") if isinstance(table, dict) else None
        if isinstance(url, str) and not urls.is_safe(url):
            r.fail(f"[{name}] url", f"{urls.RULE}, got {url!r}", name)


def find_root(start: Path) -> Path:
    """The edition folder: *start* or the nearest parent holding edition.toml."""
    root = find_root_or_none(start)
    if root is None:
        raise EditionError(f"no {CONFIG_NAME} in this folder or above it; run edition commands "
                           f"from the edition's folder ({NEW_EDITION_HINT})", Path(start).resolve())
    return root


def find_root_or_none(start: Path) -> Path | None:
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


# -- a single text outside an edition -----------------------------------------------------------

def language_name(tag: str) -> str:
    """'French' for 'fr' (pycountry's ISO 639 names), the tag itself when unknown."""
    return _language_names().get(tag.split("-")[0].lower(), tag)


@derived.cached(dict, sources=("edition.config",), packages=("pycountry",))
def _language_names() -> dict[str, str]:
    """ISO 639 code (two letters or three) -> the language's name, from pycountry (whose import
    alone, with importlib.metadata's, takes 30 ms: the table is read from the cache instead)."""
    import pycountry

    names: dict[str, str] = {}
    for language in pycountry.languages:
        for code in (getattr(language, "alpha_2", None), getattr(language, "alpha_3", None)):
            if code:
                names.setdefault(code.lower(), language.name)
    return names


def title_of(source: Path) -> str:
    """A title from a file name: 'letter_to-anna.txt' -> 'Letter to anna'."""
    words = " ".join(re.split(r"[\s_\-]+", source.stem)).strip() or source.name
    return words[:1].upper() + words[1:]


def defaults(source: Path, *, title: str | None = None, language: str | None = None,
             register: Path | None = None) -> Config:
    """The configuration of one text that belongs to no edition: the header says what is known
    (the file, its name as the title) and that it is a draft, not yet published."""
    from urllib.parse import quote
    source = Path(source)
    lang = language or "en"
    if not lang.replace("-", "").isalnum():
        raise EditionError(f"--language must be a language tag such as 'en' or 'fr', got {lang!r}")
    name = source.name
    return Config(
        root=source.resolve().parent, title=(title or title_of(source)).strip(), language=lang,
        language_name=language_name(lang), publisher="Not yet published", pub_place="",
        licence="No licence has been chosen yet: this file is a working draft, not a publication.",
        licence_url="", editors=(),
        source=SourceDesc(title=name, author="", publisher="", url=quote(name),
                          note=f"The plain-text file {name}, converted as it is. Where its text comes "
                               "from has not been recorded yet."),
        declarations={
            "editorial": f"A diplomatic transcription of {name}: its characters are kept exactly; the "
                         "markup only wraps them.",
            "normalization": "No normalisation in the text; names and dates carry their regular forms "
                             "in attributes.",
        },
        register=Path(register).resolve() if register else None,
        list_sections=DEFAULT_LIST_SECTIONS, allow_xinclude=False, draft=True)

"""The shape of edition.toml: its tables and keys, what each one means, and what no string may hold.

:data:`TABLES` is the one description of the file: every key with its type, whether
it is required, what it is for and the header element it becomes. From it come
the check of unknown keys ("did you mean …?"), the JSON-schema description in
``docs/edition.toml.schema.json`` (:func:`json_schema`, ``python -m
edition.config_keys``) and the README's table of keys and TEI elements.

:func:`check` runs before the values are read (:mod:`edition.config`) and
returns every problem it finds, each one line located at the key's line where
the file shows it plainly: a misspelt key, a per-text override of the wrong
type, a control character that must never reach the TEI.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import EditionError


@dataclass(frozen=True)
class Key:
    type: str               # string | url | language | path | boolean | strings | editors | table
    required: bool
    doc: str
    tei: str = ""           # the header element (XPath below teiHeader) the value becomes
    default: Any = None


_SOURCE = {
    "title": Key("string", True, "Title of the source the text was taken from.", "fileDesc/sourceDesc/bibl/title"),
    "author": Key("string", False, "Its author.", "fileDesc/sourceDesc/bibl/author"),
    "publisher": Key("string", True, "Who published the source (a publisher, an archive, a library).",
                     "fileDesc/sourceDesc/bibl/publisher"),
    "url": Key("url", True, "Where the source can be found: an http(s) URL, or a relative path.",
               "fileDesc/sourceDesc/bibl/ptr/@target"),
    "note": Key("string", True, "What the copy used is, and what is known of its state.",
                "fileDesc/sourceDesc/bibl/note"),
    "date": Key("string", False, "When the source was made or published.", "fileDesc/sourceDesc/bibl/date"),
    "licence": Key("string", False, "Under which terms the source may be used.",
                   "fileDesc/sourceDesc/bibl/note[@type='licence']"),
}

#: table (``*`` any name, ``[]`` every entry of an array) -> its keys
TABLES: dict[str, dict[str, Key]] = {
    "": {
        "edition": Key("table", True, "The edition: title, language, publisher, licence, editors."),
        "source": Key("table", True, "The source the texts were taken from (each text may override it)."),
        "declarations": Key("table", True, "The editorial declarations of the header."),
        "structure": Key("table", False, "How the plain texts are read."),
        "print": Key("table", False, "How the PDF is printed."),
        "texts": Key("table", False, "[texts.NAME]: the title or source of source/NAME.txt, if not the edition's."),
    },
    "edition": {
        "title": Key("string", True, "Title of the edition (of every text without a title of its own).",
                     "fileDesc/titleStmt/title[@type='main']"),
        "language": Key("language", True, "Language of the texts, a BCP 47 tag: 'en', 'fr', 'de-CH'.",
                        "profileDesc/langUsage/language/@ident (and TEI/@xml:lang)"),
        "language_name": Key("string", False, "The language's name.", "profileDesc/langUsage/language",
                             "English"),
        "publisher": Key("string", True, "Who publishes the edition.", "fileDesc/publicationStmt/publisher"),
        "pub_place": Key("string", False, "Where it is published.", "fileDesc/publicationStmt/pubPlace", ""),
        "licence": Key("string", True, "The licence of the edition, by name.",
                       "fileDesc/publicationStmt/availability/licence"),
        "licence_url": Key("url", True, "The licence's URL (http or https).",
                           "fileDesc/publicationStmt/availability/licence/@target"),
        "register": Key("path", False, "The register of persons, places and organizations, relative to "
                                       "edition.toml; the names in the texts point to it.",
                        "standOff (a copy of the entries the text points to)"),
        "lexicon": Key("path", False, "Words and names only this edition's texts need (TOML), relative "
                                      "to edition.toml."),
        "editors": Key("editors", True, "Who made the edition: at least one {name, role, id}.",
                       "fileDesc/titleStmt/respStmt"),
        "allow_xinclude": Key("boolean", False, "Let hand-edited TEI include other files of the edition "
                                                "(XInclude).", "", False),
    },
    "edition.editors[]": {
        "name": Key("string", True, "The editor's name.", "fileDesc/titleStmt/respStmt/name"),
        "role": Key("string", True, "What they did ('editor', 'transcription').",
                    "fileDesc/titleStmt/respStmt/resp"),
        "id": Key("string", False, "Their xml:id: 'ed-' and letters, digits, '-', '_' or '.' "
                                   "(default: ed- and the name).", "fileDesc/titleStmt/respStmt/@xml:id"),
    },
    "source": _SOURCE,
    "declarations": {
        "editorial": Key("string", True, "The editorial principles: what the text is and what markup does.",
                         "encodingDesc/projectDesc/p"),
        "normalization": Key("string", True, "What was normalised, and how.",
                             "encodingDesc/editorialDecl/normalization/p"),
        "correction": Key("string", False, "What was corrected.", "encodingDesc/editorialDecl/correction/p"),
        "segmentation": Key("string", False, "How the text is divided.",
                            "encodingDesc/editorialDecl/segmentation/p"),
        "interpretation": Key("string", False, "What is marked up, by whom.",
                              "encodingDesc/editorialDecl/interpretation/p"),
    },
    "structure": {
        "list_sections": Key("strings", False, "Headings of the sections whose lines are list items "
                                               "('see also', 'works').", "text/body/div/list",
                             ["see also", "external links", "works", "further reading", "bibliography"]),
    },
    "print": {
        "paper": Key("string", False, "The paper of the PDF: 'A4', 'letter' or 'A5'.", "", "A4"),
    },
    "texts.*": {
        "title": Key("string", False, "The text's own title.", "fileDesc/titleStmt/title[@type='main']"),
        "source": Key("table", False, "[texts.NAME.source]: the keys of [source] that differ for this text."),
    },
    "texts.*.source": {key: Key(k.type, False, k.doc, k.tei, k.default) for key, k in _SOURCE.items()},
}
#: table -> its key names (the check of unknown keys)
KNOWN: dict[str, tuple[str, ...]] = {table: tuple(keys) for table, keys in TABLES.items()}
#: control characters (but tab and line ends), and the two noncharacters XML cannot hold
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def required(table: str) -> list[str]:
    return [name for name, key in TABLES[table].items() if key.required]


def check(data: dict, path: Path) -> list[EditionError]:
    """Every unknown key, wrong per-text type and control character in *data* (edition.toml)."""
    problems: list[EditionError] = []
    _keys(data, "", path, problems)
    _texts(data.get("texts"), path, problems)
    _strings(data, "", path, problems)
    flag = data.get("edition", {}).get("allow_xinclude") if isinstance(data.get("edition"), dict) else None
    if flag is not None and not isinstance(flag, bool):
        problems.append(problem(path, "edition", "allow_xinclude", f"must be true or false, got {flag!r}"))
    return problems


def problem(path: Path, table: str, key: str, message: str, line: int | None = None) -> EditionError:
    """One located problem: at the key's line, else at *line* (its table's), else at the top."""
    found = locate(path, table, key) or line
    return EditionError(f"[{table}] {key}: {message}" if table else f"{key}: {message}", path,
                        found or 1, 1)


def fail(path: Path, table: str, key: str, message: str):
    raise problem(path, table, key, message)


def _pattern(table: str) -> str:
    parts = re.sub(r"\[\d+\]", "[]", table).split(".")
    if len(parts) >= 2 and parts[0] == "texts":
        parts[1] = "*"
    return ".".join(parts)


def _keys(value: Any, table: str, path: Path, problems: list) -> None:
    if isinstance(value, list):
        for n, item in enumerate(value, 1):
            _keys(item, f"{table}[{n}]", path, problems)
        return
    if not isinstance(value, dict):
        return
    if table == "texts":                    # free names: one table per text
        for name, item in value.items():
            _keys(item, f"texts.{name}", path, problems)
        return
    known = KNOWN.get(_pattern(table))
    if known is None:
        return
    for key, item in value.items():
        if key not in known:
            problems.append(_unknown(path, table, key, known))
            continue
        _keys(item, f"{table}.{key}" if table else key, path, problems)


def suggestion(key: str, known: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown(path: Path, table: str, key: str, known: tuple[str, ...]) -> EditionError:
    close = suggestion(key, known)
    if not table:                               # a top-level table
        hint = f"did you mean [{close}]?" if close else f"the tables are {', '.join(known)}"
        return problem(path, "", f"[{key}]", f"unknown table; {hint}", locate(path, "", key))
    hint = f"did you mean [{table}] {close}?" if close else f"the keys are {', '.join(known)}"
    return problem(path, table, key, f"unknown key; {hint}")


def _texts(texts: Any, path: Path, problems: list) -> None:
    if not isinstance(texts, dict):
        return                                  # config.py reports a [texts] that is not a table
    for name, over in texts.items():
        if not isinstance(over, dict):
            problems.append(problem(path, "texts", name,
                                    "must be a table ([texts.NAME] with title or [texts.NAME.source])"))
            continue
        title = over.get("title")
        if title is not None and (not isinstance(title, str) or not title.strip()):
            problems.append(problem(path, f"texts.{name}", "title", f"must be a non-empty string, got {title!r}"))
        source = over.get("source", {})
        if not isinstance(source, dict):
            problems.append(problem(path, f"texts.{name}", "source", "must be a table ([texts.NAME.source])"))
            continue
        for key, value in source.items():
            if not isinstance(value, str):
                problems.append(problem(path, f"texts.{name}.source", key, f"must be a string, got {value!r}"))


def _strings(value: Any, where: str, path: Path, problems: list) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _strings(item, f"{where}.{key}" if where else key, path, problems)
    elif isinstance(value, list):
        for n, item in enumerate(value, 1):
            _strings(item, f"{where}[{n}]", path, problems)
    elif isinstance(value, str):
        m = CONTROL.search(value)
        if m:
            table, _, key = where.rpartition(".")
            problems.append(problem(path, table, key, f"holds the control character U+{ord(m.group()):04X} "
                                                      f"at character {m.start() + 1}; remove it"))


# -- where a key is ---------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def locate(path: Path, table: str, key: str | None) -> int | None:
    """The line of ``key = …`` in ``[table]`` when the file writes it so, or of the header
    ``[table]`` itself when *key* is None (else None)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    table = re.sub(r"\[\d*\]", "", table)
    current = ""
    key_line = re.compile(rf'^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=') if key else None
    for number, line in enumerate(lines, 1):
        header = _HEADER.match(line)
        if header:
            current = ".".join(part.strip().strip('"') for part in header.group(1).split("."))
            if current == (f"{table}.{key}" if table and key else key or table):
                return number                   # the key is itself a table: [texts.x.sourse]
            continue
        if key_line and current == table and key_line.match(line):
            return number
    return None


# -- the description for the docs ---------------------------------------------------------------

_JSON_TYPES = {"string": {"type": "string", "minLength": 1},
               "url": {"type": "string", "format": "uri-reference"},
               "language": {"type": "string", "pattern": "^[A-Za-z0-9-]+$"},
               "path": {"type": "string"}, "boolean": {"type": "boolean"},
               "strings": {"type": "array", "items": {"type": "string"}}}


def _schema_of(table: str) -> dict:
    props: dict[str, dict] = {}
    for name, key in TABLES[table].items():
        sub = f"{table}.{name}" if table else name
        if key.type == "table":
            pattern = "texts.*" if sub == "texts" else _pattern(sub)
            if sub == "texts":
                spec = {"type": "object", "additionalProperties": _schema_of("texts.*")}
            else:
                spec = _schema_of(pattern)
        elif key.type == "editors":
            spec = {"type": "array", "minItems": 1, "items": _schema_of("edition.editors[]")}
        else:
            spec = dict(_JSON_TYPES[key.type])
            if not key.required:
                spec.pop("minLength", None)         # an optional string may be empty
        spec["description"] = key.doc + (f" TEI: {key.tei}." if key.tei else "")
        if key.default not in (None, ""):
            spec["default"] = key.default
        props[name] = spec
    out = {"type": "object", "properties": props, "additionalProperties": False}
    if required(table):
        out["required"] = required(table)
    return out


def json_schema() -> dict:
    """edition.toml described as a JSON Schema (draft 2020-12), for the docs and for editors."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "edition.toml", "description": "The configuration of an edition made with edition.",
            **_schema_of("")}


def tei_table() -> list[tuple[str, str, str]]:
    """(key, TEI element, required?) of every key that becomes part of the header."""
    rows = []
    for table, keys in TABLES.items():
        for name, key in keys.items():
            if key.tei and not table.startswith("texts."):
                label = f"[edition] editors[].{name}" if table == "edition.editors[]" else f"[{table}] {name}"
                rows.append((label, key.tei,
                             "required" if key.required else "optional"))
    return rows


if __name__ == "__main__":          # python -m edition.config_keys > docs/edition.toml.schema.json
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))

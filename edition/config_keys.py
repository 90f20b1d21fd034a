"""The shape of edition.toml: which keys each table may have, and what no string may hold.

:func:`check` runs before the values are read (:mod:`edition.config`), so that a
misspelt key is reported ("did you mean …?") instead of being ignored or
breaking the header later, a per-text override has the types of the edition's
own values, and a control character never reaches the TEI. Each problem is
one line, located at the key's line where the file shows it plainly.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from .errors import EditionError

SOURCE_KEYS = ("title", "author", "publisher", "url", "note", "date", "licence")
#: table (``*`` any name, ``[]`` every entry of an array) -> its keys
KNOWN: dict[str, tuple[str, ...]] = {
    "": ("edition", "source", "declarations", "structure", "texts"),
    "edition": ("title", "language", "language_name", "publisher", "pub_place", "licence", "licence_url",
                "register", "lexicon", "editors", "allow_xinclude"),
    "edition.editors[]": ("name", "role", "id"),
    "source": SOURCE_KEYS,
    "declarations": ("editorial", "normalization", "correction", "segmentation", "interpretation"),
    "structure": ("list_sections",),
    "texts.*": ("title", "source"),
    "texts.*.source": SOURCE_KEYS,
}
#: control characters (but tab and line ends), and the two noncharacters XML cannot hold
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def check(data: dict, path: Path) -> None:
    """Refuse unknown keys, wrong per-text types and control characters in *data* (edition.toml)."""
    _keys(data, "", path)
    _texts(data.get("texts"), path)
    _strings(data, "", path)
    flag = data.get("edition", {}).get("allow_xinclude") if isinstance(data.get("edition"), dict) else None
    if flag is not None and not isinstance(flag, bool):
        fail(path, "edition", "allow_xinclude", f"must be true or false, got {flag!r}")


def fail(path: Path, table: str, key: str, message: str):
    line = locate(path, table, key)
    raise EditionError(f"[{table}] {key}: {message}" if table else f"{key}: {message}", path, line,
                       1 if line else None)


def _pattern(table: str) -> str:
    parts = re.sub(r"\[\d+\]", "[]", table).split(".")
    if len(parts) >= 2 and parts[0] == "texts":
        parts[1] = "*"
    return ".".join(parts)


def _keys(value: Any, table: str, path: Path) -> None:
    if isinstance(value, list):
        for n, item in enumerate(value, 1):
            _keys(item, f"{table}[{n}]", path)
        return
    if not isinstance(value, dict):
        return
    if table == "texts":                    # free names: one table per text
        for name, item in value.items():
            _keys(item, f"texts.{name}", path)
        return
    known = KNOWN.get(_pattern(table))
    if known is None:
        return
    for key, item in value.items():
        if key not in known:
            _unknown(path, table, key, known)
        _keys(item, f"{table}.{key}" if table else key, path)


def _unknown(path: Path, table: str, key: str, known: tuple[str, ...]) -> None:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    line = locate(path, table, key)
    where = (line, 1) if line else ()
    if not table:                               # a top-level table
        hint = f"did you mean [{close[0]}]?" if close else f"the tables are {', '.join(known)}"
        raise EditionError(f"[{key}]: unknown table; {hint}", path, *where)
    hint = f"did you mean [{table}] {close[0]}?" if close else f"the keys are {', '.join(known)}"
    raise EditionError(f"[{table}] {key}: unknown key; {hint}", path, *where)


def _texts(texts: Any, path: Path) -> None:
    if not isinstance(texts, dict):
        return                                  # config.py reports a [texts] that is not a table
    for name, over in texts.items():
        if not isinstance(over, dict):
            fail(path, "texts", name, "must be a table ([texts.NAME] with title or [texts.NAME.source])")
        title = over.get("title")
        if title is not None and (not isinstance(title, str) or not title.strip()):
            fail(path, f"texts.{name}", "title", f"must be a non-empty string, got {title!r}")
        source = over.get("source", {})
        if not isinstance(source, dict):
            fail(path, f"texts.{name}", "source", "must be a table ([texts.NAME.source])")
        for key, value in source.items():
            if not isinstance(value, str):
                fail(path, f"texts.{name}.source", key, f"must be a string, got {value!r}")


def _strings(value: Any, where: str, path: Path) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _strings(item, f"{where}.{key}" if where else key, path)
    elif isinstance(value, list):
        for n, item in enumerate(value, 1):
            _strings(item, f"{where}[{n}]", path)
    elif isinstance(value, str):
        m = CONTROL.search(value)
        if m:
            table, _, key = where.rpartition(".")
            fail(path, table, key, f"holds the control character U+{ord(m.group()):04X} "
                                   f"at character {m.start() + 1}; remove it")


# -- where a key is ---------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def locate(path: Path, table: str, key: str) -> int | None:
    """The line of ``key = …`` in ``[table]`` when the file writes it so (else None)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    table = re.sub(r"\[\d*\]", "", table)
    current = ""
    key_line = re.compile(rf'^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=')
    for number, line in enumerate(lines, 1):
        header = _HEADER.match(line)
        if header:
            current = ".".join(part.strip().strip('"') for part in header.group(1).split("."))
            if current == (f"{table}.{key}" if table else key):
                return number                   # the key is itself a table: [texts.x.sourse]
            continue
        if current == table and key_line.match(line):
            return number
    return None

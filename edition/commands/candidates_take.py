"""``edition candidates --take``: names of the text into the register, in one step."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from ..errors import EditionError
from ..register_grow import Take, add, ids_of, register_file, take
from ..xmlio import parse_xml, serialize, write_atomic


def read_takes(path: Path) -> list[Take]:
    """A decisions file of names to take: JSON [{"name", "element"?, "id"?, "display"?}] or TSV
    NAME<TAB>ELEMENT<TAB>ID<TAB>DISPLAY (all but NAME may be empty; # starts a comment)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditionError(f"cannot read the names to take: {getattr(exc, 'strerror', None) or exc}", path) from None
    if raw.lstrip().startswith("["):
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise EditionError(f"not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
        if not all(isinstance(d, dict) and d.get("name") for d in data):
            raise EditionError("each name to take is an object with \"name\" (and element, id, display)", path, 1)
        return [Take(str(d["name"]), str(d.get("element", "")), str(d.get("id", "")),
                     str(d.get("display", "")), str(path)) for d in data]
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + ["", "", ""]
        out.append(Take(cols[0], cols[1], cols[2], cols[3], f"{path}:{n}"))
    return out


def take_list(names, element, rid, display, path: Path | None) -> list[Take]:
    """The names to take from the options (and the file of --takes)."""
    if (rid or display) and len(names) != 1:
        raise EditionError("--id and --display go with exactly one --take")
    out = [Take(n, element or "", rid or "", display or "") for n in names]
    return out + (read_takes(path) if path is not None else [])


def take_names(file: Path, root, takes: list[Take], register, register_path: Path | None, found) -> None:
    """Add an entry for each of *takes* to the register file; say what was added."""
    path = register_file(register_path or register.path)
    tree = parse_xml(path)
    candidates = {s.name: s.type for s in found}
    taken = ids_of(tree)
    entries = [take(root, t, candidates, register, taken) for t in takes]
    add(tree, entries, file.name)
    from .convert import backup_path
    backup = backup_path(path)
    shutil.copy2(path, backup)
    write_atomic(path, serialize(tree))
    for e in entries:
        forms = ", ".join(e.forms) or "none found"
        click.echo(f"{path}: added {e.kind} {e.id} \"{e.display}\" (forms in the text: {forms})")
    click.echo(f"kept the previous register as {backup}; now `edition annotate {file}` links the mentions",
               err=True)

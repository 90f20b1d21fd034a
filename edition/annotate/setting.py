"""What a command on an edited TEI file needs from its edition: register, lexicon, the editor."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .. import T, XML_ID, XML_LANG
from .. import register as register_mod
from ..config import EDITOR_ID, find_root_or_none, load
from ..errors import EditionError


def edition_config(file: Path):
    """The configuration of the edition *file* belongs to (its folder or above), or None."""
    root = find_root_or_none(file.parent)
    return load(root) if root is not None else None


def register_for(file: Path, register_path: Path | None, config=None) -> register_mod.Register:
    if register_path is not None:
        if not register_path.is_file():
            raise EditionError("register not found", register_path)
        return register_mod.load(register_path)
    if config is None:
        return register_mod.empty()
    from ..pipeline import load_register
    return load_register(config)


def context_for(file: Path, root: etree._Element, register_path: Path | None = None, model: bool = True):
    """The passes' Context for *file*: the edition's register and lexicon, the document's language."""
    from ..passes import Context
    from ..pipeline import load_lexicon
    config = edition_config(file)
    kwargs = {"register": register_for(file, register_path, config), "model": model,
              "language": root.get(XML_LANG) or (config.language if config else "en")}
    if config is not None:
        kwargs["lexicon"] = load_lexicon(config)
    return Context(**kwargs)


def header_editors(root: etree._Element) -> list[str]:
    """The xml:ids of the editors' respStmts in the header (ed-…)."""
    return [r.get(XML_ID) for r in root.iter(T + "respStmt")
            if r.get(XML_ID) and EDITOR_ID.match(r.get(XML_ID))]


def editor_for(file: Path, root: etree._Element, given: str | None) -> str:
    """The @resp of the editor who decides: --editor, else the first editor of edition.toml, else
    the first editor of the header; it must be a respStmt of the header."""
    known = header_editors(root)
    if given:
        rid = given.lstrip("#")
    else:
        config = edition_config(file)
        ids = [e.id for e in config.editors if e.id] if config is not None else []
        rid = next((i for i in ids if i in known), known[0] if known else "")
    if not rid:
        raise EditionError("the header names no editor (a respStmt with xml:id=\"ed-…\"): add one to "
                           "titleStmt, or give --editor ID", file)
    if rid not in known:
        hint = f" (the header's editors: {', '.join(known)})" if known else ""
        raise EditionError(f"no editor respStmt xml:id=\"{rid}\" in the header{hint}: add it to titleStmt "
                           "or give one of these with --editor", file)
    return "#" + rid

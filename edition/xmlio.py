"""The one safe XML parser of the project, reading of source texts, and atomic writes.

Parsing never resolves entities, never reads a DTD or any other file, never
touches the network, and refuses a DOCTYPE that declares anything
(:mod:`edition.doctype`); what another XML processor (Saxon) is handed is
serialised without a DOCTYPE. Every file is written through a temporary file
in the same folder and renamed into place, so a crash never leaves half a
file behind.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from lxml import etree

from .doctype import RefuseExternal, entity_error, refuse_declarations
from .errors import EditionError


def _parser(resolver: etree.Resolver) -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        # a repeated xml:id is a validation error (rule xml-id-unique), not a parse failure; with
        # collect_ids off libxml2 asks for the external DTD, which the resolver answers with nothing
        collect_ids=False,
        remove_blank_text=False,
        remove_comments=False,
    )
    parser.resolvers.add(resolver)
    return parser


def _check_path(path: Path) -> None:
    if not path.exists():
        raise EditionError("no such file", path)
    if path.is_dir():
        raise EditionError("is a directory, not a file", path)


def parse_xml(path: str | os.PathLike, *, allow_xinclude: bool = False) -> etree._ElementTree:
    """Parse an XML file safely; raise EditionError with line and column on any problem."""
    path = Path(path)
    _check_path(path)
    data = path.read_bytes()
    return parse_xml_bytes(data, str(path), allow_xinclude=allow_xinclude)


#: how deep libxml2 lets elements nest without its "huge" option (which stays off)
_DEPTH = 256


def parse_xml_bytes(data: bytes, name: str, *, allow_xinclude: bool = False) -> etree._ElementTree:
    if not data.strip():
        raise EditionError("file is empty", name)
    resolver = RefuseExternal()
    try:
        root = etree.fromstring(data, _parser(resolver), base_url=name)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        msg = exc.msg or str(exc)
        # lxml appends " , line N, column M"; the location is given by the prefix instead
        msg = msg.split(", line ")[0].strip()
        if msg.startswith("Excessive depth in document"):       # libxml2's limit: not an option here
            msg = f"elements nested more than {_DEPTH} deep (no edition needs that many; the limit keeps a hostile file from exhausting the parser)"
        refused = entity_error(data, name)
        if refused is not None:
            raise refused from None
        raise EditionError(f"not well-formed XML: {msg}", name, line, col) from None
    tree = root.getroottree()
    refuse_declarations(tree, data, name, resolver.asked)
    if not allow_xinclude:
        _refuse_xinclude(root, name)
    return tree


XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


def _refuse_xinclude(root: etree._Element, name: str) -> None:
    for el in root.iter("{%s}include" % XINCLUDE_NS):
        raise EditionError("XInclude is not allowed in this edition (set allow_xinclude in edition.toml "
                           "to permit it)", name, el.sourceline)


def read_text(path: str | os.PathLike) -> str:
    """Read a plain-text source: UTF-8, not empty, not binary, only characters XML can hold
    (see :mod:`edition.plaintext`)."""
    from . import plaintext

    path = Path(path)
    _check_path(path)
    text = plaintext.decode(path.read_bytes(), path)
    if not text.strip():
        raise EditionError("file is empty", path)
    plaintext.check(text, path)
    return text


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """UTF-8 XML with a declaration; processing instructions before the root each on a line."""
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    root_at = data.find(b"<", data.find(b"?>") + 2)
    while data.startswith(b"<?", root_at):
        end = data.find(b"?>", root_at) + 2
        if data[end:end + 1] == b"<":
            data = data[:end] + b"\n" + data[end:]
            end += 1
        root_at = data.find(b"<", end)
    return data + b"\n"


def serialize_without_doctype(tree: etree._ElementTree | etree._Element) -> bytes:
    """The document as UTF-8 XML with no DOCTYPE, for another parser (Saxon): it then has no
    DTD to load and no entity to expand. A tree holding an entity reference is refused."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree.getroottree().getroot()
    reference = next(root.iter(etree.Entity), None)
    if reference is not None:
        raise EditionError(f"entity reference {reference.text}: entities are not allowed, write the "
                           "characters instead", root.getroottree().docinfo.URL, reference.sourceline)
    before = list(root.itersiblings(preceding=True))[::-1]
    parts = [etree.tostring(node, encoding="UTF-8") for node in [*before, root, *root.itersiblings()]]
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + b"\n".join(parts) + b"\n"


def umask() -> int:
    """The process's umask (files are made readable as the user expects, not 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary file beside *path*, renamed onto *path* when the block ends without error.

    The file gets the permissions a new file of the user would get (not
    mkstemp's 0600); on any error it is removed and *path* is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write *data* to *path* through a temporary file and a rename; an OSError becomes an
    EditionError naming *path* (the previous file, if any, is left as it was)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:          # disk full, read-only folder: say which file
        raise EditionError(f"could not be written: {exc.strerror or exc}", path) from None

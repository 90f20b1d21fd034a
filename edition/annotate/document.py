"""Reading and writing a TEI file a person has edited, changing as little of it as lxml allows.

The file is parsed with the project's safe parser (comments, processing instructions
and whitespace kept). On writing, what comes before the root element (the XML
declaration as it was written, processing instructions, comments, their line
breaks) and after it is copied byte for byte from the file as it was read; the root
element is serialised by lxml, which keeps attribute order, comments and text as
they are. The file is replaced atomically, a backup of it kept beside it
(``NAME.xml.<time>.bak``) unless another output is given.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError
from ..xmlio import parse_xml_bytes, write_atomic

_MISC_START = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>)", re.S)


@dataclass
class Edited:
    path: Path
    tree: etree._ElementTree
    data: bytes

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()


def read(path: Path) -> Edited:
    if not path.exists():
        raise EditionError("no such file", path)
    if path.is_dir():
        raise EditionError("is a directory, not a file", path)
    data = path.read_bytes()
    tree = parse_xml_bytes(data, str(path))
    if etree.QName(tree.getroot()).localname != "TEI":
        raise EditionError("is not a TEI document (its root element is not TEI)", path, tree.getroot().sourceline)
    return Edited(path, tree, data)


def _prolog_end(data: bytes) -> int:
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while (m := _MISC_START.match(data, pos)) is not None:
        pos = m.end()
    while pos < len(data) and data[pos:pos + 1].isspace():
        pos += 1
    return pos


def _epilog_start(data: bytes) -> int:
    """Where the comments and processing instructions after the root element begin."""
    end = len(data.rstrip())
    while True:
        if data.endswith(b"-->", 0, end):
            start = data.rfind(b"<!--", 0, end)
        elif data.endswith(b"?>", 0, end):
            start = data.rfind(b"<?", 0, end)
        else:
            return end
        if start <= 0:
            return end
        end = len(data[:start].rstrip())


def serialize(edited: Edited) -> bytes:
    """The document with its prolog and epilog as they were in the file."""
    body = etree.tostring(edited.root, encoding="UTF-8", xml_declaration=False)
    data = edited.data
    if not data.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        return etree.tostring(edited.tree, encoding="UTF-8", xml_declaration=True) + b"\n"
    return data[:_prolog_end(data)] + body + data[_epilog_start(data):]


def save(edited: Edited, output: Path | None = None) -> Path | None:
    """Write the document to *output*, or over its file with a backup (returned)."""
    data = serialize(edited)
    if output is not None:
        write_atomic(output, data)
        return None
    from ..commands.convert import backup_path
    backup = backup_path(edited.path)
    try:
        shutil.copy2(edited.path, backup)
    except OSError as exc:
        raise EditionError(f"could not keep a backup ({exc.strerror or exc}); the file was not changed",
                           edited.path) from None
    write_atomic(edited.path, data)
    return backup

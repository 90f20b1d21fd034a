"""The DTD policy of the safe parser: no DOCTYPE may bring in declarations.

TEI P5 has no DTD. A DOCTYPE with an internal subset (``[...]``) or an
external DTD (``SYSTEM``/``PUBLIC``) is how a file makes a parser read other
files or the network (``<!ENTITY pw SYSTEM "file:///etc/passwd">``, parameter
entities, an external DTD that declares them) or expand entities without end.
So a document whose DOCTYPE has either is refused with one located error,
whatever its encoding; a bare ``<!DOCTYPE TEI>`` declares nothing and is
accepted.

The checks look at the parsed tree (``docinfo``, the declarations lxml
parsed), not at the bytes, which hide a declaration in UTF-16; the position
of the error is counted in the characters of the decoded text. While
parsing, :class:`RefuseExternal` hands the parser an empty text for every
external DTD or entity it asks for: lxml asks for the external DTD even with
``load_dtd=False`` when ``collect_ids`` is off (libxml2 then loads the
subset to skip IDs), so nothing outside the document is ever read.
"""

from __future__ import annotations

import codecs

from lxml import etree

from .errors import EditionError

REMOVE = "remove the DOCTYPE (TEI needs none)"
ENTITIES = ("the document declares entities (<!ENTITY> in its DOCTYPE); entities are not allowed (they "
            f"can read files and the network): write the characters instead and {REMOVE}")


class RefuseExternal(etree.Resolver):
    """An lxml resolver that reads nothing: every external DTD or entity is an empty text."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url, pubid, context):
        self.asked.append(url or pubid or "?")
        return self.resolve_string("", context)


def refuse_declarations(tree: etree._ElementTree, data: bytes, name: str, asked: list[str]) -> None:
    """Raise EditionError if the DOCTYPE of *tree* (parsed from *data*) declares anything."""
    info = tree.docinfo
    internal = info.internalDTD
    if internal is None and not asked:
        return                                # no DOCTYPE at all
    text = _decode(data, info.encoding)
    start = max(text.find("<!DOCTYPE"), 0)
    entities = list(internal.iterentities()) if internal is not None else []
    if entities:
        at = text.find("<!ENTITY", start)
        raise EditionError(ENTITIES, name, *_line_col(text, at if at >= 0 else start))
    external = info.system_url or info.public_id or (asked[0] if asked else None)
    if external:
        raise EditionError(f"the DOCTYPE refers to an external DTD ('{external}'); DTDs are not allowed "
                           f"(they can read files and the network): {REMOVE}", name, *_line_col(text, start))
    if _has_internal_subset(text, start):
        raise EditionError(f"the DOCTYPE has an internal subset ([...]); DTD declarations are not allowed: "
                           f"{REMOVE}", name, *_line_col(text, start))
    reference = next(tree.getroot().iter(etree.Entity), None)
    if reference is not None:
        raise EditionError(f"entity reference {reference.text} that nothing declares: write the "
                           "characters instead", name, reference.sourceline)


def entity_error(data: bytes, name: str) -> EditionError | None:
    """For a document the parser could not read: the entity refusal, if it declares entities.

    libxml2 stops at some entity declarations itself (an expansion bomb exceeds its
    amplification limit); the refusal is the message that says what to do.
    """
    text = _decode(data, _sniff(data))
    start = text.find("<!DOCTYPE")
    at = text.find("<!ENTITY", start) if start >= 0 else -1
    if at < 0:
        return None
    return EditionError(ENTITIES, name, *_line_col(text, at))


def _sniff(data: bytes) -> str:
    """The encoding of *data* from its byte order mark or its first characters."""
    for mark, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            return codec
    if data[:2] == b"<\x00":
        return "utf-16-le"
    if data[:2] == b"\x00<":
        return "utf-16-be"
    return "utf-8"


def _decode(data: bytes, encoding: str | None) -> str:
    """*data* as text in the encoding the parser found (UTF-8 if it is unknown to Python)."""
    try:
        codec = codecs.lookup(encoding or "utf-8").name
    except LookupError:
        codec = "utf-8"
    if codec == "utf-8":
        codec = "utf-8-sig"
    return data.decode(codec, errors="replace")


def _has_internal_subset(text: str, start: int) -> bool:
    """Whether the DOCTYPE at *start* has a ``[...]`` with anything but spaces in it."""
    at, quote = start + len("<!DOCTYPE"), None
    while at < len(text):
        ch = text[at]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return False
        elif ch == "[":
            end = text.find("]", at)
            return bool(text[at + 1:end if end >= 0 else len(text)].strip())
        at += 1
    return False


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1

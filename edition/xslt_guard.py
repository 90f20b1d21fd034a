"""An edition's own stylesheets read nothing either: checked before Saxon compiles them.

Saxon's run time is locked (no URI scheme: :mod:`edition.transform`), but two doors stay open
to a stylesheet that an edition folder brings with it (``xslt/`` beside ``edition.toml``, which
someone may have sent): what XSLT 3.0 evaluates while compiling (``static="yes"`` parameters and
variables, ``use-when``, shadow attributes such as ``_href``), which Saxon's compiler may use to
read any file, and the functions that read the environment at any time
(``environment-variable()``, ``available-environment-variables()``, ``system-property()`` but
for the ``xsl:`` properties). :func:`check_folder` refuses a stylesheet that uses them, or that
imports or includes a file outside its folder, with one line at the place. The toolkit's own
stylesheets use none of this (a test checks them too).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from . import confine
from .errors import EditionError

XSL = "http://www.w3.org/1999/XSL/Transform"
#: functions that read files or the network: refused where the compiler evaluates them
READERS = ("unparsed-text", "unparsed-text-lines", "unparsed-text-available", "doc", "doc-available",
           "document", "collection", "uri-collection", "json-doc", "transform", "load-xquery-module")
#: functions that read the environment: refused anywhere
ENVIRONMENT = ("environment-variable", "available-environment-variables")


def _calls(names: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.:-])(?:fn:)?({alternatives})\s*\(")


_READER = _calls(READERS)
_ENVIRONMENT = _calls(ENVIRONMENT)
_SYSTEM_PROPERTY = re.compile(r"(?<![\w.:-])(?:fn:)?system-property\s*\(\s*(?!['\"]\s*xsl:)")
_checked: dict[tuple, None] = {}


def check_folder(folder: Path) -> None:
    """EditionError at the first place in the stylesheets of *folder* that could read a file, the
    environment or a stylesheet outside *folder*. Once a process for the same files."""
    files = sorted(Path(folder).glob("*.xsl"))
    key = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    if key in _checked:
        return
    for path in files:
        _check_file(path, Path(folder))
    _checked[key] = None


def _check_file(path: Path, folder: Path) -> None:
    from .xmlio import parse_xml

    root = parse_xml(path).getroot()
    for el in root.iter(etree.Element):
        xslt = etree.QName(el).namespace == XSL
        if xslt and etree.QName(el).localname in ("import", "include") and el.get("href") is not None:
            _check_href(path, folder, el)
        static = xslt and el.get("static") in ("yes", "true", "1")
        for name, value in el.attrib.items():
            local = etree.QName(name).localname
            compile_time = static or local == "use-when" or (xslt and local.startswith("_"))
            _check_text(path, el, value, compile_time)
        for text in (el.text, el.tail):         # text value templates ({…}) may call functions too
            if text:
                _check_text(path, el, text, static)


def _check_text(path: Path, el: etree._Element, text: str, compile_time: bool) -> None:
    found = _ENVIRONMENT.search(text)
    call, what = (found.group(1) if found else "system-property"), "the environment"
    if found is None:
        found = _SYSTEM_PROPERTY.search(text)
    if found is None and compile_time:
        found = _READER.search(text)
        call, what = (found.group(1) if found else ""), "a file while the stylesheet is compiled"
    if found is not None:
        raise EditionError(f"the edition's stylesheet calls {call}(), which reads {what}: a stylesheet "
                           "may read only the document it transforms; remove the call", path, el.sourceline)


def _check_href(path: Path, folder: Path, el: etree._Element) -> None:
    href = el.get("href")
    if "://" in href or href.startswith("file:") or confine.outside(path.parent / href, folder):
        raise EditionError(f"the edition's stylesheet {etree.QName(el).localname}s {href!r}, outside its "
                           f"folder {folder}: {confine.ADVICE}", path, el.sourceline)

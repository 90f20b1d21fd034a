"""The conversion pipeline: plain text -> annotated TEI, passes in one declared order."""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from . import T, TEI_NS, XML_LANG
from . import lexicon as lexicon_mod
from . import register as register_mod
from .config import Config
from .header import build_header
from .passes import Context
from .passes.dates import mark_dates
from .passes.names import mark_names
from .passes.quotes import attribute_quotes, mark_quotes
from .passes.regularise import recase_beside, regularise
from .reader import ReaderOptions, read

#: the markup passes, in the order they run: the widest spans first, so that
#: narrower ones nest inside them; attribution links quotes to the names found;
#: the reading text last, over the names and dates it reads
PASSES = (
    ("quotes", mark_quotes),
    ("names", mark_names),
    ("dates", mark_dates),
    ("attribution", attribute_quotes),
    ("reading", regularise),
)

SCHEMA_FILES = (
    ("edition.rng", "http://relaxng.org/ns/structure/1.0"),
    ("edition.sch", "http://purl.oclc.org/dsdl/schematron"),
)


def load_register(config: Config) -> register_mod.Register:
    if config.register and config.register.exists():
        return register_mod.load(config.register)
    return register_mod.empty()


_LEXICONS: dict[tuple[Path, int], lexicon_mod.Lexicon] = {}


def load_lexicon(config: Config) -> lexicon_mod.Lexicon:
    """The edition's lexicon, read once per run (again only when the file changes)."""
    if not config.lexicon or not config.lexicon.exists():
        return lexicon_mod.empty()
    key = (config.lexicon.resolve(), config.lexicon.stat().st_mtime_ns)
    if key not in _LEXICONS:
        _LEXICONS.clear()
        _LEXICONS[key] = lexicon_mod.load(config.lexicon)
    return _LEXICONS[key]


_PAUSED = threading.Lock()
_pauses = [0, False]          # conversions under way, whether the collector was on before the first


@contextmanager
def collector_paused():
    """Python's cycle collector paused while the passes run (threads may convert at once: the
    last one done turns it back on). The passes make many short-lived objects and hardly any
    cycles, and once the word lists are loaded each full collection walks them all: ~6% of a
    conversion's time. The output does not depend on it."""
    with _PAUSED:
        if not _pauses[0]:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSED:
            _pauses[0] -= 1
            if not _pauses[0] and _pauses[1]:
                gc.enable()


def convert(text: str, config: Config, name: str, register: register_mod.Register | None = None,
            out_dir: Path | None = None, truecaser=None, recogniser=None) -> etree._ElementTree:
    """Convert one plain text into a complete, annotated TEI document.

    *truecaser*: a :class:`edition.truecase.beside.Sidecar`, the process that recases a long text
    that lost its capitals while the passes before the reading run (None: all in this process);
    *recogniser*: a :class:`edition.ner.beside.Recogniser`, the process that finds the mentions of
    a long text with capitals beside the names pass (None: all in this process).
    """
    register = register if register is not None else load_register(config)
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, config.language)
    root.text = "\n  "
    header = build_header(config, name)
    root.append(header)
    text_el = read(text, ReaderOptions(list_sections=config.list_sections))
    root.append(text_el)
    truecased = recase_beside(root, truecaser)
    if recogniser is not None and truecased is None:     # (else the truecaser takes the other core)
        recogniser.start(len(text))
    ctx = Context(register=register, language=config.language, lexicon=load_lexicon(config),
                  truecased=truecased, recogniser=recogniser)
    from .annotate.record import remember      # what the machine suggested, so annotate never repeats it
    with collector_paused():
        for _, run in PASSES:
            run(root, ctx)
        remember(root)
    register_mod.attach(root, register)
    _layout(root)
    add_schema_pis(root, config, out_dir or config.root / "build")
    return root.getroottree()


def add_schema_pis(root: etree._Element, config: Config, out_dir: Path) -> None:
    """Point a new document to the edition's schema with xml-model processing instructions."""
    rel = Path(os.path.relpath(config.schema_dir, out_dir.resolve())).as_posix()
    for fname, ns in SCHEMA_FILES:
        pi = etree.ProcessingInstruction(
            "xml-model", f'href="{rel}/{fname}" type="application/xml" schematypens="{ns}"')
        root.addprevious(pi)


def _layout(root: etree._Element) -> None:
    """Line breaks between the top-level parts, so the file reads well in an editor.

    Only the header and the standOff are indented; the text keeps its own layout.
    """
    for child in root:
        child.tail = "\n  "
    if len(root):
        root[-1].tail = "\n"
    for name in ("teiHeader", "standOff"):
        el = root.find(T + name)
        if el is not None:
            etree.indent(el, space="  ", level=1)

"""The writers: TEI -> HTML and TEI -> XSL-FO through XSLT 3.0 (saxonche), FO -> PDF (Apache FOP).

One :class:`Transformer` compiles each stylesheet of ``xslt/`` once, the
first time it is needed, with a Saxon processor that then reads no file and
no URL; every document after that reuses the compiled stylesheet. Stylesheet parameters (``css``, ``lang``…)
make variants without copies of the stylesheets. Errors reported by Saxon or
FOP become one-line :class:`EditionError`s.
"""

from __future__ import annotations

import os
import re
import shutil  # noqa: F401  (the tests stand in for FOP through transform.shutil.which)
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .xmlio import serialize_without_doctype

#: what this module gives of edition.pdf (FO -> PDF lives there), imported when first asked for: a
#: build without a PDF, a Saxon worker, need none of it
_FROM_PDF = ("FOP_MISSING", "FOP_TIMEOUT", "fop_command", "render")


def __getattr__(name: str):
    if name in _FROM_PDF:
        from . import pdf
        return getattr(pdf, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

XSLT_DIR = Path(__file__).resolve().parents[1] / "xslt"

#: output format -> stylesheet file in the stylesheet folder
STYLESHEETS = {"html": "html.xsl", "fo": "fo.xsl"}


# "... on line 12 column 5 of html.xsl:" or "... of file:///path/common.xsl:" in Saxon's messages
_SAXON_WHERE = re.compile(r"\s*on line (\d+)(?: column (\d+))? of (\S+?):?(?=\s|$)")


def saxon_error(exc: Exception, stylesheet: str | os.PathLike | None = None) -> EditionError:
    """A one-line EditionError from a Saxon exception, located where Saxon says.

    *stylesheet* is the file being compiled or run; a file name that Saxon gives
    relative to it (an imported stylesheet) is resolved next to it.
    """
    text = " ".join(str(exc).split())
    m = _SAXON_WHERE.search(text)
    if not m:
        return EditionError(f"XSLT: {text}", str(stylesheet) if stylesheet else None)
    where = re.sub(r"^file:(//)?", "", m.group(3))
    path: str | None = str(stylesheet) if stylesheet else None
    if where and not where.endswith("/"):
        candidate = Path(where)
        if not candidate.is_absolute() and stylesheet:
            candidate = Path(stylesheet).parent / candidate
        if candidate.is_file():
            path = str(candidate)
    message = (text[:m.start()] + text[m.end():]).strip()
    return EditionError(f"XSLT: {message}", path, int(m.group(1)),
                        int(m.group(2)) if m.group(2) else None)


#: Saxon's configuration feature naming the URI schemes a stylesheet may read ("" = none)
ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"


@dataclass
class _Compiled:
    """One stylesheet, compiled by its own Saxon processor, which is then locked."""
    processor: object
    executable: object


class Transformer:
    """Compiled stylesheets for one run: ``html(tree)`` and ``fo(tree)`` return bytes.

    The stylesheets' run time reads nothing and writes nothing: each
    stylesheet is compiled by a Saxon processor of its own (its imports are
    files), and then that processor's configuration allows no URI scheme at
    all, so ``doc()``, ``document()``, ``unparsed-text()``, ``json-doc()``,
    ``collection()`` or a DTD fail instead of reading a file or the network;
    ``xsl:result-document`` output is captured in memory and refused. The
    document is handed over as text without a DOCTYPE
    (:func:`xmlio.serialize_without_doctype`), never as a file.
    """

    def __init__(self, xslt_dir: str | os.PathLike = XSLT_DIR):
        self.xslt_dir = Path(xslt_dir)
        self._compiled: dict[str, _Compiled] = {}
        #: output format -> how many times its stylesheet was compiled (once per run)
        self.compilations: dict[str, int] = {}

    # -- compilation -----------------------------------------------------------------
    def stylesheet_path(self, fmt: str) -> Path:
        return self.xslt_dir / STYLESHEETS[fmt]

    def _compile(self, fmt: str) -> _Compiled:
        from saxonche import PySaxonProcessor

        path = self.stylesheet_path(fmt)
        if not path.is_file():
            raise EditionError("stylesheet not found", path)
        if path.parent.resolve() != XSLT_DIR.resolve():     # an edition's own: it may read nothing
            from .xslt_guard import check_folder
            check_folder(path.parent)
        self.compilations[fmt] = self.compilations.get(fmt, 0) + 1
        processor = PySaxonProcessor(license=False)
        try:
            executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # PySaxonApiError: static errors in the stylesheet
            raise saxon_error(exc, path) from None
        if executable is None:
            raise EditionError("the stylesheet could not be compiled", path)
        processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
        executable.set_capture_result_documents(True)
        return _Compiled(processor, executable)

    def _stylesheet(self, fmt: str) -> _Compiled:
        if fmt not in self._compiled:
            self._compiled[fmt] = self._compile(fmt)
        return self._compiled[fmt]

    def executable(self, fmt: str):
        """The compiled stylesheet for *fmt*, compiled on first use."""
        return self._stylesheet(fmt).executable

    def compile_all(self) -> None:
        for fmt in STYLESHEETS:
            self.executable(fmt)

    # -- transformation --------------------------------------------------------------
    @staticmethod
    def _document(processor, tree: etree._ElementTree | etree._Element | bytes, name: str | None):
        """Saxon's document of *tree*, or of the serialised XML *tree* (without a DOCTYPE)."""
        data = tree if isinstance(tree, bytes) else serialize_without_doctype(tree)
        try:
            return processor.parse_xml(xml_text=data.decode("utf-8"))
        except Exception as exc:
            raise saxon_error(exc, name) from None

    def transform(self, fmt: str, tree, name: str | None = None, **params: str) -> bytes:
        """Run the *fmt* stylesheet over *tree* with stylesheet *params* (strings)."""
        compiled = self._stylesheet(fmt)
        executable, path = compiled.executable, self.stylesheet_path(fmt)
        node = self._document(compiled.processor, tree, name)
        executable.clear_parameters()
        for key, value in params.items():
            if value is not None:
                executable.set_parameter(key, compiled.processor.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:  # dynamic errors, refused reads, xsl:message terminate="yes"
            raise saxon_error(exc, path) from None
        others = executable.get_result_documents() or {}
        if others:
            raise EditionError(f"XSLT: the stylesheet writes other files (xsl:result-document "
                               f"{', '.join(sorted(map(str, others)))}); a transform writes only its output",
                               path)
        if result is None:
            raise EditionError("the transformation produced no output", path)
        return result.encode("utf-8")

    def html(self, tree, name: str | None = None, *, css: str | None = None,
             lang: str | None = None, tei_file: str | None = None,
             pdf_file: str | None = None) -> bytes:
        """The HTML reading edition of a TEI document; *tei_file* and *pdf_file* (relative to the
        HTML) become its download links."""
        return self.transform("html", tree, name, css=css, lang=lang,
                              **{"tei-file": tei_file, "pdf-file": pdf_file})

    def fo(self, tree, name: str | None = None, *, lang: str | None = None, **params: str) -> bytes:
        """The XSL-FO of a TEI document, for :func:`render_pdf`; *params* are fo.xsl's
        (``paper="letter"``, ``margin_inner="20mm"``: underscores for its hyphens)."""
        return self.transform("fo", tree, name, lang=lang,
                              **{key.replace("_", "-"): value for key, value in params.items()})


# -- FO -> PDF ---------------------------------------------------------------------------

def render_pdf(fo_path: str | os.PathLike, pdf_path: str | os.PathLike,
               timeout: int | None = None):
    """Render an XSL-FO file to PDF with Apache FOP, writing through a temporary file.

    An FO made by fo.xsl is laid out so that its index cites the page of every
    mention (once in FOP's worker, in two passes with the fop command:
    :mod:`edition.pdf`, which returns what it found: characters without a
    glyph, FOP's warnings). FOP ends with the
    edition process (:mod:`edition.child`): killed on Ctrl-C, SIGTERM or a
    timeout, and by the kernel when the parent dies.
    """
    from .pdf import FOP_TIMEOUT, render

    fo_path = Path(fo_path)
    if not fo_path.is_file():
        raise EditionError("no such file", fo_path)
    return render(fo_path, Path(pdf_path), timeout=FOP_TIMEOUT if timeout is None else timeout)

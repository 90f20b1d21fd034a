"""The writers: TEI -> HTML and TEI -> XSL-FO through XSLT 3.0 (saxonche), FO -> PDF (Apache FOP).

One :class:`Transformer` holds one Saxon processor and compiles each stylesheet
of ``xslt/`` once, the first time it is needed; every document after that
reuses the compiled stylesheet. Stylesheet parameters (``css``, ``lang``…)
make variants without copies of the stylesheets. Errors reported by Saxon or
FOP become one-line :class:`EditionError`s.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from lxml import etree

from . import child
from .errors import EditionError
from .outputs import testpoint
from .xmlio import atomic_path

XSLT_DIR = Path(__file__).resolve().parents[1] / "xslt"

#: output format -> stylesheet file in the stylesheet folder
STYLESHEETS = {"html": "html.xsl", "fo": "fo.xsl"}

FOP_MISSING = "fop not found: install the Debian package fop (scripts/setup.sh does)"
#: seconds FOP may take for one document
FOP_TIMEOUT = 600

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


class Transformer:
    """Compiled stylesheets for one run: ``html(tree)`` and ``fo(tree)`` return bytes."""

    def __init__(self, xslt_dir: str | os.PathLike = XSLT_DIR):
        from saxonche import PySaxonProcessor

        self.xslt_dir = Path(xslt_dir)
        self._processor = PySaxonProcessor(license=False)
        self._compiler = self._processor.new_xslt30_processor()
        self._executables: dict[str, object] = {}
        #: output format -> how many times its stylesheet was compiled (once per run)
        self.compilations: dict[str, int] = {}

    # -- compilation -----------------------------------------------------------------
    def stylesheet_path(self, fmt: str) -> Path:
        return self.xslt_dir / STYLESHEETS[fmt]

    def _compile(self, fmt: str):
        path = self.stylesheet_path(fmt)
        if not path.is_file():
            raise EditionError("stylesheet not found", path)
        self.compilations[fmt] = self.compilations.get(fmt, 0) + 1
        try:
            executable = self._compiler.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # PySaxonApiError: static errors in the stylesheet
            raise saxon_error(exc, path) from None
        if executable is None:
            raise EditionError("the stylesheet could not be compiled", path)
        return executable

    def executable(self, fmt: str):
        """The compiled stylesheet for *fmt*, compiled on first use."""
        if fmt not in self._executables:
            self._executables[fmt] = self._compile(fmt)
        return self._executables[fmt]

    def compile_all(self) -> None:
        for fmt in STYLESHEETS:
            self.executable(fmt)

    # -- transformation --------------------------------------------------------------
    def _document(self, tree: etree._ElementTree | etree._Element, name: str | None):
        data = etree.tostring(tree, encoding="UTF-8", xml_declaration=True)
        try:
            return self._processor.parse_xml(xml_text=data.decode("utf-8"))
        except Exception as exc:
            raise saxon_error(exc, name) from None

    def transform(self, fmt: str, tree, name: str | None = None, **params: str) -> bytes:
        """Run the *fmt* stylesheet over *tree* with stylesheet *params* (strings)."""
        executable = self.executable(fmt)
        node = self._document(tree, name)
        executable.clear_parameters()
        for key, value in params.items():
            if value is not None:
                executable.set_parameter(key, self._processor.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=node)
        except Exception as exc:  # dynamic errors, xsl:message terminate="yes"
            raise saxon_error(exc, self.stylesheet_path(fmt)) from None
        if result is None:
            raise EditionError("the transformation produced no output", self.stylesheet_path(fmt))
        return result.encode("utf-8")

    def html(self, tree, name: str | None = None, *, css: str | None = None,
             lang: str | None = None) -> bytes:
        """The HTML reading edition of a TEI document."""
        return self.transform("html", tree, name, css=css, lang=lang)

    def fo(self, tree, name: str | None = None, *, lang: str | None = None) -> bytes:
        """The XSL-FO of a TEI document, for :func:`render_pdf`."""
        return self.transform("fo", tree, name, lang=lang)


# -- FO -> PDF ---------------------------------------------------------------------------

def fop_command() -> str:
    fop = shutil.which("fop")
    if not fop:
        raise EditionError(FOP_MISSING)
    return fop


def _fop_error(output: str) -> str:
    """The first line of FOP's output that reports an error."""
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith("[warning]")]  # Debian's launcher chatter
    for marker in ("SEVERE", "ERROR", "Exception", "rror"):
        for ln in lines:
            if marker in ln:
                return ln
    return lines[0] if lines else "FOP failed without a message"


def render_pdf(fo_path: str | os.PathLike, pdf_path: str | os.PathLike,
               timeout: int = FOP_TIMEOUT) -> None:
    """Render an XSL-FO file to PDF with Apache FOP, writing through a temporary file.

    FOP ends with the edition process (:mod:`edition.child`): killed on Ctrl-C,
    SIGTERM or a timeout, and by the kernel when the parent dies.
    """
    fo_path, pdf_path = Path(fo_path), Path(pdf_path)
    if not fo_path.is_file():
        raise EditionError("no such file", fo_path)
    fop = fop_command()
    with atomic_path(pdf_path) as tmp:
        try:
            proc = child.run([fop, "-q", "-fo", str(fo_path), "-pdf", str(tmp)], timeout,
                             started=lambda: testpoint("fop"))
        except subprocess.TimeoutExpired:
            raise EditionError(f"FOP did not finish within {timeout} s", fo_path) from None
        except OSError as exc:
            raise EditionError(f"FOP could not be run: {exc.strerror or exc}", fo_path) from None
        if proc.returncode != 0 or tmp.stat().st_size == 0:
            raise EditionError(f"FOP: {_fop_error(proc.output)}", fo_path)

"""FO -> PDF with Apache FOP, the index citing the page of every mention.

FOP 2.8 has no ``index-page-citation-list``, so the page lists of the index
are made here. The FO (``xslt/fo.xsl``) gives every name in the text an id,
and every index entry an ``fo:inline id="pages-…"`` holding one
``fo:page-number-citation`` per mention. Each page list becomes its merged
pages, "3, 5, 12–14", every page a link to the first mention on it
(:func:`edition.pdf_index.fill_index`), from where FOP laid out the names:

- in FOP's worker (:func:`one_pass`) the book is laid out once: FOP reads the
  FO up to the end of the text's page sequence (``seq-text``) and lays the
  text out, then the worker fills the page lists from FOP's record of ids and
  gives FOP the rest (:meth:`edition.fopworker.Worker.render_indexed`);
- with the ``fop`` command, or an FO whose page lists come before the text, in
  two passes: **pass 1** lays out the text alone (which starts at page 1
  whatever comes before it) and its area tree says on which page each id is
  (:func:`layout_pages`); **pass 2** renders the whole book.

The index comes after the text, so neither its length nor the front matter
moves a page of the text; the contents cite the index's pages through FOP.
An FO without page lists (not made by fo.xsl) is rendered as it is. The
characters of the FO are checked against the fonts
(:func:`edition.fop_config.missing`): a character no font has is reported,
once per character, with where it is (:class:`Missing`), instead of
silently printing "#". FOP's configuration (fonts, hyphenation, PDF/A,
tagged PDF) is written into a temporary folder of the process
(:mod:`edition.fop_config`), the same files for every document of a language.

The process's FOP worker (:mod:`edition.fopclient`: one JVM for every
document) renders, or the ``fop`` command when there is no worker; the same
warnings and errors either way. :func:`warm_up` starts the worker early.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import child, fop_config, fopclient
from .errors import EditionError
from .outputs import testpoint
from .pdf_index import (PAGE_LIST, TEXT_SEQUENCE, fill_index, page_lists, page_numbers,  # noqa: F401
                        page_runs, text_only)
from .xmlio import atomic_path

FOP_MISSING = "fop not found: install the Debian package fop (scripts/setup.sh does)"
#: seconds FOP may take for one pass over a document
FOP_TIMEOUT = 600
PDF_MIME = "application/pdf"
AREA_TREE = "application/X-fop-areatree"

FO_NS = "http://www.w3.org/1999/XSL/Format"
FO = "{%s}" % FO_NS
NS = {"fo": FO_NS}
#: FOP's warning for a character its font lacks
_GLYPH = re.compile(r'Glyph "(.+?)" \(0x([0-9a-fA-F]+)[^)]*\) not available in font "([^"]*)"')


@dataclass
class Missing:
    """A character the PDF's fonts cannot print: how often it occurs and where first."""
    char: str
    count: int = 0
    where: str = ""                  # the FO's id nearest around its first occurrence

    def describe(self) -> str:
        name = unicodedata.name(self.char, "")
        return (f"the character “{self.char}” (U+{ord(self.char):04X}{' ' + name if name else ''}) has no "
                f"glyph in the PDF's fonts ({', '.join(fop_config.FAMILIES)}): it prints as “#”"
                + (f" ({self.count} times)" if self.count > 1 else ""))


@dataclass
class Rendered:
    fo: bytes                                      # the FO as rendered: page lists filled in
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # FOP's other warnings in the final pass
    passes: int = 1                                # the layouts FOP made: 2 for two passes
    unplaced: int = 0                              # mentions laid out on no page
    hyphenation: str | None = None                 # the language hyphenated, if any


# -- FOP ---------------------------------------------------------------------------------

def fop_command() -> str:
    fop = shutil.which("fop")
    if not fop:
        raise EditionError(FOP_MISSING)
    return fop


def fop_error(output: str) -> str:
    """The first line of FOP's output that reports an error."""
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith("[warning]")]  # Debian's launcher chatter
    for marker in ("SEVERE", "ERROR", "Exception", "rror"):
        for ln in lines:
            if marker in ln:
                return ln
    return lines[0] if lines else "FOP failed without a message"


def run_fop(conf: Path, fo: Path, out: Path, *, where: str | Path | None, timeout: int) -> str:
    """Render *fo* to the PDF *out* with the configuration *conf*: FOP's output (its log), or one
    located EditionError. In this process's FOP worker (:mod:`edition.fopclient`), else with the
    ``fop`` command. (Pass 1's layout: :func:`layout_pages`.)"""
    answer = _in_worker(_job(conf, fo, out, False), where, timeout)
    if answer is not None:
        return answer.get("output", "")
    return run_command(["-c", str(conf), "-fo", str(fo), "-pdf", str(out)], where, timeout)


def layout_pages(conf: Path, fo: Path, tree: Path, wanted: set[str], *, where: str | Path | None,
                 timeout: int) -> dict[str, tuple[int, str]]:
    """id -> (page number, page label) of the first page FOP lays each of *wanted* out on (the
    layout of the PDF, configuration *conf*): the FOP worker answers them; the ``fop`` command
    writes its area tree to *tree*, which is read (:func:`edition.pdf_index.page_numbers`)."""
    answer = _in_worker({**_job(conf, fo, tree, True), "ids": sorted(wanted)}, where, timeout)
    if answer is not None:
        return {ident: (int(number), label) for ident, (number, label) in answer["pages"].items()}
    run_command(["-c", str(conf), "-fo", str(fo), "-at", PDF_MIME, str(tree)], where, timeout)
    return page_numbers(tree, wanted)


def _in_worker(job: dict, where: str | Path | None, timeout: int) -> dict | None:
    """*job*'s answer from this process's FOP worker, one located EditionError when it failed, or
    None when FOP runs as a command."""
    kind, classpath = fopclient.engine()
    if kind != "worker":
        return None
    try:
        answer = fopclient.run(job, classpath, timeout, started=lambda: testpoint("fop"))
    except subprocess.TimeoutExpired:
        raise EditionError(f"FOP did not finish within {timeout} s", where) from None
    except OSError as exc:
        raise EditionError(f"FOP: {exc}", where) from None
    if answer is not None and not answer.get("ok"):
        raise EditionError(f"FOP: {fop_error(answer.get('output', ''))}", where)
    return answer


def _job(conf: Path, fo: Path, out: Path, area_tree: bool) -> dict:
    return {"conf": str(conf), "fo": str(fo), "out": str(out),
            "mime": AREA_TREE if area_tree else PDF_MIME, "mimic": PDF_MIME if area_tree else None,
            "allow": [str(fo.parent), str(conf.parent), *map(str, fop_config.font_files().values())]}


def warm_up(lang: str = "en", whole: bool = True) -> None:
    """Start this process's FOP worker now and let it lay out small documents in the background
    (:mod:`edition.fop_warm`: laid out as a real book is, the fonts and the patterns for *lang*) until the
    first real job comes, so that the build's first PDF finds FOP's code loaded and compiled:
    call it at the start of a build that makes PDFs. Not *whole*, only the first, small one
    (FOP's classes: when no conversion comes first, the real job would wait for the others).
    Does nothing when FOP runs as a command; never raises (the first render reports what is
    wrong)."""
    from .fop_warm import documents, text_sequence

    try:
        kind, classpath = fopclient.engine()
        if kind != "worker":
            return
        folder, jobs = fopclient.folder(), []
        for n, data in enumerate(documents(lang, fop_config.FAMILIES)[:None if whole else 1]):
            fo = folder / f"warm-up-{n}.fo"
            if n == 0:      # one configuration for all (the same language, hyphenated)
                setup, _ = _configure(etree.fromstring(data))
            fo.write_bytes(data)
            jobs.append({**_job(setup.path, fo, fo.with_suffix(".pdf"), False),   # as a real book
                         "index_after": text_sequence(n)})
        fopclient.warm_up(classpath, jobs, eager=1)     # the first, small document at once
    except (EditionError, OSError):
        pass


def run_command(args: list[str], where: str | Path | None, timeout: int) -> str:
    """Run the ``fop`` command with *args*; its output, or one located EditionError."""
    fop = fop_command()
    try:
        proc = child.run([fop, *args], timeout, started=lambda: testpoint("fop"))
    except subprocess.TimeoutExpired:
        raise EditionError(f"FOP did not finish within {timeout} s", where) from None
    except OSError as exc:
        raise EditionError(f"FOP could not be run: {exc.strerror or exc}", where) from None
    if proc.returncode != 0:
        raise EditionError(f"FOP: {fop_error(proc.output)}", where)
    return proc.output


def fop_warnings(output: str) -> list[str]:
    """FOP's warnings, one line each, without its prefix, in order, each once."""
    seen: dict[str, None] = {}
    for line in output.splitlines():
        m = re.match(r"\s*\[(?:WARN|WARNING|SEVERE)\]\s+(?:\S+\s+-\s+)?(.*)", line)
        if m and not line.lstrip().startswith("[warning] /"):     # Debian's launcher chatter
            seen.setdefault(m.group(1).strip(), None)
    return list(seen)


# -- characters --------------------------------------------------------------------------

def printed_text(root: etree._Element):
    """(element, text) for every piece of text the PDF prints (not its metadata or bookmarks)."""
    skip = {f"{FO}declarations", f"{FO}bookmark-tree"}
    for el in root.iter():
        if el.tag in skip or any(a.tag in skip for a in el.iterancestors()):
            continue
        if el.text:
            yield el, el.text
        if el.tail and el is not root:
            yield el.getparent(), el.tail


def printed_chars(root: etree._Element) -> set[str]:
    """The characters the PDF prints (:func:`printed_text`), each once."""
    return set("".join(t for _, t in printed_text(root)))


def missing_glyphs(root: etree._Element, printed: set[str] | None = None) -> list[Missing]:
    """The characters the PDF's fonts lack, each with its count and the id nearest its first place
    (*printed*: the characters the PDF prints, read from *root* if not given)."""
    chars: dict[str, Missing] = {}
    if printed is None:
        printed = printed_chars(root)
    lacking = set(fop_config.missing(printed))
    if not lacking:
        return []
    for el, piece in printed_text(root):
        for ch in lacking.intersection(piece):
            entry = chars.setdefault(ch, Missing(ch, 0, _nearest_id(el)))
            entry.count += piece.count(ch)
    return sorted(chars.values(), key=lambda m: ord(m.char))


def _nearest_id(el: etree._Element) -> str:
    for node in (el, *el.iterancestors()):
        if node.get("id"):
            return node.get("id")
    return ""


def _glyph_warnings(warnings: list[str], missing: list[Missing]) -> tuple[list[str], list[Missing]]:
    """FOP's "Glyph … not available" warnings as Missing (for characters the check did not see)."""
    known = {m.char for m in missing}
    rest, extra = [], []
    for line in warnings:
        m = _GLYPH.search(line)
        if not m:
            rest.append(line)
            continue
        ch = chr(int(m.group(2), 16))
        if ch not in known:
            known.add(ch)
            extra.append(Missing(ch, 1, f"font {m.group(3)}"))
    return rest, extra


def diagnostics(rendered: Rendered, tree, path: str | Path, fo_path: str | Path) -> list:
    """The warnings of a render for the build: characters the fonts lack (located in the TEI
    *tree* read from *path*), names the index could not place, FOP's other warnings."""
    from .validation.diagnostics import WARNING, Diagnostic

    out = glyph_diagnostics(rendered.missing, tree, path)
    if rendered.unplaced:
        out.append(Diagnostic(WARNING, str(fo_path), None, None,
                              f"{rendered.unplaced} name(s) of the text were laid out on no page: "
                              "the index does not cite them", "pdf-index"))
    out += [Diagnostic(WARNING, str(fo_path), None, None, f"FOP: {w}", "pdf-fop") for w in rendered.warnings]
    return out


def glyph_diagnostics(missing: list[Missing], tree, path: str | Path) -> list:
    """One warning per character the PDF cannot print, located at its first occurrence in the
    TEI *tree* (the register included), else at the document."""
    from .validation.diagnostics import WARNING, Diagnostic

    root = tree.getroot() if hasattr(tree, "getroot") else tree
    out = []
    for m in missing:
        where = next((el for el in root.iter() if isinstance(el.tag, str)
                      and (m.char in (el.text or "") or any(m.char in (v or "") for v in el.attrib.values()))),
                     None)
        if where is None:
            where = next((el.getparent() for el in root.iter() if isinstance(el.tag, str)
                          and el.getparent() is not None and m.char in (el.tail or "")), None)
        out.append(Diagnostic(
            WARNING, str(path), where.sourceline if where is not None else None, None, m.describe(), "pdf-glyph",
            xpath=root.getroottree().getpath(where) if where is not None else None,
            hint="the TEI and the HTML keep it; for the PDF, a font with the character is needed"))
    return out


# -- the layouts ------------------------------------------------------------------------

def _parse(fo: bytes, where: str | Path | None) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    try:
        return etree.fromstring(fo, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise EditionError(f"FOP: the FO is not well-formed: {exc.msg}", where, line) from None


def _configure(root: etree._Element, folder: Path | None = None,
               chars: set[str] | None = None) -> tuple[fop_config.Setup, Path]:
    """FOP's configurations, tagged (PDF) and not (pass 1's layout), in this process's folder
    (the same files for every document of a language and a way of laying out its script: FOP's
    worker keeps one FopFactory for each); without patterns for the text's language nothing is
    hyphenated; FOP's complex scripts only for a text that needs them (*chars*: the characters
    the PDF prints, read from *root* if not given; :func:`edition.fop_config.needs_shaping`)."""
    hyphenated = root.xpath("//@hyphenate[. = 'true']")
    lang = (root.get("language") or "").lower() if hyphenated else None
    if chars is None:
        chars = printed_chars(root)
    shaped = fop_config.needs_shaping(chars, {str(v) for v in root.xpath("//@language")})
    folder = folder or fopclient.folder()
    suffix = (re.sub(r"[^a-z]", "", lang or "") or "none") + ("" if shaped else "-plain")
    setup = fop_config.write(folder, lang, name=f"fop-{suffix}.xconf", shaped=shaped)
    if hyphenated and setup.hyphenation is None:
        for attr in hyphenated:
            attr.getparent().set("hyphenate", "false")
    layout = fop_config.write(folder, lang, tagged=False, name=f"layout-{suffix}.xconf", shaped=shaped)
    return setup, layout.path


def first_pass(root: etree._Element, folder: Path, layout: Path, name, timeout: int) -> int:
    """Lay out the text alone (configuration *layout*), fill the index's page lists from where
    its names are; the number of names laid out on no page."""
    lists = page_lists(root)
    first, tree = folder / "text.fo", folder / "text.at.xml"
    first.write_bytes(etree.tostring(text_only(root), encoding="UTF-8", xml_declaration=True))
    wanted = {c.get("ref-id") for el in lists for c in el.iter(f"{FO}page-number-citation")}
    return fill_index(root, layout_pages(layout, first, tree, wanted, where=name, timeout=timeout))


def one_pass(root: etree._Element, setup: fop_config.Setup, folder: Path, out: Path, name,
             timeout: int) -> tuple[str, int, int] | None:
    """Render the book in FOP's worker, which lays it out once and fills the index's page lists
    when it has laid out the text (:meth:`edition.fopworker.Worker.render_indexed`); the page
    lists of *root* filled as the worker filled them. FOP's output, the layouts made and the
    names laid out on no page; None when FOP runs as a command or the worker cannot do it."""
    if fopclient.engine()[0] != "worker":
        return None
    book = folder / "book.fo"
    book.write_bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True))
    answer = _in_worker({**_job(setup.path, book, out, False), "index_after": TEXT_SEQUENCE}, name, timeout)
    if answer is None or "pages" not in answer:
        return None
    unplaced = fill_index(root, {ident: (int(number), label) for ident, (number, label) in answer["pages"].items()})
    return answer.get("output", ""), int(answer.get("passes", 1)), unplaced


def render(fo: bytes | Path, pdf_path: str | Path, *, name: str | Path | None = None,
           timeout: int = FOP_TIMEOUT) -> Rendered:
    """Render an FO (bytes, or a file) to *pdf_path* (written through a temporary file)."""
    if isinstance(fo, Path):
        name = name or fo
        try:
            fo = fo.read_bytes()
        except OSError as exc:
            raise EditionError(exc.strerror or str(exc), name) from None
    fop_command()
    root = _parse(fo, name)
    printed = printed_chars(root)
    with tempfile.TemporaryDirectory(prefix="edition-fop-") as tmp:
        folder = Path(tmp)
        setup, layout = _configure(root, chars=printed)
        result = Rendered(b"", hyphenation=setup.hyphenation)
        indexed = bool(page_lists(root)) and bool(root.xpath(f"fo:page-sequence[@id = '{TEXT_SEQUENCE}']",
                                                             namespaces=NS))
        with atomic_path(pdf_path) as out:
            once = one_pass(root, setup, folder, Path(out), name, timeout) if indexed else None
            if once is not None:
                output, result.passes, result.unplaced = once
                result.fo = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
            else:
                if indexed:
                    result.unplaced = first_pass(root, folder, layout, name, timeout)
                    result.passes = 2
                result.fo = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
                final = folder / "book.fo"
                final.write_bytes(result.fo)
                output = run_fop(setup.path, final, Path(out), where=name, timeout=timeout)
            if out.stat().st_size == 0:
                raise EditionError(f"FOP: {fop_error(output)}", name)
        result.missing = missing_glyphs(root, printed)
        result.warnings, extra = _glyph_warnings(fop_warnings(output), result.missing)
        result.missing += extra
    return result

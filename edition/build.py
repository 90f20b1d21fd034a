"""``edition build``: every source -> TEI, validated, then HTML, XSL-FO and PDF.

For a text ``source/NAME.txt`` the build starts from ``source/NAME.xml`` when
that file exists (the scholar's hand-edited TEI, never written by the build)
and converts the plain text otherwise. The output folder may not hold a
source. Each source's outputs are written into a staging folder and swapped
in as one unit (:mod:`edition.outputs`), so a failure or a kill never leaves
a mixed set behind. Stylesheets and schemas are compiled once per run,
whatever the number of sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import register as register_mod
from .config import Config
from .errors import EditionError
from .outputs import OutputFolder, commit, refuse_source_folder
from .pipeline import convert, load_register
from .xmlio import parse_xml, parse_xml_bytes, read_text, serialize

OUTPUTS = ("xml", "html", "fo", "pdf")


@dataclass
class SourceResult:
    name: str
    origin: Path                      # the file the TEI came from (.txt converted, or .xml edited)
    written: list[Path] = field(default_factory=list)
    diagnostics: list = field(default_factory=list)
    error: EditionError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not any(d.severity == "error" for d in self.diagnostics)


@dataclass
class BuildOptions:
    out_dir: Path
    validate: bool = True
    pdf: bool = True
    search: bool = True                                 # index the pages for search (edition.search)
    notice: Callable[[str], None] | None = None         # where the search index reports, one line


def find_sources(config: Config, given: list[str] | tuple[str, ...] = ()) -> list[Path]:
    """The sources to build: the given paths, or every source/*.txt (and source/*.xml without a .txt)."""
    if given:
        return [Path(g) for g in given]
    src = config.root / "source"
    texts = sorted(src.glob("*.txt"))
    stems = {p.stem for p in texts}
    register = config.register.resolve() if config.register else None
    edited = [p for p in sorted(src.glob("*.xml")) if p.stem not in stems and p.resolve() != register]
    return texts + edited


def edited_tei_for(source: Path) -> Path | None:
    """The hand-edited TEI that takes precedence over a plain text, if there is one."""
    if source.suffix == ".xml":
        return source
    candidate = source.with_suffix(".xml")
    return candidate if candidate.exists() else None


class Builder:
    """Builds many sources with one register, one validator and one set of compiled stylesheets."""

    def __init__(self, config: Config, options: BuildOptions):
        self.config = config
        self.options = options
        self.register = load_register(config)
        self._validator = None
        self._transformer = None

    @property
    def validator(self):
        if self._validator is None:
            from .validate import Validator
            self._validator = Validator(self.config, register=self.register)
        return self._validator

    @property
    def transformer(self):
        if self._transformer is None:
            from .transform import Transformer
            self._transformer = Transformer(self.config.xslt_dir)
        return self._transformer

    def tei_for(self, source: Path):
        """The TEI of *source*, the file its diagnostics point to, and that file's text.

        A converted text is serialised and read back under the name of its
        build output, so that every diagnostic has the line and column of
        the file the scholar will open; the text is the one about to be
        written there (not the previous build's file). For a hand-edited TEI
        the text is None: the diagnostics point into the edited file itself.
        """
        edited = edited_tei_for(source)
        if edited is not None:
            tree = parse_xml(edited, allow_xinclude=self.config.allow_xinclude)
            # the build copy gets the register entries as they are now
            register_mod.attach(tree.getroot(), self.register)
            return tree, edited, None
        text = read_text(source)
        tree = convert(text, self.config, source.stem, self.register, self.options.out_dir)
        target = self.options.out_dir / f"{source.stem}.xml"
        data = serialize(tree)
        return parse_xml_bytes(data, str(target)), target, data

    def build_one(self, source: Path, folder: OutputFolder) -> SourceResult:
        result = SourceResult(source.stem, source)
        try:
            tree, origin, data = self.tei_for(source)
            result.origin = origin
            if self.options.validate:
                result.diagnostics = self.validator.check(tree, str(origin), source=data)
                if not result.ok:
                    # the TEI is written so that the reported lines can be looked at; nothing is
                    # transformed from it, and the previous HTML, FO and PDF stay
                    result.written = self._commit(folder, result.name, tree, render=False)
                    return result
            result.written = self._commit(folder, result.name, tree, result=result)
        except EditionError as exc:
            result.error = exc
        except OSError as exc:          # disk full, permissions: this source fails, the others go on
            result.error = EditionError(exc.strerror or str(exc), exc.filename or source)
        return result

    def _pdf(self, fo: bytes, pdf: Path, tree, name: str, result: SourceResult | None) -> bytes:
        """The PDF, in two passes for its index (:mod:`edition.pdf`); the FO as rendered. A
        character the fonts lack, or a warning of FOP, is a warning of the source's result."""
        from .pdf import diagnostics, render

        fo_path = self.options.out_dir / f"{name}.fo"
        rendered = render(fo, pdf, name=fo_path)
        if result is not None:
            result.diagnostics += diagnostics(rendered, tree, result.origin, fo_path)
        return rendered.fo

    def _commit(self, folder: OutputFolder, name: str, tree, render: bool = True,
                result: SourceResult | None = None) -> list[Path]:
        """Write every output into a staging folder, then swap them in as one unit."""
        stage = folder.stage(name)
        try:
            stage.write("xml", serialize(tree))
            remove: list[str] = []
            if render:
                stage.write("html", self.transformer.html(
                    tree, tei_file=f"{name}.xml", pdf_file=f"{name}.pdf" if self.options.pdf else None))
                fo = self.transformer.fo(tree, paper=self.config.paper)
                if self.options.pdf:
                    fo = self._pdf(fo, stage.file("pdf"), tree, name, result)
                else:
                    remove.append(f"{name}.pdf")    # an older PDF would not match the new text
                stage.write("fo", fo)
            return commit(stage, remove)
        finally:
            stage.discard()


def build(config: Config, sources: list[Path], options: BuildOptions,
          progress: Callable[[SourceResult], None] | None = None) -> list[SourceResult]:
    """Build *sources* into options.out_dir, which must not hold any of them (nor the register)."""
    protected = [*sources, *(t for t in map(edited_tei_for, sources) if t is not None)]
    if config.register:
        protected.append(config.register)
    refuse_source_folder(options.out_dir, protected, [config.root / "source"])
    builder = Builder(config, options)
    results = []
    with OutputFolder(options.out_dir) as folder:
        for source in sources:
            result = builder.build_one(source, folder)
            results.append(result)
            if progress:
                progress(result)
        if options.search:
            from .search import index_site
            index_site(folder.path, options.notice)
    return results

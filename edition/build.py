"""``edition build``: every source -> TEI, validated, then HTML, XSL-FO and PDF.

For a text ``source/NAME.txt`` the build starts from ``source/NAME.xml`` when
that file exists (the scholar's hand-edited TEI, never written by the build)
and converts the plain text otherwise. The output folder may not hold a
source. Each source's outputs are written into a staging folder and swapped
in as one unit (:mod:`edition.outputs`), so a failure or a kill never leaves
a mixed set behind. Stylesheets and schemas are compiled once per process,
whatever the number of sources.

A source whose outputs are up to date (:mod:`edition.manifest`) is not built
again; the others are built in this process, or by worker processes with
``jobs`` > 1 (:mod:`edition.parallel`). Nothing heavy (lxml's parse of the
register, the names resources, Saxon) is loaded before something is to be built.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable

from . import urls
from .background import Lane
from .saxonclient import Transforms
from .truecase.beside import Sidecar
from .config import Config
from .errors import EditionError
from .manifest import Manifest, edition_digest, source_key, tei_digest
from .outputs import OutputFolder, commit, refuse_source_folder, stable_ids
from .build_options import BuildOptions, SourceResult
from .source_files import edited_tei_for, find_sources, given_sources  # noqa: F401 (find_sources: as build's)

OUTPUTS = ("xml", "html", "fo", "pdf")


class Builder:
    """Builds many sources with one register, one validator and one set of compiled stylesheets."""

    def __init__(self, config: Config, options: BuildOptions, converting: bool = True,
                 long_first: bool = False):
        """*converting*: whether a text will be converted (the time FOP's warm-up hides in; without
        one, FOP is only started and loads its classes). *long_first*: the first text converted
        is long enough to have a helper process beside its conversion (the FO's Saxon worker
        then starts after it, :class:`edition.saxonclient.Transforms`)."""
        from .pipeline import load_register

        self.config = config
        self.options = options
        self.register = load_register(config)
        self._validator = None
        self._transformer = None
        #: where the stylesheets run: Saxon's worker process, or a thread (edition.saxonclient)
        self.transforms = Transforms(self.transformer, Lane(), process=options.saxon_process,
                                     apart=not options.pdf,
                                     late=("fo",) if long_first and options.truecase_process else ())
        #: where the checks run while the PDF is rendered
        self._checks = Lane("edition-checks")
        #: the truecaser's process, started by the first long damaged text; the recogniser's, by
        #: the first long text with capitals
        from .ner.beside import Recogniser
        self.truecaser = Sidecar() if options.truecase_process else None
        self.recogniser = Recogniser() if options.truecase_process else None
        #: the source whose search index is made beside its PDF (the last of a build), and that
        #: index (edition.search_early)
        self.early_search: str | None = None
        self.early = None
        if options.pdf:
            from .pdf import warm_up
            warm_up(config.language, whole=converting)      # FOP starts loading in the background

    def close(self) -> None:
        """End what the Builder started beside the build (Saxon's workers, the truecaser's and the
        recogniser's processes): all killed at once, then each ended."""
        from .child import signal_groups

        helpers = [h for h in (self.truecaser, self.recogniser) if h is not None]
        signal_groups([*self.transforms.processes(), *(h.proc for h in helpers if h.proc is not None)])
        try:
            self.transforms.close()
        finally:
            for helper in helpers:
                helper.close()

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
        written there (not the previous build's file). For a text converted
        now the tree is None: :meth:`_make` reads it back once Saxon has the
        text (which it reads as it is: no DOCTYPE, no entity). For a
        hand-edited TEI the text is None: the diagnostics point into the
        edited file itself.
        """
        from . import register as register_mod
        from .confine import refuse_source
        from .pipeline import convert
        from .xmlio import parse_xml, parse_xml_bytes, read_text, serialize

        edited = edited_tei_for(source)
        refuse_source(source, edited, self.config)
        if edited is not None:
            tree = parse_xml(edited, allow_xinclude=self.config.allow_xinclude)
            # the build copy gets the register entries as they are now
            register_mod.attach(tree.getroot(), self.register)
            return tree, edited, None
        target = self.options.out_dir / f"{source.stem}.xml"
        if source.stem in self.options.converted:
            try:
                data = target.read_bytes()
            except OSError:
                data = None         # gone since the manifest was read: converted again
            if data is not None:
                return parse_xml_bytes(data, str(target)), target, data
        text = read_text(source)
        tree = convert(text, self.config, source.stem, self.register, self.options.out_dir,
                       truecaser=self.truecaser, recogniser=self.recogniser)
        return None, target, serialize(tree)

    def build_one(self, source: Path, folder: OutputFolder) -> SourceResult:
        result = SourceResult(source.stem, source)
        try:
            tree, origin, data = self.tei_for(source)
            result.origin = origin
            self._make(folder, result, tree, data)
        except EditionError as exc:
            result.error = exc
        except OSError as exc:          # disk full, permissions: this source fails, the others go on
            result.error = EditionError(exc.strerror or str(exc), exc.filename or source)
        return result

    def _make(self, folder: OutputFolder, result: SourceResult, tree, data: bytes | None) -> None:
        """Check the TEI and make its outputs, written into a staging folder and swapped in as one
        unit. The FO and the HTML are made beside the checks (in Saxon's worker processes, or a
        thread: :mod:`edition.saxonclient`), and so is the PDF: with a PDF to make, the checks
        run in a thread of their own meanwhile (lxml lets this one go on). An invalid TEI is
        written so that the reported lines can be looked at; nothing made from it is kept (a PDF
        made meanwhile is dropped, and so is an error of FOP's on it), and the previous HTML, FO
        and PDF stay."""
        from .xmlio import parse_xml_bytes, serialize, serialize_without_doctype

        name, pdf = result.name, self.options.pdf
        stage = folder.stage(name)
        try:
            try:            # Saxon reads a copy: the tree is the checks'
                text, failed = data if tree is None else serialize_without_doctype(tree), None
                fo, html = self.transforms.run(text, [
                    ("fo", {"paper": self.config.paper}),
                    ("html", {"tei_file": urls.file_url(f"{name}.xml"),
                              "pdf_file": urls.file_url(f"{name}.pdf") if pdf else None})])
            except EditionError as exc:
                failed = exc
            if tree is None:        # converted now: read back meanwhile
                tree = parse_xml_bytes(data, str(result.origin))
            # a converted or read-back text as it was parsed (the lines its diagnostics name)
            stage.write("xml", data if data is not None else serialize(tree))
            if pdf and failed is None:
                checks = self._checks.run(self._checked, tree, result, data)
                rendered, failed = self._render(fo, stage, name, html)
                result.diagnostics = checks.result()
            else:
                result.diagnostics = self._checked(tree, result, data)
            if not result.ok:
                stage.file("pdf").unlink(missing_ok=True)
                result.written = commit(stage)
                return
            if failed is not None:
                raise failed
            if pdf:
                made = rendered.fo
                result.diagnostics += self._pdf_diagnostics(rendered, tree, name, result)
            else:
                made = stable_ids(fo.result())
            stage.write("html", self._page(name, html))
            stage.write("fo", made)
            # without the PDF, an older one goes: it would not match the new text
            result.written = commit(stage, [] if pdf else [f"{name}.pdf"])
        finally:
            stage.discard()

    def _checked(self, tree, result: SourceResult, data: bytes | None) -> list:
        """The diagnostics of the checks (none with --no-validate)."""
        if not self.options.validate:
            return []
        return self.validator.check(tree, str(result.origin), source=data)

    def _render(self, fo, stage, name: str, html):
        """(FOP's rendering of the text's FO into the staged PDF, None), or (None, the
        EditionError of the FO's stylesheet or of FOP): the index's pages from FOP's layout
        (:mod:`edition.pdf`). The source :attr:`early_search` names has its search index made
        meanwhile (:mod:`edition.search_early`), from its page once made."""
        from .pdf import render

        try:
            made = stable_ids(fo.result())
        except EditionError as exc:
            return None, exc
        if name == self.early_search:       # from now on only that thread reads the page's reply
            from .search_early import Early
            self.early = Early(self.options.out_dir, f"{name}.html", lambda: stable_ids(html.result()))
        try:
            return render(made, stage.file("pdf"), name=self._fo_path(name)), None
        except EditionError as exc:
            return None, exc

    def _page(self, name: str, html) -> bytes:
        """The text's HTML page: from its search index's thread when it has one."""
        early = self.early
        if early is not None and early.name == f"{name}.html":
            return early.page()
        return stable_ids(html.result())

    def _pdf_diagnostics(self, rendered, tree, name: str, result: SourceResult) -> list:
        """A character the fonts lack, a warning of FOP: warnings of the source's result."""
        from .pdf import diagnostics

        return diagnostics(rendered, tree, result.origin, self._fo_path(name))

    def _fo_path(self, name: str) -> Path:
        return self.options.out_dir / f"{name}.fo"


def build(config: Config, sources: list[Path], options: BuildOptions,
          progress: Callable[[SourceResult], None] | None = None,
          tick: Callable[[SourceResult, int, int], None] | None = None) -> list[SourceResult]:
    """Build *sources* into options.out_dir, which must not hold any of them (nor the register).

    Sources whose outputs are up to date are not built again (unless options.force): their
    results have ``reused`` set. *progress* gets every result in the order of *sources*;
    *tick* gets each built one as soon as it is done, with the count done and to do.
    """
    from .confine import OUTPUT_ADVICE, refuse_link_out
    refuse_link_out(options.out_dir, config.root, OUTPUT_ADVICE)
    protected = [*sources, *(t for t in map(edited_tei_for, sources) if t is not None)]
    if config.register:
        protected.append(config.register)
    refuse_source_folder(options.out_dir, protected, [config.root / "source"])
    with OutputFolder(options.out_dir) as folder:
        manifest = Manifest.load(folder.path)
        tei = tei_digest(config, folder.path)
        common = edition_digest(config, options.validate, options.pdf, folder.path, tei)
        keys = [source_key(common, s, edited_tei_for(s), config.allow_xinclude) for s in sources]
        teis = [source_key(tei, s, edited_tei_for(s), config.allow_xinclude) for s in sources]
        todo = [i for i, s in enumerate(sources)
                if options.force or not manifest.up_to_date(s.stem, keys[i])]
        if not options.force:
            options = replace(options, converted=frozenset(
                sources[i].stem for i in todo
                if edited_tei_for(sources[i]) is None and manifest.converted(sources[i].stem, teis[i])))
        results: list[SourceResult] = []
        early: list = []                # the search index made beside the last PDF, if any
        try:
            try:
                _run(config, sources, options, todo, (keys, teis), manifest, results, progress, tick, early)
            finally:
                if not given_sources(config, sources):
                    manifest.keep_only(s.stem for s in sources)
                manifest.save()
            if options.search and not manifest.search_current():
                from .search import index_site
                made = early[0].adopt(options.notice) if early else None
                if made is not None or index_site(folder.path, options.notice) is not None:
                    manifest.searched()
                    manifest.save()
        finally:
            for index in early:
                index.close()
    return results


def _run(config, sources, options, todo, keys, manifest, results, progress, tick, early: list) -> None:
    """Build the sources of *todo* (indices), reporting every result in the order of *sources*;
    *keys*: the manifest keys of every source's outputs and of its conversion. Built in this
    process with the PDF and the search index, the last source's index is made beside its PDF:
    into *early* (edition.search_early)."""
    def emit(result: SourceResult) -> None:
        results.append(result)
        if progress:
            progress(result)

    def reused_until(stop: int) -> None:
        while len(results) < stop:
            source = sources[len(results)]
            emit(SourceResult(source.stem, edited_tei_for(source) or source, reused=True))

    count = [0]

    def done(result: SourceResult) -> None:
        count[0] += 1
        if tick:
            tick(result, count[0], len(todo))

    def built(n: int, result: SourceResult) -> None:
        index = todo[n]
        reused_until(index)
        if result.ok:
            manifest.record(result.name, keys[0][index], result.written, tei=keys[1][index])
        else:
            manifest.forget(result.name)
        emit(result)

    chosen = [sources[i] for i in todo]
    jobs = min(options.jobs, len(chosen))
    if jobs > 1:
        from .parallel import run_pool

        def broken(n: int) -> SourceResult:
            return SourceResult(chosen[n].stem, chosen[n], error=EditionError(
                "the worker process building it ended unexpectedly; build it again (-j 1 builds "
                "in the build's own process)", chosen[n]))
        worker = options.for_worker()
        run_pool(build_source, chosen, (config, worker), jobs, prepare=prepare_worker,
                 built=built, done=done, broken=broken, out_dir=options.out_dir)
    elif chosen:
        first = next((s for s in chosen if edited_tei_for(s) is None and s.stem not in options.converted), None)
        builder = Builder(config, options, first is not None, first is not None and long_text(first))
        folder = OutputFolder(options.out_dir)
        if options.pdf and options.search:
            builder.early_search = chosen[-1].stem
        try:
            for n, source in enumerate(chosen):
                result = builder.build_one(source, folder)
                done(result)
                built(n, result)
        finally:
            if builder.early is not None:
                early.append(builder.early)
            builder.close()
    reused_until(len(sources))


# -- the unit of work -----------------------------------------------------------------------

_builder: tuple | None = None       # (key, Builder) of this process, for build_source


def _builder_for(config: Config, options: BuildOptions) -> Builder:
    """This process's Builder for *config* and *options* (made again when the register changed)."""
    global _builder
    from .manifest import file_digest
    key = (config, options, file_digest(config.register))
    if _builder is None or _builder[0] != key:
        _builder = (key, Builder(config, options))
    return _builder[1]


def long_text(source: Path) -> bool:
    """Whether the text *source* is long enough for a helper process beside its conversion."""
    from .ner.beside import LEAST as RECOGNISER
    from .truecase.beside import LEAST as TRUECASER
    try:
        return source.stat().st_size >= min(TRUECASER, RECOGNISER)
    except OSError:
        return False


def build_source(source: Path, config: Config, options: BuildOptions) -> SourceResult:
    """Build one source into options.out_dir: its outputs written (one unit), its result returned.

    Its arguments are all it depends on (each process keeps one Builder for them), so it can be
    mapped onto worker processes (:mod:`edition.parallel`), or another engine, as it is."""
    return _builder_for(config, options).build_one(Path(source), OutputFolder(options.out_dir))


def prepare_worker(config: Config, options: BuildOptions) -> None:
    """A worker's start: its Builder, the register read once; a problem is the first source's
    error. Its end: :func:`_finish_worker`, then no teardown (:func:`edition.leave.on_exit`)."""
    from .leave import on_exit

    on_exit(_finish_worker)
    try:
        _builder_for(config, options)
    except Exception:
        pass


def _finish_worker() -> None:
    """What a worker does when its pool ends it: its Builder's helpers and its FOP ended (FOP's
    worker may first write its class archive, :mod:`edition.fop_cds`)."""
    if _builder is not None:
        _builder[1].close()
    fopclient = sys.modules.get(f"{__package__}.fopclient")
    if fopclient is not None:
        fopclient.close()

"""``edition build``: convert, validate and transform every source of the edition."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import click

from ..config import find_root, load
from ..errors import shown
from .common import EXIT_INPUT, EXIT_INVALID, reports_errors
from .validate import report_lines


@click.command("build")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default: build/ in the edition folder).")
@click.option("--no-validate", is_flag=True, help="Transform even TEI that is not valid.")
@click.option("--no-pdf", is_flag=True, help="Skip rendering the PDF with FOP.")
@click.option("--no-search", is_flag=True,
              help="Skip the search index (build/pagefind/; an earlier one is left as it is).")
@click.option("-f", "--force", is_flag=True,
              help="Build every source, even those whose outputs are up to date.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Build N sources at once, in worker processes (default: the number of cores; "
                   "-j 1 builds in this process alone, without the helper processes that make "
                   "a single text's outputs at once).")
@reports_errors
def command(sources: tuple[Path, ...], out_dir: Path | None, no_validate: bool, no_pdf: bool,
            no_search: bool, force: bool, jobs: int | None) -> None:
    """Build the edition: for each SOURCE (default: every source/*.txt) write
    build/NAME.xml, NAME.html, NAME.fo and NAME.pdf.

    When source/NAME.xml exists (your corrected TEI), the build starts from it
    instead of converting source/NAME.txt, and never writes to it. An invalid
    TEI is reported and not transformed (unless --no-validate); the other
    sources are still built. Warnings of one rule that recur are one counted
    line (`edition validate --each-warning build/NAME.xml` lists them all).

    Only what changed is built again: a source whose text, register, lexicon,
    edition.toml, schema, stylesheets, toolkit and options are those of its
    last build, and whose outputs are untouched, is up to date
    (build/.edition-manifest.json records them); --force builds all.
    Examples:

    \b
        edition build                          # every text of source/ that changed
        edition build -j 4 --force             # all of them, four at a time
        edition build source/letter.txt --no-pdf -o /tmp/preview
    """
    from ..build import BuildOptions, build, find_sources
    from ..parallel import default_jobs

    started = time.monotonic()
    root = find_root(Path.cwd())
    config = load(root)
    paths = find_sources(config, sources)
    if not paths:
        click.echo(f"{root / 'source'}: error: no sources to build (put NAME.txt files there)", err=True)
        sys.exit(EXIT_INPUT)
    jobs = jobs or default_jobs()
    # -j 1 asks for one process: the Saxon workers and the truecaser's process, which give a
    # text's work to other cores, are for builds allowed more than one
    options = BuildOptions(out_dir=out_dir or root / "build", validate=not no_validate, pdf=not no_pdf,
                           search=not no_search, notice=lambda line: click.echo(line, err=True),
                           force=force, jobs=jobs, saxon_process=jobs > 1, truecase_process=jobs > 1)
    bar = Progress() if Progress.wanted() else None

    def report(result) -> None:
        lines = report_lines(result.diagnostics)        # recurring warnings counted in one line
        if result.error is not None:
            lines.append(str(result.error))
        if bar:
            bar.clear()
        for line in lines:
            click.echo(line, err=True)
        if bar:
            bar.show()

    try:
        results = build(config, paths, options, progress=report, tick=bar.tick if bar else None)
    finally:
        if bar:
            bar.clear()
    summarise(results, options.out_dir, time.monotonic() - started)


def summarise(results: list, out_dir: Path, seconds: float) -> None:
    """The summary line, and the exit code: 2 when a source could not be read, 1 when one is invalid."""
    reused = [r for r in results if r.reused]
    fresh = [r for r in results if not r.reused]
    if not fresh:
        click.echo(f"nothing changed: {len(reused)} source(s) up to date in {out_dir} ({seconds:.2f} s); "
                   "--force builds them again", err=True)
        return
    built = [r for r in fresh if r.ok]
    invalid = [r for r in fresh if r.error is None and not r.ok]
    failed = [r for r in fresh if r.error is not None]
    files = sum(len(r.written) for r in fresh)
    also = f", {len(reused)} up to date" if reused else ""
    click.echo(f"built {len(built)} of {len(fresh)} source(s){also}, {files} file(s) in "
               f"{out_dir} ({seconds:.1f} s); {len(invalid)} invalid, {len(failed)} unreadable",
               err=True)
    if failed:
        sys.exit(EXIT_INPUT)
    if invalid:
        sys.exit(EXIT_INVALID)


class Progress:
    """One line on the terminal, redrawn as sources are built: a bar, the count, the last name."""

    WIDTH = 28

    def __init__(self) -> None:
        self.line = ""

    @staticmethod
    def wanted() -> bool:
        """On a terminal only: nothing when the output goes to a file or a pipe, or in CI."""
        return (sys.stderr.isatty() and sys.stdout.isatty() and not os.environ.get("CI")
                and os.environ.get("TERM") != "dumb")

    def tick(self, result, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        status = "" if result.ok else " FAILED"
        self.line = f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done}/{total} {shown(result.name)}{status}"
        self.show()

    def show(self) -> None:
        if self.line:
            width = shutil.get_terminal_size().columns - 1
            click.echo("\r\x1b[K" + self.line[:width], err=True, nl=False)

    def clear(self) -> None:
        if self.line:
            click.echo("\r\x1b[K", err=True, nl=False)

"""``edition build``: convert, validate and transform every source of the edition."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..config import find_root, load
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
@reports_errors
def command(sources: tuple[Path, ...], out_dir: Path | None, no_validate: bool, no_pdf: bool,
            no_search: bool) -> None:
    """Build the edition: for each SOURCE (default: every source/*.txt) write
    build/NAME.xml, NAME.html, NAME.fo and NAME.pdf.

    When source/NAME.xml exists (your corrected TEI), the build starts from it
    instead of converting source/NAME.txt, and never writes to it. An invalid
    TEI is reported and not transformed (unless --no-validate); the other
    sources are still built. Warnings of one rule that recur are one counted
    line (`edition validate --each-warning build/NAME.xml` lists them all).
    Examples:

    \b
        edition build                          # every text of source/
        edition build source/letter.txt --no-pdf -o /tmp/preview
    """
    from ..build import BuildOptions, build, find_sources

    root = find_root(Path.cwd())
    config = load(root)
    paths = find_sources(config, sources)
    if not paths:
        click.echo(f"{root / 'source'}: error: no sources to build (put NAME.txt files there)", err=True)
        sys.exit(EXIT_INPUT)
    options = BuildOptions(out_dir=out_dir or root / "build", validate=not no_validate, pdf=not no_pdf,
                           search=not no_search, notice=lambda line: click.echo(line, err=True))
    started = time.monotonic()
    interactive = sys.stderr.isatty()

    def report(result) -> None:
        for line in report_lines(result.diagnostics):     # recurring warnings counted in one line
            click.echo(line, err=True)
        if result.error is not None:
            click.echo(str(result.error), err=True)
        if interactive:
            status = "ok" if result.ok else "FAILED"
            click.echo(f"  [{len(done) + 1}/{len(paths)}] {result.name}: {status}", err=True)
        done.append(result)

    done: list = []
    results = build(config, paths, options, progress=report)
    built = [r for r in results if r.ok]
    invalid = [r for r in results if r.error is None and not r.ok]
    failed = [r for r in results if r.error is not None]
    files = sum(len(r.written) for r in results)
    seconds = time.monotonic() - started
    click.echo(f"built {len(built)} of {len(results)} source(s), {files} file(s) in "
               f"{options.out_dir} ({seconds:.1f} s); {len(invalid)} invalid, {len(failed)} unreadable",
               err=True)
    if failed:
        sys.exit(EXIT_INPUT)
    if invalid:
        sys.exit(EXIT_INVALID)

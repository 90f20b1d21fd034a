"""``edition publish``: build if needed, check, then the bag, its zip, the metadata and the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import find_root, load
from ..errors import shown
from .common import EXIT_INPUT, EXIT_INVALID, reports_errors
from .validate import report_lines


def _build(config, root: Path, build_dir: Path, sources: list[Path]) -> None:
    """The existing build, for the sources that are not built or older than their inputs."""
    from ..build import BuildOptions, build

    click.echo(f"building {len(sources)} source(s) first ({shown(', '.join(s.name for s in sources))})", err=True)
    results = build(config, sources, BuildOptions(out_dir=build_dir, notice=lambda l: click.echo(l, err=True)))
    for result in results:
        for line in report_lines(result.diagnostics):
            click.echo(line, err=True)
        if result.error is not None:
            click.echo(str(result.error), err=True)
    failed = [r.name for r in results if not r.ok]
    if failed:
        click.echo(f"{build_dir}: error: the build failed for {shown(', '.join(failed))}; nothing was published",
                   err=True)
        sys.exit(EXIT_INPUT if any(r.error for r in results) else EXIT_INVALID)


@click.command("publish")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the publication (default: publish/ in the edition folder).")
@click.option("--doi", default="", help="The DOI of the deposit, if the repository has reserved one.")
@click.option("--url", default="", help="Where the site will be served (https://...), if known.")
@click.option("--rebuild", is_flag=True, help="Build every source again, even when the build is up to date.")
@click.option("--force", is_flag=True, help="Publish even when `edition check-publish` finds problems.")
@reports_errors
def command(out_dir: Path | None, doi: str, url: str, rebuild: bool, force: bool) -> None:
    """Make the edition ready to deposit and to put online, from its build
    (built first if it is missing or older than its sources). Writes into
    publish/ (or --out):

    \b
        bag/        a BagIt bag (sha256, sha512) with the TEI, HTML, FO, PDF, the
                    register (TEI, CSV, JSON), the schema and the metadata
        bag.zip     the bag, zipped, for upload
        metadata/   datacite.xml, oai_dc.xml, zenodo.json, CITATION.cff, from the header
        site/       index.html and the files it links to, for any static host

    The readiness report of `edition check-publish` runs first: a failed point
    stops the publication (exit 1) unless --force. A previous publication in
    the folder is replaced only when the new one is complete.

    \b
    Examples:
        edition publish
        edition publish --out /tmp/deposit --doi 10.5281/zenodo.1234567
    """
    from ..build import find_sources
    from ..publish import PublishOptions, publish, stale

    root = find_root(Path.cwd())
    config = load(root)
    build_dir = root / "build"
    if not find_sources(config):
        click.echo(f"{root / 'source'}: error: no sources to publish (put NAME.txt files there)", err=True)
        sys.exit(EXIT_INPUT)
    todo = find_sources(config) if rebuild else stale(config, build_dir)
    if todo:
        _build(config, root, build_dir, todo)
    options = PublishOptions(out_dir=out_dir or root / "publish", doi=doi.strip(), url=url.strip(), force=force,
                             notice=lambda line: click.echo(line, err=True))
    result = publish(config, build_dir, options)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not result.files:
        click.echo(f"not ready to publish: {len(result.problems)} failed point(s); nothing was written "
                   "(--force publishes anyway)", err=True)
        sys.exit(EXIT_INVALID)
    shown = ", ".join(f"{name}" for name in result.files)
    click.echo(f"published into {result.out_dir}: {shown}", err=True)

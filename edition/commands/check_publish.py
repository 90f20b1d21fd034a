"""``edition check-publish``: the readiness report of the built edition, one line per failed point."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import find_root, load
from .common import EXIT_INVALID, reports_errors


@click.command("check-publish")
@click.option("--build-dir", type=click.Path(path_type=Path), default=None,
              help="The built edition to check (default: build/ in the edition folder).")
@reports_errors
def command(build_dir: Path | None) -> None:
    """Check that the built edition is ready for a repository (Zenodo, TAPAS,
    TextGrid, DSpace, Dataverse): its TEI well-formed, in the TEI namespace and
    valid against tei_all; each header with a title, an author or editor, a
    publisher, a licence with its URL, a source description and a language;
    every file under 10 MB; an open licence (CC BY, CC BY-SA, CC0, PDDL,
    ODC-By...); every name's @ref found in the register.

    Each failed point is one line, FILE:LINE: error: what is missing
    [publish-POINT]. Exit status 0 when the edition is ready, 1 when not.

    \b
    Examples:
        edition build && edition check-publish
        edition check-publish --build-dir /tmp/preview
    """
    from ..publish import check

    root = find_root(Path.cwd())
    config = load(root)
    problems = check(config, build_dir or root / "build")
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"not ready to publish: {len(problems)} failed point{'s' * (len(problems) != 1)}", err=True)
        sys.exit(EXIT_INVALID)
    click.echo("ready to publish: every point passed", err=True)

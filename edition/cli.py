"""The ``edition`` command line: thin click commands over the library."""

from __future__ import annotations

import sys

import click

from . import __version__
from .commands import build, candidates, convert, validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def cli() -> None:
    """Turn plain texts into an annotated scholarly edition in TEI XML.

    Run the commands from the edition's folder (the one with edition.toml).
    A typical session: `edition build` converts every text in source/, checks
    it and writes the reading edition to build/. Copy build/NAME.xml to
    source/NAME.xml to correct the markup by hand: from then on the build
    starts from your file and never overwrites it.
    """


for _module in (convert, validate, build, candidates):
    cli.add_command(_module.command)


def main() -> None:
    try:
        cli.main(prog_name="edition", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("edition: interrupted", err=True)
        sys.exit(130)

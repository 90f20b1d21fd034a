"""``edition text FILE.xml``: the plain text of the reading or the diplomatic view."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..reading.views import VIEWS, lines
from ..xmlio import parse_xml, write_atomic
from .common import reports_errors


@click.command("text")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--view", type=click.Choice(VIEWS), default="reading", show_default=True,
              help="reading: the regularised text (capitals, restored letters and dashes, "
                   "gaps as [\u2026]); diplomatic: the source's text exactly.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@reports_errors
def command(file: Path, view: str, output: Path | None) -> None:
    """Write the plain text of a TEI file: one paragraph a line, headings and list
    items as lines of their own, notes left out. For corpus tools, and for checking
    what the reading text changed:

        edition text build/letter.xml --view diplomatic > letter.txt
        diff <(edition text build/letter.xml --view diplomatic) <(edition text build/letter.xml)
    """
    tree = parse_xml(file)
    text = "".join(line + "\n" for line in lines(tree.getroot(), view))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)

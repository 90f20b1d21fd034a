"""``edition convert``: one plain text -> annotated TEI."""

from __future__ import annotations

import datetime as _dt
import shutil
import sys
from pathlib import Path

import click

from ..config import find_root, load
from ..errors import EditionError
from ..xmlio import read_text, serialize, write_atomic
from .common import reports_errors


def backup_path(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.{stamp}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{stamp}-{n}.bak")
    return candidate


@click.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write the TEI (default: SOURCE with .xml; '-' for standard output).")
@click.option("--force", is_flag=True,
              help="Overwrite an existing output file; the old one is kept as OUTPUT.<time>.bak.")
@reports_errors
def command(source: Path, output: Path | None, force: bool) -> None:
    """Convert the plain text SOURCE into an annotated TEI document.

    Every markup pass runs: structure, persons, places, organizations, dates
    and quotations, linked to the edition's register. The result is the TEI
    you then correct by hand, so an existing file is never overwritten unless
    you say --force (and then a backup of it is kept).
    """
    config = load(find_root(Path.cwd()))
    text = read_text(source)
    if text.lstrip().startswith(("<?xml", "<TEI")):
        raise EditionError("is XML, not a plain text: convert takes the plain text; validate or build "
                           "take TEI", source, 1, 1)
    target = output or source.with_suffix(".xml")
    to_stdout = str(target) == "-"
    if not to_stdout and target.exists():
        if target.is_dir():
            raise EditionError("is a directory, not a file", target)
        if not force:
            raise EditionError("exists already and may hold your corrections; not overwritten "
                               "(use --force to replace it, a backup is kept)", target)
    from ..pipeline import convert

    tree = convert(text, config, source.stem, out_dir=Path.cwd() if to_stdout else target.parent)
    data = serialize(tree)
    if to_stdout:
        sys.stdout.buffer.write(data)
        return
    if target.exists():
        backup = backup_path(target)
        shutil.copy2(target, backup)
        click.echo(f"kept the previous version as {backup}", err=True)
    write_atomic(target, data)
    click.echo(f"wrote {target}", err=True)

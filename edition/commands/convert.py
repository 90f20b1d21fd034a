"""``edition convert``: one plain text -> annotated TEI, in an edition or on its own."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import shutil
import sys
from pathlib import Path

import click

from ..config import NEW_EDITION_HINT, defaults, find_root_or_none, language_name, load
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


def config_for(source: Path, title: str | None, language: str | None, register: Path | None):
    """The edition's configuration (with the options applied), or, outside an edition, the
    defaults of a single text; the second value says which."""
    root = find_root_or_none(Path.cwd())
    if root is None:
        return defaults(source, title=title, language=language, register=register), False
    config = load(root)
    changes = {}
    if title:           # this text's title; its other [texts.NAME] overrides stay
        changes["texts"] = {**config.texts, source.stem: {**config.texts.get(source.stem, {}), "title": title}}
    if language:
        changes["language"], changes["language_name"] = language, language_name(language)
    if register:
        changes["register"] = register.resolve()
    return dataclasses.replace(config, **changes), True


@click.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write the TEI (default: SOURCE with .xml; '-' for standard output).")
@click.option("--force", is_flag=True,
              help="Overwrite an existing output file; the old one is kept as OUTPUT.<time>.bak.")
@click.option("--title", help="The title of the text (default: edition.toml's, or the file name).")
@click.option("--language", help="Its language, a tag such as en, fr, de (default: edition.toml's, or en).")
@click.option("--register", type=click.Path(dir_okay=False, path_type=Path),
              help="A register of persons, places and organizations (TEI) to link the names to "
                   "(default: the edition's).")
@reports_errors
def command(source: Path, output: Path | None, force: bool, title: str | None, language: str | None,
            register: Path | None) -> None:
    """Convert the plain text SOURCE into an annotated TEI document.

    Every markup pass runs: structure, persons, places, organizations, dates
    and quotations, linked to the edition's register. The result is the TEI
    you then correct by hand, so an existing file is never overwritten unless
    you say --force (and then a backup of it is kept).

    Outside an edition (no edition.toml here or above) the header comes from
    defaults: the file as the source, its name as the title, "not yet
    published". Example:

    \b
        edition convert letter.txt                       # writes letter.xml
        edition convert letter.txt --title "Letter to Anna, 1843" --language fr
        edition convert source/diary.txt -o - | less     # to standard output
    """
    if register is not None and not register.is_file():
        raise EditionError("register not found", register)
    config, in_edition = config_for(source, title, language, register)
    text = read_text(source)
    if text.lstrip().startswith(("<?xml", "<TEI")):
        raise EditionError("is XML, not a plain text: convert takes the plain text; validate or build "
                           "take TEI", source, 1, 1)
    target = output or source.with_suffix(".xml")
    to_stdout = str(target) == "-"
    if not to_stdout and any(f is not None and target.resolve() == Path(f).resolve()
                             for f in (config.register, config.lexicon, config.path)):
        raise EditionError("is a file of the edition's own (its register, lexicon or edition.toml), "
                           "not the place for a text's TEI: name another with -o", target)
    if not to_stdout and target.exists():
        if target.is_dir():
            raise EditionError("is a directory, not a file", target)
        if not force:
            raise EditionError("exists already and may hold your corrections; not overwritten "
                               "(use --force to replace it, a backup is kept)", target)
    from ..ner.beside import Recogniser
    from ..pipeline import convert
    from ..truecase.beside import Sidecar

    # a long text is recased (lost capitals) or its names found (capitals) on another core meanwhile
    with Sidecar() as truecaser, Recogniser() as recogniser:
        tree = convert(text, config, source.stem, out_dir=Path.cwd() if to_stdout else target.parent,
                       truecaser=truecaser, recogniser=recogniser)
    data = serialize(tree)
    if not in_edition:
        click.echo(f"note: no edition.toml here or above: the header comes from defaults; {NEW_EDITION_HINT}",
                   err=True)
    if to_stdout:
        sys.stdout.buffer.write(data)
        return
    if target.exists():
        backup = backup_path(target)
        shutil.copy2(target, backup)
        click.echo(f"kept the previous version as {backup}", err=True)
    write_atomic(target, data)
    click.echo(f"wrote {target}", err=True)

"""``edition candidates``: names the machine found that are not in the register."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import register as register_mod
from ..candidates import MAX_CONTEXTS, suggest
from ..config import find_root, load
from ..errors import EditionError
from ..xmlio import parse_xml
from .common import reports_errors


def _register_for(file: Path, register_path: Path | None, use_register: bool):
    if not use_register:
        return register_mod.empty()
    if register_path is not None:
        return register_mod.load(register_path)
    try:
        config = load(find_root(file.parent))
    except EditionError:
        return register_mod.empty()          # no edition here: every name is a candidate
    from ..pipeline import load_register
    return load_register(config)


def _lexicon_for(file: Path):
    """The lexicon of the edition *file* belongs to (none outside an edition)."""
    from ..pipeline import load_lexicon
    try:
        config = load(find_root(file.parent))
    except EditionError:
        return None
    return load_lexicon(config)


@click.command("candidates")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="The register to compare with (default: the one named in edition.toml).")
@click.option("--no-register", is_flag=True, help="Compare with an empty register: list every name found.")
@click.option("--contexts", "max_contexts", type=click.IntRange(0), default=MAX_CONTEXTS,
              show_default=True, help="How many passages to show for each name.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for reading, json for other programs.")
@click.option("--take", "takes", multiple=True, metavar="NAME",
              help="Take NAME (as listed) into the register: a new entry with an id, the display name and "
                   "the forms found in the text (repeatable). Then `edition annotate FILE` links its mentions.")
@click.option("--as", "take_as", type=click.Choice(["persName", "placeName", "orgName"]),
              help="With --take: the kind of the entry (default: the kind listed).")
@click.option("--id", "take_id", help="With one --take: the entry's xml:id (default: made from the name).")
@click.option("--display", help="With one --take: the display name (default: the form found, capitalised).")
@click.option("--takes", "takes_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Take the names of this file: JSON [{\"name\": ..., \"element\": ..., \"id\": ..., "
                   "\"display\": ...}] or TSV NAME<TAB>ELEMENT<TAB>ID<TAB>DISPLAY.")
@reports_errors
def command(file: Path, register_path: Path | None, no_register: bool, max_contexts: int,
            fmt: str, takes=(), take_as=None, take_id=None, display=None, takes_file=None) -> None:
    """List the names in FILE.xml that the register does not know yet.

    The machine looks for persons, places and organizations with general
    resources (a gazetteer, titles such as "general" or "father", given names,
    words such as "party" or "committee"). Each suggestion shows the name as
    the text has it, its kind (persName, placeName, orgName), how often it
    occurs, and a few passages with the name in [brackets]. Add the real ones
    to the register (source/register.xml) and convert again: they will then be
    linked with @ref. Examples:

    \b
        edition candidates build/letter.xml
        edition candidates letter.xml --no-register --contexts 0 --format json
        edition candidates source/letter.xml --take "mary kingsley" --display "Mary Kingsley"
    """
    tree = parse_xml(file)
    register = _register_for(file, register_path, not no_register)
    found = suggest(tree.getroot(), register, max_contexts, lexicon=_lexicon_for(file))
    if takes or takes_file:
        from .candidates_take import take_list, take_names
        take_names(file, tree.getroot(), take_list(takes, take_as, take_id, display, takes_file), register,
                   register_path, found)
        return
    if fmt == "json":
        click.echo(json.dumps([s.as_dict() for s in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no names outside the register")
        return
    for s in found:
        click.echo(f"{s.count:5d}  {s.type:<10} {s.name}")
        for c in s.contexts:
            click.echo(f"       ... {c} ...")

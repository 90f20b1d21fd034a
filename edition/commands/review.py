"""``edition review``: the machine's markup no editor has decided yet, and the editor's decisions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import reports_errors

KINDS = {"names": ("persName", "placeName", "orgName"), "dates": ("date",), "quotes": ("quote", "ptr"),
         "reading": ("reg", "gap")}
#: the interactive answers: key -> decision
ANSWERS = {"a": "accept", "r": "reject", "t": "retype", "l": "link", "s": "skip", "q": "quit"}


def on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _line(file: Path, item) -> str:
    ref = f" -> {item.element.get('ref')}" if item.element.get("ref") else ""
    return (f"{file}:{item.line}: {item.cert or '-':<6} {item.tag:<9} {item.id:<10} "
            f"\"{item.words}\"{ref}  ... {item.context} ...")


def _ask(item, register):
    """One decision from the terminal (None: skip; 'quit': stop)."""
    from ..review import Decision
    click.echo(f"\n{item.cert or '-'} {item.tag} \"{item.words}\" ({item.element.get('resp')})"
               + (f" -> {item.element.get('ref')}" if item.element.get("ref") else ""))
    click.echo(f"    ... {item.context} ...")
    key = click.prompt("[a]ccept [r]eject [t]ype [l]ink [s]kip [q]uit", type=click.Choice(list(ANSWERS)),
                       default="s", show_choices=False)
    decision = ANSWERS[key]
    if decision in ("skip", "quit"):
        return None if decision == "skip" else "quit"
    value = ""
    if decision == "retype":
        value = click.prompt("element", type=click.Choice(["persName", "placeName", "orgName"]))
    elif decision == "link":
        ids = {e.id for e in register.entries}
        value = click.prompt("register entry id", type=click.Choice(sorted(ids)), show_choices=False)
    return Decision(item.id, decision, value)


def _interactive(listed, register) -> list:
    decisions = []
    for item in listed:
        if item.tag in ("persName", "placeName", "orgName", "date", "quote", "reg", "gap", "ptr"):
            answer = _ask(item, register)
            if answer == "quit":
                break
            if answer is not None:
                decisions.append(answer)
    return decisions


@click.command("review")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--decisions", "decisions_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Apply the decisions of this file (JSON or TSV, see below) instead of asking.")
@click.option("--list", "list_only", is_flag=True, help="Only list the markup to review (the default "
              "when not on a terminal).")
@click.option("--kind", type=click.Choice(sorted(KINDS)), multiple=True,
              help="Review only these kinds of markup (repeatable).")
@click.option("--editor", help="The xml:id of your respStmt in the header (default: the first editor of "
              "edition.toml that the header has).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The register for linking (default: the edition's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the result here instead of over FILE (a backup of FILE is kept otherwise).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How --list writes the list.")
@reports_errors
def command(file, decisions_path, list_only, kind, editor, register_path, output, fmt) -> None:
    """Review the machine's markup in FILE.xml: accept, reject, retype or link it.

    Lists every element the machine made (@resp of the converter) that no
    editor has decided, lowest @cert first, with its id and the words around
    it. On a terminal it asks for each: [a]ccept (the markup becomes yours:
    your @resp, cert high), [r]eject (the element is taken out, its text
    kept; `edition annotate` will not suggest it again), [t]ype (another
    kind of name), [l]ink (to a register entry), [s]kip or [q]uit. With
    --decisions it applies a file instead, JSON or TSV:

    \b
        [{"id": "3fa9c21b", "decision": "accept"},
         {"id": "77aa01b2", "decision": "reject"},
         {"element": "placeName", "text": "jordan", "decision": "retype", "to": "persName"},
         {"id": "9a8b7c6d", "decision": "link", "ref": "mary-kingsley"}]
    \b
        3fa9c21b<TAB>accept
        5e6f7a8b<TAB>retype<TAB>orgName
        9a8b7c6d<TAB>link<TAB>mary-kingsley
    \b
    Examples:
        edition review source/letter.xml --list --kind names
        edition review source/letter.xml --decisions decisions.tsv
    """
    from ..annotate import document
    from ..annotate.setting import edition_config, editor_for, register_for
    from ..review import apply_decisions, items
    from ..review_decisions import read_decisions

    edited = document.read(file)
    listed = [i for i in items(edited.root) if not kind or i.tag in {t for k in kind for t in KINDS[k]}]
    interactive = decisions_path is None and not list_only and on_terminal()
    if decisions_path is None and not interactive:
        _list(file, listed, fmt)
        return
    who = editor_for(file, edited.root, editor)
    register = register_for(file, register_path, edition_config(file))
    decisions = read_decisions(decisions_path, listed) if decisions_path else _interactive(listed, register)
    done = apply_decisions(edited.root, decisions, who, register)
    if not done:
        click.echo("no decisions: nothing changed")
        return
    click.echo(", ".join(f"{n} {what}" for what, n in sorted(done.items())) + f" (as {who})")
    backup = document.save(edited, output)
    if backup is not None:
        click.echo(f"kept the previous version as {backup}", err=True)
    click.echo(f"wrote {output or file}", err=True)


def _list(file: Path, listed, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([i.as_dict() for i in listed], ensure_ascii=False, indent=2))
        return
    if not listed:
        click.echo("nothing to review")
        return
    for item in listed:
        click.echo(_line(file, item))
    click.echo(f"{len(listed)} to review")

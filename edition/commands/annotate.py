"""``edition annotate``: the markup passes again, on a TEI file that has been edited by hand."""

from __future__ import annotations

from pathlib import Path

import click

from .common import reports_errors


def _describe(added) -> str:
    s = added.suggestion
    name = s.tag.split("}")[1]
    ref = f" -> {s.attrib['ref']}" if s.attrib.get("ref") else ""
    what = "linked" if added.how == "linked" else "added"
    return f'{what} {name} "{s.words}"{ref} ({s.attrib.get("resp", "")}, cert {s.attrib.get("cert", "?")})'


def report_lines(file: Path, report) -> list[str]:
    """What annotate did, a line each, then a summary line."""
    lines = [f"{file}:{a.suggestion.block.sourceline or 0}: {_describe(a)}" for a in report.added]
    for s in report.removed_by_hand:
        lines.append(f'{file}:{s.block.sourceline or 0}: not added again: {s.tag.split("}")[1]} "{s.words}" '
                     "was removed by hand (recorded as rejected)")
    counts = report.counts()
    if counts:
        lines.append("added: " + ", ".join(f"{n} {what}" for what, n in sorted(counts.items())))
    else:
        lines.append("nothing to add")
    if not report.had_record:
        lines.append("note: the file had no record of the machine's earlier suggestions (it was converted "
                     "before edition annotate existed); tags removed by hand before now cannot be told "
                     "from new text. From now on the record is kept in teiHeader/xenoData.")
    return lines


@click.command("annotate")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the result here instead of over FILE (then no backup is needed).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The register to link names to (default: the edition's).")
@click.option("--no-model", is_flag=True, help="Leave out the trained recogniser: the register and the rules only.")
@click.option("--dry-run", is_flag=True, help="Say what would be added; write nothing.")
@reports_errors
def command(file: Path, output: Path | None, register_path: Path | None, no_model: bool, dry_run: bool) -> None:
    """Run the markup passes again on FILE.xml, a TEI file you have edited.

    Names, dates, quotations and the reading text are added only where the
    text has no markup of that kind yet. Nothing you did is undone: no
    element is removed, moved, retyped or changed (the one exception: a
    machine-made name without @ref gets the @ref of a register entry that
    now has it), comments, processing instructions, attribute order and
    whitespace stay as they are. Suggestions rejected with `edition review`,
    and tags you deleted by hand, are not made again: the file keeps a
    record of them in teiHeader/xenoData. FILE is replaced (a backup of it
    is kept as FILE.<time>.bak) unless you give -o. Running it twice adds
    nothing the second time. Examples:

    \b
        edition annotate source/letter.xml              # in place, with a backup
        edition annotate source/letter.xml -o /tmp/new.xml
        edition annotate source/letter.xml --dry-run
    """
    from ..annotate import annotate
    from ..annotate import document
    from ..annotate.setting import context_for

    edited = document.read(file)
    ctx = context_for(file, edited.root, register_path, model=not no_model)
    report = annotate(edited.root, ctx)
    for line in report_lines(file, report):
        click.echo(line)
    if dry_run or not report.changed:
        if output is not None and not dry_run:
            document.save(edited, output)
            click.echo(f"wrote {output}", err=True)
        return
    backup = document.save(edited, output)
    if backup is not None:
        click.echo(f"kept the previous version as {backup}", err=True)
    click.echo(f"wrote {output or file}", err=True)

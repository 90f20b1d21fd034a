"""`edition validate FILE...`: check TEI files against the edition's schema, tei_all or any RELAX NG.

:func:`report_lines` is how diagnostics are shown, here and by ``edition build``:
every error on its own line, warnings of one rule that recur grouped into one
counted line ("12 names point to no register entry; the first: …").
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from .. import config as config_mod
from ..errors import EditionError
from .common import EXIT_INPUT, EXIT_INVALID, fail

#: rule -> (what N of its warnings are, what to do) for the counted line of a group
GROUPS = {
    "name-unlinked": ("names point to no register entry", "see `edition candidates {file}` and add them "
                                                          "to the register"),
}
_NAMED = re.compile(r"^this (\w+) \('(.*)'\)")


def _register_for_hints():
    """The edition's configuration and register, when run in an edition folder: its schema and
    better hints. An edition.toml that cannot be loaded is reported (exit 2), not passed over:
    the files would be checked against the toolkit's schema instead of the edition's."""
    from ..pipeline import load_register
    root = config_mod.find_root_or_none(Path.cwd())
    if root is None:
        return None, None, False
    cfg = config_mod.load(root)
    try:
        return cfg, load_register(cfg), cfg.allow_xinclude
    except OSError:
        return cfg, None, cfg.allow_xinclude


def _summary(path: str, errors: int, warnings: int) -> str:
    verdict = "valid" if not errors else "invalid"
    return f"{path}: {verdict}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _group_line(group: list) -> str:
    """One line for *group*, the warnings of one rule in one file: counted, the first named."""
    first = group[0]
    what, advice = GROUPS.get(first.rule, (f"warnings of the rule {first.rule}",
                                           "`edition validate --each-warning {file}` lists them all"))
    named = _NAMED.match(first.message)
    example = f"'{named.group(2)}' ({named.group(1)})" if named else " ".join(first.message.split())
    where = f" at {first.xpath}" if first.xpath else ""
    return (f"{first.location()}: warning: {len(group)} {what}; the first: {example}{where}; "
            f"{advice.format(file=_shown(first.path))} [{first.rule}]")


def _shown(path: str) -> str:
    """*path* relative to the working folder when it is below it (for a command to copy)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def report_lines(diagnostics: list, each_warning: bool = False) -> list[str]:
    """The diagnostics as lines to print: errors one by one; warnings of one rule in one file
    one by one when they are few (one), else as one counted line at the first of them."""
    if each_warning:
        return [str(d) for d in diagnostics]
    groups: dict[tuple[str, str], list] = {}
    for d in diagnostics:
        if d.severity != "error":
            groups.setdefault((d.path, d.rule), []).append(d)
    lines = []
    for d in diagnostics:
        group = groups.get((d.path, d.rule)) if d.severity != "error" else None
        if not group or len(group) == 1:
            lines.append(str(d))
        elif group[0] is d:
            lines.append(_group_line(group))
    return lines


def _load_validator(schema: str | None):
    from ..validate import validator_for
    try:
        config, register, allow_xinclude = _register_for_hints() if schema in (None, "edition") \
            else (None, None, False)
    except EditionError as exc:             # the edition's edition.toml: its lines, exit 2
        fail(exc)
    try:
        return validator_for(schema, config, register=register, allow_xinclude=allow_xinclude)
    except EditionError as exc:
        click.echo(str(exc) if exc.path else f"edition: error: cannot load the schema: {exc.message}", err=True)
        sys.exit(EXIT_INPUT)
    except OSError as exc:
        click.echo(f"edition: error: cannot load the schema: {exc}", err=True)
        sys.exit(EXIT_INPUT)


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, path_type=str))
@click.option("--schema", metavar="edition|tei_all|FILE.rng", default="edition", show_default=True,
              help="edition: the edition's grammar and rules (schema/, the toolkit's if the edition has "
                   "none); tei_all: the official TEI P5 schema, for a file from any project; FILE.rng "
                   "(or .rnc): your own RELAX NG, with FILE.sch beside it if there is one.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per problem (file:line:col: severity: message [rule]); json: for programs.")
@click.option("--no-warnings", is_flag=True, help="Report errors only.")
@click.option("--each-warning", is_flag=True,
              help="One line for every warning (by default warnings of one rule that recur are counted "
                   "in one line).")
def command(files, schema, fmt, no_warnings, each_warning) -> None:
    """Check TEI files against the edition's schema: the grammar (schema/edition.rng)
    and the rules (schema/edition.sch: pointers to the register, ISO dates, unique
    ids, @resp, licence and source in the header), or against another schema.

    Every problem is reported at once as FILE:LINE:COL: error|warning: message
    [rule-id], followed by the XPath of the element and a hint, then a summary
    line per file. Exit status: 0 all files valid (warnings allowed), 1 some
    file invalid, 2 some file could not be read (missing, not XML, empty).
    Examples:

    \b
        edition validate build/letter.xml
        edition validate letter.xml --schema tei_all      # any TEI file, the whole of TEI
        edition validate other.xml --schema ~/schemas/my.rng --format json
    """
    from ..validate import check_files, errors_in, warnings_in

    validator = _load_validator(schema)
    try:
        checked = check_files(validator, list(files))
    except EditionError as exc:             # the schema itself could not be used
        click.echo(str(exc), err=True)
        sys.exit(EXIT_INPUT)
    results = []
    status = 0
    for path, diagnostics in checked.items():
        if isinstance(diagnostics, EditionError):
            status = EXIT_INPUT
            results.append({"file": path, "readable": False, "valid": False, "error": str(diagnostics),
                            "errors": 1, "warnings": 0, "diagnostics": []})
            if fmt == "text":
                click.echo(str(diagnostics), err=True)
            continue
        if no_warnings:
            diagnostics = errors_in(diagnostics)
        errors, warnings = len(errors_in(diagnostics)), len(warnings_in(diagnostics))
        if errors and status == 0:
            status = EXIT_INVALID
        results.append({"file": path, "readable": True, "valid": not errors, "errors": errors,
                        "warnings": warnings, "diagnostics": [d.to_dict() for d in diagnostics]})
        if fmt == "text":
            for line in report_lines(diagnostics, each_warning):
                click.echo(line)
            click.echo(_summary(path, errors, warnings))
    if fmt == "json":
        click.echo(json.dumps({"valid": status == 0, "schema": schema, "files": results}, indent=2,
                              ensure_ascii=False))
    sys.exit(status)

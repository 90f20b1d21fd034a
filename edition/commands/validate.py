"""`edition validate FILE...`: check TEI files against the edition's grammar and rules."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import config as config_mod
from ..errors import EditionError
from .common import EXIT_INPUT, EXIT_INVALID


def _register_for_hints():
    """The edition's register, when run in an edition folder: it makes better hints."""
    from ..pipeline import load_register
    try:
        cfg = config_mod.load(config_mod.find_root(Path.cwd()))
        return load_register(cfg), cfg.allow_xinclude
    except (EditionError, OSError):
        pass
    return None, False


def _summary(path: str, errors: int, warnings: int) -> str:
    verdict = "valid" if not errors else "invalid"
    return f"{path}: {verdict}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per problem (file:line:col: severity: message [rule]); json: for programs.")
@click.option("--no-warnings", is_flag=True, help="Report errors only.")
def command(files, fmt, no_warnings) -> None:
    """Check TEI files against the edition's schema: the grammar (schema/edition.rng)
    and the rules (schema/edition.sch: pointers to the register, ISO dates, unique
    ids, @resp, licence and source in the header).

    Every problem is reported at once as FILE:LINE:COL: error|warning: message
    [rule-id], followed by the XPath of the element and a hint, then a summary
    line per file. Exit status: 0 all files valid (warnings allowed), 1 some
    file invalid, 2 some file could not be read (missing, not XML, empty).
    """
    from ..validate import Validator, errors_in, warnings_in

    register, allow_xinclude = _register_for_hints()
    try:
        validator = Validator(register=register, allow_xinclude=allow_xinclude)
    except (OSError, EditionError) as exc:
        click.echo(f"edition: error: cannot load the schema: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    results = []
    status = 0
    for path in files:
        try:
            try:
                diagnostics = validator.check_file(path)
            except OSError as exc:
                raise EditionError(exc.strerror or str(exc), path) from None
        except EditionError as exc:
            status = EXIT_INPUT
            results.append({"file": path, "readable": False, "valid": False, "error": str(exc),
                            "errors": 1, "warnings": 0, "diagnostics": []})
            if fmt == "text":
                click.echo(str(exc), err=True)
            continue
        if no_warnings:
            diagnostics = errors_in(diagnostics)
        errors, warnings = len(errors_in(diagnostics)), len(warnings_in(diagnostics))
        if errors and status == 0:
            status = EXIT_INVALID
        results.append({"file": path, "readable": True, "valid": not errors, "errors": errors,
                        "warnings": warnings, "diagnostics": [d.to_dict() for d in diagnostics]})
        if fmt == "text":
            for d in diagnostics:
                click.echo(str(d))
            click.echo(_summary(path, errors, warnings))
    if fmt == "json":
        click.echo(json.dumps({"valid": status == 0, "files": results}, indent=2, ensure_ascii=False))
    sys.exit(status)

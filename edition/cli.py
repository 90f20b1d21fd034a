"""The ``edition`` command line: thin click commands over the library."""

from __future__ import annotations

import importlib
import signal
import sys

import click


#: command name -> the module of edition.commands that defines it. A command's module is
#: imported only when that command runs or --help lists it, and the modules import the
#: library (the pipeline, the validator, Saxon...) only inside the command's function,
#: so `edition --help` and `edition convert` load what they use and nothing else.
COMMANDS = {"build": "build", "candidates": "candidates", "convert": "convert", "new": "new",
            "text": "text", "validate": "validate",
            "annotate": "annotate", "review": "review",
            "publish": "publish", "check-publish": "check_publish"}


class LazyGroup(click.Group):
    """A click group whose commands are imported the first time they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(f"{__package__}.commands.{COMMANDS[cmd_name]}")
            self.add_command(module.command, cmd_name)
        return self.commands.get(cmd_name)


def _version(ctx: click.Context, param, value: bool) -> None:
    """--version: the toolkit and the Saxon, lxml, FOP and jing it found (no Java started)."""
    if not value or ctx.resilient_parsing:
        return
    from .versions import report
    for line in report():
        click.echo(line)
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the versions of edition, Saxon, lxml, FOP and jing, and exit.")
def cli() -> None:
    """Turn plain texts into an annotated scholarly edition in TEI XML.

    Run the commands from the edition's folder (the one with edition.toml).
    A typical session: `edition build` converts every text in source/, checks
    it and writes the reading edition to build/. Copy build/NAME.xml to
    source/NAME.xml to correct the markup by hand: from then on the build
    starts from your file and never overwrites it.

    \b
    First steps:
        edition convert letter.txt        # one text, in any folder: letter.xml
        edition new my-edition            # a new edition folder, ready to build
        cd my-edition && edition build    # build/NAME.xml, .html, .fo, .pdf
    """


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: raised where the program is, so that cleanups run (FOP is ended, staging
    folders are removed); not a KeyboardInterrupt, which click would turn into "Aborted!"."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum, frame) -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)       # a second Ctrl-C does not break the cleanup
    raise Interrupted(signum)


def _stop(signum: int) -> int:
    what = "interrupted" if signum == signal.SIGINT else "terminated"
    click.echo(f"edition: {what}; the outputs being written were left as they were", err=True)
    return 128 + signum


def main() -> None:
    """The console script: exit 130 on Ctrl-C and 143 on SIGTERM, with one line. The process
    ends without the interpreter's teardown (:mod:`edition.leave`)."""
    from .leave import exit_status, leave

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _interrupt)
    try:
        code = cli.main(prog_name="edition", standalone_mode=False)
        code = code if isinstance(code, int) else 0
    except Interrupted as exc:
        code = _stop(exc.signum)
    except (KeyboardInterrupt, click.exceptions.Abort):
        code = _stop(signal.SIGINT)
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        code = exit_status(exc.code)
    leave(code)

"""The ``edition`` command line: thin click commands over the library."""

from __future__ import annotations

import signal
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


def _stop(signum: int) -> None:
    what = "interrupted" if signum == signal.SIGINT else "terminated"
    click.echo(f"edition: {what}; the outputs being written were left as they were", err=True)
    sys.exit(128 + signum)


def main() -> None:
    """The console script: exit 130 on Ctrl-C and 143 on SIGTERM, with one line."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _interrupt)
    try:
        code = cli.main(prog_name="edition", standalone_mode=False)
    except Interrupted as exc:
        _stop(exc.signum)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _stop(signal.SIGINT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)

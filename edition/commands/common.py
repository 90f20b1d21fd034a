"""What the commands share: reporting an EditionError as one line and exit 2."""

from __future__ import annotations

import functools
import sys

import click

from ..errors import EditionError

EXIT_INVALID = 1
EXIT_INPUT = 2


def fail(error: EditionError) -> None:
    click.echo(str(error), err=True)
    sys.exit(EXIT_INPUT)


def reports_errors(func):
    """Turn an EditionError (bad input) into its one-line message and exit code 2."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except EditionError as exc:
            fail(exc)
        except OSError as exc:
            fail(EditionError(exc.strerror or str(exc), exc.filename))
    return wrapper

"""The one exception a scholar sees: a located, one-line message."""

from __future__ import annotations

import re

#: characters a terminal acts on (C0, DEL, C1): a file name or a text may hold them
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """*text* with its control characters written as escapes ("a\\nb", "\\x1b[2J"), so that a
    message stays one line and no file name can move the cursor or retitle the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def control_in(text: str) -> str | None:
    """The first control character of *text*, shown as an escape, or None."""
    found = _CONTROL.search(text)
    return shown(found.group()) if found else None


class EditionError(Exception):
    """A problem with the user's input, reported as ``file:line:col: error: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, severity: str = "error"):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity

    def location(self) -> str:
        parts = [str(self.path)] if self.path else []
        if self.path and self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = shown(self.location())
        text = shown(" ".join(self.message.split()))
        return f"{where}: {self.severity}: {text}" if where else f"{self.severity}: {text}"

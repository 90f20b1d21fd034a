"""The one exception a scholar sees: a located, one-line message."""

from __future__ import annotations


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
        where = self.location()
        text = " ".join(self.message.split())
        return f"{where}: {self.severity}: {text}" if where else f"{self.severity}: {text}"

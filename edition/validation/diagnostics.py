"""A diagnostic: one problem found in one file, located and explained."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import shown

ERROR = "error"
WARNING = "warning"


@dataclass
class Diagnostic:
    severity: str                 # error | warning
    path: str                     # the file
    line: int | None
    column: int | None
    message: str
    rule: str                     # rule id: a Schematron assert id, or grammar-*
    xpath: str | None = None      # /TEI/text/body/div[2]/p[3]/persName
    hint: str | None = None       # what to do about it (did you mean …?)
    #: (element, attribute name) the diagnostic is about; used to merge duplicates, not shown
    subject: tuple = field(default=(), repr=False, compare=False)

    def location(self) -> str:
        parts = [self.path]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{shown(self.location())}: {self.severity}: {shown(' '.join(self.message.split()))} [{self.rule}]"
        extra = [shown(part) for part in (f"at {self.xpath}" if self.xpath else None, self.hint) if part]
        if extra:
            text += "\n    " + "; ".join(extra)
        return text

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("subject", None)
        return data


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line or 0, d.column or 0, d.rule)

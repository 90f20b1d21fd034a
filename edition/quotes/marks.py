"""Pair quotation marks in a block of text that lost many of them.

The source keeps straight double quotes (``"``) and straight single quotes
(``'``); curly quotes were deleted. Marks may be unbalanced (``nachalo" ("the
beginning")``) and the single quote is also an apostrophe (``workers'``,
``trotsky's``). A mark is an opener when it stands after a space or bracket and
before a word, a closer when it stands after a word or punctuation and before a
space, punctuation or the end; a closer without an opener, or an opener whose
closer never comes, is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

#: characters after which a mark can open a quotation
OPEN_BEFORE = set(" \t\n([{/-")
#: characters after which a closing mark can stand
CLOSE_AFTER = set(" \t\n,.;:)]}!?-")
#: the longest span a pair of single quotes may enclose (they are mostly apostrophes)
SINGLE_MAX = 200


@dataclass(frozen=True)
class QuotedSpan:
    open: int       # offset of the opening mark
    close: int      # offset of the closing mark
    mark: str

    @property
    def start(self) -> int:
        """First character inside the marks."""
        return self.open + 1

    @property
    def end(self) -> int:
        """Offset of the closing mark (end of the inside)."""
        return self.close


def _role(text: str, k: int) -> str:
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    can_open = before in OPEN_BEFORE and not after.isspace()
    can_close = not before.isspace() and (after in CLOSE_AFTER or after in "\"'")
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if before.isalnum() and after.isalnum():
        return "inner"     # "trotsky"the, or an apostrophe in a word
    return "either"


def pair_marks(text: str, mark: str = '"') -> list[QuotedSpan]:
    """Pairs of *mark* in *text*, in order; unmatched marks are dropped."""
    spans: list[QuotedSpan] = []
    pending: int | None = None
    k = text.find(mark) if len(mark) == 1 else -1
    while k >= 0:                         # the marks only, found in C
        at, k = k, text.find(mark, k + 1)
        role = _role(text, at)
        if mark == "'" and role == "inner":
            continue                      # apostrophe inside a word
        if mark == "'" and pending is not None and at - pending > SINGLE_MAX:
            pending = None
        if role == "open":
            pending = at                  # an earlier opener without closer is dropped
        elif role == "close":
            if pending is not None:
                spans.append(QuotedSpan(pending, at, mark))
                pending = None
        else:                             # inner / either: close a pending quote, else open
            if pending is not None:
                spans.append(QuotedSpan(pending, at, mark))
                pending = None
            elif mark == '"':
                pending = at
    return [s for s in spans if s.close > s.open + 1]


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Double- and single-quoted spans of *text*; single quotes inside double ones are kept too."""
    doubles = pair_marks(text, '"')
    singles = pair_marks(text, "'")
    return sorted(doubles + singles, key=lambda s: s.open)

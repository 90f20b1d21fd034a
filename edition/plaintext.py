"""Reading a plain-text source: its encoding, its line ends, the characters XML can hold.

The checks are made once, when the text is read, so that every later step
(the reader, the passes, lxml) gets a text it can take: a problem is reported
as ``file:line:col: error: …`` at the first character concerned, never as a
traceback from deep inside the conversion.

- UTF-8 only; a UTF-16 or UTF-32 file is recognised and named, with the
  ``iconv`` command that converts it.
- A line ends at LF, CRLF or a lone CR (old Mac files): the reader makes one
  block of each line, whatever the convention. Line ends are not part of the
  diplomatic text, so nothing of the text is lost.
- A form feed (U+000C, the page break of text taken from PDF or OCR) is kept
  as a page break: the reader writes ``<pb/>`` where it stood.
- Any other character that XML 1.0 cannot hold (the C0 controls but tab, LF
  and CR; U+FFFE, U+FFFF) is an error at its line and column.
- A line longer than :data:`MAX_LINE_BYTES` (in UTF-8) is refused: the XML
  parser, which keeps its default limits for safety, could not read its TEI
  back (one text node holds at most 10 MB).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import EditionError

#: the page break of PDF and OCR text; the reader turns it into <pb/>
FORM_FEED = "\x0c"
#: LF, CRLF or a lone CR
LINE_END = re.compile(r"\r\n|\r|\n")
#: characters XML 1.0 cannot hold (surrogates never come out of the UTF-8 decoder), form feed aside
NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
#: libxml2's limit for one text node when it parses without XML_PARSE_HUGE (lxml's huge_tree=False)
MAX_LINE_BYTES = 10_000_000

CONTROL_NAMES = {0x0B: "vertical tab", 0x1B: "escape", 0x08: "backspace", 0x07: "bell",
                 0x1A: "substitute, the DOS end of file", 0xFFFE: "a noncharacter",
                 0xFFFF: "a noncharacter"}

#: share of NUL bytes in every second (fourth) byte that makes a text UTF-16 (UTF-32) without a BOM
WIDE_ZERO_SHARE = 0.6
_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"),
         (b"\xfe\xff", "UTF-16"), (b"\xff\xfe", "UTF-16"))


def split_lines(text: str) -> list[str]:
    """The lines of *text*, ended by LF, CRLF or CR (the line ends themselves dropped)."""
    return LINE_END.split(text)


def wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when *data* looks like one (a byte-order mark, or NULs in every pair)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None

    def zeros(step: int, at: int) -> bool:
        part = sample[at::step]
        return part.count(0) >= WIDE_ZERO_SHARE * len(part)

    if all(zeros(4, i) for i in (1, 2, 3)) or all(zeros(4, i) for i in (0, 1, 2)):
        return "UTF-32"
    if zeros(2, 0) or zeros(2, 1):
        return "UTF-16"
    return None


def decode(data: bytes, path: str | Path) -> str:
    """The text of a source file's bytes, or an EditionError that says what the bytes are."""
    wide = wide_encoding(data)
    if wide:
        raise EditionError(f"{wide} text, not UTF-8: convert it first, e.g. "
                           f"iconv -f {wide} -t UTF-8 {path} > {Path(path).stem}.utf8.txt", path)
    if b"\x00" in data:
        raise EditionError("binary file, not a plain text (contains NUL bytes)", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_line_col(data, exc.start)
        raise EditionError(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path, line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def check(text: str, path: str | Path) -> None:
    """Refuse a character XML cannot hold and a line too long for the parser, at its line and column."""
    m = NOT_XML.search(text)
    if m:
        line, col = line_col(text, m.start())
        code = ord(m.group())
        name = CONTROL_NAMES.get(code, "a control character")
        raise EditionError(f"U+{code:04X} ({name}) cannot be written in XML; remove it from the text "
                           "(only tab, line ends and form feeds, which become page breaks, are kept)",
                           path, line, col)
    if len(text) > MAX_LINE_BYTES // 4:          # only then can a line be too long
        for number, line in enumerate(split_lines(text), 1):
            size = len(line.encode("utf-8"))
            if size > MAX_LINE_BYTES:
                raise EditionError(f"line of {size / 1e6:.1f} MB: the XML parser reads at most "
                                   f"{MAX_LINE_BYTES / 1e6:.0f} MB of text in one piece; "
                                   "break the line into paragraphs (blank lines between them)",
                                   path, number, 1)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of *offset*, with the line ends of :func:`split_lines`."""
    ends = list(LINE_END.finditer(text, 0, offset))
    if not ends:
        return 1, offset + 1
    return len(ends) + 1, offset - ends[-1].end() + 1


def _byte_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset; the bytes before it are valid UTF-8."""
    before = data[:offset].decode("utf-8")
    return line_col(before, len(before))

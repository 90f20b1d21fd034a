"""Name forms as a text may show them: lowercased, diacritics folded or lost.

The register writes names in normal orthography ("José Martí"); a text may
keep the diacritics, fold them ("jose") or have lost every non-ASCII letter
("jos"). :func:`variants` gives every lowercase form to look for.
"""

from __future__ import annotations

import re
import unicodedata

#: typographic characters and their ASCII equivalents (applied before folding)
ASCII_EQUIVALENTS = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ",
})
#: letters NFKD does not decompose
LETTER_FOLDS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l",
                              "ı": "i", "þ": "th", "ð": "d"})
LEADING_ARTICLE = re.compile(r"^the\s+")
SPACES = re.compile(r"\s+")


def lower(form: str) -> str:
    """Lowercase (NFC) with spaces collapsed."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", form).strip().lower())


def fold(form: str) -> str:
    """Diacritics folded: "ramón" -> "ramon"; typographic marks made ASCII."""
    s = lower(form).translate(LETTER_FOLDS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.translate(ASCII_EQUIVALENTS)


def strip_non_ascii(form: str) -> str:
    """Every non-ASCII character deleted, as in a damaged text: "ramón" -> "ramn"."""
    return SPACES.sub(" ", "".join(c for c in lower(form) if ord(c) < 128)).strip()


def variants(form: str) -> set[str]:
    """Every lowercase form under which *form* may appear in a text ("the" left outside)."""
    out = set()
    for v in (lower(form), fold(form), strip_non_ascii(form), lower(form).translate(ASCII_EQUIVALENTS)):
        v = LEADING_ARTICLE.sub("", v).strip()
        if v:
            out.add(v)
    return out


def text_lower(text: str) -> str:
    """Lowercase a text without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

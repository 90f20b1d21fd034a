"""Where sentences begin in a block of lowercased tokens (see :func:`edition.ner.tokenize.tokenize`).

Without capitals, a full stop is the only sign, and the tokeniser already keeps the stop of an
abbreviation or an initial in its token (``mr.``, ``st.``, ``e.`` ``g.``, ``j.``, ``no.``): a ``.``,
``!`` or ``?`` token ends a sentence, and the next *word* (a token with a letter or digit; quotes
and brackets between are skipped) begins one. The first word of a block begins one too.

Each word gets one of these kinds, features of the model (which has the last word):

* ``S``: a sentence begins here (block start, after ``.``, ``!``, ``?``);
* ``E``: after an ellipsis (``...``), often no new sentence;
* ``A``: after an abbreviation or initial with its stop (``mr.``, ``j.``): rarely a new sentence;
* ``C``: after a colon;
* ``Q``: after an opening quotation mark inside a sentence (``he said, "the ...``);
* ``""``: none of these.
"""

from __future__ import annotations

from ..ner.tokenize import tokenize

ENDS = frozenset(".!?")
#: quotation marks and brackets that may stand between a sentence end and the next word
OPENING = frozenset("\"'([{`\u201c\u2018")


def is_word(token: str) -> bool:
    return token.isalnum() or any(c.isalnum() for c in token)


def starts(tokens: list[str]) -> list[str]:
    """The kind (see the module) of every token: ``""`` for tokens that are no words."""
    out = [""] * len(tokens)
    pending = "S"           # the kind the next word gets
    for i, tok in enumerate(tokens):
        if is_word(tok):
            out[i] = pending
            pending = "A" if tok.endswith(".") and len(tok) > 1 else ""
        elif tok in ENDS:
            ellipsis = tok == "." and i > 0 and tokens[i - 1] == "."
            pending = "E" if ellipsis else "S"
        elif tok == ":":
            pending = "C"
        elif tok in OPENING:
            if pending == "":
                pending = "Q"
        elif pending in ("A", "C", "Q") and tok not in (")", "]", "}"):
            pending = ""     # a comma, dash ...: no longer right after the sign
    return out


def sequences(kinds: list[str], longest: int = 150, shortest: int = 8):
    """(start, end) ranges cutting a block into sentence-sized pieces for tagging: before a
    sentence start once the piece has *shortest* tokens, and after *longest* tokens anyway."""
    start = 0
    for i, kind in enumerate(kinds):
        if i > start and ((kind == "S" and i - start >= shortest) or i - start >= longest):
            yield start, i
            start = i
    if start < len(kinds):
        yield start, len(kinds)


#: where a token stands in a hyphenated word: its first part, a later part, the hyphen itself
FIRST, PART, HYPHEN = "first", "part", "hyphen"
_HYPHENS = "-\u2010"


def words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokens of *text* (:func:`edition.ner.tokenize.tokenize`) with every hyphenated word
    split into its parts and hyphens (each part has its own capital: ``Austro-Hungarian``,
    ``non-European``), and for each token its place in such a word (``""`` outside one)."""
    spans: list[tuple[int, int]] = []
    marks: list[str] = []
    for s, e in tokenize(text):
        token = text[s:e]
        if len(token) < 3 or ("-" not in token and "\u2010" not in token):     # _HYPHENS
            spans.append((s, e))
            marks.append("")
            continue
        start = s
        for k in range(s, e + 1):
            if k == e or text[k] in _HYPHENS:
                if k > start:
                    spans.append((start, k))
                    marks.append(FIRST if start == s else PART)
                if k < e:
                    spans.append((k, k + 1))
                    marks.append(HYPHEN)
                start = k + 1
    return spans, marks

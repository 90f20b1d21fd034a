"""The changes the reading text makes to each block of a damaged text.

Sources, in order of precedence:

1. the rules of :mod:`.rules` (dashes, gaps, spaces lost between sentences, "née");
2. the names the names pass marked: each name that holds only text is one unit and
   reads as :class:`~.forms.NameForms` says ("Ramón Mercader");
3. every other word: its capitals from the truecaser (:mod:`edition.truecase`),
   its lost letters from the list of accented English words ("émigrés"), and three
   rules that need no model: the first word of a block and of a sentence whose space
   was lost is capitalised, the pronoun "i" is "I", a word derived from a register
   name is capitalised ("stalinist").

The result is a list of :class:`~edition.selection.Span` (``kind`` case, letters,
dash, space or gap; ``reading`` the new text); insertions have ``start == end``.
"""

from __future__ import annotations

import re
from itertools import accumulate
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from lxml import etree

from .. import T
from ..ner.tokenize import ABBREVIATIONS
from ..register import KIND_OF_NAME, Register
from ..selection import Span, cert_of_score, select
from ..spans import text_and_element_spans
from . import closed, rules
from .damage import capitalised
from .forms import LETTERS, NameForms
from .lists import accented_words, is_english


NAME_TAGS = {T + name: kind for name, kind in KIND_OF_NAME.items()}
#: a word: letters with inner apostrophes ("i'm", "o'brien")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: what may stand between a sentence end (or the start of the block) and its first word
OPENING = "\"'([\u201c\u2018"
CLOSING = "\"')]\u201d\u2019"
PRONOUN = re.compile(r"i(?:['\u2019](?:m|ll|ve|d))?$")
#: endings of words derived from names ("stalinist", "leninism", "marxian")
DERIVED = ("ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians")
#: cert of a name's capitals by the source of its form
NAME_CERT = {"register": "high", "resource": "high", "rule": "medium"}


@dataclass
class Reading:
    """What the regularisation of one document knows."""

    register: Register
    #: the text may have lost its non-ASCII letters (it has none)
    letters_lost: bool = True
    forms: NameForms = field(init=False)
    #: word -> :func:`_register_word` of it (the same in every block)
    register_words: dict[str, bool] = field(init=False, default_factory=dict, repr=False)
    #: the truecaser's results made beforehand (:mod:`edition.truecase.beside`): ``get(text)`` is
    #: what ``recase(text)`` returns, or None for a text it lacks (then recased here)
    truecased: object | None = None

    def __post_init__(self) -> None:
        self.forms = NameForms(self.register)


def block_words(block: etree._Element, reading: Reading):
    """(text, words, fixed spans, insertions) of one block: the words with their reading forms
    (names as units), before the document-level step of :mod:`.document`."""
    text, elements = text_and_element_spans(block)
    inserts = insertions(text)
    fixed = rules.range_dashes(text, elements) + rules.spaced_dashes(text) + closed.dotted(text)
    if reading.letters_lost:
        fixed += rules.birth_names(text)
    fixed = select(fixed)
    cased = _cased(text, inserts, reading.truecased)
    words = _name_units(text, elements, reading, cased)
    taken = [(s.start, s.end) for s in fixed] + [(w.start, w.end) for w in words]
    starts = {s.start for s in inserts if s.kind == "space"} | {_first_word(text)}
    dates = [(s, e) for el, s, e in elements if el.tag == rules.DATE]
    words += _words(text, cased, taken, starts, dates, reading)
    words.sort(key=lambda w: w.start)
    closed.in_context(text, words)
    return text, words, fixed, inserts


def finish(words: list[closed.Word], fixed: list[Span], inserts: list[Span]) -> list[Span]:
    """The changes as spans: the fixed ones, every word whose form differs, the insertions."""
    changed = [Span(w.start, w.end, w.kind if w.form.lower() != w.text.lower() else "case",
                    w.source or "reading", w.cert, reading=w.form) for w in words if w.form != w.text]
    return sorted(select(fixed + changed) + inserts, key=lambda s: (s.start, s.end))


def insertions(text: str) -> list[Span]:
    """What the rules insert into a block's *text*: gaps, spaces lost between sentences, dashes."""
    return rules.gaps(text) + rules.glued_sentences(text, ABBREVIATIONS) + rules.quote_dashes(text)


def repaired(text: str, inserts: list[Span]) -> tuple[str, list[int]]:
    """The text the truecaser reads: *text* with its lost spaces put back ("chaplain. in"), and
    where the inserted spaces are in it."""
    spaces = sorted(s.start for s in inserts if s.kind == "space")
    fixed = "".join(text[a:b] + " " for a, b in zip([0] + spaces, spaces)) + text[spaces[-1] if spaces else 0:]
    return fixed, [p + i for i, p in enumerate(spaces)]


def truecaser_text(text: str) -> str:
    """What the truecaser is asked about the block *text* (:func:`repaired` of it)."""
    return repaired(text, insertions(text))[0]


def _cased(text: str, inserts: list[Span], truecased=None) -> dict[int, tuple[int, str, float]]:
    """start -> (end, form, probability) of the truecaser's changes, which reads the
    :func:`repaired` text, mapped back to offsets of *text*; taken from *truecased* when it has
    them."""
    fixed, at = repaired(text, inserts)
    found = truecased.get(fixed) if truecased is not None else None
    if found is None:
        from ..truecase import recase
        found = recase(fixed)
    out = {}
    for start, end, form, prob in found:
        s, e = start - bisect_left(at, start), end - bisect_left(at, end)
        if text[s:e].lower() == form.lower():
            out[s] = (e, form, prob)
    return out


def _name_units(text: str, elements, reading: Reading, cased) -> list[closed.Word]:
    """The names that hold only text, each one word with its reading form."""
    inner = {id(el.getparent()) for el, _, _ in elements}
    out = []
    for el, start, end in elements:
        kind = NAME_TAGS.get(el.tag)
        if kind is None or id(el) in inner or start >= end:
            continue
        mention = text[start:end]
        ref = (el.get("ref") or "").split()
        entry = reading.register.get(ref[0]) if ref and ref[0].startswith("#") else None
        form = reading.forms.form(mention, kind, entry)
        new = _with_hints(form.text, form.source, start, cased)
        cert = min(NAME_CERT[form.source], el.get("cert") or "high", key=CERT_ORDER.index)
        out.append(closed.Word(start, end, mention, new, "letters", cert, "names", name=True))
    return out


CERT_ORDER = ("low", "medium", "high")


def _with_hints(form: str, source: str, start: int, cased) -> str:
    """A name form with what the truecaser knows better: a capital that opens a sentence
    ("De Gaulle said"), and, for a form made by the rule, acronyms ("USSR")."""
    hint = cased.get(start)
    if hint and hint[1][:1].isupper():
        form = capitalised(form)
    if source != "rule":
        return form
    out, pos = [], 0
    for m in LETTERS.finditer(form):
        h = cased.get(start + m.start())
        run = m.group()
        if h and len(h[1]) == len(run) > 1 and h[1].isupper():
            run = run.upper()
        out += [form[pos:m.start()], run]
        pos = m.end()
    return "".join(out) + form[pos:]


def _opens_sentence(text: str, s: int) -> bool:
    """Whether the word at *s* is the first of a sentence: only opening quotes or brackets
    between it and the start of the block, or white space after . ! ? (and closing quotes)."""
    i = s
    while i and text[i - 1] in OPENING:
        i -= 1
    if i == 0:
        return True
    if not text[i - 1].isspace():
        return False
    while i and text[i - 1].isspace():
        i -= 1
    while i and text[i - 1] in CLOSING:
        i -= 1
    return i > 0 and text[i - 1] in ".!?"


def _first_word(text: str) -> int | None:
    m = WORD.search(text)
    return m.start() if m and not re.search(r"[^\W_]", text[:m.start()]) else None


def _words(text: str, cased, taken, starts: set[int], dates, reading: Reading) -> list[closed.Word]:
    """The words outside names and fixed spans, with their reading forms."""
    accented = accented_words() if reading.letters_lost else {}
    covered = bytearray(len(text) + 1)
    for a, b in taken:
        covered[a:b] = b"\x01" * (b - a)
    dates = sorted(dates)
    date_starts = [a for a, _ in dates]
    reach = list(accumulate((b for _, b in dates), max))     # the furthest end of a date begun by then
    out = []
    for m in WORD.finditer(text):
        s, e, word = m.start(), m.end(), m.group()
        if covered.find(1, s, e) >= 0:
            continue
        base = accented.get(word, word)
        kind, cert = ("letters", "medium") if base != word else ("case", "high")
        i = bisect_right(date_starts, s)          # inside a date: one begun by s reaches e
        in_date = i > 0 and reach[i - 1] >= e
        (form, new_cert), source = _capitals(text, s, e, base, word, cased, starts, reading)
        if source == "" and (proper := closed.class_form(base, in_date)):
            form, source = proper, "rules"
        if new_cert is not None and kind == "case":
            cert = new_cert
        out.append(closed.Word(s, e, word, form, kind, cert, source, in_date=in_date,
                               sentence_start=s in starts or _opens_sentence(text, s)))
    return out


def _capitals(text, s, e, base, word, cased, starts, reading):
    """((form, cert or None), source) of one word: the truecaser's case, else the rules'."""
    hint = cased.get(s)
    if hint and hint[0] <= e:
        form, prob = hint[1], hint[2]
        cert = cert_of_score(prob)
        if hint[0] == e and form.lower() == base.lower():
            return (form, cert), "truecase"
        if form.isupper() and len(form) > 1:
            return (base.upper(), cert), "truecase"
        if form[:1].isupper():
            return (capitalised(base), cert), "truecase"
    if s in starts:
        return (capitalised(base), None), "rules"
    if PRONOUN.match(word) and text[s - 1:s] != "(" and text[e:e + 1] != ")":
        return ("I" + base[1:], None), "rules"
    if _register_word(word, reading):
        return (capitalised(base), "medium"), "rules"
    return (base, None), ""


def _stems(word: str) -> list[str]:
    """The word and what it may be derived from: "bolsheviks" "bolshevik", "siberian" "siberia",
    "stalinist" "stalin"."""
    stems = [word, word + "s"]
    if word.endswith("s"):
        stems.append(word[:-1])
    if word.endswith("an"):
        stems.append(word[:-1])
    stems += [word[:-len(end)] for end in DERIVED if word.endswith(end)]
    return [s for s in stems if len(s) >= 4]


def _register_word(word: str, reading: Reading) -> bool:
    """A word that is no English word and that the register's names write with a capital
    (itself, or the name it is derived from)."""
    found = reading.register_words.get(word)
    if found is None:
        found = not is_english(word) and any((known := reading.forms.word(stem)) and known[:1].isupper()
                                             for stem in _stems(word))
        reading.register_words[word] = found
    return found

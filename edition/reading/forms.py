"""The display form of a name in the reading text.

A name the names pass marked reads, in order of preference:

1. the register's form that the mention is a damaged copy of: "ramn mercader" is
   "Ramón Mercader" (the entry's main name or any other form, never a different
   name: "trotsky" stays "Trotsky", it does not become "Leon Trotsky");
2. word by word, a word of the entry's forms, of any register form, or of the
   general resources (place names, accented given names): "baikal lake" is
   "Baikal Lake", "coyoacn" is "Coyoacán";
3. a rule: every word capitalised except particles inside the name ("Ministry of
   Foreign Affairs", "Charles de Gaulle"), acronyms without a vowel upper case
   ("NKVD").

Only the letters' case and letters the text lost change; the words, their order,
spaces and punctuation of the mention stay as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import derived
from ..register import Entry, Register
from .damage import capitalised, damaged, key
from .lists import PARTICLES

#: a run of letters (the unit whose case and lost letters are restored)
LETTERS = re.compile(r"[^\W\d_]+")
VOWELS = frozenset("aeiouy")
#: register name types that are not display forms (the damaged spellings the text shows)
NOT_DISPLAY = frozenset({"damaged"})
#: preference among the register forms that match a mention
TYPE_RANK = {"main": 0, "variant": 1, "surname": 1, "forename": 1, "pseudonym": 2}


@dataclass(frozen=True)
class Form:
    text: str
    #: where it comes from: "register", "resource" or "rule"
    source: str


def _token_table(forms) -> dict[str, str]:
    """damaged letter run -> its most frequent written form, over *forms*."""
    counts: dict[str, Counter] = {}
    for form in forms:
        for run in LETTERS.findall(form):
            low = damaged(run)
            if low and run != run.lower():
                counts.setdefault(low, Counter())[run] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def _display_forms(entry: Entry) -> list[tuple[str, str]]:
    return [(t, f) for t, f in entry.names if t not in NOT_DISPLAY]


@lru_cache(maxsize=8)
def _register_tokens(register: Register) -> dict[str, str]:
    return _token_table(f for e in register.entries for _, f in _display_forms(e))


@derived.cached(dict, sources=("{package}", "edition.names", "edition.*"))
def _resource_tokens() -> dict[str, dict[str, str]]:
    """By kind: damaged letter run -> written form, from the general resources (derived once,
    kept on disk)."""
    from ..names.gazetteer import place_names
    from ..names.wordlists import ACCENTED_GIVEN_NAMES
    return {"place": _token_table(place_names()),
            "person": _token_table(capitalised(n) for n in ACCENTED_GIVEN_NAMES)}


def register_form(entry: Entry, mention: str) -> str | None:
    """The entry's form that *mention* is a damaged copy of, in the mention's spacing."""
    wanted = key(mention)
    matches = [(TYPE_RANK.get(t, 3), i, f) for i, (t, f) in enumerate(_display_forms(entry))
               if key(f) == wanted and f != f.lower()]
    if not matches:
        return None
    return _respaced(min(matches)[2], mention)


def _respaced(form: str, mention: str) -> str:
    """*form* with the white space of *mention* (they have the same words)."""
    words, spaces = form.split(), re.findall(r"\s+", mention.strip())
    lead = mention[:len(mention) - len(mention.lstrip())]
    trail = mention[len(mention.rstrip()):]
    out = [words[0]]
    for space, word in zip(spaces, words[1:]):
        out += [space, word]
    return lead + "".join(out) + trail


class NameForms:
    """The reading forms of the names of one document, with the register's tables built once."""

    def __init__(self, register: Register):
        self.register = register
        self._entry_tables: dict[str, dict[str, str]] = {}

    def _tables(self, entry: Entry | None) -> list[dict[str, str]]:
        tables = []
        if entry is not None:
            if entry.id not in self._entry_tables:
                self._entry_tables[entry.id] = _token_table(f for _, f in _display_forms(entry))
            tables.append(self._entry_tables[entry.id])
        tables.append(_register_tokens(self.register))
        return tables

    def form(self, mention: str, kind: str, entry: Entry | None) -> Form:
        """The reading form of a mention of a name of *kind* ("person", "place", "org")."""
        if entry is not None:
            whole = register_form(entry, mention)
            if whole is not None:
                return Form(whole, "register")
        return self.word_forms(mention, kind, entry)

    def word_forms(self, mention: str, kind: str, entry: Entry | None) -> Form:
        """The mention with every letter run restored from the tables, or by the rule."""
        tables = self._tables(entry)
        general = _resource_tokens().get(kind)
        used: set[str] = set()
        out, pos, first = [], 0, True
        for m in LETTERS.finditer(mention):
            run = m.group()
            form = None if not first and run in PARTICLES else next((t[run] for t in tables if run in t), None)
            if form is not None:
                used.add("register")
            elif general and run in general:
                form = general[run]
                used.add("resource")
            else:
                form = _by_rule(run, first, mention[max(0, m.start() - 1):m.start()])
                used.add("rule")
            out += [mention[pos:m.start()], form]
            pos, first = m.end(), False
        out.append(mention[pos:])
        source = next((s for s in ("rule", "resource") if s in used), "register")
        return Form("".join(out), source)

    def word(self, word: str) -> str | None:
        """The written form of a word the register's names use ("trotsky" -> "Trotsky"), or None."""
        return _register_tokens(self.register).get(word)


def _by_rule(run: str, first: bool, before: str) -> str:
    if before in ("'", "\u2019") and len(run) == 1:        # a clitic: "o'brien" keeps "'s" lower
        return run
    if not first and run in PARTICLES:
        return run
    if len(run) >= 2 and not VOWELS & set(run):
        return run.upper()
    return capitalised(run)

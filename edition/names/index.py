"""The name index: every form a name may take in a text -> what it may refer to.

Built from the register: every name form of every entry, lowercased, plus the
forms a text may show when it has lost its diacritics (see :mod:`.forms`).
General resources (:mod:`.gazetteer`) can add forms that point to no entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import T
from ..register import NAME_OF_KIND
from . import forms
from .wordlists import COMMON_WORDS, DEMONYMS, GIVEN_NAMES, STOPWORDS, TITLES

#: words a form from a general resource must not be (after losing its diacritics, "Thiès" reads "this")
NOT_A_PLACE = COMMON_WORDS | DEMONYMS | GIVEN_NAMES | STOPWORDS | TITLES

#: name types whose single-word forms are shared by many people and need context
PARTIAL_TYPES = {"surname", "forename"}


@dataclass(frozen=True)
class Sense:
    """One thing a form may refer to."""
    kind: str                  # person | place | org
    entry: str | None          # register id, or None for a form from a general resource
    name_type: str             # main | birth | pseudonym | variant | surname | forename | damaged | ...
    source: str = "register"   # register | gazetteer | pattern

    @property
    def element(self) -> str:
        return NAME_OF_KIND[self.kind]


@dataclass
class NameIndex:
    senses: dict[str, list[Sense]] = field(default_factory=dict)
    #: register id -> every form of the entry (lowercase, all variants)
    entry_forms: dict[str, set[str]] = field(default_factory=dict)
    #: register id -> kind
    entry_kind: dict[str, str] = field(default_factory=dict)
    #: register id -> (first year, last year or None) when the register dates the entry
    entry_period: dict[str, tuple[int, int | None]] = field(default_factory=dict)

    def add(self, form: str, sense: Sense) -> None:
        plain = forms.lower(form)
        for v in forms.variants(form):
            if v in DEMONYMS or (v != plain and v in STOPWORDS):
                continue
            bucket = self.senses.setdefault(v, [])
            if sense not in bucket:
                bucket.append(sense)
            if sense.entry:
                self.entry_forms.setdefault(sense.entry, set()).add(v)

    def add_if_new(self, form: str, sense: Sense) -> None:
        """Add a form from a general resource unless the register already knows it."""
        for v in forms.variants(form):
            if v not in self.senses and v not in NOT_A_PLACE:
                self.senses[v] = [sense]

    def lookup(self, form: str) -> list[Sense]:
        return self.senses.get(form, [])

    def full_forms(self, entry: str) -> set[str]:
        """The forms of an entry with more than one word (their presence confirms short forms)."""
        return {f for f in self.entry_forms.get(entry, ()) if " " in f or "-" in f}

    def is_common_word(self, form: str) -> bool:
        return form in COMMON_WORDS

    def __contains__(self, form: str) -> bool:
        return form in self.senses

    def __len__(self) -> int:
        return len(self.senses)


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def period_of(element) -> tuple[int, int | None] | None:
    """The years an entry existed, as the register dates it in its notes: the first
    ``<date from="1908-10" to="1912-04">`` (or ``when``) of a ``note`` of the entry."""
    for date in element.iterfind(f"{T}note//{T}date"):
        start = _year(date.get("from") or date.get("when"))
        if start is not None:
            return start, _year(date.get("to") or (None if date.get("from") else date.get("when")))
    return None


def from_register(register) -> NameIndex:
    """Every name form of every register entry, with its derived forms."""
    index = NameIndex()
    for entry in register.entries:
        index.entry_kind[entry.id] = entry.kind
        period = period_of(entry.element)
        if period is not None:
            index.entry_period[entry.id] = period
        for name_type, form in entry.names:
            index.add(form, Sense(entry.kind, entry.id, name_type))
    return index

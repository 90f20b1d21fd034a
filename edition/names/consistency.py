"""The document-level steps after the selection: one document, one reading.

Each step takes the document and the names found so far and returns the names
found after it; :data:`DOCUMENT_STEPS` lists them in the order they run.

* ``acronyms``: "the workers' educational association (wea)": the acronym after a
  name whose initials it spells names the same thing;
* ``recurring names``: a name a rule found ("mrs. hofland", the pen name "boz", the
  place of "tver governorate"), or a person or organization the model is sure of, is
  the same name wherever its form recurs in the document (only forms that stand for
  themselves: a surname of four letters or more that is no given name; a surname
  that is also an English word only where the context says "person"; no form the
  document reads two ways; in a text with capitals, only where the form has them);
* ``surnames are persons``: a town that is also the surname of a person of the
  document ("eliza jordan" ... "jordan") is the person, not the town.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..selection import RangeIndex, Span, select
from . import context, cues, places
from .match import Matcher
from .model_source import SOURCE as MODEL_SOURCE
from .english import is_english_word
from .patterns import looks_like_name
from .resolve import edges
from .wordlists import GIVEN_NAMES, SURNAME_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from .document import Block, DocumentNames

#: a surname found by a pattern is tagged alone elsewhere only from this length on
MIN_SURNAME = 4
#: the source name of the spans these steps add
CONSISTENCY = "consistency"
#: the kinds of the model's names that recur (its places do not: "will", "reading", ...)
MODEL_PROPAGATED = ("person", "org")


def acronyms(doc: DocumentNames, found: list[Span]) -> list[Span]:
    """The acronyms defined in parentheses after the names found (not over another name)."""
    out = []
    for f in found:
        if f.kind == "person":
            continue
        b = doc.blocks[f.block]
        hit = cues.acronym_after(b.low, f.start, f.end)
        if hit and not b.guard.overlaps(*hit):
            out.append(replace(f, start=hit[0], end=hit[1], cert="low", source="acronym",
                               text=b.text[hit[0]:hit[1]]))
    return found + [a for a in out if not any(f.block == a.block and f.overlaps(a.start, a.end)
                                              for f in found)]


def _model_name(f: Span, form: str) -> bool:
    """A person or organization the model found, that is no single English word ("board")."""
    return (f.source == MODEL_SOURCE and f.kind in MODEL_PROPAGATED and f.cert == "high"
            and (" " in form or not is_english_word(form)))


def _recurring_forms(doc: DocumentNames, found: list[Span]) -> tuple[dict[str, str], set[str]]:
    """Form -> kind of every name a rule found that stands for itself elsewhere too, and the
    surnames among them that are also English words (they need a person's context)."""
    forms: dict[str, str] = {}
    cued_surnames: set[str] = set()
    for f in found:
        if f.entry:
            continue
        form = f.text.lower()
        if f.source in ("title", "given-name") or _model_name(f, form):
            forms.setdefault(form, f.kind)
            last = form.split()[-1]
            if " " in form and looks_like_name(last) and len(last) >= MIN_SURNAME \
                    and last not in GIVEN_NAMES and last not in doc.index:
                forms.setdefault(last, f.kind)
            elif " " in form and last in SURNAME_WORDS and f.kind == "person":
                cued_surnames.add(last)
                forms.setdefault(last, f.kind)
        elif f.source in cues.PROPAGATED or f.source in ("acronym", "speaker"):
            forms.setdefault(form, f.kind)
        elif f.source in places.PROPAGATED:
            word = places.propagated_form(form, Span(0, len(form), f.kind, f.source))
            if word and len(word) >= MIN_SURNAME:
                forms.setdefault(word, f.kind)
    # a form the document reads two ways ("Coron" a person here, a place there) recurs as neither
    kinds: dict[str, set[str]] = {}
    for f in found:
        kinds.setdefault(f.text.lower(), set()).add(f.kind)
    forms = {form: kind for form, kind in forms.items() if kinds.get(form, {kind}) == {kind}}
    return forms, cued_surnames


def recurring_names(doc: DocumentNames, found: list[Span]) -> list[Span]:
    """Every other occurrence of a name a rule found, where nothing else stands."""
    forms, cued_surnames = _recurring_forms(doc, found)
    if not forms:
        return found
    matcher = Matcher(forms)
    taken: dict[int, list[tuple[int, int]]] = {}
    for f in found:
        taken.setdefault(f.block, []).append((f.start, f.end))
    extra = []
    cased = doc.cased
    for n, b in enumerate(doc.blocks):
        busy = RangeIndex(taken.get(n, []) + [(p[0], p[1]) for p in b.protected]
                          + [(s.start, s.end) for s in b.spans])
        hits = select(Span(m.start, m.end, forms[m.form], CONSISTENCY, data=m.form)
                      for m in matcher.all_matches(b.low))
        for m in hits:
            if m.kind == "person" and (context.thing_after_person(b.tokens, m.start, m.end) is not None
                                       or context.thing_before_person(b.tokens, m.start, doc.things_before_person)):
                continue
            if m.data in cued_surnames and not _cued(b, m, taken.get(n, [])):
                continue
            if cased and not b.text[m.start].isupper():   # a text with capitals writes its names so
                continue
            if not busy.overlaps(m.start, m.end):
                extra.append(replace(m, block=n, text=b.text[m.start:m.end]))
    return found + extra


def _cued(b: Block, m: Span, spans_: list[tuple[int, int]]) -> bool:
    """A surname that is also a common word ("north") is a name only where the context says so."""
    if context.blocked_by_word_before(b.tokens, m.start, m.end):
        return False
    return context.supports_person(b.tokens, m.start, m.end, *edges(b, spans_))


def surnames_are_persons(doc: DocumentNames, found: list[Span]) -> list[Span]:
    """A town that is also the surname of a person in the text is the person."""
    surnames = {f.text.lower().split()[-1] for f in found
                if f.kind == "person" and " " in f.text.strip()}
    return [replace(f, kind="person", entry=None, cert="low", source=CONSISTENCY, resp=None, score=None)
            if f.kind == "place" and not f.entry and f.text.lower() in surnames else f
            for f in found]


#: the steps after the selection, in the order they run: (name, step(doc, found) -> found)
DOCUMENT_STEPS = (
    ("acronyms", acronyms),
    ("recurring names", recurring_names),
    ("surnames are persons", surnames_are_persons),
)

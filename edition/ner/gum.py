"""GUM (Georgetown University Multilayer corpus) as NER sentences: named mentions and dates.

Read from ``dep/*.conllu``, which carries for every word the gold PTB tag (XPOS), the
dependency tree, the entity mentions (``Entity=`` in MISC, CorefUD bracket notation with
the entity type second: ``(12-person-new-...``) and GUM's inline XML (``XML=<date when...>``).

GUM annotates every mention (pronouns and common nouns too), so a mention counts as a *name*
when its syntactic head is a proper noun -- NNP, or NNPS for places and organizations -- and it
is trimmed to the proper-noun run around that head (see ``proper_run`` for what may join it:
hyphens, an ``of``/``for``/``&`` before proper nouns that depend on the run, a possessive that is
no mention itself), never across the mention's edge. A mention with a common-noun head is named
by a proper noun in apposition to it (``the poet Byron``) or, for places, by its ``of``-complement
(``the city of Lima`` gives ``Lima``), unless an inner mention covers that word (and so names it
with its own type). Overlapping names keep the longest; dates (``<date>``, outermost) never
override a name.

The official split comes from ``splits.md``; ``test2`` (GENTLE, out of domain) is left out,
and so are documents whose words are masked with underscores (reddit, text not distributed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from edition.errors import EditionError
from edition.ner.bio import record, spans_to_tags

LABELS = {"person": "PER", "place": "LOC", "organization": "ORG"}
HEAD_TAGS = {"PER": {"NNP"}, "LOC": {"NNP", "NNPS"}, "ORG": {"NNP", "NNPS"}}
PROPER = {"NNP", "NNPS"}
JOINERS = {"of", "for", "&"}
SPLITS = ("train", "dev", "test")
_ENTITY = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")
_XML_TAG = re.compile(r"<(/?)([A-Za-z]+)")
_MASK = re.compile(r"_+")


@dataclass
class Word:
    form: str
    xpos: str
    head: int  # index of the head word in the sentence, -1 for the root
    deprel: str
    space: bool = True
    entity: str = ""
    xml: str = ""


@dataclass
class Document:
    name: str
    genre: str
    sentences: list[list[Word]] = field(default_factory=list)
    mentions: list[tuple[int, int, int, str]] = field(default_factory=list)  # sent, start, end, etype
    dates: list[tuple[int, int, int]] = field(default_factory=list)  # sent, start, end


def _misc(value: str) -> dict[str, str]:
    out = {}
    for item in value.split("|"):
        key, _, val = item.partition("=")
        out[key] = val
    return out


def read_conllu(path: Path) -> Document:
    """The words, sentences, genre and document name of one GUM ``.conllu`` file."""
    doc = Document(path.stem, "")
    words: list[Word] = []
    range_end, range_space = 0, True
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# newdoc id = "):
            doc.name = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::genre = "):
            doc.genre = line.split("=", 1)[1].strip()
        elif not line.strip():
            if words:
                doc.sentences.append(words)
            words, range_end = [], 0
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) != 10:
                raise EditionError("expected 10 tab-separated columns", str(path), number)
            if "." in cols[0]:
                continue  # empty node (ellipsis)
            misc = _misc(cols[9])
            if "-" in cols[0]:  # multiword token: its words have no spaces inside
                range_end = int(cols[0].split("-")[1]) if cols[0].split("-")[1].isdigit() else 0
                range_space = misc.get("SpaceAfter") != "No"
                continue
            if not (cols[0].isdigit() and cols[6].isdigit()):
                raise EditionError("expected numbers in ID and HEAD", str(path), number)
            ident = int(cols[0])
            inside = ident <= range_end
            space = (range_space if ident == range_end else False) if inside \
                else misc.get("SpaceAfter") != "No"
            words.append(Word(cols[1], cols[4], int(cols[6]) - 1, cols[7], space,
                              misc.get("Entity", ""), misc.get("XML", "")))
    if words:
        doc.sentences.append(words)
    _collect_markup(doc)
    return doc


def _collect_markup(doc: Document) -> None:
    """Entity mentions and outermost ``<date>`` spans, by sentence and word index."""
    opened: dict[str, list[tuple[int, int, str]]] = {}
    dates: list[tuple[int, int]] = []
    for s, words in enumerate(doc.sentences):
        for i, word in enumerate(words):
            for m in _ENTITY.finditer(word.entity):
                if m.group(1):
                    etype = m.group(2).split("-", 1)[0]
                    if m.group(3):
                        doc.mentions.append((s, i, i + 1, etype))
                    else:
                        opened.setdefault(m.group(1), []).append((s, i, etype))
                elif opened.get(m.group(4)):
                    s0, i0, etype = opened[m.group(4)].pop()
                    if s0 == s:  # mentions never cross sentences; ignore any that would
                        doc.mentions.append((s, i0, i + 1, etype))
            for m in _XML_TAG.finditer(word.xml):
                if m.group(2) != "date":
                    continue
                if not m.group(1):
                    dates.append((s, i))
                elif dates:
                    s0, i0 = dates.pop()
                    if not dates and s0 == s:
                        doc.dates.append((s, i0, i + 1))


def _head(words: list[Word], start: int, end: int) -> int:
    """The word of ``start:end`` whose head lies outside it (the first such, punctuation last)."""
    outside = [i for i in range(start, end) if not start <= words[i].head < end]
    for i in outside:
        if words[i].deprel != "punct":
            return i
    return outside[0] if outside else start


def _hyphen(words: list[Word], i: int) -> bool:
    """Whether word ``i`` is a hyphen written without spaces (``Harley-Davidson``)."""
    return words[i].form in ("-", "\u2013") and not words[i - 1].space and not words[i].space


def proper_run(words: list[Word], core: int, start: int, end: int, label: str = "LOC",
               others: frozenset[int] | set[int] = frozenset()) -> tuple[int, int]:
    """The proper nouns around ``core`` within ``start:end``: adjacent ones, across a hyphen,
    a possessive that is no mention of its own (``New People's Party``), or ``of``/``for``/``&``
    (``the``) before proper nouns that depend on the run (``Bank of England``); for persons
    not before another mention's head (``Nathan Law of Demosisto``). ``others`` are the words
    that head other mentions."""
    left, right = core, core + 1
    while True:
        if left > start and words[left - 1].xpos in PROPER:
            left -= 1
        elif right < end and words[right].xpos in PROPER:
            right += 1
        elif left - 2 >= start and words[left - 2].xpos in PROPER and (
                _hyphen(words, left - 1) or (words[left - 1].xpos == "POS" and left - 2 not in others
                                             and left <= words[left - 2].head < right)):
            left -= 2
        elif right + 1 < end and _hyphen(words, right) and words[right + 1].xpos in PROPER:
            right += 2
        else:
            k = right
            while k < end and k - right < 2 and (words[k].form.lower() in JOINERS or (
                    k > right and words[k].form.lower() == "the")):
                k += 1
            if k == right or k >= end or words[k].xpos not in PROPER \
                    or not left <= words[k].head < right or (label == "PER" and k in others):
                return left, right
            right = k


def _cores(words: list[Word], start: int, end: int, label: str,
           covered: set[int] = frozenset()) -> list[int]:
    """The proper nouns a mention of ``label`` is named by: its head if a proper noun, else a
    proper noun in apposition (or for places, an ``of``-complement) that no inner mention covers."""
    head = _head(words, start, end)
    if words[head].xpos in HEAD_TAGS[label]:
        return [head]
    if words[head].xpos in PROPER or words[head].xpos.startswith("PRP"):
        return []  # a plural proper noun for a person, a pronoun
    cores = []
    for i in range(start, end):
        word = words[i]
        if word.head != head or word.xpos not in HEAD_TAGS[label] or i in covered:
            continue
        if word.deprel == "appos" or (label == "LOC" and word.deprel.startswith("nmod") and any(
                w.head == i and w.deprel == "case" and w.form.lower() == "of" for w in words[start:end])):
            cores.append(i)
    return cores


def sentence_spans(doc: Document, s: int) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, label)`` names and dates of sentence ``s``."""
    words = doc.sentences[s]
    mentions = [(a, b, etype) for ms, a, b, etype in doc.mentions if ms == s]
    heads = {(a, b): _head(words, a, b) for a, b, _ in mentions}
    candidates = set()
    for start, end, etype in mentions:
        label = LABELS.get(etype)
        if not label:
            continue
        others = {h for span, h in heads.items() if span != (start, end)}
        covered = {i for a, b, _ in mentions if start <= a and b <= end and (a, b) != (start, end)
                   for i in range(a, b)}
        for core in _cores(words, start, end, label, covered):
            candidates.add((*proper_run(words, core, start, end, label, others), label))
    chosen: list[tuple[int, int, str]] = []
    order = sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2]))
    order += [(a, b, "DATE") for ds, a, b in doc.dates if ds == s]
    for start, end, label in order:
        if all(end <= a or start >= b for a, b, _ in chosen):
            chosen.append((start, end, label))
    return sorted(chosen)


def masked(doc: Document) -> bool:
    """Whether the document's words are underscores (text withheld, as for GUM's reddit)."""
    forms = [w.form for words in doc.sentences for w in words]
    return sum(bool(_MASK.fullmatch(f)) for f in forms) > len(forms) / 2


def read_splits(path: Path) -> dict[str, str]:
    """Document name -> split, from GUM's ``splits.md`` (``## dev`` headings, ``* NAME`` items)."""
    split, out = None, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif line.strip().startswith("* ") and split:
            out[line.strip()[2:].strip()] = split
    return out


def read_gum(root: Path, dates: bool = True) -> tuple[list[dict], dict]:
    """Sentence records of GUM's train, dev and test documents, and what was read and skipped."""
    splits = read_splits(root / "splits.md")
    records, used, skipped = [], [], {}
    for path in sorted((root / "dep").glob("*.conllu")):
        split = splits.get(path.stem)
        if split not in SPLITS:
            skipped[path.stem] = f"split {split or 'not listed'}"
            continue
        doc = read_conllu(path)
        if masked(doc):
            skipped[path.stem] = "text masked with underscores"
            continue
        used.append(f"dep/{path.name}")
        for s, words in enumerate(doc.sentences):
            spans = [sp for sp in sentence_spans(doc, s) if dates or sp[2] != "DATE"]
            records.append(record("gum", doc.name, doc.genre, split, [w.form for w in words],
                                  [w.space for w in words], spans_to_tags(len(words), spans)))
    return records, {"files": ["splits.md", *used], "skipped": skipped}


#: LICENSE.txt headings -> GUM genre codes; genres the file does not list come from GUM's site
_LICENCE_HEADINGS = {"academic": ["academic"], "biographies": ["bio"], "court": ["court"],
                     "essays": ["essay"], "fiction": ["fiction"], "letters": ["letter"],
                     "podcasts": ["podcast"], "wikihow": ["whow"], "wikivoyage": ["voyage"],
                     "wikinews/interviews": ["news", "interview"], "reddit": ["reddit"]}
_SITE_LICENCES = {
    "conversation": "CC BY (Santa Barbara Corpus; per gucorpling.org GUM licence page, not LICENSE.txt)",
    "textbook": "CC BY 4.0 (OpenStax; per gucorpling.org GUM licence page, not LICENSE.txt)",
    "vlog": "CC BY (YouTube Creative Commons; per gucorpling.org GUM licence page, not LICENSE.txt)",
    "speech": "public domain or unspecified (government/UN sites; per gucorpling.org, not LICENSE.txt)",
}


def genre_licences(root: Path) -> dict[str, str]:
    """Genre code -> licence of the texts, read from GUM's ``LICENSE.txt``."""
    out = dict(_SITE_LICENCES)
    for line in (root / "LICENSE.txt").read_text(encoding="utf-8").splitlines():
        heading, sep, rest = line.partition(":")
        if sep and heading.strip().lower() in _LICENCE_HEADINGS:
            for genre in _LICENCE_HEADINGS[heading.strip().lower()]:
                out[genre] = " ".join(rest.split())
    out["annotations"] = "CC BY 4.0 (LICENSE.txt: all annotations)"
    return out

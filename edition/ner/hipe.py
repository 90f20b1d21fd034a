"""HIPE-2022 English files (topres19th, hipe2020, ajmc) as NER sentences.

The HIPE TSV has one token a line: ``TOKEN``, ``NE-COARSE-LIT`` (IOB with the dataset's types)
and further columns up to ``MISC``, whose ``|``-separated flags say ``NoSpaceAfter``,
``EndOfLine`` and ``EndOfSentence``. Documents begin with ``# hipe2022:document_id = ...``.

Sentences end at ``EndOfSentence`` or at a document's end. A word broken at a line end is
written ``ar`` ``¬`` (``EndOfLine``) ``guments``: the three become one token ``arguments``
taking the first non-O tag of its parts (only the ``¬`` sign is taken as a soft hyphen; a plain
``-`` at a line end may be a real hyphen and stays). Types are mapped per dataset; topres19th
marks places only, so there a capitalised token outside a place is ``?`` (label unknown).
Only train and dev files are read: a path naming a test file is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition.errors import EditionError
from edition.ner.bio import OUTSIDE, UNKNOWN, record, repair

VERSION = "v2.1"
#: dataset -> {HIPE coarse type -> label}; types not listed become O
TYPES = {
    "topres19th": {"LOC": "LOC", "BUILDING": "LOC", "STREET": "LOC"},
    "hipe2020": {"pers": "PER", "loc": "LOC", "org": "ORG", "time": "DATE"},
    "ajmc": {"pers": "PER", "loc": "LOC", "date": "DATE"},
}
#: dataset -> the entity labels it annotates (others are missing labels, not "no entity")
ANNOTATES = {"topres19th": {"LOC"}, "hipe2020": {"PER", "LOC", "ORG", "DATE"},
             "ajmc": {"PER", "LOC", "DATE"}}
#: (dataset, HIPE split) files, and the split each goes to in our output
FILES = {
    ("topres19th", "train"): "train", ("topres19th", "dev"): "dev",
    ("hipe2020", "dev"): "train",  # hipe2020 English has no train file
    ("ajmc", "train"): "train", ("ajmc", "dev"): "dev",
}
SOFT_HYPHEN = "\u00ac"
_TEST = re.compile(r"test", re.IGNORECASE)


@dataclass
class Token:
    form: str
    tag: str  # IOB tag with HIPE's coarse type, e.g. B-pers
    flags: frozenset[str]
    line: int


def path_of(root: Path, dataset: str, split: str) -> Path:
    """Where HIPE-2022 keeps a dataset's English file of a split."""
    return root / "data" / VERSION / dataset / "en" / f"HIPE-2022-{VERSION}-{dataset}-{split}-en.tsv"


def read_tsv(path: Path) -> list[tuple[str, list[Token]]]:
    """``(document id, tokens)`` for each document of a HIPE TSV file (never a test file)."""
    if _TEST.search(path.name):
        raise EditionError("refusing to read a test file", str(path))
    docs: list[tuple[str, list[Token]]] = []
    columns = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "hipe2022:document_id":
                docs.append((value.strip(), []))
            continue
        cols = line.split("\t")
        if columns is None:
            columns = {name: i for i, name in enumerate(cols)}
            if "TOKEN" not in columns or "NE-COARSE-LIT" not in columns or "MISC" not in columns:
                raise EditionError("expected a header with TOKEN, NE-COARSE-LIT, MISC", str(path), number)
            continue
        if len(cols) != len(columns):
            raise EditionError(f"expected {len(columns)} tab-separated columns", str(path), number)
        if not docs:
            raise EditionError("token before any hipe2022:document_id", str(path), number)
        flags = frozenset(cols[columns["MISC"]].split("|"))
        docs[-1][1].append(Token(cols[columns["TOKEN"]], cols[columns["NE-COARSE-LIT"]], flags, number))
    return docs


def _label(tag: str, dataset: str) -> str:
    """Our BIO tag for a HIPE coarse IOB tag (``B-pers`` -> ``B-PER``)."""
    if tag[:2] not in ("B-", "I-"):
        return OUTSIDE
    label = TYPES[dataset].get(tag[2:])
    return f"{tag[:2]}{label}" if label else OUTSIDE


def dehyphenate(tokens: list[Token]) -> list[Token]:
    """Join ``part ¬ part`` at a line end into one token; its flags are the last part's."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok.form == SOFT_HYPHEN and "EndOfLine" in tok.flags and out and i + 1 < len(tokens)
                and "NoSpaceAfter" in out[-1].flags):
            first, second = out.pop(), tokens[i + 1]
            tag = first.tag if first.tag[:2] in ("B-", "I-") else second.tag
            flags = second.flags | ({"EndOfSentence"} & (first.flags | tok.flags))
            out.append(Token(first.form + second.form, tag, flags, first.line))
            i += 2
        else:
            out.append(tok)
            i += 1
    return out


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """The tokens split at ``EndOfSentence`` flags (and at the end), but never inside an entity
    (hipe2020's automatic splitting breaks ``Mr. | John Smith`` when the title is in the name)."""
    out, current = [], []
    for i, tok in enumerate(tokens):
        current.append(tok)
        if "EndOfSentence" in tok.flags and not (i + 1 < len(tokens) and tokens[i + 1].tag.startswith("I-")):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def sentence_tags(tokens: list[Token], dataset: str) -> list[str]:
    """BIO tags of a sentence; in a dataset that marks places only, capitalised others are ``?``."""
    tags = [_label(t.tag, dataset) for t in tokens]
    if ANNOTATES[dataset] == {"LOC"}:
        tags = [UNKNOWN if tag == OUTSIDE and tok.form[:1].isupper() else tag
                for tok, tag in zip(tokens, tags)]
    return repair(tags)


def read_file(path: Path, dataset: str, split: str) -> list[dict]:
    """Sentence records of one HIPE file, for our ``split``."""
    records = []
    for doc, tokens in read_tsv(path):
        for sent in sentences(dehyphenate(tokens)):
            records.append(record(f"hipe-{dataset}", doc, dataset, split, [t.form for t in sent],
                                  ["NoSpaceAfter" not in t.flags for t in sent],
                                  sentence_tags(sent, dataset)))
    return records


def read_hipe(root: Path, dates: bool = True) -> tuple[list[dict], dict]:
    """Records of the English train and dev files (see ``FILES``), and the files read."""
    records, used = [], []
    for (dataset, hipe_split), split in FILES.items():
        path = path_of(root, dataset, hipe_split)
        got = read_file(path, dataset, split)
        if not dates:
            for r in got:
                r["tags"] = repair([OUTSIDE if t.endswith("DATE") else t for t in r["tags"]])
        records += got
        used.append(str(path.relative_to(root)))
    return records, {"files": used}


LICENCES = {  # from HIPE-2022's README.md and documentation/README-<dataset>.md
    "topres19th": "CC BY-NC-SA 4.0",
    "hipe2020": "CC BY-NC-SA 4.0",
    "ajmc": "CC BY 4.0",
}

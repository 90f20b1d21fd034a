"""Silver training sentences from an edition's own annotated TEI (names linked to its register).

``python -m edition.ner.silver FILE.xml... --out DIR/silver-train.jsonl`` writes the
sentences of each text with the persons, places and organizations its markup
names, in the format of :mod:`edition.ner.corpora`. Only names that point to a
register entry count as labels (reviewed knowledge); other name markup makes its
tokens unknown ("?").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lxml import etree

from .. import spans, xmlio
from .bio import record, repair
from .features import SENTENCE_END
from .tokenize import tokenize

LABEL_OF_ELEMENT = {"persName": "PER", "placeName": "LOC", "orgName": "ORG"}


def block_sentences(block: etree._Element, corpus: str, doc: str) -> list[dict]:
    text = spans.text_of(block)
    toks = tokenize(text)
    tags = ["O"] * len(toks)
    for el, s, e in spans.element_spans(block):
        label = LABEL_OF_ELEMENT.get(etree.QName(el).localname)
        if label is None:
            continue
        inside = [i for i, (a, b) in enumerate(toks) if a < e and s < b]
        for n, i in enumerate(inside):
            if not el.get("ref"):
                tags[i] = "?"
            elif tags[i] == "O":
                tags[i] = ("B-" if n == 0 else "I-") + label
    out, start = [], 0
    words = [text[a:b] for a, b in toks]
    for i, w in enumerate(words):
        if w in SENTENCE_END or i == len(words) - 1:
            spaces = [toks[k][1] < (toks[k + 1][0] if k + 1 < len(toks) else len(text)) for k in range(start, i + 1)]
            out.append(record(corpus, doc, "edition", "train", words[start:i + 1], spaces,
                              repair(tags[start:i + 1])))
            start = i + 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    rows = []
    for f in args.files:
        root = xmlio.parse_xml(f).getroot()
        for b in spans.blocks(root):
            rows.extend(block_sentences(b, "silver-" + f.stem, f.stem))
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"silver: {len(rows)} sentences -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
